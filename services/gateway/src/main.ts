import 'reflect-metadata';
import { createLogger, exitOnStartupFailure, loadConfig, startTracing, stopOnSignal } from '@tnp/platform';
import { gatewayConfigSchema } from './gateway.config';

const main = async (): Promise<void> => {
  const config = loadConfig(gatewayConfigSchema);
  const stopTracing = startTracing({ serviceName: 'gateway', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // Loaded after tracing starts, so the http instrumentation sees its module load.
  const { startGateway } = await import('./gateway.app');
  const gateway = await startGateway(config, logger);
  stopOnSignal(logger, async () => {
    await gateway.stop();
    await stopTracing().catch(() => undefined);
  });
};

main().catch(exitOnStartupFailure);
