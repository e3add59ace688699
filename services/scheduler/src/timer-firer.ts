import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NatsConnection } from '@nats-io/transport-node';
import { Gauge, Histogram, Counter, type Registry } from 'prom-client';
import type { Reply } from '@tnp/kernel';
import { isFinalAnswer } from '@tnp/messaging';
import type { Logger } from '@tnp/platform';
import type { BackgroundWorker } from '@tnp/service-runtime';
import { SCHEDULER_SCHEMA } from './timers';

export type TimerFirerOptions = {
  readonly orm: MikroORM;
  readonly nc: NatsConnection;
  readonly databaseUrl: string;
  readonly prefix: string;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** A claim older than this is taken to belong to a replica that died while firing. */
  readonly staleClaimMs?: number;
  readonly maxSleepMs?: number;
};

type Due = { id: string; number: string; schedule_id: string; due_at: Date };

/**
 * Fires due timers on every replica at once: rows are claimed with FOR UPDATE SKIP LOCKED, so no
 * two replicas send the same one; the command id is the timer id, so a resend after a crash
 * (claimed, sent, not yet recorded) is answered by call-flow with its first result and applied
 * once. Between batches it sleeps until the next due instant, woken early by NOTIFY when timers
 * are added or moved: no fixed polling interval.
 */
export const timerFirer = (options: TimerFirerOptions): BackgroundWorker => {
  const { orm, logger } = options;
  const metrics = {
    pending: new Gauge({ name: 'tnp_scheduler_pending_timers', help: 'Timers waiting to fire', registers: [options.registry] }),
    lateness: new Histogram({
      name: 'tnp_scheduler_firing_lateness_seconds',
      help: 'How long after its due instant a timer was fired',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
      registers: [options.registry],
    }),
    failures: new Counter({
      name: 'tnp_scheduler_failures_total',
      help: 'Timers whose switch was refused or could not be sent',
      labelNames: ['kind'] as const,
      registers: [options.registry],
    }),
  };
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: Client | undefined;
  let loop: Promise<void> = Promise.resolve();

  const subject = `${options.prefix ? `${options.prefix}.` : ''}cmd.call-flow.apply-scheduled-switch`;

  const claim = async (): Promise<Due[]> =>
    orm.em.fork().execute<Due[]>(
      `UPDATE ${SCHEDULER_SCHEMA}.timers t SET status = 'firing', claimed_at = now(), attempts = t.attempts + 1
        WHERE t.id IN (
          SELECT id FROM ${SCHEDULER_SCHEMA}.timers
           WHERE status = 'pending' AND due_at <= now() AND (not_before IS NULL OR not_before <= now())
           ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING t.id, t.number, t.schedule_id, t.due_at`,
      [options.batchSize ?? 500],
    );

  const fire = async (timer: Due): Promise<void> => {
    const started = Date.now();
    let reply: Reply;
    try {
      const message = await options.nc.request(
        subject,
        JSON.stringify({
          commandId: `timer:${timer.id}`,
          principal: { id: 'scheduler', role: 'system' },
          data: { number: timer.number, scheduleId: timer.schedule_id },
        }),
        { timeout: 10_000 },
      );
      reply = message.json<Reply>();
    } catch (error) {
      reply = { ok: false, error: { code: 'UNAVAILABLE', message: (error as Error).message } };
    }
    const em = orm.em.fork();
    if (reply.ok || isFinalAnswer(reply.error)) {
      const lateness = started - new Date(timer.due_at).getTime();
      metrics.lateness.observe(Math.max(0, lateness) / 1000);
      if (!reply.ok) metrics.failures.inc({ kind: 'refused' });
      await em.execute(
        `UPDATE ${SCHEDULER_SCHEMA}.timers SET status = 'fired', fired_at = now(), lateness_ms = ?, outcome = ? WHERE id = ? AND status = 'firing'`,
        [Math.max(0, lateness), reply.ok ? 'applied' : (reply.error.rule ?? reply.error.code), timer.id],
      );
    } else {
      metrics.failures.inc({ kind: 'unavailable' });
      logger.warn({ timer: timer.id, error: reply.error.message }, 'switch could not be sent; retrying');
      await em.execute(
        `UPDATE ${SCHEDULER_SCHEMA}.timers SET status = 'pending', not_before = now() + interval '1 second' WHERE id = ? AND status = 'firing'`,
        [timer.id],
      );
    }
  };

  const runBatch = async (batch: Due[]): Promise<void> => {
    const queue = [...batch];
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency ?? 64, queue.length) }, async () => {
        for (let timer = queue.shift(); timer; timer = queue.shift()) await fire(timer);
      }),
    );
  };

  const millisUntilNextDue = async (): Promise<number> => {
    const rows = await orm.em
      .fork()
      .execute<{ next: Date | null; pending: string }[]>(
        `SELECT min(greatest(due_at, coalesce(not_before, due_at))) AS next, count(*) AS pending FROM ${SCHEDULER_SCHEMA}.timers WHERE status = 'pending'`,
      );
    metrics.pending.set(Number(rows[0]?.pending ?? 0));
    const next = rows[0]?.next;
    return next ? new Date(next).getTime() - Date.now() : Number.POSITIVE_INFINITY;
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const run = async (): Promise<void> => {
    while (!stopped) {
      try {
        await orm.em
          .fork()
          .execute(
            `UPDATE ${SCHEDULER_SCHEMA}.timers SET status = 'pending' WHERE status = 'firing' AND claimed_at < now() - (? * interval '1 millisecond')`,
            [options.staleClaimMs ?? 30_000],
          );
        const batch = await claim();
        if (batch.length > 0) {
          await runBatch(batch);
          continue;
        }
        await sleep(Math.min(await millisUntilNextDue(), options.maxSleepMs ?? 1000));
      } catch (error) {
        logger.warn({ err: error }, 'timer firing failed; retrying');
        await sleep(500);
      }
    }
  };

  return {
    name: 'timer-firer',
    everyReplica: true,
    start: async () => {
      listener = new Client({ connectionString: options.databaseUrl });
      listener.on('notification', () => wake?.());
      listener.on('error', () => undefined);
      await listener.connect();
      await listener.query('LISTEN scheduler_timers');
      loop = run();
    },
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      await listener?.end().catch(() => undefined);
    },
  };
};
