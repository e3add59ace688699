import 'reflect-metadata';
import { createLogger, exitOnStartupFailure, loadConfig, startTracing, stopOnSignal } from '@tnp/platform';
import { assignmentConfigSchema } from './assignment.config';

const main = async (): Promise<void> => {
  const config = loadConfig(assignmentConfigSchema);
  const stopTracing = startTracing({ serviceName: 'assignment', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger('assignment', config.LOG_LEVEL);
  // Loaded after tracing starts, so the pg and http instrumentations see their modules load.
  const { startAssignment } = await import('./assignment.app');
  const service = await startAssignment(config, logger);
  stopOnSignal(logger, async () => {
    await service.stop();
    await stopTracing().catch(() => undefined);
  });
};

main().catch(exitOnStartupFailure);
