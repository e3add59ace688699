import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventSourcedService } from './service-process';

export type Command = { readonly service: EventSourcedService; readonly name: string; readonly data: unknown };

type ReplyBody = { ok: true; value: unknown } | { ok: false; error: { code: string; rule?: string; message?: string } };

const FINAL = new Set(['RULE_VIOLATED', 'INVALID_TRANSITION', 'NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN']);

/** The client side's own record of what happened: the independent record the checks hold the platform to. */
export type WorkloadRecord = {
  /** Command ids the platform acknowledged, by service. */
  readonly acknowledged: Map<EventSourcedService, string[]>;
  readonly refused: { command: Command; code: string; rule?: string }[];
  /** Attempts answered "try again" (UNAVAILABLE, no responders, timeout), by what the answer was. */
  readonly retried: Map<string, number>;
  /** When each acknowledgement arrived (ms since the epoch), to see when commands flow again. */
  readonly ackTimes: number[];
  /** Commands that never got a final answer before the run ended: neither acknowledged nor lost. */
  unanswered: number;
};

export const emptyRecord = (): WorkloadRecord => ({
  acknowledged: new Map(),
  refused: [],
  retried: new Map(),
  ackTimes: [],
  unanswered: 0,
});

const subjectOf = (command: Command): string => `cmd.${command.service}.${command.name}`;

/**
 * Sends one command until it gets a final answer, always under the same command id, as a client
 * with an idempotency key does: an acknowledged command must have been applied exactly once.
 */
export const sendUntilAnswered = async (
  nc: NatsConnection,
  command: Command,
  record: WorkloadRecord,
  giveUpAt: number,
): Promise<boolean> => {
  const commandId = randomUUID();
  const body = JSON.stringify({ commandId, principal: { id: 'fault-suite', role: 'platform', tenantId: 'acme' }, data: command.data });
  for (;;) {
    let reason: string;
    try {
      const reply = (await nc.request(subjectOf(command), body, { timeout: 5000 })).json<ReplyBody>();
      if (reply.ok) {
        const acked = record.acknowledged.get(command.service) ?? [];
        acked.push(commandId);
        record.acknowledged.set(command.service, acked);
        record.ackTimes.push(Date.now());
        return true;
      }
      if (FINAL.has(reply.error.code)) {
        record.refused.push({ command, code: reply.error.code, ...(reply.error.rule ? { rule: reply.error.rule } : {}) });
        return false;
      }
      reason = reply.error.code;
    } catch (error) {
      const message = (error as Error).message ?? '';
      reason = /no responders/i.test(message) ? 'no responders' : /timeout/i.test(message) ? 'timeout' : 'disconnected';
    }
    record.retried.set(reason, (record.retried.get(reason) ?? 0) + 1);
    if (Date.now() > giveUpAt) {
      record.unanswered++;
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** What each worker sends: commands that always change state, so each acknowledged one appends events. */
export type CommandSource = (worker: number, iteration: number) => Command;

/**
 * A closed loop of workers, each sending its next command once the last one was answered, until
 * told to stop; then each finishes the command it has in hand.
 */
export class Workload {
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly source: CommandSource,
    private readonly workers: number,
    readonly record: WorkloadRecord = emptyRecord(),
  ) {}

  start(): void {
    this.stopping = false;
    this.running = Promise.all(
      Array.from({ length: this.workers }, async (_, worker) => {
        for (let i = 0; !this.stopping; i++) await sendUntilAnswered(this.nc, this.source(worker, i), this.record, Date.now() + 90_000);
      }),
    ).then(() => undefined);
  }

  async stop(): Promise<WorkloadRecord> {
    this.stopping = true;
    await this.running;
    return this.record;
  }
}
