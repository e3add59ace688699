import { REDACTED_SECRET, toHistoryJson, type NumberHistoryEntry, type Principal } from '@tnp/kernel';
import { assertMayReadStateAt, historyScope, holdingPeriods, mergeTimeline, pageOfTimeline } from './number-timeline';

let clock = Date.parse('2026-03-01T09:00:00.000Z');
const entry = (context: string, type: string, over: Partial<NumberHistoryEntry> = {}): NumberHistoryEntry => ({
  context,
  streamId: `${context}-+442070000001`,
  revision: 0,
  eventId: `${context}-${type}-${clock}`,
  type,
  recordedAt: new Date((clock += 1000)).toISOString(),
  data: { number: '+442070000001', siteId: 'lon-1' },
  principal: { id: 'op', role: 'operator' },
  tenantId: null,
  command: null,
  commandId: `cmd-${clock}`,
  correlationId: `corr-${clock}`,
  causationId: null,
  ...over,
});

const acme = { type: 'occupier', occupierId: 'acme' };
const globex = { type: 'occupier', occupierId: 'globex' };
const inv = (type: string, revision: number, data: Record<string, unknown> = {}) =>
  entry('number-inventory', type, { revision, data: { number: '+442070000001', siteId: 'lon-1', ...data } });

const provisioned = inv('NumberProvisioned', 0);
const allocatedAcme = inv('NumberAllocated', 1, { owner: acme });
const faxByAcme = entry('fax', 'FaxSettingsChanged', { principal: { id: 'acme-admin', role: 'occupier-admin' } });
const deallocated = inv('NumberDeallocated', 2, { previousOwner: acme });
const allocatedGlobex = inv('NumberAllocated', 3, { owner: globex });
// fax's reaction to acme's deallocation, recorded only after globex got the number
const faxCleared = entry('fax', 'FaxNumberObserved', {
  correlationId: deallocated.correlationId,
  causationId: deallocated.eventId,
  principal: { id: 'fax', role: 'system' },
});
const inventory = [provisioned, allocatedAcme, deallocated, allocatedGlobex];
const all = [...inventory, faxByAcme, faxCleared];

const admin = (occupierId: string): Principal => ({ id: `${occupierId}-admin`, role: 'occupier-admin', tenantId: occupierId });
const seenBy = (principal: Principal) => all.filter(historyScope(principal, '+442070000001', inventory)).map((e) => e.type);

describe('who held a number when', () => {
  test('a period runs from an allocation to an occupier to its deallocation; the current holder’s is open', () => {
    expect(holdingPeriods(inventory)).toMatchObject([
      { occupierId: 'acme', from: allocatedAcme.recordedAt, to: deallocated.recordedAt, fromRevision: 1, toRevision: 2 },
      { occupierId: 'globex', from: allocatedGlobex.recordedAt, to: null, toRevision: null },
    ]);
  });

  test('an allocation to the operator is no occupier’s period', () => {
    expect(holdingPeriods([provisioned, inv('NumberAllocated', 1, { owner: { type: 'operator' } })])).toEqual([]);
  });
});

describe('the scope of a history', () => {
  test('an occupier sees its own period, and the reactions to changes in it even when recorded after it ended', () => {
    expect(seenBy(admin('acme'))).toEqual(['NumberAllocated', 'NumberDeallocated', 'FaxSettingsChanged', 'FaxNumberObserved']);
  });

  test('the next holder sees neither the earlier holder’s settings nor the reactions to its leaving', () => {
    expect(seenBy(admin('globex'))).toEqual(['NumberAllocated']);
  });

  test('the platform sees everything; an operator everything at its sites and nothing elsewhere', () => {
    expect(seenBy({ id: 'p', role: 'platform' })).toHaveLength(all.length);
    expect(seenBy({ id: 'o', role: 'operator', sites: ['lon-1'] })).toHaveLength(all.length);
    expect(() => seenBy({ id: 'o', role: 'operator', sites: ['man-1'] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  test('an occupier that never held the number, a user, and a number never provisioned are refused', () => {
    expect(() => seenBy(admin('initech'))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => seenBy({ id: 'u', role: 'user', tenantId: 'acme' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => historyScope({ id: 'p', role: 'platform' }, '+442070000009', [])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  test('an occupier reads the state only at instants inside its periods', () => {
    const periods = holdingPeriods(inventory);
    expect(() => assertMayReadStateAt(admin('acme'), 'n', faxByAcme.recordedAt, periods)).not.toThrow();
    expect(() => assertMayReadStateAt(admin('acme'), 'n', allocatedGlobex.recordedAt, periods)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => assertMayReadStateAt(admin('globex'), 'n', faxByAcme.recordedAt, periods)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => assertMayReadStateAt({ id: 'p', role: 'platform' }, 'n', provisioned.recordedAt, periods)).not.toThrow();
  });
});

describe('the timeline', () => {
  test('merges contexts oldest first and says which change in another context an entry followed from', () => {
    const timeline = mergeTimeline([
      { context: 'fax', entries: [faxCleared, faxByAcme] },
      { context: 'number-inventory', entries: inventory },
    ]);
    expect(timeline.map((e) => e.type)).toEqual([
      'NumberProvisioned',
      'NumberAllocated',
      'FaxSettingsChanged',
      'NumberDeallocated',
      'NumberAllocated',
      'FaxNumberObserved',
    ]);
    expect(timeline.at(-1)?.why).toEqual({
      reason: null,
      causedBy: { context: 'number-inventory', type: 'NumberDeallocated', eventId: deallocated.eventId },
    });
  });

  test('a reason given with the change is why it happened', () => {
    const locked = inv('NumberLocked', 4, { reason: 'porting out' });
    expect(mergeTimeline([{ context: 'number-inventory', entries: [locked] }])[0]?.why.reason).toBe('porting out');
  });

  test('pages follow one another without gaps or repeats, and a foreign cursor is refused by name', () => {
    const timeline = mergeTimeline([{ context: 'x', entries: all }]);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = pageOfTimeline(timeline, cursor, 4);
      seen.push(...page.entries.map((e) => e.eventId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(timeline.map((e) => e.eventId));
    expect(() => pageOfTimeline(timeline, 'bm90LWEtY3Vyc29y', 4)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ path: 'cursor' })] } }),
    );
  });

  test('PIN hashes never leave a context: a history shows that a secret exists, not its salt or hash', () => {
    const shown = toHistoryJson({ pin: { defaultPin: { salt: 's', hash: 'h' } }, links: new Set(['a']), byKey: new Map([['k', 1]]) });
    expect(shown).toEqual({ pin: { defaultPin: REDACTED_SECRET }, links: ['a'], byKey: { k: 1 } });
  });
});
