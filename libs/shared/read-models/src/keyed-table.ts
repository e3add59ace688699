import type { EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { ProjectionTable, Writes } from './projection-runner';
import { qualifiedName } from './sql';

/**
 * The usual read-model table: MikroORM rows keyed by one text column, upserted in batches (one
 * multi-row statement each). A rebuild fills the same entity's table in a shadow schema and swaps
 * it in (ADR 0023).
 */
export const keyedTable = <Row extends object>(
  entity: EntitySchema,
  keyColumn: keyof Row & string,
  qualifiedTableName: string,
): ProjectionTable<Row> => {
  const live = qualifiedName(qualifiedTableName).schema;
  const liveWrites: Writes<Row> = {
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
  };
  // The entity names its schema, which the entity manager's `schema` options do not override; a
  // query builder's `withSchema` does.
  const writesIn = (schema: string): Writes<Row> =>
    schema === live
      ? liveWrites
      : {
          async load(em: EntityManager, keys) {
            const rows = (await em
              .createQueryBuilder(entity as never)
              .withSchema(schema)
              .select('*')
              .where({ [keyColumn]: { $in: [...keys] } } as never)
              .getResultList()) as Row[];
            return new Map(rows.map((row) => [String(row[keyColumn]), { ...row }]));
          },
          async save(em: EntityManager, rows) {
            await em
              .createQueryBuilder(entity as never)
              .withSchema(schema)
              .insert(rows as never[])
              .onConflict(keyColumn as never)
              .merge()
              .execute();
          },
          async remove(em: EntityManager, keys) {
            await em
              .createQueryBuilder(entity as never)
              .withSchema(schema)
              .delete({ [keyColumn]: { $in: [...keys] } } as never)
              .execute();
          },
        };
  return {
    ...writesIn(live),
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
    shadow: { table: qualifiedTableName, in: writesIn },
  };
};
