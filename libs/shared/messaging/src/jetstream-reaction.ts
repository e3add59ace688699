import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { inSpan, SpanKind, type Logger, type PlatformMetrics } from '@tnp/platform';
import type { CloudEvent } from './cloud-event';
import { isConnectionFailure } from '@tnp/event-store';
import { isPlatformError } from '@tnp/kernel';

export type ReactionOptions = {
  readonly nc: NatsConnection;
  /** The JetStream stream of the context whose events this reaction follows. */
  readonly stream: string;
  readonly durable: string;
  readonly filterSubject: string;
  readonly handle: (event: CloudEvent) => Promise<void>;
  readonly logger: Logger;
  readonly metrics?: PlatformMetrics;
  /** Where messages that keep failing are parked; one stream per service. */
  readonly deadLetters?: DeadLetterStream;
  /** Delays between attempts; after the last one the message is parked. */
  readonly backoffMs?: readonly number[];
};

export type DeadLetterStream = { readonly name: string; readonly subjectPrefix: string };

export type DeadLetter = {
  readonly seq: number;
  readonly durable: string;
  readonly eventId: string;
  readonly type: string;
  readonly reason: string;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly event: CloudEvent;
};

const DEFAULT_BACKOFF_MS = [250, 1000, 5000, 15_000];
/**
 * How long a delivered message may go unacknowledged before JetStream hands it out again. With
 * one message in flight per consumer, this is how long a replica killed mid-message holds its
 * reaction back; a handler that runs longer tells JetStream it is still working.
 */
const ACK_WAIT_MS = 5000;

/** Creates the service's dead-letter stream (file storage, kept until replayed or removed). */
export const ensureDeadLetterStream = async (nc: NatsConnection, stream: DeadLetterStream, replicas = 1): Promise<void> => {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(stream.name);
  } catch {
    await jsm.streams.add({
      name: stream.name,
      subjects: [`${stream.subjectPrefix}.>`],
      storage: StorageType.File,
      num_replicas: replicas,
    });
  }
};

/**
 * Follows another context's events through a JetStream durable consumer, one at a time and in
 * order; a message is acknowledged only after its handler succeeded. Handlers are idempotent by
 * event id (their commands derive their ids from it), so a redelivery changes nothing. A message
 * whose handler keeps failing is retried with backoff, then parked in the dead-letter stream with
 * the reason, and the consumer goes on with the next one.
 */
export class JetStreamReaction {
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ReactionOptions) {}

  get name(): string {
    return `reaction:${this.options.durable}`;
  }

  get durable(): string {
    return this.options.durable;
  }

  start(): void {
    this.stopped = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.running;
  }

  /** Messages not yet delivered and acknowledged: the consumer's lag. */
  async pending(): Promise<number> {
    const info = await (await jetstreamManager(this.options.nc)).consumers.info(this.options.stream, this.options.durable);
    return info.num_pending + info.num_ack_pending;
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    const stream = this.options.deadLetters;
    if (!stream) return [];
    const jsm = await jetstreamManager(this.options.nc);
    const info = await jsm.streams.info(stream.name, { subjects_filter: this.deadLetterSubject() }).catch(() => undefined);
    if (!info || info.state.messages === 0) return [];
    const found: DeadLetter[] = [];
    const consumer = await jetstream(this.options.nc).consumers.get(stream.name, { filter_subjects: this.deadLetterSubject() });
    for (;;) {
      const message = await consumer.next({ expires: 1000 });
      if (!message) break;
      found.push(toDeadLetter(message));
      if (message.info.pending === 0) break;
    }
    return found;
  }

  /** Runs the handler again on each parked message; those that now succeed leave the dead-letter stream. */
  async replayDeadLetters(): Promise<{ readonly replayed: number; readonly stillFailing: number }> {
    const stream = this.options.deadLetters;
    if (!stream) return { replayed: 0, stillFailing: 0 };
    const jsm = await jetstreamManager(this.options.nc);
    let replayed = 0;
    let stillFailing = 0;
    for (const letter of await this.listDeadLetters()) {
      try {
        await this.options.handle(letter.event);
        await jsm.streams.deleteMessage(stream.name, letter.seq);
        replayed++;
      } catch (error) {
        stillFailing++;
        this.options.logger.warn({ err: error, event: letter.eventId }, 'dead letter still fails');
      }
    }
    this.options.metrics?.deadLetters.set({ durable: this.options.durable }, stillFailing);
    return { replayed, stillFailing };
  }

  private deadLetterSubject(): string {
    return `${this.options.deadLetters?.subjectPrefix ?? 'dlq'}.${this.options.durable}`;
  }

  private async run(): Promise<void> {
    const { nc, stream, durable, filterSubject, logger } = this.options;
    while (!this.stopped) {
      try {
        const jsm = await jetstreamManager(nc);
        const ackWait = ACK_WAIT_MS * 1_000_000;
        await jsm.consumers
          .add(stream, {
            durable_name: durable,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            filter_subject: filterSubject,
            max_ack_pending: 1,
            ack_wait: ackWait,
          })
          .catch(async (error: unknown) => {
            // Created by an older version with another ack wait: bring it to this one.
            if (!/already (exists|in use)/i.test((error as Error).message ?? '')) throw error;
            await jsm.consumers.update(stream, durable, { ack_wait: ackWait });
          });
        const consumer = await jetstream(nc).consumers.get(stream, durable);
        this.messages = await consumer.consume({ max_messages: 64 });
        for await (const message of this.messages) await this.process(message);
      } catch (error) {
        if (this.stopped) return;
        // The source stream may not exist yet when this service starts before its source.
        logger.warn({ err: error, stream, durable }, 'reaction cannot follow its stream yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async process(message: JsMsg): Promise<void> {
    const { durable, logger, metrics } = this.options;
    let event: CloudEvent;
    try {
      event = message.json<CloudEvent>();
    } catch (error) {
      await this.park(message, undefined, `undecodable message: ${(error as Error).message}`);
      return;
    }
    const stillWorking = setInterval(() => message.working(), ACK_WAIT_MS / 3);
    try {
      await inSpan(
        `react ${durable} ${event.type}`,
        { parent: event.traceparent ? { traceparent: event.traceparent } : undefined, kind: SpanKind.CONSUMER },
        () => this.options.handle(event),
      );
      message.ack();
    } catch (error) {
      const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
      const attempt = message.info.deliveryCount;
      const reason = (error as Error).message ?? String(error);
      // A database or service that is down makes every message fail: wait for it, park nothing.
      if (attempt > backoff.length && this.options.deadLetters && !isTransient(error)) {
        await this.park(message, event, reason);
        return;
      }
      metrics?.reactionRetries.inc({ durable });
      const delay = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1000;
      logger.warn({ err: error, event: event.id, type: event.type, attempt, retryInMs: delay }, 'reaction failed; retrying later');
      message.nak(delay);
    } finally {
      clearInterval(stillWorking);
    }
  }

  private async park(message: JsMsg, event: CloudEvent | undefined, reason: string): Promise<void> {
    const { durable, logger, metrics, deadLetters } = this.options;
    if (!deadLetters) {
      message.nak(DEFAULT_BACKOFF_MS.at(-1));
      return;
    }
    const h = headers();
    h.set('dlq-durable', durable);
    h.set('dlq-reason', reason.slice(0, 1000));
    h.set('dlq-attempts', String(message.info.deliveryCount));
    h.set('dlq-original-subject', message.subject);
    h.set('dlq-original-seq', String(message.seq));
    h.set('dlq-parked-at', new Date().toISOString());
    await jetstream(this.options.nc).publish(this.deadLetterSubject(), message.data, {
      headers: h,
      msgID: `${durable}:${event?.id ?? message.seq}`,
    });
    // A bare +TERM: nats-server 2.9 does not understand "+TERM <reason>" and leaves the message
    // pending, which stalled the consumer (max_ack_pending 1). The reason is in the dead letter.
    message.term();
    metrics?.deadLettered.inc({ durable });
    metrics?.deadLetters.inc({ durable });
    logger.error(
      { event: event?.id, type: event?.type, reason, attempts: message.info.deliveryCount },
      'reaction parked a message in the dead-letter stream',
    );
  }
}

const isTransient = (error: unknown): boolean => (isPlatformError(error) && error.retryable) || isConnectionFailure(error);

const toDeadLetter = (message: JsMsg): DeadLetter => {
  let event: CloudEvent;
  try {
    event = message.json<CloudEvent>();
  } catch {
    event = { id: '', type: '(undecodable)' } as CloudEvent;
  }
  const h = message.headers;
  return {
    seq: message.seq,
    durable: h?.get('dlq-durable') ?? '',
    eventId: event.id,
    type: event.type,
    reason: h?.get('dlq-reason') ?? '',
    attempts: Number(h?.get('dlq-attempts') ?? 0),
    parkedAt: h?.get('dlq-parked-at') ?? '',
    event,
  };
};
