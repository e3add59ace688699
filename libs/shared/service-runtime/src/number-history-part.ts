import type { EventStore, RecordedEvent } from '@tnp/event-store';
import {
  numberHistoryPartQuerySchema,
  numberHistoryPartSubject,
  toHistoryJson,
  type NumberHistoryEntry,
  type NumberHistoryPart,
  type NumberHistoryPartQuery,
} from '@tnp/kernel';
import type { Decider, Message } from '@tnp/kernel';
import { foldRecorded, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';

/** What a context contributes to a number's history (ADR 0028). */
export type NumberHistorySource = {
  /** The streams whose events belong to the number's history: its own stream here, and any it links to. */
  readonly streamsOf: (number: string, store: EventStore) => Promise<readonly string[]>;
  /** A stream's state after these events: the context's decider folded over them. */
  readonly stateOf: (streamId: string, events: readonly RecordedEvent[]) => unknown;
};

/** A stream's state as its decider folds the events. */
export const foldedWith =
  <S, E extends Message<string, unknown>>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>) =>
  (events: readonly RecordedEvent[]): S =>
    foldRecorded(decider.evolve, decider.initialState(), events);

export const historyEntryOf = (context: string, event: RecordedEvent): NumberHistoryEntry => {
  const m = event.metadata;
  return {
    context,
    streamId: event.streamId,
    revision: event.streamRevision,
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    data: toHistoryJson(event.data),
    principal: m.principalId ? { id: m.principalId, role: m.principalRole ?? 'unknown' } : null,
    tenantId: m.tenantId ?? null,
    command: m.command ?? null,
    commandId: m.commandId,
    correlationId: m.correlationId,
    causationId: m.causationId ?? null,
  };
};

/** This context's part of a number's history, read from its own store. */
export const readNumberHistoryPart = async (
  context: string,
  source: NumberHistorySource,
  store: EventStore,
  query: NumberHistoryPartQuery,
): Promise<NumberHistoryPart> => {
  const until = query.at ? Date.parse(query.at) : Number.POSITIVE_INFINITY;
  const streams = await store.readStreams(await source.streamsOf(query.number, store));
  const entries: NumberHistoryEntry[] = [];
  const states: { streamId: string; revision: number; state: unknown }[] = [];
  for (const [streamId, all] of streams) {
    const events = all.filter((e) => Date.parse(e.recordedAt) <= until);
    entries.push(...events.map((e) => historyEntryOf(context, e)));
    const last = events.at(-1);
    if (query.at && last) states.push({ streamId, revision: last.streamRevision, state: toHistoryJson(source.stateOf(streamId, events)) });
  }
  return { context, entries, ...(query.at ? { states } : {}) };
};

export const numberHistoryPartEndpoint = (
  context: string,
  source: NumberHistorySource,
  store: EventStore,
  deps: EndpointDeps,
  prefix: string,
): NatsEndpoint =>
  queryEndpoint(deps, {
    subject: numberHistoryPartSubject(context, prefix),
    queryType: 'NumberHistoryPart',
    schema: numberHistoryPartQuerySchema,
    handle: (query) => readNumberHistoryPart(context, source, store, query),
  });
