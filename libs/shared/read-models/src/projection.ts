import type { RecordedEvent } from '@tnp/event-store';

/**
 * A read model as a pure function: which events it handles, which row each one touches, and
 * the row after the event (null removes it). Persistence lives in a ProjectionTable.
 */
export type Projection<Row> = {
  readonly name: string;
  readonly handles: ReadonlySet<string>;
  readonly keyOf: (event: RecordedEvent) => string;
  readonly apply: (row: Row | null, event: RecordedEvent) => Row | null;
};

/** Applies a batch in memory: each touched row is loaded once and saved once. */
export const applyBatch = <Row>(
  projection: Projection<Row>,
  loaded: ReadonlyMap<string, Row>,
  events: readonly RecordedEvent[],
): { readonly upserts: Row[]; readonly deletes: string[] } => {
  const rows = new Map<string, Row | null>();
  for (const event of events) {
    if (!projection.handles.has(event.type)) continue;
    const key = projection.keyOf(event);
    const current = rows.has(key) ? (rows.get(key) ?? null) : (loaded.get(key) ?? null);
    rows.set(key, projection.apply(current, event));
  }
  const upserts: Row[] = [];
  const deletes: string[] = [];
  for (const [key, row] of rows) {
    if (row === null) {
      if (loaded.has(key)) deletes.push(key);
    } else upserts.push(row);
  }
  return { upserts, deletes };
};
