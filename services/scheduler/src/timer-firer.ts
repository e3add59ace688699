import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RequestError, type NatsConnection } from '@nats-io/transport-node';
import { Gauge, Histogram, Counter, type Registry } from 'prom-client';
import type { ErrorBody, Reply } from '@tnp/kernel';
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

type Due = { id: string; number: string; schedule_id: string; due_at: Date };
type SwitchReply = Reply<{ decidedAt?: string }>;
type BatchReply = Reply<{ results?: { commandId: string; reply: SwitchReply }[] }>;
/** How one claimed timer ended: recorded as fired (an answer), or back to pending for a resend. */
type Outcome = { id: string; final: boolean; applied_at: string | null; lateness_ms: number | null; outcome: string | null };

const commandIdOf = (timer: Due): string => `timer:${timer.id}`;
const unavailable = (message: string): { ok: false; error: ErrorBody } => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

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
    batches: new Histogram({
      name: 'tnp_scheduler_batch_size',
      help: 'Timers fired per request to call-flow',
      buckets: [1, 10, 50, 100, 250, 500, 1000],
      registers: [options.registry],
    }),
  };
  const replica = randomUUID();
  const batchSize = options.batchSize ?? 1000;
  const batchesInFlight = options.batchesInFlight ?? 4;
  const requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: Client | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let loop: Promise<void> = Promise.resolve();

  const p = options.prefix ? `${options.prefix}.` : '';
  const batchSubject = `${p}cmd.call-flow.apply-scheduled-switches`;
  const singleSubject = `${p}cmd.call-flow.apply-scheduled-switch`;

  /**
   * The oldest due rows, read in due order from the pending index. The sort is ruled out: right
   * after a burst of timers is added the planner's statistics do not know them yet, and a sort
   * would read and order every due row for each batch (a 100,000-timer burst: 100 times).
   */
  const claim = async (): Promise<Due[]> =>
    orm.em.fork().transactional(async (em) => {
      await em.execute('SET LOCAL enable_sort = off');
      return em.execute<Due[]>(
        `UPDATE ${SCHEDULER_SCHEMA}.timers t SET status = 'firing', claimed_at = now(), claimed_by = ?, attempts = t.attempts + 1
          WHERE t.id = ANY(ARRAY(
            SELECT id FROM ${SCHEDULER_SCHEMA}.timers
             WHERE status = 'pending' AND due_at <= now() AND (not_before IS NULL OR not_before <= now())
             ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED))
          RETURNING t.id, t.number, t.schedule_id, t.due_at`,
        [replica, batchSize],
      );
    });

  const beat = (): Promise<unknown> =>
    orm.em
      .fork()
      .execute(
        `INSERT INTO ${SCHEDULER_SCHEMA}.replicas (id, heartbeat_at) VALUES (?, now()) ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
        [replica],
      );

  /**
   * Claims of replicas that stopped beating (or that hang past the stale limit) go back to pending,
   * and so do this replica's own: it runs this between rounds, with nothing in flight, so a claim
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

  const envelope = (commandId: string, data: unknown): string =>
    JSON.stringify({ commandId, principal: { id: 'scheduler', role: 'system' }, data });
  const switchOf = (timer: Due) => ({ number: timer.number, scheduleId: timer.schedule_id });

  const request = async <R extends Reply>(subject: string, body: string): Promise<R> =>
    (await options.nc.request(subject, body, { timeout: requestTimeoutMs })).json<R>();

  const isNoResponders = (error: unknown): boolean => error instanceof RequestError && error.isNoResponders();

  /** One switch per request: what a call-flow replica without the batch subject (a rolling upgrade) still answers. */
  const sendSingly = async (batch: Due[]): Promise<Map<string, SwitchReply>> => {
    const replies = new Map<string, SwitchReply>();
    const queue = [...batch];
    // No replica serves that subject either (call-flow is down): the rest are not sent this time.
    let down = false;
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency ?? 64, queue.length) }, async () => {
        for (let timer = queue.shift(); timer; timer = queue.shift()) {
          if (down) {
            replies.set(timer.id, unavailable('no call-flow replica answers'));
            continue;
          }
          const reply = await request<SwitchReply>(singleSubject, envelope(commandIdOf(timer), switchOf(timer))).catch((error: unknown) => {
            down ||= isNoResponders(error);
            return unavailable((error as Error).message);
          });
          replies.set(timer.id, reply);
        }
      }),
    );
    return replies;
  };

  /** Every timer of the batch in one request; each result is that switch's reply, found by its command id. */
  const send = async (batch: Due[]): Promise<Map<string, SwitchReply>> => {
    const body = envelope(`timers:${randomUUID()}`, {
      switches: batch.map((timer) => ({ commandId: commandIdOf(timer), data: switchOf(timer) })),
    });
    let reply: BatchReply;
    try {
      reply = await request<BatchReply>(batchSubject, body);
    } catch (error) {
      if (isNoResponders(error)) return sendSingly(batch);
      reply = unavailable((error as Error).message);
    }
    const byCommandId = new Map((reply.ok ? (reply.value.results ?? []) : []).map((r) => [r.commandId, r.reply]));
    // A batch refused as a whole (it could not be read) is no switch's answer: each is sent again.
    const failure: SwitchReply = reply.ok
      ? unavailable('no result for this switch')
      : isFinalAnswer(reply.error)
        ? unavailable(reply.error.message)
        : reply;
    return new Map(batch.map((timer) => [timer.id, byCommandId.get(commandIdOf(timer)) ?? failure]));
  };

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
    await orm.em.fork().execute(
      `UPDATE ${SCHEDULER_SCHEMA}.timers t
          SET status = CASE WHEN o.final THEN 'fired' ELSE 'pending' END,
              fired_at = CASE WHEN o.final THEN now() ELSE t.fired_at END,
              applied_at = CASE WHEN o.final THEN o.applied_at ELSE t.applied_at END,
              lateness_ms = CASE WHEN o.final THEN o.lateness_ms ELSE t.lateness_ms END,
              outcome = CASE WHEN o.final THEN o.outcome ELSE t.outcome END,
              not_before = CASE WHEN o.final THEN t.not_before ELSE now() + interval '1 second' END
         FROM jsonb_to_recordset(?::jsonb) AS o(id text, final boolean, applied_at timestamptz, lateness_ms integer, outcome text)
        WHERE t.id = o.id AND t.status = 'firing'`,
      [JSON.stringify(outcomes)],
    );
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
          const batch = await claim();
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
        if ((await fireDue()).moreDue) continue;
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
