import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { ProjectionTable } from './projection-runner';

/** The usual read-model table: MikroORM rows keyed by one text column, upserted in batches. */
export const keyedTable = <Row extends object>(
  entity: EntitySchema,
  keyColumn: keyof Row & string,
  qualifiedTableName: string,
): ProjectionTable<Row> => ({
  async load(em: EntityManager, keys) {
    const rows = (await em.find(entity as never, { [keyColumn]: { $in: [...keys] } } as never, { disableIdentityMap: true })) as Row[];
    return new Map(rows.map((row) => [String(row[keyColumn]), { ...row }]));
  },
  async save(em: EntityManager, rows) {
    await em.upsertMany(entity as never, rows as never[], { onConflictFields: [keyColumn] as never, onConflictAction: 'merge' });
  },
  async remove(em: EntityManager, keys) {
    await em.nativeDelete(entity as never, { [keyColumn]: { $in: [...keys] } } as never);
  },
  async truncate(em: EntityManager) {
    await em.execute(`TRUNCATE ${qualifiedTableName}`);
  },
  async scan(em: EntityManager, afterKey, limit) {
    const rows = (await em.find(entity as never, (afterKey === undefined ? {} : { [keyColumn]: { $gt: afterKey } }) as never, {
      orderBy: { [keyColumn]: 'asc' } as never,
      limit,
      disableIdentityMap: true,
    })) as Row[];
    return rows.map((row) => ({ key: String(row[keyColumn]), row: { ...row } }));
  },
});
