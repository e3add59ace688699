import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectionTable } from '@tnp/read-models';
import { READ_MODEL_SCHEMA, type SiteNumberRow } from './site-number.entity';

/** A site_numbers row as PostgreSQL returns it. */
export type SiteNumberColumns = {
  number: string;
  site_id: string;
  ext: string | null;
  status: string;
  kind: string;
  owner_type: string | null;
  owner_id: string | null;
  cooling_off_until: string | Date | null;
  is_main: boolean;
  range_name: string;
  locked: boolean;
  ported_in: boolean;
  ported_from: string | null;
  assigned_user_id: string | null;
  revision: number;
};

const toColumns = (r: SiteNumberRow): SiteNumberColumns => ({
  number: r.number,
  site_id: r.siteId,
  ext: r.ext,
  status: r.status,
  kind: r.kind,
  owner_type: r.ownerType,
  owner_id: r.ownerId,
  cooling_off_until: r.coolingOffUntil ? new Date(r.coolingOffUntil).toISOString() : null,
  is_main: r.isMain,
  range_name: r.rangeName,
  locked: r.locked,
  ported_in: r.portedIn,
  ported_from: r.portedFrom,
  assigned_user_id: r.assignedUserId,
  revision: r.revision,
});

export const toRow = (c: SiteNumberColumns): SiteNumberRow => ({
  number: c.number,
  siteId: c.site_id,
  ext: c.ext,
  status: c.status,
  kind: c.kind,
  ownerType: c.owner_type,
  ownerId: c.owner_id,
  coolingOffUntil: c.cooling_off_until ? new Date(c.cooling_off_until) : null,
  isMain: c.is_main,
  rangeName: c.range_name,
  locked: c.locked,
  portedIn: c.ported_in,
  portedFrom: c.ported_from,
  assignedUserId: c.assigned_user_id,
  revision: c.revision,
});

const TABLE = `${READ_MODEL_SCHEMA}.site_numbers`;
const UPDATABLE = [
  'site_id',
  'ext',
  'status',
  'kind',
  'owner_type',
  'owner_id',
  'cooling_off_until',
  'is_main',
  'range_name',
  'locked',
  'ported_in',
  'ported_from',
  'assigned_user_id',
  'revision',
];

/**
 * The site-telephony table through MikroORM's connection, set-based: a batch of thousands of rows
 * is one SELECT and one INSERT ... ON CONFLICT, the rows travelling as one JSON parameter.
 */
export const siteTelephonyTable: ProjectionTable<SiteNumberRow> = {
  async load(em: EntityManager, keys) {
    const rows = await em.execute<SiteNumberColumns[]>(
      `SELECT * FROM ${TABLE} WHERE number IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(keys)],
    );
    return new Map(rows.map((c) => [c.number, toRow(c)]));
  },
  async save(em: EntityManager, rows) {
    await em.execute(
      `INSERT INTO ${TABLE} SELECT * FROM jsonb_populate_recordset(NULL::${TABLE}, ?::jsonb)
       ON CONFLICT (number) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
      [JSON.stringify(rows.map(toColumns))],
    );
  },
  async remove(em: EntityManager, keys) {
    await em.execute(`DELETE FROM ${TABLE} WHERE number IN (SELECT jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(keys)]);
  },
  async truncate(em: EntityManager) {
    await em.execute(`TRUNCATE ${TABLE}`);
  },
  async scan(em: EntityManager, afterKey, limit) {
    const rows = await em.execute<SiteNumberColumns[]>(`SELECT * FROM ${TABLE} WHERE number > ? ORDER BY number LIMIT ?`, [
      afterKey ?? '',
      limit,
    ]);
    return rows.map((c) => ({ key: c.number, row: toRow(c) }));
  },
};
