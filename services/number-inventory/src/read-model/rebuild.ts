import { MikroORM } from '@mikro-orm/postgresql';
import { PostgresEventStore } from '@tnp/event-store';
import type { Logger } from '@tnp/platform';
import { ProjectionRunner, projectionCheckpointsSql } from '@tnp/read-models';
import type { NumberInventoryConfig } from '../number-inventory.config';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity } from './site-number.entity';
import { siteTelephonyProjection } from './site-telephony.projection';
import { siteTelephonyTable } from './site-telephony.table';

/** Rebuilds the site-telephony read model into a shadow table and swaps it in with the checkpoint (ADR 0023); readers keep the old rows until then. */
export const rebuildSiteTelephony = async (config: NumberInventoryConfig, logger: Logger): Promise<void> => {
  const store = await PostgresEventStore.connect({ connectionString: config.DATABASE_URL, schema: config.EVENT_STORE_SCHEMA });
  const orm = await MikroORM.init({ clientUrl: config.DATABASE_URL, entities: [SiteNumberEntity], debug: false });
  try {
    await orm.em.fork().execute(readModelSchemaSql());
    await orm.em.fork().execute(projectionCheckpointsSql(READ_MODEL_SCHEMA));
    const runner = new ProjectionRunner({
      orm,
      schema: READ_MODEL_SCHEMA,
      store,
      projection: siteTelephonyProjection,
      table: siteTelephonyTable,
      logger,
    });
    await runner.rebuild();
  } finally {
    await orm.close();
    await store.close();
  }
};
