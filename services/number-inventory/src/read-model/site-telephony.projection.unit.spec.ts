import type { RecordedEvent } from '@tnp/event-store';
import fc from 'fast-check';
import { applyBatch } from '@tnp/read-models';
import { deliveryArbitrary, foldInBatches, splitAndReplay } from '@tnp/testing';
import { applySiteNumberEvent, siteTelephonyProjection } from './site-telephony.projection';

const N = '+442071230001';
let position = 0;
const recorded = (type: string, data: Record<string, unknown>, streamRevision: number): RecordedEvent => ({
  id: `e-${++position}`,
  type,
  data: { number: N, siteId: 's1', ...data },
  metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
  streamId: `number-${N}`,
  logPosition: { transactionId: position, position },
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
    const other = { ...provisioned, streamId: 'number-+442071230002', data: { ...(provisioned.data as object), number: '+442071230002' } };
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

  test('any split of a log of many numbers, with batches delivered again, gives the rows of applying each event once', () => {
    const numbers = ['+442071230001', '+442071230002', '+442071230003'];
    const step = fc.constantFrom<[string, Record<string, unknown>]>(
      ['NumberAllocated', { owner: acme, isMain: false }],
      ['NumberAllocated', { owner: { type: 'operator' }, isMain: false }],
      ['NumberDeallocated', { previousOwner: acme, coolingOffUntil: '2026-04-01T00:00:00.000Z', wasMain: false }],
      ['NumberActivated', { owner: acme }],
      ['NumberDeactivated', { owner: acme }],
      ['MainNumberNominated', { owner: acme }],
      ['MainNumberNominationRemoved', { owner: acme }],
      ['NumberAssigned', { userId: 'u1' }],
      ['NumberUnassigned', { userId: 'u1' }],
      ['NumberLocked', { reason: null }],
      ['NumberUnlocked', {}],
    );
    const log = fc.array(fc.tuple(fc.integer({ min: 0, max: numbers.length - 1 }), step), { maxLength: 40 }).map((steps) => {
      const revisions = new Map<string, number>();
      let at = 0;
      const of = (number: string, type: string, data: Record<string, unknown>): RecordedEvent => {
        const streamRevision = (revisions.get(number) ?? -1) + 1;
        revisions.set(number, streamRevision);
        at++;
        return {
          ...recorded(type, { ...data, number }, streamRevision),
          id: `${number}:${streamRevision}`,
          streamId: `number-${number}`,
          globalPosition: at,
          logPosition: { transactionId: at, position: at },
        };
      };
      const provisioning = numbers.map((n, i) =>
        of(n, 'NumberProvisioned', { ext: `00${i}`, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null }),
      );
      return [...provisioning, ...steps.map(([i, [type, data]]) => of(numbers[i] ?? N, type, data))];
    });
    fc.assert(
      fc.property(
        log.chain((events) => fc.tuple(fc.constant(events), deliveryArbitrary(events))),
        ([events, delivery]) => {
          const oneByOne = foldInBatches(
            siteTelephonyProjection,
            events.map((e) => [e]),
          );
          expect(foldInBatches(siteTelephonyProjection, splitAndReplay(events, delivery))).toEqual(oneByOne);
          expect([...oneByOne.values()]).toEqual(
            numbers.map((n) => events.filter((e) => e.streamId === `number-${n}`).reduce(applySiteNumberEvent, null)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a replayed NumberProvisioned leaves the row as it is', () => {
    const allocated = recorded('NumberAllocated', { owner: acme, isMain: false }, 1);
    const row = [provisioned, allocated, provisioned].reduce(applySiteNumberEvent, null);
    expect(row?.status).toBe('RESERVED');
  });
});
