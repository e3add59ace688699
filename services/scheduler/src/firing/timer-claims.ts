import type { MikroORM } from '@mikro-orm/postgresql';
import { SCHEDULER_SCHEMA } from '../timers/timers';

export type Due = { id: string; number: string; schedule_id: string; due_at: Date };
/** How one claimed timer ended: recorded as fired (an answer), or back to pending for a resend. */
export type Outcome = { id: string; final: boolean; applied_at: string | null; lateness_ms: number | null; outcome: string | null };

export type TimerClaimOptions = {
  readonly batchSize: number;
  readonly deadReplicaMs?: number | undefined;
  readonly staleClaimMs?: number | undefined;
};

/** The timer table as one replica works it: claims, heartbeats, outcomes, the next due instant. */
export const timerClaims = (orm: MikroORM, replica: string, options: TimerClaimOptions) => {
  const batchSize = options.batchSize;
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

  /**
   * Every outcome of a batch in one statement: an answer (applied, or a final refusal) marks the
   * timer fired with its lateness; anything else puts it back to pending for a resend a second later.
   */
  const record = (outcomes: readonly Outcome[]): Promise<unknown> =>
    orm.em.fork().execute(
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

  /** How long until the next pending timer is due (or may be tried again), and how many are pending. */
  const nextDue = async (): Promise<{ inMs: number; pending: number }> => {
    const rows = await orm.em
      .fork()
      .execute<{ next: Date | null; pending: string }[]>(
        `SELECT min(greatest(due_at, coalesce(not_before, due_at))) AS next, count(*) AS pending FROM ${SCHEDULER_SCHEMA}.timers WHERE status = 'pending'`,
      );
    const next = rows[0]?.next;
    return { inMs: next ? new Date(next).getTime() - Date.now() : Number.POSITIVE_INFINITY, pending: Number(rows[0]?.pending ?? 0) };
  };

  const leave = (): Promise<unknown> => orm.em.fork().execute(`DELETE FROM ${SCHEDULER_SCHEMA}.replicas WHERE id = ?`, [replica]);

  return { claim, beat, takeOverDeadClaims, record, nextDue, leave };
};
