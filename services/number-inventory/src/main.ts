import 'reflect-metadata';
import { createLogger, exitOnStartupFailure, loadConfig, startTracing, stopOnSignal } from '@tnp/platform';
import { numberInventoryConfigSchema } from './number-inventory.config';

const SERVICE = 'number-inventory';

const main = async (): Promise<void> => {
  const config = loadConfig(numberInventoryConfigSchema);
  const stopTracing = startTracing({ serviceName: SERVICE, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  // Loaded after tracing starts, so the pg and http instrumentations see their modules load.
  if (process.argv[2] === 'rebuild') {
    const { rebuildSiteTelephony } = await import('./read-model/rebuild');
    await rebuildSiteTelephony(config, logger);
    logger.info('site-telephony read model reset; the running projection replays into it');
    await stopTracing();
    return;
  }
  const { startNumberInventory } = await import('./number-inventory.app');
  const service = await startNumberInventory(config, logger);
  stopOnSignal(logger, async () => {
    await service.stop();
    await stopTracing().catch(() => undefined);
  });
};

main().catch(exitOnStartupFailure);
