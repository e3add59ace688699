import type { Logger } from 'pino';
import { z } from 'zod';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { endLeanStartup } from './startup-flags';
import { startTracing } from './tracing';

/**
 * Stops the service once on SIGTERM or SIGINT and exits; a stop that hangs is cut short before
 * Kubernetes' grace period ends.
 */
export const stopOnSignal = (logger: Logger, stop: () => Promise<void>, forceAfterMs = 25_000): void => {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining NATS and finishing in-flight work');
    const force = setTimeout(() => process.exit(1), forceAfterMs).unref();
    try {
      await stop();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

export const exitOnStartupFailure = (error: unknown): never => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};

const tracingSettingsSchema = z.object({ OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional() });

/**
 * The entry point of every service: tracing first, before any instrumented library (pg, http)
 * loads, so their spans are recorded; then the configuration (failing fast), which the service
 * imports only now because its schema module loads the runtime, pg included; then start, and
 * stop on a signal. Once started, V8's start-only settings end (ADR 0021).
 */
export const runService = <C extends { LOG_LEVEL: string }>(
  name: string,
  loadConfiguration: () => Promise<C>,
  start: (config: C, logger: Logger) => Promise<{ stop: () => Promise<void> }>,
): void => {
  const main = async (): Promise<void> => {
    const stopTracing = startTracing({ serviceName: name, otlpEndpoint: loadConfig(tracingSettingsSchema).OTEL_EXPORTER_OTLP_ENDPOINT });
    const config = await loadConfiguration();
    const logger = createLogger(name, config.LOG_LEVEL);
    const service = await start(config, logger);
    endLeanStartup();
    stopOnSignal(logger, async () => {
      await service.stop();
      await stopTracing().catch(() => undefined);
    });
  };
  main().catch(exitOnStartupFailure);
};
