import type { RecordedEvent } from '@tnp/event-store';
import { applyBatch } from '@tnp/read-models';
import { applySiteNumberEvent, siteTelephonyProjection } from './site-telephony.projection';

const N = '+442071230001';
let position = 0;
const recorded = (type: string, data: Record<string, unknown>, streamRevision: number): RecordedEvent => ({
  id: `e-${++position}`,
  type,
  data: { number: N, siteId: 's1', ...data },
  metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
  streamId: `number-${N}`,
  streamRevision,
  globalPosition: position,
  recordedAt: '2026-01-01T00:00:00Z',
});
const provisioned = recorded('NumberProvisioned', { ext: '001', kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null }, 0);
const acme = { type: 'occupier', occupierId: 'acme' };

describe('site-telephony projection', () => {
  test('follows a number through its lifecycle', () => {
    const events = [
      provisioned,
      recorded('NumberAllocated', { owner: acme, isMain: false }, 1),
      recorded('MainNumberNominated', { owner: acme }, 2),
      recorded('NumberActivated', { owner: acme }, 3),
      recorded('NumberDeactivated', { owner: acme }, 4),
      recorded('NumberDeallocated', { previousOwner: acme, coolingOffUntil: '2026-04-01T00:00:00.000Z', wasMain: true }, 5),
      recorded('NumberLocked', { reason: null }, 6),
    ];
    const row = events.reduce(applySiteNumberEvent, null);
    expect(row).toEqual({
      number: N,
      siteId: 's1',
      ext: '001',
      status: 'AVAILABLE',
      kind: 'standard',
      ownerType: null,
      ownerId: null,
      coolingOffUntil: new Date('2026-04-01T00:00:00.000Z'),
      isMain: true,
      rangeName: 'R',
      locked: true,
      portedIn: false,
      portedFrom: null,
      assignedUserId: null,
      revision: 6,
    });
  });

  test('an event already applied (same or older revision) changes nothing, so a replayed batch is harmless', () => {
    const allocated = recorded('NumberAllocated', { owner: acme, isMain: false }, 1);
    const once = applySiteNumberEvent(applySiteNumberEvent(null, provisioned), allocated);
    expect(applySiteNumberEvent(once, allocated)).toBe(once);
  });

  test('a batch loads each row once and writes the final state of each', () => {
    const other = { ...provisioned, data: { ...(provisioned.data as object), number: '+442071230002' } };
    const { upserts, deletes } = applyBatch(siteTelephonyProjection, new Map(), [
      provisioned,
      other,
      recorded('NumberAllocated', { owner: { type: 'operator' }, isMain: false }, 1),
      recorded('SomethingElse', {}, 2),
    ]);
    expect(deletes).toEqual([]);
    expect(upserts.map((r) => [r.number, r.status, r.ownerType])).toEqual([
      [N, 'RESERVED', 'operator'],
      ['+442071230002', 'AVAILABLE', null],
    ]);
  });
});
