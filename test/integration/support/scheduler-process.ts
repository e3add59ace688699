import { join } from 'node:path';
import type { ServiceHarness } from '@tnp/testing';
import { startChildService, type ChildService } from './child-service';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'services', 'scheduler', 'src', 'main.js');

export type SchedulerProcess = ChildService;

/**
 * A real scheduler replica in its own OS process (built by `npm test`), so a test can SIGKILL it;
 * on `port` when its operations endpoints are called, with `env` added to its settings.
 */
export const startSchedulerProcess = (
  like: ServiceHarness,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<SchedulerProcess> =>
  startChildService(
    MAIN,
    {
      DATABASE_URL: like.db.url,
      NATS_URL: like.config.NATS_URL,
      NATS_SUBJECT_PREFIX: like.config.NATS_SUBJECT_PREFIX,
      HTTP_PORT: String(options.port ?? 0),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: '4',
      EVENT_STORE_SCHEMA: 'scheduler_events',
      ...options.env,
    },
    'scheduler started',
    'scheduler',
  );
