import { Migration, Migrator } from '@mikro-orm/migrations';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { MIGRATION_LOCK_TIMEOUT, migrateGivingWay } from '@tnp/event-store';
import { migrationsOf, type MigrationStatus, type SchemaMigration, type ServiceSchemas } from './schema-migrations';

/**
 * MikroORM's migrator over a service's migrations, on an ORM of its own that lives for one run:
 * loaded only by what applies migrations (the migrate command, a service migrating at start), so a
 * service that only checks its schema never loads it (ADR 0027).
 */
const asMigrationClass = (migration: SchemaMigration) =>
  class extends Migration {
    override name = migration.name;
    up(): void {
      this.addSql(`${MIGRATION_LOCK_TIMEOUT}\n${migration.sql}`);
    }
  };

const withMigrator = async <T>(
  databaseUrl: string,
  entities: readonly EntitySchema[],
  schemas: ServiceSchemas,
  run: (orm: MikroORM) => Promise<T>,
): Promise<T> => {
  const orm = await MikroORM.init({
    clientUrl: databaseUrl,
    entities: [...entities],
    debug: false,
    allowGlobalContext: false,
    pool: { min: 0, max: 2 },
    extensions: [Migrator],
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
  try {
    return await run(orm);
  } finally {
    await orm.close();
  }
};

export const statusWithMigrator = (
  databaseUrl: string,
  entities: readonly EntitySchema[],
  schemas: ServiceSchemas,
): Promise<MigrationStatus> =>
  withMigrator(databaseUrl, entities, schemas, async (orm) => ({
    service: schemas.service,
    applied: (await orm.migrator.getExecuted()).map((m) => m.name),
    pending: (await orm.migrator.getPending()).map((m) => m.name),
  }));

/**
 * Applies what is pending, one runner at a time per service (replicas or Jobs started together
 * wait for each other on a session lock), in one transaction that gives way to writers it would
 * deadlock with and tries again. Returns the names applied.
 */
export const applyWithMigrator = (
  databaseUrl: string,
  entities: readonly EntitySchema[],
  schemas: ServiceSchemas,
): Promise<readonly string[]> =>
  withMigrator(databaseUrl, entities, schemas, async (orm) => {
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
  });
