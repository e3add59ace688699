import 'reflect-metadata';
import { createLogger, exitOnStartupFailure, loadConfig, startTracing, stopOnSignal } from '@tnp/platform';
import { faxConfigSchema } from './fax.config';

const main = async (): Promise<void> => {
  const config = loadConfig(faxConfigSchema);
  const stopTracing = startTracing({ serviceName: 'fax', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger('fax', config.LOG_LEVEL);
  // Loaded after tracing starts, so the pg and http instrumentations see their modules load.
  const { startFax } = await import('./fax.app');
  const service = await startFax(config, logger);
  stopOnSignal(logger, async () => {
    await service.stop();
    await stopTracing().catch(() => undefined);
  });
};

main().catch(exitOnStartupFailure);
