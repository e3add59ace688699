import type { Logger } from 'pino';

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
