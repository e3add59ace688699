import type { RecordedEvent } from '@tnp/event-store';
import type { NumberEvent } from '@tnp/number-inventory-domain';
import { assertNever } from '@tnp/kernel';
import type { Projection } from '@tnp/read-models';
import type { SiteNumberRow } from './site-number.entity';

const HANDLED: ReadonlySet<NumberEvent['type']> = new Set([
  'NumberProvisioned',
  'NumberLocked',
  'NumberUnlocked',
  'NumberAllocated',
  'NumberDeallocated',
  'NumberActivated',
  'NumberDeactivated',
  'MainNumberNominated',
  'MainNumberNominationRemoved',
  'NumberAssigned',
  'NumberUnassigned',
]);

export const applySiteNumberEvent = (row: SiteNumberRow | null, recorded: RecordedEvent): SiteNumberRow | null => {
  const event = { type: recorded.type, data: recorded.data } as NumberEvent;
  const revision = recorded.streamRevision;
  if (row !== null && revision <= row.revision) return row;
  if (event.type === 'NumberProvisioned') {
    const d = event.data;
    return {
      number: d.number,
      siteId: d.siteId,
      ext: d.ext,
      status: 'AVAILABLE',
      kind: d.kind,
      ownerType: null,
      ownerId: null,
      coolingOffUntil: null,
      isMain: false,
      rangeName: d.rangeName,
      locked: false,
      portedIn: d.portedIn,
      portedFrom: d.portedFrom,
      assignedUserId: null,
      revision,
    };
  }
  if (row === null) return row;
  switch (event.type) {
    case 'NumberLocked':
      return { ...row, locked: true, revision };
    case 'NumberUnlocked':
      return { ...row, locked: false, revision };
    case 'NumberAllocated': {
      const owner = event.data.owner;
      return {
        ...row,
        status: 'RESERVED',
        ownerType: owner.type,
        ownerId: owner.type === 'occupier' ? owner.occupierId : null,
        coolingOffUntil: null,
        revision,
      };
    }
    case 'NumberDeallocated':
      return {
        ...row,
        status: 'AVAILABLE',
        ownerType: null,
        ownerId: null,
        coolingOffUntil: event.data.coolingOffUntil ? new Date(event.data.coolingOffUntil) : null,
        revision,
      };
    case 'NumberActivated':
      return { ...row, status: 'ACTIVE', revision };
    case 'NumberDeactivated':
      return { ...row, status: 'RESERVED', revision };
    case 'MainNumberNominated':
      return { ...row, isMain: true, revision };
    case 'MainNumberNominationRemoved':
      return { ...row, isMain: false, revision };
    case 'NumberAssigned':
      return { ...row, status: 'ASSIGNED', assignedUserId: event.data.userId, revision };
    case 'NumberUnassigned':
      return { ...row, status: 'ACTIVE', assignedUserId: null, revision };
    default:
      return assertNever(event, 'number event');
  }
};

export const siteTelephonyProjection: Projection<SiteNumberRow> = {
  name: 'site-telephony',
  handles: HANDLED,
  keyOf: (event) => (event.data as { number: string }).number,
  apply: applySiteNumberEvent,
  // One stream per number, the row holds its revision, no row is removed.
  rowGuardsReplays: true,
};
