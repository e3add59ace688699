import type { Lease, LeaderLocks } from '@tnp/event-store';
import type { Logger, PlatformMetrics } from '@tnp/platform';

/** Work that follows the log or a stream and must run on one replica at a time. */
export type Follower = {
  readonly name: string;
  readonly start: (lease: Lease) => Promise<void> | void;
  readonly stop: () => Promise<void>;
};

export type SupervisorOptions = {
  readonly locks: LeaderLocks;
  readonly lockPrefix: string;
  readonly logger: Logger;
  readonly metrics: PlatformMetrics;
  readonly signal: AbortSignal;
};

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));

/**
 * Competes for a follower's lock, runs the follower while the lock is held, and stops it the
 * moment the lock is lost (connection failed or stalled) or the follower finds itself fenced out;
 * then competes again. A follower that cannot start keeps being retried while the lock is held:
 * a service without its relay or projections would look alive while its subscribers starve.
 */
export const supervise = async (follower: Follower, options: SupervisorOptions): Promise<void> => {
  const { locks, logger, metrics, signal } = options;
  while (!signal.aborted) {
    const leadership = await locks.acquire(`${options.lockPrefix}:${follower.name}`, { signal });
    if (!leadership) return;
    const steppedDown = new AbortController();
    const lease: Lease = {
      fence: leadership.fence,
      stepDown: (reason) => {
        logger.warn({ follower: follower.name, reason: reason.message }, 'follower stepping down');
        steppedDown.abort(reason);
      },
    };
    const ended = AbortSignal.any([leadership.lost, steppedDown.signal, signal]);
    metrics.followerLeading.set({ follower: follower.name }, 1);
    logger.info({ follower: follower.name, epoch: leadership.fence.epoch }, 'leading follower');
    for (let attempt = 1; !ended.aborted; attempt++) {
      try {
        await follower.start(lease);
        break;
      } catch (error) {
        logger.error({ err: error, follower: follower.name, attempt }, 'follower failed to start; retrying');
        await pause(Math.min(500 * attempt, 5000), ended);
      }
    }
    await untilAborted(ended);
    await follower.stop().catch((error: unknown) => logger.error({ err: error, follower: follower.name }, 'follower failed to stop'));
    metrics.followerLeading.set({ follower: follower.name }, 0);
    await leadership.release();
    if (!signal.aborted) {
      logger.warn({ follower: follower.name, reason: String(ended.reason) }, 'lost the lead; competing for it again');
      await pause(500, signal);
    }
  }
};
