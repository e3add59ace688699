import {
  NO_STREAM_REVISION,
  deterministicEventId,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@tnp/event-store';
import type { CommandMetadata, Message } from '@tnp/kernel';
import { CommandStore } from './command-store';

export type Loaded<S> = { readonly state: S; readonly revision: number };

export const loadAggregate = async <S, E extends Message<string, unknown>>(
  store: EventStore,
  streamId: string,
  evolve: (state: S, event: E) => S,
  initial: S,
): Promise<Loaded<S>> => {
  if (store instanceof CommandStore) return store.loadState(streamId, evolve as (state: unknown, event: never) => unknown, initial);
  const events = await store.readStream(streamId);
  return { state: foldRecorded(evolve, initial, events), revision: events.at(-1)?.streamRevision ?? NO_STREAM_REVISION };
};

export const foldRecorded = <S, E extends Message<string, unknown>>(
  evolve: (state: S, event: E) => S,
  initial: S,
  events: readonly RecordedEvent[],
): S => events.reduce((state, event) => evolve(state, { type: event.type, data: event.data } as E), initial);

export const expectedRevisionOf = (revision: number): ExpectedRevision => (revision === NO_STREAM_REVISION ? 'no_stream' : revision);

export const EVENT_SCHEMA_VERSION = 1;

/**
 * What event ids derive from: the command id, and for a command run by the command log the nonce
 * of that run. A retry of the run gets the same ids (the store recognises the append); a command
 * id used again after its idempotency window expired gets new ones.
 */
export const eventIdSeed = (metadata: Pick<CommandMetadata, 'commandId' | 'executionNonce'>): string =>
  metadata.executionNonce ? `${metadata.commandId}#${metadata.executionNonce}` : metadata.commandId;

/** Domain events with the metadata every stored event carries. */
export const toNewEvents = (
  streamId: string,
  events: readonly Message<string, unknown>[],
  metadata: CommandMetadata,
  indexOffset = 0,
): NewEvent[] =>
  events.map((event, index) => ({
    id: deterministicEventId(eventIdSeed(metadata), streamId, indexOffset + index),
    type: event.type,
    data: event.data,
    metadata: {
      commandId: metadata.commandId,
      ...(metadata.commandType ? { command: metadata.commandType } : {}),
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? metadata.commandId,
      principalId: metadata.principal.id,
      principalRole: metadata.principal.role,
      ...(metadata.principal.tenantId ? { tenantId: metadata.principal.tenantId } : {}),
      occurredAt: metadata.now,
      ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
      schemaVersion: EVENT_SCHEMA_VERSION,
    },
  }));
