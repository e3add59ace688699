import type { RecordedEvent } from '@tnp/event-store';
import { assertNever } from '@tnp/kernel';
import { tenantOf, type DestinationEvent, type NumberRoutingEvent, type OccupierUserEvent } from '@tnp/assignment-domain';
import { keyedTable, type Projection } from '@tnp/read-models';
import {
  ASSIGNMENT_SCHEMA,
  CatalogueEntryEntity,
  OccupierNumberEntity,
  RosterUserEntity,
  type CatalogueEntryRow,
  type OccupierNumberRow,
  type RosterUserRow,
} from './read-model.entities';

/** The portal status: pending while a change is in flight, otherwise what inventory says. */
const withStatus = (row: OccupierNumberRow): OccupierNumberRow => ({
  ...row,
  status: row.pending ? 'pending' : row.lifecycle === 'RESERVED' ? 'reserved' : 'active',
});

export const applyOccupierNumberEvent = (row: OccupierNumberRow | null, recorded: RecordedEvent): OccupierNumberRow | null => {
  const event = { type: recorded.type, data: recorded.data } as NumberRoutingEvent;
  const revision = recorded.streamRevision;
  if (row && revision <= row.revision) return row;
  if (event.type === 'NumberLifecycleObserved') {
    const o = event.data.observed;
    if (!o.owner || o.status === 'AVAILABLE') return null;
    const base: OccupierNumberRow = row ?? {
      number: event.data.number,
      tenant: tenantOf(o.owner),
      siteId: o.siteId,
      ext: o.ext,
      status: 'reserved',
      lifecycle: o.status,
      isMain: o.isMain,
      userId: null,
      pending: false,
      displayFirst: null,
      displaySecond: null,
      routingType: 'none',
      destinationId: null,
      extensionId: null,
      forwardTo: null,
      revision,
    };
    return withStatus({
      ...base,
      tenant: tenantOf(o.owner),
      siteId: o.siteId,
      ext: o.ext,
      isMain: o.isMain,
      lifecycle: o.status,
      revision,
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'NumberRouted': {
      const d = event.data.destination;
      return {
        ...row,
        routingType: d.type,
        destinationId: d.type === 'user' ? d.userId : 'destinationId' in d ? d.destinationId : null,
        extensionId: d.type === 'user' ? (d.extensionId ?? null) : null,
        forwardTo: d.type === 'call-forwarding' ? d.forwardTo : null,
        revision,
      };
    }
    case 'NumberRoutingCleared':
      return { ...row, routingType: 'none', destinationId: null, extensionId: null, forwardTo: null, revision };
    case 'NumberUserAssignmentRequested':
      return withStatus({ ...row, userId: event.data.userId, pending: true, revision });
    case 'NumberUserAssigned':
      return withStatus({ ...row, userId: event.data.userId, pending: false, revision });
    case 'NumberUserAssignmentRejected':
    case 'NumberUserUnassigned':
      return withStatus({ ...row, userId: null, pending: false, revision });
    case 'NumberDisplayNameSet':
      return { ...row, displayFirst: event.data.displayName.first, displaySecond: event.data.displayName.second, revision };
    case 'NumberDisplayNameCleared':
      return { ...row, displayFirst: null, displaySecond: null, revision };
    default:
      return assertNever(event, 'number routing event');
  }
};

export const occupierNumbersProjection: Projection<OccupierNumberRow> = {
  name: 'occupier-numbers',
  handles: new Set<NumberRoutingEvent['type']>([
    'NumberLifecycleObserved',
    'NumberRouted',
    'NumberRoutingCleared',
    'NumberUserAssignmentRequested',
    'NumberUserAssigned',
    'NumberUserAssignmentRejected',
    'NumberUserUnassigned',
    'NumberDisplayNameSet',
    'NumberDisplayNameCleared',
  ]),
  keyOf: (event) => (event.data as { number: string }).number,
  apply: applyOccupierNumberEvent,
};

export const rosterProjection: Projection<RosterUserRow> = {
  name: 'roster',
  handles: new Set<OccupierUserEvent['type']>(['UserRegistered', 'UserRenamed', 'UserRemoved']),
  keyOf: (event) => {
    const d = event.data as { tenant: string; userId: string };
    return `${d.tenant}/${d.userId}`;
  },
  apply: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as OccupierUserEvent;
    const key = `${event.data.tenant}/${event.data.userId}`;
    switch (event.type) {
      case 'UserRegistered':
      case 'UserRenamed':
        return {
          key,
          tenant: event.data.tenant,
          userId: event.data.userId,
          firstName: event.data.firstName,
          lastName: event.data.lastName,
          removed: false,
        };
      case 'UserRemoved':
        return row ? { ...row, removed: true } : null;
      default:
        return row;
    }
  },
};

export const catalogueProjection: Projection<CatalogueEntryRow> = {
  name: 'destinations',
  handles: new Set<DestinationEvent['type']>(['DestinationCreated', 'DestinationRenamed', 'DestinationRemoved']),
  keyOf: (event) => {
    const d = event.data as { tenant: string; destinationId: string };
    return `${d.tenant}/${d.destinationId}`;
  },
  apply: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as DestinationEvent;
    const key = `${event.data.tenant}/${event.data.destinationId}`;
    switch (event.type) {
      case 'DestinationCreated':
        return {
          key,
          tenant: event.data.tenant,
          destinationId: event.data.destinationId,
          kind: event.data.kind,
          name: event.data.name,
          removed: false,
        };
      case 'DestinationRenamed':
        return row ? { ...row, name: event.data.name } : null;
      case 'DestinationRemoved':
        return row ? { ...row, removed: true } : null;
      default:
        return row;
    }
  },
};

export const occupierNumbersTable = keyedTable<OccupierNumberRow>(
  OccupierNumberEntity as never,
  'number',
  `${ASSIGNMENT_SCHEMA}.occupier_numbers`,
);
export const rosterTable = keyedTable<RosterUserRow>(RosterUserEntity as never, 'key', `${ASSIGNMENT_SCHEMA}.users`);
export const catalogueTable = keyedTable<CatalogueEntryRow>(CatalogueEntryEntity as never, 'key', `${ASSIGNMENT_SCHEMA}.destinations`);
