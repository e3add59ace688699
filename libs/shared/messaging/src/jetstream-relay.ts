import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import {
  FencedOutError,
  LOG_START,
  type CheckpointStore,
  type EventStore,
  type Lease,
  type LogPosition,
  type RecordedEvent,
  type Subscription,
} from '@tnp/event-store';
import { currentTraceCarrier, inSpan, SpanKind, type Logger, type PlatformMetrics } from '@tnp/platform';
import { toCloudEvent } from './cloud-event';

/** How a service's stored events appear on JetStream: its name, where its schemas are served, each event's subject. */
export type EventPublication = {
  readonly service: string;
  /** The gateway's public URL, below which `dataschema` points at each event version's JSON Schema. */
  readonly schemaBaseUrl: string;
  readonly subjectFor: (event: RecordedEvent) => string;
};

export type RelayOptions = EventPublication & {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly nc: NatsConnection;
  readonly logger: Logger;
  readonly metrics?: PlatformMetrics;
  readonly checkpointName?: string;
  readonly batchSize?: number;
};

/**
 * Publishes every stored event to JetStream in global order. The checkpoint moves only after
 * JetStream acknowledged the whole batch; after a crash what followed the checkpoint is sent again
 * and JetStream drops the copies by Nats-Msg-Id.
 */
export class JetStreamRelay {
  private subscription: Subscription | undefined;
  private readonly js: JetStreamClient;
  private readonly checkpointName: string;
  private position: LogPosition = LOG_START;
  private lease: Lease | undefined;
  private saving: Promise<void> | undefined;

  constructor(private readonly options: RelayOptions) {
    this.js = jetstream(options.nc);
    this.checkpointName = options.checkpointName ?? 'relay';
  }

  get publishedPosition(): LogPosition {
    return this.position;
  }

  get name(): string {
    return this.checkpointName;
  }

  async start(lease?: Lease): Promise<void> {
    this.lease = lease;
    this.position = await this.options.checkpoints.load(this.checkpointName);
    this.options.logger.info({ position: this.position }, 'relay starting');
    this.subscription = this.options.store.subscribeToAll((batch) => this.publishBatch(batch), {
      after: this.position,
      batchSize: this.options.batchSize ?? 2000,
      onError: (error) => {
        if (this.fencedOut(error)) return;
        this.options.logger.warn({ err: error }, 'relay batch failed; retrying from the checkpoint');
      },
    });
  }

  private fencedOut(error: unknown): boolean {
    if (!(error instanceof FencedOutError)) return false;
    this.options.logger.error({ err: error }, 'relay fenced out: another replica leads; stopping');
    this.lease?.stepDown(error);
    return true;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.saving?.catch((error: unknown) => this.options.logger.warn({ err: error }, 'relay checkpoint not saved at stop'));
    this.saving = undefined;
  }

  /**
   * The checkpoint of a batch is written while the next batch is published: one write in flight
   * at most, so the checkpoint trails JetStream by one batch (sent again after a crash, dropped as
   * copies). A failed write fails the next batch, which is then sent again.
   */
  private async publishBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const acks = await Promise.all(batch.map((event) => this.publish(event)));
    const last = batch[batch.length - 1];
    if (!last) return;
    const previous = this.saving;
    this.saving = undefined;
    await previous;
    this.saving = this.options.checkpoints.save(this.checkpointName, last.logPosition, this.lease?.fence);
    this.saving.catch((error: unknown) => this.fencedOut(error)); // any failure also fails the next batch
    this.position = last.logPosition;
    this.options.metrics?.relayPosition.set(last.globalPosition);
    const duplicates = acks.filter((a) => a.duplicate).length;
    this.options.metrics?.relayPublished.inc({ duplicate: 'false' }, acks.length - duplicates);
    if (duplicates > 0) this.options.metrics?.relayPublished.inc({ duplicate: 'true' }, duplicates);
  }

  private publish(event: RecordedEvent): Promise<PubAck> {
    return publishEvent(this.js, this.options, event);
  }
}

/** One stored event as a CloudEvent on JetStream, deduplicated by its event id. */
export const publishEvent = (js: JetStreamClient, publication: EventPublication, event: RecordedEvent): Promise<PubAck> => {
  const subject = publication.subjectFor(event);
  return inSpan(
    `relay publish ${event.type}`,
    {
      parent: event.metadata,
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.destination.name': subject, 'messaging.message.id': event.id },
    },
    async () => {
      const h = headers();
      const carrier = currentTraceCarrier();
      if (carrier.traceparent) h.set('traceparent', carrier.traceparent);
      if (carrier.tracestate) h.set('tracestate', carrier.tracestate);
      h.set('content-type', 'application/cloudevents+json');
      const cloudEvent = toCloudEvent(publication.service, event, publication.schemaBaseUrl);
      h.set('ce-type', cloudEvent.type);
      return js.publish(subject, JSON.stringify(cloudEvent), { msgID: event.id, headers: h, timeout: 10_000 });
    },
  );
};
