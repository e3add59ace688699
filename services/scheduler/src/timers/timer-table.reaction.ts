import type { MikroORM } from '@mikro-orm/postgresql';
import type { ReceivedEvent } from '@tnp/messaging';
import { SCHEDULER_SCHEMA, timerIdOf } from './timers';

/**
 * Keeps the timer table in step with call-flow: a scheduled switch adds a timer, a reschedule
 * moves it while it is pending, a cancellation or an applied/failed switch retires it. Every
 * statement is idempotent, so a redelivered event changes nothing.
 */
export const reactToCallFlow =
  (orm: MikroORM) =>
  async (event: ReceivedEvent): Promise<void> => {
    const data = event.data as { number?: string; scheduleId?: string; dueAt?: string };
    if (!data.number || !data.scheduleId) return;
    const id = timerIdOf(data.number, data.scheduleId);
    const em = orm.em.fork();
    switch (event.type) {
      case 'FlowSwitchScheduled':
        await em.execute(
          `INSERT INTO ${SCHEDULER_SCHEMA}.timers (id, number, schedule_id, due_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
          [id, data.number, data.scheduleId, data.dueAt],
        );
        break;
      case 'FlowSwitchRescheduled':
        await em.execute(`UPDATE ${SCHEDULER_SCHEMA}.timers SET due_at = ? WHERE id = ? AND status = 'pending'`, [data.dueAt, id]);
        break;
      case 'FlowSwitchCancelled':
        await em.execute(`UPDATE ${SCHEDULER_SCHEMA}.timers SET status = 'cancelled' WHERE id = ? AND status IN ('pending', 'firing')`, [
          id,
        ]);
        break;
      case 'FlowSwitched':
      case 'FlowSwitchFailed':
        // Whichever replica sent it, the switch was applied when call-flow recorded it.
        await em.execute(
          `UPDATE ${SCHEDULER_SCHEMA}.timers
              SET status = 'fired', outcome = COALESCE(outcome, ?), fired_at = COALESCE(fired_at, now()),
                  applied_at = COALESCE(applied_at, ?::timestamptz),
                  lateness_ms = COALESCE(lateness_ms, greatest(0, round(extract(epoch FROM ?::timestamptz - due_at) * 1000))::integer)
            WHERE id = ? AND status <> 'fired'`,
          [event.type, event.time, event.time, id],
        );
        break;
      default:
        return;
    }
    await em.execute(`SELECT pg_notify('scheduler_timers', '')`);
  };
