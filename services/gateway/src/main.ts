import 'reflect-metadata';
import { createLogger, loadConfig, startTracing } from '@tnp/platform';
import { gatewayConfigSchema } from './gateway.config';

const main = async (): Promise<void> => {
  const config = loadConfig(gatewayConfigSchema);
  const stopTracing = startTracing({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const { startGateway } = await import('./gateway.app');
  const gateway = await startGateway(config, logger);
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    await gateway.stop();
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
