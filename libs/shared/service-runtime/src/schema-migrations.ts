import { Migration } from '@mikro-orm/migrations';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { eventStoreSchemaSql, MIGRATION_LOCK_TIMEOUT, migrateGivingWay } from '@tnp/event-store';
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

const asMigrationClass = (migration: SchemaMigration) =>
  class extends Migration {
    override name = migration.name;
    up(): void {
      this.addSql(`${MIGRATION_LOCK_TIMEOUT}\n${migration.sql}`);
    }
  };

/** The ORM options that make `orm.migrator` run this service's migrations, tracked in `<event store schema>.schema_migrations`. */
export const migrationOptions = (schemas: ServiceSchemas): Pick<Options, 'migrations'> => ({
  migrations: {
    tableName: `${schemas.eventStoreSchema}.schema_migrations`,
    migrationsList: migrationsOf(schemas).map((m) => ({ name: m.name, class: asMigrationClass(m) })),
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    snapshotOnMigrate: false,
    silent: true,
  },
});

export type MigrationStatus = { readonly service: string; readonly applied: readonly string[]; readonly pending: readonly string[] };

export const migrationStatus = async (orm: MikroORM, service: string): Promise<MigrationStatus> => ({
  service,
  applied: (await orm.migrator.getExecuted()).map((m) => m.name),
  pending: (await orm.migrator.getPending()).map((m) => m.name),
});

/**
 * Applies what is pending, one runner at a time per service (replicas or Jobs started together
 * wait for each other on a session lock), in one transaction that gives way to writers it would
 * deadlock with and tries again. Returns the names applied.
 */
export const applyMigrations = async (orm: MikroORM, schemas: ServiceSchemas, databaseUrl: string): Promise<readonly string[]> => {
  const lock = new Client({ connectionString: databaseUrl, application_name: `${schemas.service} migrations` });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schemas.eventStoreSchema}`]);
    let applied: readonly string[] = [];
    await migrateGivingWay(async () => {
      applied = (await orm.migrator.up()).map((m) => m.name);
    });
    return applied;
  } finally {
    await lock.end().catch(() => undefined);
  }
};

/** At boot: apply what is pending (MIGRATE_AT_START, development), or refuse to start on an older schema. */
export const ensureSchema = async (
  orm: MikroORM,
  schemas: ServiceSchemas,
  options: { readonly databaseUrl: string; readonly migrateAtStart: boolean },
): Promise<readonly string[]> => {
  if (options.migrateAtStart) return applyMigrations(orm, schemas, options.databaseUrl);
  const { pending } = await migrationStatus(orm, schemas.service);
  if (pending.length > 0) throw new SchemaTooOldError(schemas.service, pending);
  return [];
};
