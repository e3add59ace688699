import type { AppendRequest, EventStore, NewEvent, RecordedEvent } from '@tnp/event-store';
import { StagedEventStore } from './staged-event-store';

const event = (id: string): NewEvent => ({
  id,
  type: 'Happened',
  data: { id },
  metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
});
const recorded = (streamId: string, revision: number): RecordedEvent => ({
  ...event(`${streamId}-${revision}`),
  streamId,
  streamRevision: revision,
  globalPosition: revision + 1,
  logPosition: { transactionId: 1, position: revision + 1 },
  recordedAt: '2026-01-01T00:00:00Z',
});

/** The store underneath: one stream with two events; it records what is appended to it. */
const base = () => {
  const appended: AppendRequest[][] = [];
  const store = {
    readStream: async (id: string) => (id === 'a' ? [recorded('a', 0), recorded('a', 1)] : []),
    appendMany: async (requests: readonly AppendRequest[]) => {
      appended.push([...requests]);
      return requests.map((r) => ({
        streamId: r.streamId,
        nextExpectedRevision: 0,
        lastGlobalPosition: 0,
        eventIds: r.events.map((e) => e.id),
        replayed: false,
      }));
    },
  } as unknown as EventStore;
  return { store, appended };
};

describe('staged event store', () => {
  test('reads its own staged appends after the stored events; nothing reaches the store before commit, then all in one append', async () => {
    const { store, appended } = base();
    const staged = new StagedEventStore(store);
    await staged.appendMany([{ streamId: 'a', events: [event('x')], expectedRevision: 1 }]);
    await staged.append('b', [event('y'), event('z')], 'no_stream');
    expect((await staged.readStream('a')).map((e) => [e.id, e.streamRevision])).toEqual([
      ['a-0', 0],
      ['a-1', 1],
      ['x', 2],
    ]);
    expect((await staged.readStream('b', { fromRevision: 1 })).map((e) => e.id)).toEqual(['z']);
    expect(appended).toEqual([]);
    await staged.commit();
    expect(appended).toEqual([
      [
        { streamId: 'a', events: [event('x')], expectedRevision: 1 },
        { streamId: 'b', events: [event('y'), event('z')], expectedRevision: 'no_stream' },
      ],
    ]);
  });

  test('a stale expected revision conflicts as the store would; a rollback forgets what came after the mark', async () => {
    const staged = new StagedEventStore(base().store);
    await expect(staged.append('a', [event('x')], 0)).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    await expect(staged.append('b', [event('x')], 'stream_exists')).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    await staged.append('a', [event('x')], 1);
    const mark = staged.mark();
    await staged.append('a', [event('y')], 2);
    staged.rollback(mark);
    expect((await staged.readStream('a')).map((e) => e.id)).toEqual(['a-0', 'a-1', 'x']);
    expect(staged.pending()).toEqual([{ streamId: 'a', events: [event('x')], expectedRevision: 1 }]);
  });
});
