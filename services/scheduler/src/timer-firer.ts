import { randomUUID } from 'node:crypto';
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
  /** How often each replica tells the others it is alive. */
  readonly heartbeatMs?: number;
  /** A replica silent this long is dead: the timers it claimed go back to pending. */
  readonly deadReplicaMs?: number;
  /** A claim older than this goes back to pending even if its replica still beats (it hangs). */
  readonly staleClaimMs?: number;
  readonly maxSleepMs?: number;
};

type Due = { id: string; number: string; schedule_id: string; due_at: Date };
type SwitchReply = Reply<{ decidedAt?: string }>;

/**
 * Fires due timers on every replica at once: rows are claimed with FOR UPDATE SKIP LOCKED, so no
 * two replicas send the same one; the command id is the timer id, so a resend after a crash
 * (claimed, sent, not yet recorded) is answered by call-flow with its first result and applied
 * once. Between batches it sleeps until the next due instant, woken early by NOTIFY when timers
 * are added or moved: no fixed polling interval. Each replica beats in the replicas table; the
 * claims of one that stops beating are taken over within seconds. Lateness is measured to when
 * call-flow applied the switch, which a resend's reply (the first one, from its command log) tells.
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
  const replica = randomUUID();
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: Client | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let loop: Promise<void> = Promise.resolve();

  const subject = `${options.prefix ? `${options.prefix}.` : ''}cmd.call-flow.apply-scheduled-switch`;

  const claim = async (): Promise<Due[]> =>
    orm.em.fork().execute<Due[]>(
      `UPDATE ${SCHEDULER_SCHEMA}.timers t SET status = 'firing', claimed_at = now(), claimed_by = ?, attempts = t.attempts + 1
        WHERE t.id IN (
          SELECT id FROM ${SCHEDULER_SCHEMA}.timers
           WHERE status = 'pending' AND due_at <= now() AND (not_before IS NULL OR not_before <= now())
           ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING t.id, t.number, t.schedule_id, t.due_at`,
      [replica, options.batchSize ?? 500],
    );

  const beat = (): Promise<unknown> =>
    orm.em
      .fork()
      .execute(
        `INSERT INTO ${SCHEDULER_SCHEMA}.replicas (id, heartbeat_at) VALUES (?, now()) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
        [replica],
      );

  /**
   * Claims of replicas that stopped beating (or that hang past the stale limit) go back to pending,
   * and so do this replica's own: it runs this between batches, with nothing in flight, so a claim
   * of its own still firing is one whose outcome it could not record (PostgreSQL was down).
   */
  const takeOverDeadClaims = (): Promise<unknown> =>
    orm.em.fork().execute(
      `UPDATE ${SCHEDULER_SCHEMA}.timers t SET status = 'pending'
        WHERE t.status = 'firing'
          AND (t.claimed_by = ?
               OR t.claimed_at < now() - (? * interval '1 millisecond')
               OR NOT EXISTS (SELECT 1 FROM ${SCHEDULER_SCHEMA}.replicas r
                               WHERE r.id = t.claimed_by AND r.heartbeat_at >= now() - (? * interval '1 millisecond')))`,
      [replica, options.staleClaimMs ?? 30_000, options.deadReplicaMs ?? 3000],
    );

  const fire = async (timer: Due): Promise<void> => {
    const started = Date.now();
    let reply: SwitchReply;
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
      reply = message.json<SwitchReply>();
    } catch (error) {
      reply = { ok: false, error: { code: 'UNAVAILABLE', message: (error as Error).message } };
    }
    const em = orm.em.fork();
    if (reply.ok || isFinalAnswer(reply.error)) {
      const appliedAt = reply.ok && reply.value.decidedAt ? Date.parse(reply.value.decidedAt) : started;
      const lateness = Math.max(0, appliedAt - new Date(timer.due_at).getTime());
      metrics.lateness.observe(lateness / 1000);
      if (!reply.ok) metrics.failures.inc({ kind: 'refused' });
      await em.execute(
        `UPDATE ${SCHEDULER_SCHEMA}.timers SET status = 'fired', fired_at = now(), applied_at = ?, lateness_ms = ?, outcome = ?
          WHERE id = ? AND status = 'firing'`,
        [new Date(appliedAt), lateness, reply.ok ? 'applied' : (reply.error.rule ?? reply.error.code), timer.id],
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

  /** LISTEN for new timers; after a lost connection (PostgreSQL restarted) it listens again. */
  const listen = async (): Promise<void> => {
    const client = new Client({ connectionString: options.databaseUrl, application_name: 'scheduler timer-firer listen' });
    listener = client;
    client.on('notification', () => wake?.());
    const reconnect = () => {
      if (stopped || listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void listen().catch(() => undefined), 500);
    };
    client.on('error', reconnect);
    client.on('end', reconnect);
    try {
      await client.connect();
      await client.query('LISTEN scheduler_timers');
    } catch (error) {
      reconnect();
      throw error;
    }
  };

  const run = async (): Promise<void> => {
    while (!stopped) {
      try {
        await takeOverDeadClaims();
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
      stopped = false;
      await beat();
      heartbeat = setInterval(() => void beat().catch(() => undefined), options.heartbeatMs ?? 1000);
      // Without the listener the firer still wakes every maxSleepMs; it keeps trying to listen.
      await listen().catch((error: unknown) => logger.warn({ err: error }, 'cannot LISTEN for timers yet; retrying'));
      loop = run();
    },
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      wake?.();
      await loop;
      await listener?.end().catch(() => undefined);
      await orm.em
        .fork()
        .execute(`DELETE FROM ${SCHEDULER_SCHEMA}.replicas WHERE id = ?`, [replica])
        .catch(() => undefined);
    },
  };
};
