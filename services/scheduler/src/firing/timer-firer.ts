import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Registry } from 'prom-client';
import type { ErrorBody } from '@tnp/kernel';
import { isFinalAnswer } from '@tnp/messaging';
import type { Logger } from '@tnp/platform';
import type { BackgroundWorker } from '@tnp/service-runtime';
import { firingMetrics } from './firing-metrics';
import { switchRequests, unavailable } from './switch-requests';
import { timerClaims, type Due, type Outcome } from './timer-claims';
import { timerWakeUp } from './timer-wakeup';

export type TimerFirerOptions = {
  readonly orm: MikroORM;
  readonly nc: NatsConnection;
  readonly databaseUrl: string;
  readonly prefix: string;
  readonly logger: Logger;
  readonly registry: Registry;
  /** Due timers claimed in one statement and sent in one request (call-flow takes up to 1,000). */
  readonly batchSize?: number;
  /** Batches in flight at once while timers are due (each claimed, sent and recorded on its own). */
  readonly batchesInFlight?: number;
  /** A request's timeout: below staleClaimMs, so a claim outlives the request it was sent in. */
  readonly requestTimeoutMs?: number;
  /** Requests in flight when falling back to one switch per request (call-flow without the batch subject). */
  readonly concurrency?: number;
  /** How often each replica tells the others it is alive. */
  readonly heartbeatMs?: number;
  /** A replica silent this long is dead: the timers it claimed go back to pending. */
  readonly deadReplicaMs?: number;
  /** A claim older than this goes back to pending even if its replica still beats (it hangs). */
  readonly staleClaimMs?: number;
  readonly maxSleepMs?: number;
};

/**
 * Fires due timers on every replica at once, in batches: one statement claims up to `batchSize`
 * due rows (FOR UPDATE SKIP LOCKED, so no two replicas, nor two batches of one replica, take the
 * same row), one request to call-flow's apply-scheduled-switches carries them all, and one
 * statement records every outcome; while more are due, several batches are in flight. Each switch
 * is still its own command, its id the timer id, so a resend after a crash (claimed, sent, not yet
 * recorded) is answered by call-flow with its first result and applied once. Between rounds it
 * sleeps until the next due instant, woken early by NOTIFY when timers are added or moved: no
 * fixed polling interval. Each replica beats in the replicas table; the claims of one that stops
 * beating are taken over within seconds. Lateness is measured per timer to when call-flow applied
 * the switch, which a resend's result (the first one, from its command log) tells.
 */
export const timerFirer = (options: TimerFirerOptions): BackgroundWorker => {
  const { orm, logger } = options;
  const metrics = firingMetrics(options.registry);
  const replica = randomUUID();
  const batchSize = options.batchSize ?? 1000;
  const batchesInFlight = options.batchesInFlight ?? 4;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  let stopped = false;
  let heartbeat: NodeJS.Timeout | undefined;
  let loop: Promise<void> = Promise.resolve();

  const wakeUp = timerWakeUp(options.databaseUrl);
  const claims = timerClaims(orm, replica, { batchSize, deadReplicaMs: options.deadReplicaMs, staleClaimMs: options.staleClaimMs });
  const { send } = switchRequests({ nc: options.nc, prefix: options.prefix, requestTimeoutMs, concurrency: options.concurrency });

  /**
   * Sends one claimed batch and records every outcome in one statement: an answer (applied, or a
   * final refusal) marks the timer fired with its lateness; anything else puts it back to pending
   * for a resend a second later, which its command id makes harmless.
   */
  const fireBatch = async (batch: Due[]): Promise<void> => {
    const started = Date.now();
    metrics.batches.observe(batch.length);
    const replies = await send(batch);
    const outcomes: Outcome[] = [];
    let refused = 0;
    let failed: ErrorBody | undefined;
    let unsent = 0;
    for (const timer of batch) {
      const reply = replies.get(timer.id) ?? unavailable('no reply');
      if (reply.ok || isFinalAnswer(reply.error)) {
        const appliedAt = reply.ok && reply.value.decidedAt ? Date.parse(reply.value.decidedAt) : started;
        const lateness = Math.max(0, appliedAt - new Date(timer.due_at).getTime());
        metrics.lateness.observe(lateness / 1000);
        if (!reply.ok) refused++;
        const outcome = reply.ok ? 'applied' : (reply.error.rule ?? reply.error.code);
        outcomes.push({ id: timer.id, final: true, applied_at: new Date(appliedAt).toISOString(), lateness_ms: lateness, outcome });
      } else {
        unsent++;
        failed ??= reply.error;
        outcomes.push({ id: timer.id, final: false, applied_at: null, lateness_ms: null, outcome: null });
      }
    }
    if (refused > 0) metrics.failures.inc({ kind: 'refused' }, refused);
    if (unsent > 0) {
      metrics.failures.inc({ kind: 'unavailable' }, unsent);
      logger.warn({ timers: unsent, code: failed?.code, error: failed?.message }, 'switches could not be sent; retrying');
    }
    await claims.record(outcomes);
  };

  /**
   * One round: a batch is claimed, and while batches come back full another is claimed alongside,
   * up to `batchesInFlight`; each lane claims again once its batch is recorded, until a batch comes
   * back short (nothing more was due) or the round has run a second (so dead claims are taken over
   * between rounds even during a long burst). Returns once nothing is in flight, telling whether
   * more may be due right now; a failure of any lane is rethrown then.
   */
  const fireDue = async (): Promise<{ moreDue: boolean }> => {
    const deadline = Date.now() + 1000;
    let lanes = 0;
    let moreDue = false;
    let failure: unknown;
    const running: Promise<void>[] = [];
    const lane = async (): Promise<void> => {
      lanes++;
      try {
        for (;;) {
          const batch = await claims.claim();
          if (batch.length === batchSize && lanes < batchesInFlight) running.push(lane());
          if (batch.length > 0) await fireBatch(batch);
          if (batch.length < batchSize) return;
          if (stopped || failure !== undefined || Date.now() >= deadline) {
            moreDue = true;
            return;
          }
        }
      } catch (error) {
        failure ??= error;
      }
    };
    running.push(lane());
    // Lanes add lanes before they finish, so this sees every one.
    for (let i = 0; i < running.length; i++) await running[i];
    if (failure !== undefined) throw failure;
    return { moreDue };
  };

  const millisUntilNextDue = async (): Promise<number> => {
    const { inMs, pending } = await claims.nextDue();
    metrics.pending.set(pending);
    return inMs;
  };

  const run = async (): Promise<void> => {
    while (!stopped) {
      try {
        await claims.takeOverDeadClaims();
        if ((await fireDue()).moreDue) continue;
        await wakeUp.sleep(Math.min(await millisUntilNextDue(), options.maxSleepMs ?? 1000));
      } catch (error) {
        logger.warn({ err: error }, 'timer firing failed; retrying');
        await wakeUp.sleep(500);
      }
    }
  };

  return {
    name: 'timer-firer',
    everyReplica: true,
    start: async () => {
      stopped = false;
      await claims.beat();
      heartbeat = setInterval(() => void claims.beat().catch(() => undefined), options.heartbeatMs ?? 1000);
      // Without the listener the firer still wakes every maxSleepMs; it keeps trying to listen.
      await wakeUp.listen().catch((error: unknown) => logger.warn({ err: error }, 'cannot LISTEN for timers yet; retrying'));
      loop = run();
    },
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      const stopping = wakeUp.stop();
      await loop;
      await stopping;
      await claims.leave().catch(() => undefined);
    },
  };
};
