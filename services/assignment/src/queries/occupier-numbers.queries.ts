import type { MikroORM } from '@mikro-orm/postgresql';
import { notFound } from '@tnp/kernel';
import type { OccupierNumberView } from '@tnp/assignment-contracts';
import { ASSIGNMENT_SCHEMA } from '../read-model/read-model.entities';

type Row = {
  number: string;
  site_id: string;
  ext: string | null;
  status: OccupierNumberView['status'];
  is_main: boolean;
  user_id: string | null;
  display_first: string | null;
  display_second: string | null;
  routing_type: string;
  destination_id: string | null;
  extension_id: string | null;
  forward_to: string | null;
  first_name: string | null;
  last_name: string | null;
  destination_name: string | null;
  routed_user_first: string | null;
  routed_user_last: string | null;
};

const SELECT = `
  SELECT n.number, n.site_id, n.ext, n.status, n.is_main, n.user_id, n.display_first, n.display_second,
         n.routing_type, n.destination_id, n.extension_id, n.forward_to, u.first_name, u.last_name, d.name AS destination_name,
         ru.first_name AS routed_user_first, ru.last_name AS routed_user_last
    FROM ${ASSIGNMENT_SCHEMA}.occupier_numbers n
    LEFT JOIN ${ASSIGNMENT_SCHEMA}.users u ON u.key = n.tenant || '/' || n.user_id
    LEFT JOIN ${ASSIGNMENT_SCHEMA}.destinations d ON n.routing_type IN ('route', 'managed-route', 'conference-room') AND d.key = n.tenant || '/' || n.destination_id
    LEFT JOIN ${ASSIGNMENT_SCHEMA}.users ru ON n.routing_type = 'user' AND ru.key = n.tenant || '/' || n.destination_id`;

/** The occupier's portal list: what each number is, who it is for, and where it rings. */
export class OccupierNumbersQueries {
  constructor(private readonly orm: MikroORM) {}

  async list(input: {
    occupierId: string;
    siteId?: string | undefined;
    search?: string | undefined;
    userId?: string | undefined;
  }): Promise<{ items: OccupierNumberView[] }> {
    const where = ['n.tenant = ?'];
    const params: unknown[] = [input.occupierId];
    if (input.userId) {
      where.push('n.user_id = ?');
      params.push(input.userId);
    }
    if (input.siteId) {
      where.push('n.site_id = ?');
      params.push(input.siteId);
    }
    if (input.search) {
      const like = `%${input.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      where.push(
        `(n.number LIKE ? OR lower(coalesce(nullif(trim(coalesce(n.display_first, '') || ' ' || coalesce(n.display_second, '')), ''), u.first_name || ' ' || u.last_name, '')) LIKE ?)`,
      );
      params.push(like, like);
    }
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY n.site_id, n.number LIMIT 5000`, params);
    return { items: rows.map(toView) };
  }

  async get(number: string): Promise<OccupierNumberView & { tenant: string }> {
    const rows = await this.orm.em
      .fork()
      .execute<(Row & { tenant: string })[]>(`${SELECT.replace('SELECT n.number', 'SELECT n.tenant, n.number')} WHERE n.number = ?`, [
        number,
      ]);
    const row = rows[0];
    if (!row) throw notFound(`${number} has no routing here`);
    return { ...toView(row), tenant: row.tenant };
  }
}

const toView = (row: Row): OccupierNumberView => {
  const display = row.display_first ? `${row.display_first} ${row.display_second ?? ''}`.trim() : null;
  return {
    number: row.number,
    siteId: row.site_id,
    ext: row.ext,
    status: row.status,
    isMain: row.is_main,
    assignedTo: row.is_main
      ? { type: 'main-number' }
      : row.user_id && row.first_name
        ? { type: 'user', userId: row.user_id, name: display ?? `${row.first_name} ${row.last_name ?? ''}`.trim() }
        : display
          ? { type: 'display-name', name: display }
          : null,
    displayName: row.display_first ? { first: row.display_first, second: row.display_second ?? '' } : null,
    routing: {
      type: row.routing_type as OccupierNumberView['routing']['type'],
      destinationId: row.destination_id,
      destinationName:
        row.routing_type === 'user' && row.routed_user_first
          ? `${row.routed_user_first} ${row.routed_user_last ?? ''}`.trim()
          : row.destination_name,
      extensionId: row.extension_id,
      forwardTo: row.forward_to,
    },
  };
};
