import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { EventContract, parseCloudEventType, type EventData, type EventDefinitions } from '@tnp/kernel';
import { contextOf } from './trace-context';

/** An event as a handler gets it: checked against its published schema and brought up to its current version. */
export type SubscribedEvent<K extends string = string, D = unknown> = {
  readonly id: string;
  readonly type: K;
  /** The version of `data` as the handler sees it (older versions are upcast). */
  readonly version: number;
  readonly data: D;
  /** The stream the event belongs to: `<aggregate>-<id>`, one number for number events. */
  readonly subject: string;
  readonly source: string;
  readonly time: string;
  /** Its revision within its stream: a later fact about the same subject has a higher one. */
  readonly streamRevision: number;
  readonly globalPosition: number;
  readonly correlationId?: string;
  readonly tenantId?: string;
  /** Where JetStream holds it, and how often it has been delivered (1 the first time). */
  readonly streamSequence: number;
  readonly deliveryCount: number;
};

export type EventsHandled<D extends EventDefinitions> = { [K in keyof D & string]: SubscribedEvent<K, EventData<D, K>> }[keyof D & string];

type CloudEvent = {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string;
  readonly time: string;
  readonly dataschemaversion?: number;
  readonly streamrevision: number;
  readonly globalposition: number;
  readonly correlationid?: string;
  readonly tenantid?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: unknown;
};

export type SubscriberLogger = {
  readonly info: (fields: object, message: string) => void;
  readonly warn: (fields: object, message: string) => void;
  readonly error: (fields: object, message: string) => void;
};

export type EventSubscriberOptions<D extends EventDefinitions> = {
  readonly nc: NatsConnection;
  /** The publishing service (`number-inventory`) and the aggregate whose events this follows (`number`). */
  readonly service: string;
  readonly aggregate: string;
  /** That aggregate's event definitions from the service's contracts (`numberEvents`): they type and check the handlers' events. */
  readonly events: D;
  /** The durable consumer's name: one per subscribing application; its replicas share it. */
  readonly durable: string;
  /** The deployment's NATS subject prefix, if it has one. */
  readonly subjectPrefix?: string;
  /** The service's JetStream stream; by default `<PREFIX>_<SERVICE>_EVENTS`, as the platform names it. */
  readonly stream?: string;
  /** Where events that keep failing are parked (a stream of the subscriber's own, created if missing). */
  readonly deadLetters: { readonly stream: string; readonly subject: string };
  /** Attempts per event (deliveries and retries together) before it is parked; 5 by default. */
  readonly maxAttempts?: number;
  /** Pauses between attempts, the last one repeated; [200, 1000, 5000] ms by default. */
  readonly backoffMs?: readonly number[];
  /**
   * Events delivered and not yet acknowledged, at most. 1 (the default) keeps the stream's order
   * even across a crash; more is faster, but after a crash an event in flight may come again
   * after later ones (compare `streamRevision` to ignore the stale one).
   */
  readonly maxInFlight?: number;
  /** When the durable consumer does not exist yet: start after this stream sequence (a checkpoint kept with the effects). */
  readonly resumeAfter?: () => Promise<number | undefined>;
  readonly logger?: SubscriberLogger;
};

type Handler = (event: SubscribedEvent) => Promise<void>;

const ACK_WAIT_MS = 30_000;
const tracer = trace.getTracer('@tnp/event-subscriber');

/** The platform's stream naming: `NUMBER_INVENTORY_EVENTS`, with the subject prefix in front when there is one. */
export const platformStreamName = (service: string, subjectPrefix = ''): string =>
  `${subjectPrefix ? `${subjectPrefix.toUpperCase()}_` : ''}${service.toUpperCase().replace(/-/g, '_')}_EVENTS`;

/**
 * Follows one aggregate's events of a platform service through a durable JetStream consumer with
 * explicit acknowledgements. Each event is checked against the service's published schema (older
 * versions upcast) and given to the handler registered for its type; types without a handler are
 * acknowledged and skipped. A failing handler is retried with backoff, holding the events after it
 * back, and after `maxAttempts` the event is parked in the dead-letter stream with the reason and
 * the subscriber goes on. A handler runs in the trace of the command that caused its event.
 *
 * Delivery is at least once: make handlers idempotent by event id (PostgresInbox does it in the
 * handler's own transaction).
 */
export class EventSubscriber<D extends EventDefinitions> {
  private readonly handlers = new Map<string, Handler>();
  private readonly contract: EventContract;
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(private readonly options: EventSubscriberOptions<D>) {
    this.contract = new EventContract({
      service: options.service,
      title: options.service,
      aggregates: [{ aggregate: options.aggregate, description: '', events: options.events }],
    });
  }

  get stream(): string {
    return this.options.stream ?? platformStreamName(this.options.service, this.options.subjectPrefix);
  }

  get filterSubject(): string {
    const prefix = this.options.subjectPrefix ? `${this.options.subjectPrefix}.` : '';
    return `${prefix}evt.${this.options.service}.${this.options.aggregate}.>`;
  }

  on<K extends keyof D & string>(type: K, handler: (event: SubscribedEvent<K, EventData<D, K>>) => Promise<void>): this {
    if (!(type in this.options.events)) throw new Error(`${this.options.service} has no ${type} event on ${this.options.aggregate}`);
    this.handlers.set(type, handler as unknown as Handler);
    return this;
  }

  /** Creates the consumer (and the dead-letter stream) when missing, then handles events until stopped. */
  async start(): Promise<void> {
    const { nc, durable } = this.options;
    const jsm = await jetstreamManager(nc);
    await jsm.streams
      .info(this.options.deadLetters.stream)
      .catch(() => jsm.streams.add({ name: this.options.deadLetters.stream, subjects: [this.options.deadLetters.subject] }));
    const existing = await jsm.consumers.info(this.stream, durable).catch(() => undefined);
    if (!existing) {
      const after = await this.options.resumeAfter?.();
      await jsm.consumers.add(this.stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        ack_wait: ACK_WAIT_MS * 1_000_000,
        max_ack_pending: this.options.maxInFlight ?? 1,
        filter_subject: this.filterSubject,
        ...(after ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : { deliver_policy: DeliverPolicy.All }),
      });
    }
    const consumer = await jetstream(nc).consumers.get(this.stream, durable);
    this.messages = await consumer.consume({ max_messages: Math.max(1, Math.min(this.options.maxInFlight ?? 1, 256)) });
    this.options.logger?.info({ stream: this.stream, durable, filter: this.filterSubject }, 'subscriber started');
    const messages = this.messages;
    this.running = (async () => {
      for await (const message of messages) {
        if (this.stopped) break;
        await this.handle(message);
      }
    })();
  }

  /** Stops taking events; the one being handled finishes (or, mid-backoff, is given back to JetStream). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.messages?.close();
    await this.running;
    await this.options.nc.flush().catch(() => undefined);
  }

  private async handle(msg: JsMsg): Promise<void> {
    let cloudEvent: CloudEvent;
    try {
      cloudEvent = msg.json<CloudEvent>();
    } catch (error) {
      return this.park(msg, undefined, `undecodable message: ${(error as Error).message}`);
    }
    const parsed = parseCloudEventType(cloudEvent.type) ?? { type: cloudEvent.type, version: cloudEvent.dataschemaversion ?? 1 };
    const handler = this.handlers.get(parsed.type);
    if (!handler) return msg.ack();
    let decoded: { readonly type: string; readonly data: unknown } | undefined;
    try {
      decoded = this.contract.decode(parsed.type, parsed.version, cloudEvent.data);
    } catch (error) {
      return this.park(msg, cloudEvent, (error as Error).message);
    }
    if (!decoded) return msg.ack();
    const event: SubscribedEvent = {
      id: cloudEvent.id,
      type: parsed.type,
      version: this.contract.versionOf(parsed.type),
      data: decoded.data,
      subject: cloudEvent.subject,
      source: cloudEvent.source,
      time: cloudEvent.time,
      streamRevision: cloudEvent.streamrevision,
      globalPosition: cloudEvent.globalposition,
      ...(cloudEvent.correlationid ? { correlationId: cloudEvent.correlationid } : {}),
      ...(cloudEvent.tenantid ? { tenantId: cloudEvent.tenantid } : {}),
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
    };
    const backoff = this.options.backoffMs ?? [200, 1000, 5000];
    const maxAttempts = this.options.maxAttempts ?? 5;
    const keepAlive = setInterval(() => msg.working(), ACK_WAIT_MS / 3);
    try {
      for (let attempt = msg.info.deliveryCount; ; attempt++) {
        const failure = await this.attempt(handler, event, cloudEvent);
        if (failure === undefined) return msg.ack();
        const reason = (failure as Error).message ?? String(failure);
        if (attempt >= maxAttempts) return await this.park(msg, cloudEvent, reason, attempt);
        const delay = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 1000;
        this.options.logger?.warn({ event: event.id, type: event.type, attempt, retryInMs: delay, reason }, 'handler failed; retrying');
        if (!(await pause(delay, this.abort.signal))) return msg.nak();
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  /** One run of the handler in a consumer span that continues the event's trace; the failure, if any. */
  private attempt(handler: Handler, event: SubscribedEvent, cloudEvent: CloudEvent): Promise<unknown> {
    const parent = contextOf(cloudEvent.traceparent, cloudEvent.tracestate);
    return tracer.startActiveSpan(
      `process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': this.filterSubject,
          'messaging.message.id': event.id,
          'messaging.consumer.group.name': this.options.durable,
        },
      },
      parent,
      async (span) => {
        try {
          await context.with(trace.setSpan(parent, span), () => handler(event));
          return undefined;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          return error ?? new Error('handler failed');
        } finally {
          span.end();
        }
      },
    );
  }

  /** Moves the event to the dead-letter stream with why, then terminates it; if that fails, JetStream gives it again later. */
  private async park(msg: JsMsg, event: CloudEvent | undefined, reason: string, attempts = msg.info.deliveryCount): Promise<void> {
    const h = headers();
    h.set('dlq-durable', this.options.durable);
    h.set('dlq-reason', reason.slice(0, 1000));
    h.set('dlq-attempts', String(attempts));
    h.set('dlq-original-subject', msg.subject);
    h.set('dlq-original-seq', String(msg.seq));
    try {
      await jetstream(this.options.nc).publish(this.options.deadLetters.subject, msg.data, {
        headers: h,
        msgID: `${this.options.durable}:${event?.id ?? msg.seq}`,
      });
    } catch (error) {
      this.options.logger?.warn({ err: error, seq: msg.seq }, 'could not park an event; it will come again');
      msg.nak(5000);
      return;
    }
    msg.term();
    this.options.logger?.error({ event: event?.id, type: event?.type, reason, attempts }, 'event parked in the dead-letter stream');
  }
}

/** False when stopped meanwhile. */
const pause = (ms: number, signal: AbortSignal): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
