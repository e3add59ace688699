import fc from 'fast-check';
import type { RecordedEvent } from '@tnp/event-store';
import { applyBatch, type Projection } from '@tnp/read-models';

/** Stands for the runner's persistence: rows and applied revisions carried from batch to batch. */
export const foldInBatches = <Row>(projection: Projection<Row>, batches: readonly (readonly RecordedEvent[])[]): Map<string, Row> => {
  const rows = new Map<string, Row>();
  const applied = new Map<string, number>();
  for (const batch of batches) {
    const result = applyBatch(projection, rows, batch, applied);
    for (const [key, row] of result.rows) {
      if (row === null) rows.delete(key);
      else rows.set(key, row);
    }
    for (const [stream, revision] of result.revisions) applied.set(stream, revision);
  }
  return rows;
};

/** Cuts the log into batches, and delivers some of them again (as after a crash before the checkpoint). */
export const deliveryArbitrary = (log: readonly RecordedEvent[]) =>
  fc.record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, log.length - 1) }), { maxLength: log.length }),
    replays: fc.array(fc.record({ at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 10 }) }), { maxLength: 5 }),
  });

export const splitAndReplay = (
  log: readonly RecordedEvent[],
  delivery: { cuts: number[]; replays: { at: number; from: number; length: number }[] },
): RecordedEvent[][] => {
  const bounds = [0, ...[...delivery.cuts].sort((a, b) => a - b).filter((c) => c < log.length), log.length];
  const batches: RecordedEvent[][] = [];
  for (let i = 1; i < bounds.length; i++) batches.push(log.slice(bounds[i - 1], bounds[i]));
  for (const replay of delivery.replays) {
    const at = replay.at % (batches.length + 1);
    const delivered = batches.slice(0, at).flat();
    if (delivered.length === 0) continue;
    const from = replay.from % delivered.length;
    batches.splice(at, 0, delivered.slice(from, from + replay.length));
  }
  return batches.filter((b) => b.length > 0);
};
