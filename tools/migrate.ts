import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tnp/platform';
import { applyMigrations, migrationStatus, type ServiceConfig, type ServiceDefinition, type ServiceSchemas } from '@tnp/service-runtime';

/**
 * The schema migrations of every service that stores data (ADR 0027), as the telephony-migrate
 * Job runs them before a rollout:
 *   npm run migrate                      apply what is pending, service by service
 *   npm run migrate -- --status          what is applied and what is pending; exits 1 if anything is
 *   npm run migrate -- --service S       one service only
 * Each service's settings come from the environment as the service reads them (DATABASE_URL,
 * EVENT_STORE_SCHEMA, ...).
 */
type Loaded = { readonly definition: ServiceDefinition; readonly config: ServiceConfig };
const SERVICES: Record<string, () => Promise<Loaded>> = {
  'number-inventory': async () => ({
    definition: (await import('../services/number-inventory/src/number-inventory.app')).numberInventoryService,
    config: loadConfig((await import('../services/number-inventory/src/number-inventory.config')).numberInventoryConfigSchema),
  }),
  assignment: async () => ({
    definition: (await import('../services/assignment/src/assignment.app')).assignmentService,
    config: loadConfig((await import('../services/assignment/src/assignment.config')).assignmentConfigSchema),
  }),
  fax: async () => ({
    definition: (await import('../services/fax/src/fax.app')).faxService,
    config: loadConfig((await import('../services/fax/src/fax.config')).faxConfigSchema),
  }),
  'extension-device': async () => ({
    definition: (await import('../services/extension-device/src/extension-device.app')).extensionDeviceService,
    config: loadConfig((await import('../services/extension-device/src/extension-device.config')).extensionDeviceConfigSchema),
  }),
  'call-flow': async () => ({
    definition: (await import('../services/call-flow/src/call-flow.app')).callFlowService,
    config: loadConfig((await import('../services/call-flow/src/call-flow.config')).callFlowConfigSchema),
  }),
  scheduler: async () => ({
    definition: (await import('../services/scheduler/src/scheduler.app')).schedulerService,
    config: loadConfig((await import('../services/scheduler/src/scheduler.config')).schedulerConfigSchema),
  }),
};

const { values } = parseArgs({ options: { service: { type: 'string' }, status: { type: 'boolean', default: false } } });

const schemasOf = ({ definition, config }: Loaded): ServiceSchemas => ({
  service: definition.name,
  eventStoreSchema: config.EVENT_STORE_SCHEMA,
  readModelSql: definition.readModelSql,
  projectionSchemas: [...new Set(definition.projections().map((p) => p.schema))],
  ...(definition.migrations ? { migrations: definition.migrations } : {}),
});

const main = async (): Promise<number> => {
  if (values.service && !SERVICES[values.service]) {
    console.error(`--service must be one of ${Object.keys(SERVICES).join(', ')}`);
    return 2;
  }
  let behind = false;
  for (const name of values.service ? [values.service] : Object.keys(SERVICES)) {
    const loaded = await (SERVICES[name] as () => Promise<Loaded>)();
    const schemas = schemasOf(loaded);
    const { entities } = loaded.definition;
    if (values.status) {
      const status = await migrationStatus(loaded.config.DATABASE_URL, entities, schemas);
      console.log(
        `${name}: ${status.applied.length} applied${status.pending.length ? `, pending: ${status.pending.join(', ')}` : ', none pending'}`,
      );
      behind ||= status.pending.length > 0;
    } else {
      const applied = await applyMigrations(loaded.config.DATABASE_URL, entities, schemas);
      console.log(`${name}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    }
  }
  return behind ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
