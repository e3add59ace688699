import { notFound, PlatformError, validationFailed, type NumberHistoryEntry, type NumberHistoryPart, type Principal } from '@tnp/kernel';
import { HISTORY_CONTEXTS, type NumberTimelineEntry } from '@tnp/number-inventory-contracts';

/** A stretch of time an occupier held the number: from its allocation to its deallocation (open while it still holds it). */
export type HoldingPeriod = {
  readonly occupierId: string;
  readonly from: string;
  readonly to: string | null;
  /** Inventory's own entries of the period: revisions from the allocation to the deallocation. */
  readonly fromRevision: number;
  readonly toRevision: number | null;
  /** The correlation ids of the inventory changes in the period: other contexts' reactions to them belong to it, even a moment after its end. */
  readonly correlationIds: ReadonlySet<string>;
};

type Owner = { readonly type: string; readonly occupierId?: string };
const ownerOf = (data: unknown): Owner | undefined => (data as { owner?: Owner } | null)?.owner;

/** The periods each occupier held the number, from inventory's events in stream order. */
export const holdingPeriods = (inventory: readonly NumberHistoryEntry[]): HoldingPeriod[] => {
  const periods: HoldingPeriod[] = [];
  let open: { occupierId: string; from: string; fromRevision: number; correlationIds: Set<string> } | undefined;
  for (const entry of [...inventory].sort((a, b) => a.revision - b.revision)) {
    if (entry.type === 'NumberAllocated') {
      const owner = ownerOf(entry.data);
      if (owner?.type === 'occupier' && owner.occupierId)
        open = { occupierId: owner.occupierId, from: entry.recordedAt, fromRevision: entry.revision, correlationIds: new Set() };
    }
    open?.correlationIds.add(entry.correlationId);
    if (entry.type === 'NumberDeallocated' && open) {
      periods.push({ ...open, to: entry.recordedAt, toRevision: entry.revision });
      open = undefined;
    }
  }
  if (open) periods.push({ ...open, to: null, toRevision: null });
  return periods;
};

const within = (period: HoldingPeriod, instant: string): boolean =>
  Date.parse(instant) >= Date.parse(period.from) && (period.to === null || Date.parse(instant) <= Date.parse(period.to));

const holdsRevision = (period: HoldingPeriod, revision: number): boolean =>
  revision >= period.fromRevision && (period.toRevision === null || revision <= period.toRevision);

/**
 * Another context's entry belongs to a period when it followed from an inventory change in it (a
 * reaction, even one recorded a moment after the period ended), or, when it followed from no
 * inventory change (a setting an admin made), when it was recorded in it.
 */
const belongsTo = (period: HoldingPeriod, entry: NumberHistoryEntry, inventoryCorrelations: ReadonlySet<string>): boolean =>
  inventoryCorrelations.has(entry.correlationId) ? period.correlationIds.has(entry.correlationId) : within(period, entry.recordedAt);

/** The number's site, as inventory recorded it when the number was provisioned. */
export const siteOf = (inventory: readonly NumberHistoryEntry[]): string | null =>
  (inventory.find((e) => e.type === 'NumberProvisioned')?.data as { siteId?: string } | undefined)?.siteId ?? null;

/**
 * Who sees which part of a number's history: the platform and internal systems all of it, a
 * site's operator all of it for numbers at its sites, an occupier's admin only the periods the
 * occupier held the number. Anyone else, and anyone asking about a number that was never theirs,
 * is told it does not exist.
 */
export const historyScope = (
  principal: Principal | undefined,
  number: string,
  inventory: readonly NumberHistoryEntry[],
): ((entry: NumberHistoryEntry) => boolean) => {
  const siteId = siteOf(inventory);
  const periods = holdingPeriods(inventory);
  if (siteId === null) throw notFound(`${number} is not provisioned`);
  switch (principal?.role) {
    case undefined:
    case 'platform':
    case 'system':
      return () => true;
    case 'operator':
      if (!principal.sites?.includes(siteId)) throw notFound(`${number} is not at your sites`);
      return () => true;
    case 'occupier-admin': {
      const own = periods.filter((p) => p.occupierId === principal.tenantId);
      if (own.length === 0) throw notFound(`${number} was never yours`);
      const inventoryCorrelations = new Set(inventory.map((e) => e.correlationId));
      return (entry) =>
        own.some((p) =>
          entry.context === 'number-inventory' ? holdsRevision(p, entry.revision) : belongsTo(p, entry, inventoryCorrelations),
        );
    }
    case 'user':
      throw new PlatformError('FORBIDDEN', "Users cannot read a number's history");
  }
};

/** Whether the caller may see the number's state at `at`: for an occupier, only inside a period it held the number. */
export const assertMayReadStateAt = (
  principal: Principal | undefined,
  number: string,
  at: string,
  periods: readonly HoldingPeriod[],
): void => {
  if (principal?.role !== 'occupier-admin') return;
  if (!periods.some((p) => p.occupierId === principal.tenantId && within(p, at))) throw notFound(`${number} was not yours at ${at}`);
};

const contextRank = (context: string): number => {
  const i = (HISTORY_CONTEXTS as readonly string[]).indexOf(context);
  return i < 0 ? HISTORY_CONTEXTS.length : i;
};

const compareEntries = (a: NumberHistoryEntry, b: NumberHistoryEntry): number =>
  Date.parse(a.recordedAt) - Date.parse(b.recordedAt) ||
  contextRank(a.context) - contextRank(b.context) ||
  (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) ||
  a.revision - b.revision;

const reasonOf = (data: unknown): string | null => {
  const reason = (data as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && reason.length > 0 ? reason : null;
};

/** Every context's entries in one timeline, oldest first, each with why it happened. */
export const mergeTimeline = (parts: readonly NumberHistoryPart[]): NumberTimelineEntry[] => {
  const all = parts.flatMap((p) => p.entries).sort(compareEntries);
  const byEventId = new Map(all.map((e) => [e.eventId, e]));
  return all.map((entry) => {
    const cause = entry.causationId ? byEventId.get(entry.causationId) : undefined;
    return {
      ...entry,
      why: {
        reason: reasonOf(entry.data),
        causedBy: cause && cause.context !== entry.context ? { context: cause.context, type: cause.type, eventId: cause.eventId } : null,
      },
    };
  });
};

type CursorKey = readonly [recordedAt: string, context: string, streamId: string, revision: number];

export const encodeHistoryCursor = (entry: NumberHistoryEntry): string =>
  Buffer.from(JSON.stringify([entry.recordedAt, entry.context, entry.streamId, entry.revision] satisfies CursorKey)).toString('base64url');

const decodeHistoryCursor = (cursor: string): CursorKey => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === 4 &&
      typeof key[0] === 'string' &&
      !Number.isNaN(Date.parse(key[0])) &&
      typeof key[1] === 'string' &&
      typeof key[2] === 'string' &&
      Number.isInteger(key[3])
    )
      return key as unknown as CursorKey;
  } catch {
    // answered below
  }
  throw validationFailed([{ path: 'cursor', message: 'must be a nextCursor from an earlier page of this history' }]);
};

/** One page of the timeline: the entries after the cursor's, and the cursor of the next page (null on the last). */
export const pageOfTimeline = (
  timeline: readonly NumberTimelineEntry[],
  cursor: string | undefined,
  limit: number,
): { entries: NumberTimelineEntry[]; nextCursor: string | null } => {
  let start = 0;
  if (cursor) {
    const [recordedAt, context, streamId, revision] = decodeHistoryCursor(cursor);
    const key = { recordedAt, context, streamId, revision } as NumberHistoryEntry;
    start = timeline.findIndex((e) => compareEntries(e, key) > 0);
    if (start < 0) start = timeline.length;
  }
  const entries = timeline.slice(start, start + limit);
  const last = entries.at(-1);
  return { entries, nextCursor: last && start + limit < timeline.length ? encodeHistoryCursor(last) : null };
};
