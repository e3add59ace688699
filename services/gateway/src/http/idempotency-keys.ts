import { jetstream, jetstreamManager, JetStreamApiError } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { PlatformError } from '@tnp/kernel';
import { ensureEventStream, idempotencyKeySubject, idempotencyKeysStream } from '@tnp/messaging';

const WRONG_LAST_SEQUENCE = 10071;

/**
 * Which route an Idempotency-Key was first used on, shared by every gateway replica. The services
 * bind a key to its command and body; only here is it known that a key came back on a route
 * another service serves. A key is bound once (a publish that expects the subject to be empty)
 * and forgotten after the idempotency window (the stream's max age).
 */
export class IdempotencyKeys {
  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly ttlMs: number,
    private readonly replicas: number,
  ) {}

  async ensure(): Promise<void> {
    await ensureEventStream(this.nc, {
      name: idempotencyKeysStream(this.prefix),
      subjects: [idempotencyKeySubject(this.prefix, '>')],
      duplicateWindowMs: Math.min(120_000, this.ttlMs),
      replicas: this.replicas,
      maxAgeMs: this.ttlMs,
      maxBytes: -1,
    });
  }

  /** Binds the key (its command id) to the route on first use; on another route it is refused (422). */
  async bind(commandId: string, operationId: string): Promise<void> {
    const subject = idempotencyKeySubject(this.prefix, commandId);
    try {
      await jetstream(this.nc).publish(subject, operationId, { expect: { lastSubjectSequence: 0 } });
      return;
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE)) throw unavailable(error);
    }
    const bound = await (
      await jetstreamManager(this.nc)
    ).streams
      .getMessage(idempotencyKeysStream(this.prefix), { last_by_subj: subject })
      .catch((error: unknown) => {
        throw unavailable(error);
      });
    const route = bound?.string();
    if (route !== undefined && route !== operationId) {
      throw new PlatformError(
        'IDEMPOTENCY_KEY_REUSED',
        `This Idempotency-Key was used for ${route}, not ${operationId}; use a new Idempotency-Key for a new request`,
      );
    }
  }
}

const unavailable = (error: unknown): PlatformError =>
  new PlatformError('UNAVAILABLE', 'Idempotency-Keys cannot be checked now; retry shortly', {}, { cause: error });
