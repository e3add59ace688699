import { randomUUID } from 'node:crypto';
import { RequestError, type NatsConnection } from '@nats-io/transport-node';
import type { ErrorBody, Reply } from '@tnp/kernel';
import { isFinalAnswer } from '@tnp/messaging';
import type { Due } from './timer-claims';

export type SwitchReply = Reply<{ decidedAt?: string }>;
type BatchReply = Reply<{ results?: { commandId: string; reply: SwitchReply }[] }>;

const commandIdOf = (timer: Due): string => `timer:${timer.id}`;
export const unavailable = (message: string): { ok: false; error: ErrorBody } => ({ ok: false, error: { code: 'UNAVAILABLE', message } });

export type SwitchRequestOptions = {
  readonly nc: NatsConnection;
  readonly prefix: string;
  readonly requestTimeoutMs: number;
  /** Requests in flight when falling back to one switch per request (call-flow without the batch subject). */
  readonly concurrency?: number | undefined;
};

/**
 * Claimed timers as switches to call-flow: all of a batch in one request to
 * apply-scheduled-switches, each its own command with the timer id as its command id; one switch
 * per request to a call-flow that does not serve the batch subject yet (a rolling upgrade).
 */
export const switchRequests = (options: SwitchRequestOptions) => {
  const requestTimeoutMs = options.requestTimeoutMs;
  const p = options.prefix ? `${options.prefix}.` : '';
  const batchSubject = `${p}cmd.call-flow.apply-scheduled-switches`;
  const singleSubject = `${p}cmd.call-flow.apply-scheduled-switch`;

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

  return { send };
};
