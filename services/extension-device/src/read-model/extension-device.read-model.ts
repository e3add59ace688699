import { defineEntity } from '@mikro-orm/postgresql';
import type { RecordedEvent } from '@tnp/event-store';
import {
  evolveExtension,
  type DeviceNumberEvent,
  type ExtensionEvent,
  type ExtensionState,
  type HandsetEvent,
} from '@tnp/extension-device-domain';
import { tenantOf } from '@tnp/number-lifecycle';
import { keyedTable, type Projection } from '@tnp/read-models';

export const ED_SCHEMA = 'extension_device';
const p = defineEntity.properties;

export const ExtensionViewEntity = defineEntity({
  name: 'ExtensionView',
  tableName: 'extensions',
  schema: ED_SCHEMA,
  properties: {
    key: p.string().primary(),
    tenant: p.string(),
    userId: p.string(),
    number: p.string().nullable(),
    state: p.json<ExtensionState>(),
    revision: p.integer(),
  },
});
export const HandsetViewEntity = defineEntity({
  name: 'HandsetView',
  tableName: 'handsets',
  schema: ED_SCHEMA,
  properties: { key: p.string().primary(), siteId: p.string(), phoneId: p.string(), number: p.string() },
});
export const NumberViewEntity = defineEntity({
  name: 'NumberView',
  tableName: 'numbers',
  schema: ED_SCHEMA,
  properties: { key: p.string().primary(), tenant: p.string().nullable(), siteId: p.string(), status: p.string(), isMain: p.boolean() },
});

export type ExtensionRow = { key: string; tenant: string; userId: string; number: string | null; state: ExtensionState; revision: number };
export type HandsetRow = { key: string; siteId: string; phoneId: string; number: string };
export type NumberRow = { key: string; tenant: string | null; siteId: string; status: string; isMain: boolean };

export const extensionDeviceReadModelSql = `
CREATE SCHEMA IF NOT EXISTS ${ED_SCHEMA};
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.extensions (key text PRIMARY KEY, tenant text NOT NULL, user_id text NOT NULL, number text, state jsonb NOT NULL, revision integer NOT NULL);
CREATE INDEX IF NOT EXISTS extensions_user_idx ON ${ED_SCHEMA}.extensions (tenant, user_id);
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.handsets (key text PRIMARY KEY, site_id text NOT NULL, phone_id text NOT NULL, number text NOT NULL);
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.numbers (key text PRIMARY KEY, tenant text, site_id text NOT NULL, status text NOT NULL, is_main boolean NOT NULL);
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.known_users (tenant text NOT NULL, user_id text NOT NULL, removed boolean NOT NULL, PRIMARY KEY (tenant, user_id));
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.default_pins (extension_id text PRIMARY KEY, pin text NOT NULL);
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.pin_failures (caller text NOT NULL, failed_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS pin_failures_caller_idx ON ${ED_SCHEMA}.pin_failures (caller, failed_at);
`;

/** The read model never holds PIN hashes: only whether the PIN is custom or locked. */
const withoutPinHashes = (state: ExtensionState): ExtensionState => {
  if (!state.exists) return state;
  const blank = { salt: '', hash: '' };
  return { ...state, pin: { ...state.pin, defaultPin: blank, current: blank } };
};

export const extensionsProjection: Projection<ExtensionRow> = {
  name: 'extensions',
  handles: new Set<ExtensionEvent['type']>([
    'ExtensionCreated',
    'ExtensionInfoUpdated',
    'ExtensionPinChanged',
    'ExtensionPinAttemptFailed',
    'ExtensionPinAttemptSucceeded',
    'ExtensionPinLocked',
    'ExtensionPinReset',
    'ExtensionDeviceActivated',
    'ExtensionDeviceDeactivated',
    'ExtensionSettingsChanged',
    'ExtensionForwardingCleared',
    'ExtensionCallAnswered',
    'ExtensionDeviceAutoProvisioned',
  ]),
  keyOf: (event) => event.streamId.slice('extension-'.length),
  apply: (row, recorded: RecordedEvent) => {
    if (row && recorded.streamRevision <= row.revision) return row;
    const event = { type: recorded.type, data: recorded.data } as ExtensionEvent;
    const state = withoutPinHashes(evolveExtension(row?.state ?? { exists: false }, event));
    if (!state.exists) return null;
    return {
      key: recorded.streamId.slice('extension-'.length),
      tenant: state.tenant,
      userId: state.assignee.userId,
      number: state.number,
      state,
      revision: recorded.streamRevision,
    };
  },
};

export const handsetsProjection: Projection<HandsetRow> = {
  name: 'handsets',
  handles: new Set<HandsetEvent['type']>(['HandsetLoggedIn', 'HandsetLoggedOut', 'HandsetLoginEvicted']),
  keyOf: (event) => {
    const d = event.data as { siteId: string; phoneId: string };
    return `${d.siteId}/${d.phoneId}`;
  },
  apply: (row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as HandsetEvent;
    const { siteId, phoneId, number } = event.data;
    if (event.type === 'HandsetLoggedIn') return { key: `${siteId}/${phoneId}`, siteId, phoneId, number };
    return row?.number === number ? null : row;
  },
};

export const numbersProjection: Projection<NumberRow> = {
  name: 'numbers',
  handles: new Set<DeviceNumberEvent['type']>(['DeviceNumberObserved']),
  keyOf: (event) => (event.data as { number: string }).number,
  apply: (_row, recorded) => {
    const event = { type: recorded.type, data: recorded.data } as Extract<DeviceNumberEvent, { type: 'DeviceNumberObserved' }>;
    const o = event.data.observed;
    return { key: event.data.number, tenant: o.owner ? tenantOf(o.owner) : null, siteId: o.siteId, status: o.status, isMain: o.isMain };
  },
};

export const extensionsTable = keyedTable<ExtensionRow>(ExtensionViewEntity as never, 'key', `${ED_SCHEMA}.extensions`);
export const handsetsTable = keyedTable<HandsetRow>(HandsetViewEntity as never, 'key', `${ED_SCHEMA}.handsets`);
export const numbersTable = keyedTable<NumberRow>(NumberViewEntity as never, 'key', `${ED_SCHEMA}.numbers`);
