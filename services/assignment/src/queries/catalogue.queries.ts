import type { MikroORM } from '@mikro-orm/postgresql';
import type { DestinationList, UserList } from '@tnp/assignment-contracts';
import { ASSIGNMENT_SCHEMA } from '../read-model/read-model.entities';

/** The lists behind a portal's selectors: the occupier's users, and where its numbers can point. */
export class CatalogueQueries {
  constructor(private readonly orm: MikroORM) {}

  async users(occupierId: string): Promise<UserList> {
    const rows = await this.orm.em
      .fork()
      .execute<{ user_id: string; first_name: string; last_name: string }[]>(
        `SELECT user_id, first_name, last_name FROM ${ASSIGNMENT_SCHEMA}.users WHERE tenant = ? AND NOT removed ORDER BY last_name, first_name, user_id`,
        [occupierId],
      );
    return { items: rows.map((r) => ({ userId: r.user_id, firstName: r.first_name, lastName: r.last_name })) };
  }

  async destinations(occupierId: string, kind?: string): Promise<DestinationList> {
    const rows = await this.orm.em
      .fork()
      .execute<{ destination_id: string; kind: DestinationList['items'][number]['kind']; name: string }[]>(
        `SELECT destination_id, kind, name FROM ${ASSIGNMENT_SCHEMA}.destinations
          WHERE tenant = ? AND NOT removed AND (?::text IS NULL OR kind = ?) ORDER BY kind, name, destination_id`,
        [occupierId, kind ?? null, kind ?? null],
      );
    return { items: rows.map((r) => ({ destinationId: r.destination_id, kind: r.kind, name: r.name })) };
  }
}
