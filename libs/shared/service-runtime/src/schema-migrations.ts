import type { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import { eventStoreSchemaSql } from '@tnp/event-store';
import { projectionCheckpointsSql } from '@tnp/read-models';

/** One numbered, forward-only change to a service's schemas: `0003_add_usage_table`. */
export type SchemaMigration = { readonly name: string; readonly sql: string };

/** What a service's schemas are made of: its event store, its read models, its projections' checkpoints, and later changes. */
export type ServiceSchemas = {
  readonly service: string;
  readonly eventStoreSchema: string;
  readonly readModelSql: string;
  readonly projectionSchemas: readonly string[];
  /** Changes after the first release's schema, in order; each name begins with its number from 0003. */
  readonly migrations?: readonly SchemaMigration[];
};

export type MigrationStatus = { readonly service: string; readonly applied: readonly string[]; readonly pending: readonly string[] };

export class SchemaTooOldError extends Error {
  constructor(
    readonly service: string,
    readonly missing: readonly string[],
  ) {
    super(
      `${service}: the database schema is older than this release needs: migration${missing.length > 1 ? 's' : ''} ` +
        `${missing.join(', ')} not applied. Run the migrations first (npm run migrate, or the telephony-migrate Job).`,
    );
  }
}

/**
 * A service's migrations in order. The first two are the schema as services created it at boot
 * before migrations existed; their statements are idempotent, so they also adopt such a database.
 */
export const migrationsOf = (schemas: ServiceSchemas): readonly SchemaMigration[] => {
  const list: SchemaMigration[] = [
    { name: '0001_event_store', sql: eventStoreSchemaSql(schemas.eventStoreSchema) },
    {
      name: '0002_read_models',
      sql: [schemas.readModelSql, ...schemas.projectionSchemas.map((schema) => projectionCheckpointsSql(schema))].join('\n'),
    },
    ...(schemas.migrations ?? []),
  ];
  list.forEach((m, i) => {
    if (!m.name.startsWith(`${String(i + 1).padStart(4, '0')}_`))
      throw new Error(`${schemas.service}: migration ${m.name} must be number ${i + 1}`);
  });
  return list;
};

const UNDEFINED_TABLE = '42P01';

/** What the migrator recorded as applied, read with one statement (no migrator loaded): none before the first run. */
export const appliedMigrations = async (orm: MikroORM, schemas: ServiceSchemas): Promise<readonly string[]> => {
  try {
    const rows = await orm.em
      .fork()
      .execute<{ name: string }[]>(`SELECT name FROM ${schemas.eventStoreSchema}.schema_migrations ORDER BY id`);
    return rows.map((r) => r.name);
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === UNDEFINED_TABLE || /does not exist/.test((error as Error).message)) return [];
    throw error;
  }
};

export const migrationStatus = (
  databaseUrl: string,
  entities: readonly EntitySchema[],
  schemas: ServiceSchemas,
): Promise<MigrationStatus> => import('./schema-migrator').then((m) => m.statusWithMigrator(databaseUrl, entities, schemas));

export const applyMigrations = (
  databaseUrl: string,
  entities: readonly EntitySchema[],
  schemas: ServiceSchemas,
): Promise<readonly string[]> => import('./schema-migrator').then((m) => m.applyWithMigrator(databaseUrl, entities, schemas));

/** At boot: apply what is pending (MIGRATE_AT_START, development), or refuse to start on an older schema. */
export const ensureSchema = async (
  orm: MikroORM,
  schemas: ServiceSchemas,
  options: { readonly databaseUrl: string; readonly entities: readonly EntitySchema[]; readonly migrateAtStart: boolean },
): Promise<readonly string[]> => {
  const applied = new Set(await appliedMigrations(orm, schemas));
  const pending = migrationsOf(schemas)
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
  if (pending.length === 0) return [];
  if (options.migrateAtStart) return applyMigrations(options.databaseUrl, options.entities, schemas);
  throw new SchemaTooOldError(schemas.service, pending);
};
