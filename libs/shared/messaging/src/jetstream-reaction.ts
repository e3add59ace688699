import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  StorageType,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { inSpan, SpanKind, type Logger, type PlatformMetrics } from '@tnp/platform';
import { receivedEvent, type CloudEvent, type ReceivedEvent } from './cloud-event';
import { compareLogPositions, isConnectionFailure, type LogPosition } from '@tnp/event-store';
import { isPlatformError } from '@tnp/kernel';
import type { BatchOutcome, ReactionHandler } from './reaction-batch';

export * from './reaction-batch';

export type ReactionOptions = {
  readonly nc: NatsConnection;
  /** The JetStream stream of the context whose events this reaction follows. */
  readonly stream: string;
  readonly durable: string;
  readonly filterSubject: string;
  /** Idempotent by event id; with `handleBatch` (see setBasedReaction) it also takes many events at once. */
  readonly handle: ReactionHandler;
  /** Events with the same key are handled one after another, in stream order; the event's subject (its stream) by default. */
  readonly keyOf?: (event: ReceivedEvent) => string;
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
 * How long a delivered message may go unacknowledged before JetStream hands it out again. The
 * runner tells JetStream it is still working on every message it holds, so this is how long a
 * replica killed mid-batch holds its reaction's messages back.
 */
const ACK_WAIT_MS = 5000;
/** Messages delivered and not yet acknowledged, at most (the consumer's max_ack_pending). */
const MAX_IN_FLIGHT = 2048;
/** Events handed to one handleBatch call, at most: each on a key of its own. */
const MAX_BATCH = 512;
/** Batches in flight at once (one decides while the other's append is in the database). */
const BATCHES_IN_FLIGHT = 2;
/** Events handled one by one (handlers without handleBatch, events left alone) at once, at most. */
const ALONE_IN_FLIGHT = 16;

type Held = {
  msg: JsMsg;
  readonly seq: number;
  readonly key: string;
  readonly event: ReceivedEvent | undefined;
  readonly undecodable?: string;
  /** Attempts made on this delivery, before the one running. */
  retries: number;
};
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
 * Follows another context's events through a JetStream durable consumer. Many messages are in
 * flight at once, but messages with the same key (the event's stream: one number) are handled one
 * after another in stream order; different keys go in parallel, in batches that a set-based
 * handler takes with one read and one append (see setBasedReaction). A message is acknowledged
 * only after its handler succeeded. Handlers are idempotent by event id (their commands derive
 * their ids from it), so a redelivery changes nothing. A message whose handler fails is retried
 * by itself with backoff, holding back only the later messages of its key, then parked in the
 * dead-letter stream with the reason; the others go on meanwhile.
 */
export class JetStreamReaction {
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** Every message delivered and not yet acknowledged, parked or given back, by stream sequence. */
  private readonly held = new Map<number, Held>();
  /** Per key, its messages in stream order; the first one is being handled when the key is busy. */
  private readonly queues = new Map<string, Held[]>();
  /** Keys with a message to handle and none being handled, oldest first. */
  private readonly ready = new Set<string>();
  private readonly busy = new Set<string>();
  private batchesInFlight = 0;
  private readonly work = new Set<Promise<void>>();
  private aloneInFlight = 0;
  private readonly aloneWaiting: (() => void)[] = [];
  private pumpScheduled = false;
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private backoffAbort = new AbortController();
  /** After a restart: messages a previous run held, to be handled in stream order before any newer one. */
  private recovery: { readonly upTo: number; readonly expected: number; readonly older: Held[]; readonly newer: Held[] } | undefined;

  constructor(private readonly options: ReactionOptions) {}

  get name(): string {
    return `reaction:${this.options.durable}`;
  }

  get durable(): string {
    return this.options.durable;
  }

  /** The JetStream stream of the context it follows. */
  get source(): string {
    return this.options.stream;
  }

  start(): void {
    this.stopped = false;
    this.backoffAbort = new AbortController();
    const keepAlive = setInterval(() => {
      // A closed connection (the run is over) has nothing to keep: JetStream hands the messages out again.
      if (this.options.nc.isClosed()) return clearInterval(keepAlive);
      for (const h of this.held.values()) h.msg.working();
    }, ACK_WAIT_MS / 3);
    keepAlive.unref();
    this.keepAlive = keepAlive;
    this.running = this.run();
  }

  /**
   * Stops pulling, lets the handlers running finish, and gives the messages not handled back to
   * JetStream at once (the next run, here or on another replica, gets them first and in order).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.backoffAbort.abort();
    await this.messages?.close();
    await this.running;
    while (this.work.size > 0) await Promise.all([...this.work]);
    clearInterval(this.keepAlive);
    for (const h of [...this.held.values()].sort((a, b) => a.seq - b.seq)) h.msg.nak();
    this.held.clear();
    this.queues.clear();
    this.ready.clear();
    this.busy.clear();
    this.recovery = undefined;
  }

  /**
   * Whether this reaction has handled every event of its source up to `mark` in the log's order
   * (the order the source's relay publishes in), whichever replica runs it: the stream holds an
   * event at or past the mark, and either the consumer has nothing left or its acknowledged floor
   * is past it. `behind`: messages not yet handled.
   */
  async hasProcessed(mark: LogPosition): Promise<{ readonly reached: boolean; readonly behind: number }> {
    const { stream, durable } = this.options;
    const jsm = await jetstreamManager(this.options.nc);
    const lastSeq = (await jsm.streams.info(stream)).state.last_seq;
    const published = lastSeq > 0 ? await logPositionAt(jsm, stream, lastSeq) : undefined;
    const consumer = await jsm.consumers.info(stream, durable);
    const behind = consumer.num_pending + consumer.num_ack_pending;
    if (!published || compareLogPositions(published, mark) < 0) return { reached: false, behind };
    if (behind === 0) return { reached: true, behind };
    const floor = consumer.ack_floor.stream_seq;
    const acknowledged = floor > 0 ? await logPositionAt(jsm, stream, floor) : undefined;
    return { reached: acknowledged !== undefined && compareLogPositions(acknowledged, mark) >= 0, behind };
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
        await this.options.handle(receivedEvent(letter.event));
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
    while (!this.stopped && !nc.isClosed()) {
      try {
        const jsm = await jetstreamManager(nc);
        const settings = { ack_wait: ACK_WAIT_MS * 1_000_000, max_ack_pending: MAX_IN_FLIGHT };
        const info = await jsm.consumers
          .add(stream, {
            durable_name: durable,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            filter_subject: filterSubject,
            ...settings,
          })
          .catch(async (error: unknown) => {
            // Created by an older version (one message in flight, another ack wait): bring it to this one.
            if (!/already (exists|in use)/i.test((error as Error).message ?? '')) throw error;
            return jsm.consumers.update(stream, durable, settings);
          });
        // Messages still unacknowledged were handed to a run that ended (a replica killed, or
        // stopped): they come again, and go before anything newer so that each key keeps its order.
        if (info.num_ack_pending > 0 && this.held.size === 0) {
          this.recovery = { upTo: info.delivered.stream_seq, expected: info.num_ack_pending, older: [], newer: [] };
          const recovery = this.recovery;
          setTimeout(() => this.endRecovery(recovery), 3 * ACK_WAIT_MS).unref();
        }
        const consumer = await jetstream(nc).consumers.get(stream, durable);
        this.messages = await consumer.consume({ max_messages: MAX_BATCH * 2 });
        for await (const message of this.messages) {
          if (this.stopped) break;
          this.receive(message);
        }
      } catch (error) {
        if (this.stopped || nc.isClosed()) return;
        // The source stream may not exist yet when this service starts before its source.
        logger.warn({ err: error, stream, durable }, 'reaction cannot follow its stream yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private receive(msg: JsMsg): void {
    const already = this.held.get(msg.seq);
    if (already) {
      // Redelivered while still held here (the keep-alive came late): answer on the latest delivery.
      already.msg = msg;
      return;
    }
    let event: ReceivedEvent | undefined;
    let undecodable: string | undefined;
    try {
      event = receivedEvent(msg.json<CloudEvent>());
    } catch (error) {
      undecodable = `undecodable message: ${(error as Error).message}`;
    }
    const key = (event && (this.options.keyOf?.(event) ?? event.subject)) || msg.subject;
    const held: Held = { msg, seq: msg.seq, key, event, retries: 0, ...(undecodable ? { undecodable } : {}) };
    this.held.set(msg.seq, held);
    const recovery = this.recovery;
    if (recovery) {
      (msg.seq <= recovery.upTo ? recovery.older : recovery.newer).push(held);
      if (recovery.older.length >= recovery.expected) this.endRecovery(recovery);
      return;
    }
    this.enqueue(held);
  }

  private endRecovery(recovery: NonNullable<JetStreamReaction['recovery']>): void {
    if (this.recovery !== recovery) return;
    this.recovery = undefined;
    for (const held of recovery.older.sort((a, b) => a.seq - b.seq)) this.enqueue(held);
    for (const held of recovery.newer) this.enqueue(held);
  }

  private enqueue(held: Held): void {
    const queue = this.queues.get(held.key);
    if (queue) queue.push(held);
    else this.queues.set(held.key, [held]);
    if (!this.busy.has(held.key)) this.ready.add(held.key);
    this.schedulePump();
  }

  /** Next turn: what arrived in this one (a whole pull's worth) goes into the same batch. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.stopped && this.batchesInFlight < BATCHES_IN_FLIGHT && this.ready.size > 0) {
      const batch: Held[] = [];
      for (const key of this.ready) {
        const head = this.queues.get(key)?.[0];
        this.ready.delete(key);
        if (!head) continue;
        this.busy.add(key);
        batch.push(head);
        if (batch.length >= MAX_BATCH) break;
      }
      if (batch.length === 0) return;
      this.batchesInFlight++;
      const work = this.runBatch(batch)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'reaction batch ended with an error'))
        .finally(() => {
          this.work.delete(work);
          this.batchesInFlight--;
          this.pump();
        });
      this.work.add(work);
    }
  }

  /** One message of each of several keys; each key's next message waits for its own one to finish. */
  private async runBatch(batch: readonly Held[]): Promise<void> {
    const { durable, logger } = this.options;
    const decodable = batch.filter((h) => h.event !== undefined);
    let outcomes: readonly BatchOutcome[] | undefined;
    const handleBatch = this.options.handle.handleBatch;
    if (handleBatch && decodable.length > 1) {
      outcomes = await inSpan(
        `react ${durable} batch`,
        { kind: SpanKind.CONSUMER, attributes: { 'messaging.batch.message_count': decodable.length } },
        () => handleBatch(decodable.map((h) => h.event as ReceivedEvent)),
      ).catch((error: unknown) => {
        logger.warn({ err: error, events: decodable.length }, 'reaction batch failed; handling its events one by one');
        return undefined;
      });
    }
    await Promise.all(
      batch.map(async (held) => {
        const index = decodable.indexOf(held);
        if (outcomes?.[index] === 'done') this.settle(held, () => held.msg.ack());
        else await this.handleAlone(held);
      }),
    );
  }

  /** A message by itself: retried with backoff until it succeeds or is parked; its key waits meanwhile. */
  private async handleAlone(held: Held): Promise<void> {
    const { durable, logger, metrics } = this.options;
    if (!held.event) {
      while (!this.stopped && !(await this.park(held, held.undecodable ?? 'undecodable message'))) {
        await sleep(DEFAULT_BACKOFF_MS[0] ?? 250, this.backoffAbort.signal);
      }
      return;
    }
    const event = held.event;
    const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
    while (!this.stopped) {
      await this.aloneSlot();
      let failure: unknown;
      let failed = false;
      try {
        await inSpan(
          `react ${durable} ${event.type}`,
          { parent: event.traceparent ? { traceparent: event.traceparent } : undefined, kind: SpanKind.CONSUMER },
          () => this.options.handle(event),
        );
      } catch (error) {
        failure = error;
        failed = true;
      } finally {
        this.releaseAloneSlot();
      }
      if (!failed) {
        this.settle(held, () => held.msg.ack());
        return;
      }
      const attempt = held.msg.info.deliveryCount + held.retries;
      const reason = (failure as Error).message ?? String(failure);
      // A database or service that is down makes every message fail: wait for it, park nothing.
      if (attempt > backoff.length && this.options.deadLetters && !isTransient(failure)) {
        if (await this.park(held, reason)) return;
      }
      metrics?.reactionRetries.inc({ durable });
      const delay = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1000;
      logger.warn({ err: failure, event: event.id, type: event.type, attempt, retryInMs: delay }, 'reaction failed; retrying later');
      await sleep(delay, this.backoffAbort.signal);
      held.retries++;
    }
  }

  /** Moves the message to the dead-letter stream; false when that failed (it stays, to be tried again). */
  private async park(held: Held, reason: string): Promise<boolean> {
    const { durable, logger, metrics, deadLetters } = this.options;
    const attempts = held.msg.info.deliveryCount + held.retries;
    const event = held.event;
    if (!deadLetters) {
      // Nowhere to park it (an undecodable message, which no retry helps): JetStream hands it out again later.
      this.settle(held, () => held.msg.nak(DEFAULT_BACKOFF_MS.at(-1)));
      return true;
    }
    const h = headers();
    h.set('dlq-durable', durable);
    h.set('dlq-reason', reason.slice(0, 1000));
    h.set('dlq-attempts', String(attempts));
    h.set('dlq-original-subject', held.msg.subject);
    h.set('dlq-original-seq', String(held.seq));
    h.set('dlq-parked-at', new Date().toISOString());
    try {
      await jetstream(this.options.nc).publish(this.deadLetterSubject(), held.msg.data, {
        headers: h,
        msgID: `${durable}:${event?.id ?? held.seq}`,
      });
    } catch (error) {
      logger.warn({ err: error, event: event?.id }, 'reaction could not park a message; trying again later');
      return false;
    }
    // A bare +TERM: nats-server 2.9 does not understand "+TERM <reason>" and leaves the message
    // pending. The reason is in the dead letter.
    this.settle(held, () => held.msg.term());
    metrics?.deadLettered.inc({ durable });
    metrics?.deadLetters.inc({ durable });
    logger.error({ event: event?.id, type: event?.type, reason, attempts }, 'reaction parked a message in the dead-letter stream');
    return true;
  }

  /** The message is answered; its key goes on with its next message. */
  private settle(held: Held, answer: () => void): void {
    try {
      answer();
    } catch (error) {
      // The connection is gone: unanswered, the message comes again (and its effects are already there).
      this.options.logger.warn({ err: error, seq: held.seq }, 'reaction could not answer a message');
    }
    this.held.delete(held.seq);
    const queue = this.queues.get(held.key);
    if (queue?.[0] === held) queue.shift();
    this.busy.delete(held.key);
    if (queue && queue.length > 0) this.ready.add(held.key);
    else this.queues.delete(held.key);
    this.schedulePump();
  }

  private async aloneSlot(): Promise<void> {
    if (this.aloneInFlight < ALONE_IN_FLIGHT) {
      this.aloneInFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.aloneWaiting.push(resolve));
  }

  private releaseAloneSlot(): void {
    const next = this.aloneWaiting.shift();
    if (next) next();
    else this.aloneInFlight--;
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/** The log position a stored message carries; undefined when it is gone or predates transaction ids. */
const logPositionAt = async (jsm: JetStreamManager, stream: string, seq: number): Promise<LogPosition | undefined> => {
  const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
  if (!message) return undefined;
  try {
    const event = message.json<CloudEvent>();
    return typeof event.transactionid === 'number' ? { transactionId: event.transactionid, position: event.globalposition } : undefined;
  } catch {
    return undefined;
  }
};

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
