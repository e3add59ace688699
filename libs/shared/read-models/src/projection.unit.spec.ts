import fc from 'fast-check';
import type { RecordedEvent } from '@tnp/event-store';
import { deliveryArbitrary, foldInBatches, splitAndReplay } from '@tnp/testing';
import type { Projection } from './projection';

/** A projection with no guard of its own: any event applied twice shows in its count. */
type Tally = { key: string; count: number; types: string[] };
const tally: Projection<Tally> = {
  name: 'tally',
  handles: new Set(['Opened', 'Touched', 'Closed']),
  keyOf: (e) => (e.data as { key: string }).key,
  apply: (row, e) =>
    e.type === 'Closed'
      ? null
      : { key: (e.data as { key: string }).key, count: (row?.count ?? 0) + 1, types: [...(row?.types ?? []), e.type] },
};

const recorded = (streamId: string, streamRevision: number, type: string, key: string, position: number): RecordedEvent => ({
  id: `${streamId}:${streamRevision}`,
  type,
  data: { key },
  metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
  streamId,
  streamRevision,
  globalPosition: position,
  logPosition: { transactionId: position, position },
  recordedAt: '2026-01-01T00:00:00Z',
});

/** Streams that each feed one row (some rows fed by two streams), interleaved in one log. */
const logArbitrary = fc
  .array(fc.record({ stream: fc.integer({ min: 0, max: 4 }), type: fc.constantFrom('Touched', 'Touched', 'Closed', 'Opened') }), {
    minLength: 1,
    maxLength: 60,
  })
  .map((steps) => {
    const revisions = new Map<number, number>();
    return steps.map((step, i) => {
      const revision = (revisions.get(step.stream) ?? -1) + 1;
      revisions.set(step.stream, revision);
      return recorded(`s-${step.stream}`, revision, revision === 0 ? 'Opened' : step.type, `k-${step.stream % 3}`, i + 1);
    });
  });

describe('applyBatch', () => {
  test('any split of the log, with any batch delivered again, gives the rows of applying each event once', () => {
    fc.assert(
      fc.property(
        logArbitrary.chain((log) => fc.tuple(fc.constant(log), deliveryArbitrary(log))),
        ([log, delivery]) => {
          const oneByOne = foldInBatches(
            tally,
            log.map((e) => [e]),
          );
          expect(foldInBatches(tally, splitAndReplay(log, delivery))).toEqual(oneByOne);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the first event of a stream delivered again is skipped too', () => {
    const opened = recorded('s-1', 0, 'Opened', 'k', 1);
    expect(foldInBatches(tally, [[opened], [opened]]).get('k')?.count).toBe(1);
  });

  test('an event replayed after its row was removed does not bring the row back', () => {
    const log = [recorded('s-1', 0, 'Opened', 'k', 1), recorded('s-1', 1, 'Closed', 'k', 2)];
    expect(foldInBatches(tally, [log, [log[0] as RecordedEvent]]).has('k')).toBe(false);
  });
});
