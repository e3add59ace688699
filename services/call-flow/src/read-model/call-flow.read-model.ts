import { defineEntity } from '@mikro-orm/postgresql';
import parsePhoneNumberFromString from 'libphonenumber-js';
import type { RecordedEvent } from '@tnp/event-store';
import { evolveServiceNumber, initialServiceNumberState, type ServiceNumberEvent, type ServiceNumberState } from '@tnp/call-flow-domain';
import { keyedTable, type Projection } from '@tnp/read-models';
import { serviceNumberEvents } from '@tnp/call-flow-contracts';

export const CF_SCHEMA = 'call_flow';
const p = defineEntity.properties;

export const ServiceNumberViewEntity = defineEntity({
  name: 'ServiceNumberView',
  tableName: 'service_numbers',
  schema: CF_SCHEMA,
  properties: {
    key: p.string().primary(),
    tenant: p.string().nullable(),
    designated: p.boolean(),
    state: p.json<ServiceNumberState>(),
    nextChangeAt: p.string().nullable(),
    releasedRevision: p.integer(),
    revision: p.integer(),
  },
});
export const TimelineEntryEntity = defineEntity({
  name: 'TimelineEntry',
  tableName: 'timeline',
  schema: CF_SCHEMA,
  properties: {
    key: p.string().primary(),
    number: p.string(),
    scheduleId: p.string(),
    kind: p.string(),
    dueAt: p.string(),
    local: p.string(),
    flowId: p.string().nullable(),
    status: p.string(),
    late: p.boolean(),
    reason: p.string().nullable(),
    scheduledRevision: p.integer(),
  },
});

export type ServiceNumberRow = {
  key: string;
  tenant: string | null;
  designated: boolean;
  state: ServiceNumberState;
  nextChangeAt: string | null;
  /** The stream revision of the last release to a new company (-1: never): the timeline shows what came after. */
  releasedRevision: number;
  revision: number;
};
export type TimelineRow = {
  key: string;
  number: string;
  scheduleId: string;
  kind: string;
  dueAt: string;
  local: string;
  flowId: string | null;
  status: string;
  late: boolean;
  reason: string | null;
  /** The stream revision the switch was scheduled at: later than a release, it is the current company's. */
  scheduledRevision: number;
};

export const callFlowReadModelSql = `
CREATE SCHEMA IF NOT EXISTS ${CF_SCHEMA};
CREATE TABLE IF NOT EXISTS ${CF_SCHEMA}.service_numbers (key text PRIMARY KEY, tenant text, designated boolean NOT NULL, state jsonb NOT NULL, next_change_at text, revision integer NOT NULL);
CREATE INDEX IF NOT EXISTS service_numbers_tenant_idx ON ${CF_SCHEMA}.service_numbers (tenant) WHERE designated;
CREATE TABLE IF NOT EXISTS ${CF_SCHEMA}.timeline (key text PRIMARY KEY, number text NOT NULL, schedule_id text NOT NULL, kind text NOT NULL, due_at text NOT NULL, local text NOT NULL, flow_id text, status text NOT NULL, late boolean NOT NULL, reason text);
CREATE INDEX IF NOT EXISTS timeline_number_idx ON ${CF_SCHEMA}.timeline (number, due_at);
`;

/**
 * A number re-allocated shows the new company none of the previous one's switches: each timeline
 * entry and each number's view remember the stream revision they came from. Both read models are
 * rebuilt from the log to fill them.
 */
export const holdingRevisionsSql = `
ALTER TABLE ${CF_SCHEMA}.timeline ADD COLUMN IF NOT EXISTS scheduled_revision integer NOT NULL DEFAULT -1;
ALTER TABLE ${CF_SCHEMA}.service_numbers ADD COLUMN IF NOT EXISTS released_revision integer NOT NULL DEFAULT -1;
TRUNCATE ${CF_SCHEMA}.timeline, ${CF_SCHEMA}.service_numbers;
DO $$ BEGIN
  IF to_regclass('${CF_SCHEMA}.projection_checkpoints') IS NOT NULL THEN
    UPDATE ${CF_SCHEMA}.projection_checkpoints SET position = 0, transaction_id = '0', updated_at = now()
     WHERE name IN ('timeline', 'service-numbers');
  END IF;
END $$;
`;

/** Every event of the service-number stream changes its view: a new event type is projected without a list to forget. */
const SERVICE_NUMBER_EVENTS: ReadonlySet<string> = new Set(Object.keys(serviceNumberEvents));

export const serviceNumbersProjection: Projection<ServiceNumberRow> = {
  name: 'service-numbers',
  handles: SERVICE_NUMBER_EVENTS,
  keyOf: (event) => (event.data as { number: string }).number,
  apply: (row, recorded: RecordedEvent) => {
    if (row && recorded.streamRevision <= row.revision) return row;
    const event = { type: recorded.type, data: recorded.data } as ServiceNumberEvent;
    const state = evolveServiceNumber(row?.state ?? initialServiceNumberState(), event);
    const owner = state.observed?.owner;
    const next = [...state.pending].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    return {
      key: event.data.number,
      tenant: owner?.type === 'occupier' ? owner.occupierId : null,
      designated: state.designated,
      state,
      nextChangeAt: next?.dueAt ?? null,
      releasedRevision: event.type === 'ServiceNumberReleased' ? recorded.streamRevision : (row?.releasedRevision ?? -1),
      revision: recorded.streamRevision,
    };
  },
};

const TIMELINE_EVENTS: ReadonlySet<ServiceNumberEvent['type']> = new Set([
  'FlowSwitchScheduled',
  'FlowSwitchRescheduled',
  'FlowSwitchCancelled',
  'FlowSwitched',
  'FlowSwitchFailed',
]);

export const timelineProjection: Projection<TimelineRow> = {
  name: 'timeline',
  handles: TIMELINE_EVENTS,
  keyOf: (event) => {
    const d = event.data as { number: string; scheduleId: string };
    return `${d.number}/${d.scheduleId}`;
  },
  apply: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as ServiceNumberEvent;
    switch (event.type) {
      case 'FlowSwitchScheduled': {
        const d = event.data;
        return {
          key: `${d.number}/${d.scheduleId}`,
          number: d.number,
          scheduleId: d.scheduleId,
          kind: d.kind,
          dueAt: d.dueAt,
          local: `${d.local.date} ${d.local.time} ${d.timeZone}`,
          flowId: d.flowId,
          status: 'pending',
          late: false,
          reason: null,
          scheduledRevision: recorded.streamRevision,
        };
      }
      case 'FlowSwitchRescheduled':
        return row
          ? { ...row, dueAt: event.data.dueAt, local: `${event.data.local.date} ${event.data.local.time} ${event.data.timeZone}` }
          : null;
      case 'FlowSwitchCancelled':
        return row ? { ...row, status: 'cancelled', reason: event.data.reason } : null;
      case 'FlowSwitched':
        return row ? { ...row, status: 'applied', late: event.data.late, flowId: event.data.flowId } : null;
      case 'FlowSwitchFailed':
        return row ? { ...row, status: 'failed', reason: event.data.reason } : null;
      default:
        return row;
    }
  },
};

export const serviceNumbersTable = keyedTable<ServiceNumberRow>(ServiceNumberViewEntity as never, 'key', `${CF_SCHEMA}.service_numbers`);
export const timelineTable = keyedTable<TimelineRow>(TimelineEntryEntity as never, 'key', `${CF_SCHEMA}.timeline`);

/** Service numbers are shown in national form (starting 0) and international form (starting +). */
export const displayForms = (number: string): { national: string; international: string } => {
  const parsed = parsePhoneNumberFromString(number);
  return { national: parsed?.formatNational() ?? number, international: parsed?.formatInternational() ?? number };
};
