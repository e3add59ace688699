import { randomUUID } from 'node:crypto';
import { eventually } from '@tnp/testing';
import {
  ConcurrencyConflictError,
  compareLogPositions,
  LOG_START,
  type EventStore,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port';

const event = (type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: '2026-01-01T00:00:00.000Z' },
});

/**
 * Behaviour every event store adapter must show. Each adapter's integration spec runs it
 * against a real server.
 */
export const eventStoreContract = (connect: () => Promise<EventStore>): void => {
  let store: EventStore;
  beforeAll(async () => {
    store = await connect();
  });
  afterAll(async () => {
    await store?.close();
  });
  const stream = (): string => `thing-${randomUUID()}`;

  test('appends to a new stream and reads it back in order', async () => {
    const id = stream();
    const events = [event('A', { n: 1 }), event('B', { n: 2 })];
    const result = await store.append(id, events, 'no_stream');
    expect(result.nextExpectedRevision).toBe(1);
    const read = await store.readStream(id);
    expect(read.map((e) => [e.type, e.data, e.streamRevision])).toEqual([
      ['A', { n: 1 }, 0],
      ['B', { n: 2 }, 1],
    ]);
    expect(read[0]?.metadata.commandId).toBe(events[0]?.metadata.commandId);
  });

  test('reads a stream forward from a revision', async () => {
    const id = stream();
    await store.append(id, [event('A'), event('B'), event('C')], 'no_stream');
    const read = await store.readStream(id, { fromRevision: 1 });
    expect(read.map((e) => e.type)).toEqual(['B', 'C']);
  });

  test('reads several streams at once, a missing one as empty', async () => {
    const [a, b, missing] = [stream(), stream(), stream()];
    await store.append(a, [event('A1'), event('A2')], 'no_stream');
    await store.append(b, [event('B1')], 'no_stream');
    const read = await store.readStreams([a, b, missing]);
    expect([...read].map(([id, events]) => [id, events.map((e) => e.type)])).toEqual([
      [a, ['A1', 'A2']],
      [b, ['B1']],
      [missing, []],
    ]);
  });

  test('a stale expected revision fails with CONCURRENCY_CONFLICT and writes nothing', async () => {
    const id = stream();
    await store.append(id, [event('A')], 'no_stream');
    await store.append(id, [event('B')], 0);
    const stale = store.append(id, [event('C'), event('D')], 0);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  test('of concurrent appends expecting the same revision, exactly one wins', async () => {
    for (const expected of ['no_stream', 0] as const) {
      const id = stream();
      if (expected === 0) await store.append(id, [event('Start')], 'no_stream');
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.append(id, [event(`W${i}`)], expected)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(
        Array(7).fill('CONCURRENCY_CONFLICT'),
      );
      expect(await store.readStream(id)).toHaveLength(expected === 0 ? 2 : 1);
    }
  });

  test('no_stream on an existing stream conflicts', async () => {
    const id = stream();
    await store.append(id, [event('A')], 'no_stream');
    await expect(store.append(id, [event('B')], 'no_stream')).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
  });

  test('an append repeated with the same event ids writes nothing and returns the first result', async () => {
    const id = stream();
    const events = [event('A'), event('B')];
    const first = await store.append(id, events, 'no_stream');
    const again = await store.append(id, events, 'no_stream');
    expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
    expect(again.replayed).toBe(true);
    expect(await store.readStream(id)).toHaveLength(2);
  });

  test('appendMany writes every stream or none', async () => {
    const taken = stream();
    await store.append(taken, [event('A')], 'no_stream');
    const fresh = stream();
    const attempt = store.appendMany([
      { streamId: fresh, events: [event('X')], expectedRevision: 'no_stream' },
      { streamId: taken, events: [event('Y')], expectedRevision: 'no_stream' },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect(await store.readStream(fresh)).toHaveLength(0);
    expect(await store.readStream(taken)).toHaveLength(1);

    const ok = await store.appendMany([
      { streamId: fresh, events: [event('X')], expectedRevision: 'no_stream' },
      { streamId: taken, events: [event('Y')], expectedRevision: 0 },
    ]);
    expect(ok.map((r) => r.nextExpectedRevision)).toEqual([0, 1]);
  });

  test('the global log delivers appended events in order from a position', async () => {
    const before = await lastPosition(store);
    const id = stream();
    await store.append(id, [event('A'), event('B')], 'no_stream');
    await store.append(id, [event('C')], 1);
    const all = (await store.readAll({ after: before, maxCount: 10_000 })).filter((e) => e.streamId === id);
    expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    const positions = all.map((e) => e.logPosition);
    expect([...positions].sort(compareLogPositions)).toEqual(positions);
    expect(compareLogPositions(await store.headPosition(), positions.at(-1) ?? LOG_START)).toBeGreaterThanOrEqual(0);
  });

  test('a subscription from a position receives later appends in order', async () => {
    const before = await lastPosition(store);
    const id = stream();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      async (batch) => {
        seen.push(...batch.filter((e) => e.streamId === id));
      },
      { after: before },
    );
    try {
      await store.append(id, [event('A')], 'no_stream');
      await store.append(id, [event('B')], 0);
      await eventually(() => expect(seen.map((e) => e.type)).toEqual(['A', 'B']));
    } finally {
      await subscription.stop();
    }
  });
};

const lastPosition = async (store: EventStore): Promise<LogPosition> => {
  let position = LOG_START;
  for (;;) {
    const batch = await store.readAll({ after: position, maxCount: 5000 });
    const last = batch[batch.length - 1];
    if (!last) return position;
    position = last.logPosition;
  }
};
