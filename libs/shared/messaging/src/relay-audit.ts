import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { compareLogPositions, type CheckpointStore, type EventStore, type RecordedEvent } from '@tnp/event-store';
import { publishEvent, type EventPublication } from './jetstream-relay';

export type RelayAuditOptions = EventPublication & {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly checkpointName?: string;
  /** Republish what is missing; without it the audit only counts. */
  readonly repair: boolean;
};

export type RelayAuditReport = {
  readonly stream: string;
  /** Events up to the relay's checkpoint: all of them should be on the stream. */
  readonly audited: number;
  readonly onStream: number;
  readonly missing: number;
  readonly republished: number;
  readonly missingEventIds: readonly string[];
};

/**
 * Holds the event store against the JetStream stream: every event the relay has checkpointed must
 * be on the stream (JetStream acknowledges before fsync, so a crashed server can lose some). The
 * repair republishes the missing ones with their event ids as message ids.
 */
export const auditRelay = async (options: RelayAuditOptions): Promise<RelayAuditReport> => {
  const checkpoint = await options.checkpoints.load(options.checkpointName ?? 'relay');
  const onStream = await messageIdsOn(options.nc, options.stream);
  const missing: RecordedEvent[] = [];
  let audited = 0;
  let after = { transactionId: 0, position: 0 };
  for (;;) {
    const batch = await options.store.readAll({ after, maxCount: 5000 });
    const inScope = batch.filter((e) => compareLogPositions(e.logPosition, checkpoint) <= 0);
    audited += inScope.length;
    missing.push(...inScope.filter((e) => !onStream.has(e.id)));
    const last = batch.at(-1);
    if (!last || inScope.length < batch.length) break;
    after = last.logPosition;
  }
  let republished = 0;
  if (options.repair && missing.length > 0) {
    const js = jetstream(options.nc);
    for (const event of missing) {
      const ack = await publishEvent(js, options, event);
      if (!ack.duplicate) republished++;
    }
  }
  return {
    stream: options.stream,
    audited,
    onStream: onStream.size,
    missing: missing.length,
    republished,
    missingEventIds: missing.slice(0, 100).map((e) => e.id),
  };
};

/** The Nats-Msg-Id of every message on the stream, read headers-only with an ordered consumer. */
const messageIdsOn = async (nc: NatsConnection, stream: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  const info = await (await jetstreamManager(nc)).streams.info(stream);
  const lastSeq = info.state.last_seq;
  if (info.state.messages === 0) return ids;
  const consumer = await jetstream(nc).consumers.get(stream, { headers_only: true });
  const messages = await consumer.consume({ max_messages: 1000 });
  for await (const message of messages) {
    const id = message.headers?.get('Nats-Msg-Id');
    if (id) ids.add(id);
    if (message.seq >= lastSeq) break;
  }
  await messages.close();
  return ids;
};
