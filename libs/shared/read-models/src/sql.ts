import type { EntityManager } from '@mikro-orm/postgresql';

type Executor = { executeQuery(query: unknown): Promise<{ rows: unknown[] }> };

/**
 * Runs SQL with real bind parameters ($1, $2, …) on the entity manager's connection, inside its
 * transaction if it has one. `em.execute` inlines every parameter as an escaped literal, which for
 * a batch of thousands of rows costs more CPU than the statement itself.
 */
export const sqlQuery = async <T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> => {
  const executor = em.getKysely() as unknown as Executor;
  // The shape of Kysely's CompiledQuery.raw(sql, parameters), as MikroORM builds it for its own raw queries.
  const result = await executor.executeQuery({
    sql,
    parameters,
    query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
    queryId: { queryId: 'read-model' },
  });
  return result.rows as T[];
};

/** Splits "schema.table" (both plain identifiers). */
export const qualifiedName = (qualified: string): { schema: string; table: string } => {
  const match = /^([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)$/.exec(qualified);
  if (!match) throw new Error(`expected a plain schema.table name, not ${qualified}`);
  return { schema: match[1] as string, table: match[2] as string };
};
