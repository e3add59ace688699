import type { MikroORM } from '@mikro-orm/postgresql';
import type { OperationsExtension } from '@tnp/service-runtime';
import { SCHEDULER_SCHEMA } from '../timers/timers';

/** A pending timer this long past its instant is late (the lateness alert fires on it too). */
export const LATE_AFTER_SECONDS = 5;

type TimerState = 'due' | 'late' | 'firing';
const STATES: readonly TimerState[] = ['due', 'late', 'firing'];
const WHERE: Record<TimerState, string> = {
  due: `status = 'pending' AND due_at <= now()`,
  late: `status = 'pending' AND due_at <= now() - make_interval(secs => ${LATE_AFTER_SECONDS})`,
  firing: `status = 'firing'`,
};

type Counts = { pending: string; due: string; late: string; firing: string; next_due_at: Date | null; oldest_due_at: Date | null };
type TimerRow = {
  id: string;
  number: string;
  schedule_id: string;
  due_at: Date;
  status: string;
  attempts: number;
  claimed_by: string | null;
};

/** The scheduler's timers for an operator: how many are due, late and firing, and which. */
export const timerOperations = (orm: MikroORM): OperationsExtension => ({
  status: async () => {
    const [counts] = await orm.em.fork().execute<Counts[]>(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
              count(*) FILTER (WHERE ${WHERE.due}) AS due,
              count(*) FILTER (WHERE ${WHERE.late}) AS late,
              count(*) FILTER (WHERE ${WHERE.firing}) AS firing,
              min(due_at) FILTER (WHERE status = 'pending') AS next_due_at,
              min(due_at) FILTER (WHERE ${WHERE.due}) AS oldest_due_at
         FROM ${SCHEDULER_SCHEMA}.timers WHERE status IN ('pending', 'firing')`,
    );
    return {
      timers: {
        pending: Number(counts?.pending ?? 0),
        due: Number(counts?.due ?? 0),
        late: Number(counts?.late ?? 0),
        firing: Number(counts?.firing ?? 0),
        lateAfterSeconds: LATE_AFTER_SECONDS,
        nextDueAt: counts?.next_due_at ? new Date(counts.next_due_at).toISOString() : null,
        oldestDueAt: counts?.oldest_due_at ? new Date(counts.oldest_due_at).toISOString() : null,
      },
    };
  },
  routes: (http) => {
    http.get('/operations/timers', async (request, reply) => {
      const state = ((request.query as Record<string, unknown> | undefined)?.['state'] ?? 'due') as TimerState;
      if (!STATES.includes(state))
        return reply.code(400).send({ code: 'VALIDATION_FAILED', message: `state must be one of ${STATES.join(', ')}`, field: 'state' });
      const rows = await orm.em
        .fork()
        .execute<TimerRow[]>(
          `SELECT id, number, schedule_id, due_at, status, attempts, claimed_by FROM ${SCHEDULER_SCHEMA}.timers WHERE ${WHERE[state]} ORDER BY due_at LIMIT 100`,
        );
      return {
        state,
        timers: rows.map((r) => ({
          id: r.id,
          number: r.number,
          scheduleId: r.schedule_id,
          dueAt: new Date(r.due_at).toISOString(),
          status: r.status,
          attempts: r.attempts,
          claimedBy: r.claimed_by,
        })),
      };
    });
  },
});
