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
  /**
   * True when each row is fed by one stream only, holds the revision of the last event applied
   * to it, `apply` returns it unchanged for an event at or below that revision, and no row is ever
   * removed: then the row guards against a replay by itself and the runner keeps no per-stream
   * revisions for the projection (ADR 0023).
   */
  readonly rowGuardsReplays?: boolean;
};

/** The last revision of each stream a projection has applied: what makes a replayed event a no-op. */
export type AppliedRevisions = ReadonlyMap<string, number>;

export type BatchResult<Row> = {
  readonly upserts: Row[];
  readonly deletes: string[];
  /** Every row the batch touched, by key, as it stands after the batch (null: removed). */
  readonly rows: ReadonlyMap<string, Row | null>;
  /** Streams whose applied revision moved, with the new revision. */
  readonly revisions: Map<string, number>;
};

/**
 * Applies a batch in memory: each touched row is loaded once and saved once. An event at or below
 * the revision already applied for its stream is skipped, so a batch delivered twice, split
 * anywhere, or overlapping an earlier one leaves the same rows as applying each event once.
 */
export const applyBatch = <Row>(
  projection: Projection<Row>,
  loaded: ReadonlyMap<string, Row>,
  events: readonly RecordedEvent[],
  applied: AppliedRevisions = new Map(),
): BatchResult<Row> => {
  const rows = new Map<string, Row | null>();
  const revisions = new Map<string, number>();
  for (const event of events) {
    if (!projection.handles.has(event.type)) continue;
    const done = revisions.get(event.streamId) ?? applied.get(event.streamId) ?? -1;
    if (event.streamRevision <= done) continue;
    revisions.set(event.streamId, event.streamRevision);
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
  return { upserts, deletes, rows, revisions };
};
