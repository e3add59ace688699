import 'reflect-metadata';
import { createLogger, loadConfig, startTracing } from '@tnp/platform';
import { SERVICE } from '@tnp/number-inventory-contracts';
import { numberInventoryConfigSchema } from './number-inventory.config';
import { startNumberInventory } from './number-inventory.app';

const main = async (): Promise<void> => {
  const config = loadConfig(numberInventoryConfigSchema);
  const stopTracing = startTracing({ serviceName: SERVICE, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger(SERVICE, config.LOG_LEVEL);
  if (process.argv[2] === 'rebuild') {
    const { rebuildSiteTelephony } = await import('./read-model/rebuild');
    await rebuildSiteTelephony(config, logger);
    await stopTracing();
    return;
  }
  const service = await startNumberInventory(config, logger);
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining NATS and stopping followers');
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    await service.stop();
    await stopTracing().catch(() => undefined);
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
