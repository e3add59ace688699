import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { inSpan, SpanKind, type Logger } from '@tnp/platform';
import type { CloudEvent } from './cloud-event';

export type ReactionOptions = {
  readonly nc: NatsConnection;
  /** The JetStream stream of the context whose events this reaction follows. */
  readonly stream: string;
  readonly durable: string;
  readonly filterSubject: string;
  readonly handle: (event: CloudEvent) => Promise<void>;
  readonly logger: Logger;
  readonly retryDelayMs?: number;
};

/**
 * Follows another context's events through a JetStream durable consumer, one at a time and in
 * order; a message is acknowledged only after its handler succeeded. Handlers are idempotent by
 * event id (their commands derive their ids from it), so a redelivery changes nothing.
 */
export class JetStreamReaction {
  private messages: ConsumerMessages | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ReactionOptions) {}

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.running;
  }

  private async run(): Promise<void> {
    const { nc, stream, durable, filterSubject, logger } = this.options;
    while (!this.stopped) {
      try {
        const jsm = await jetstreamManager(nc);
        await jsm.consumers.add(stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: filterSubject,
          max_ack_pending: 1,
        });
        const consumer = await jetstream(nc).consumers.get(stream, durable);
        this.messages = await consumer.consume({ max_messages: 64 });
        for await (const message of this.messages) {
          const event = message.json<CloudEvent>();
          try {
            await inSpan(
              `react ${durable} ${event.type}`,
              { parent: event.traceparent ? { traceparent: event.traceparent } : undefined, kind: SpanKind.CONSUMER },
              () => this.options.handle(event),
            );
            message.ack();
          } catch (error) {
            logger.warn({ err: error, event: event.id, type: event.type }, 'reaction failed; redelivering later');
            message.nak(this.options.retryDelayMs ?? 1000);
          }
        }
      } catch (error) {
        if (this.stopped) return;
        // The source stream may not exist yet when this service starts before its source.
        logger.warn({ err: error, stream, durable }, 'reaction cannot follow its stream yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }
}
