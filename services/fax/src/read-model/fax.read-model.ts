import { defineEntity } from '@mikro-orm/postgresql';
import type { RecordedEvent } from '@tnp/event-store';
import { assertNever } from '@tnp/kernel';
import { tenantOf } from '@tnp/number-lifecycle';
import { keyedTable, type Projection } from '@tnp/read-models';
import { faxModeOf, type FaxNumberEvent, type FaxSettings } from '@tnp/fax-domain';

export const FAX_SCHEMA = 'fax';
const p = defineEntity.properties;

/** Per number: its tenant, fax mode and settings; the outbound caller-ID list is a filter on it. */
export const FaxNumberEntity = defineEntity({
  name: 'FaxNumber',
  tableName: 'fax_numbers',
  schema: FAX_SCHEMA,
  properties: {
    number: p.string().primary(),
    tenant: p.string().nullable(),
    siteId: p.string().nullable(),
    routedToFax: p.boolean(),
    mode: p.string(),
    outboundCallerId: p.boolean(),
    settings: p.json<FaxSettings>().nullable(),
    revision: p.integer(),
  },
});

export type FaxNumberRow = {
  number: string;
  tenant: string | null;
  siteId: string | null;
  routedToFax: boolean;
  mode: string;
  outboundCallerId: boolean;
  settings: FaxSettings | null;
  revision: number;
};

export const faxReadModelSql = `
CREATE SCHEMA IF NOT EXISTS ${FAX_SCHEMA};
CREATE TABLE IF NOT EXISTS ${FAX_SCHEMA}.fax_numbers (
  number text PRIMARY KEY, tenant text, site_id text, routed_to_fax boolean NOT NULL, mode text NOT NULL,
  outbound_caller_id boolean NOT NULL, settings jsonb, revision integer NOT NULL
);
CREATE INDEX IF NOT EXISTS fax_numbers_caller_id_idx ON ${FAX_SCHEMA}.fax_numbers (tenant, number) WHERE outbound_caller_id;
`;

const withMode = (row: FaxNumberRow): FaxNumberRow => ({
  ...row,
  mode: faxModeOf(row.settings, row.routedToFax),
  outboundCallerId: row.settings?.outboundCallerId ?? false,
});

export const faxNumbersProjection: Projection<FaxNumberRow> = {
  name: 'fax-numbers',
  handles: new Set<FaxNumberEvent['type']>(['FaxNumberObserved', 'FaxRoutingObserved', 'FaxSettingsConfigured', 'FaxSettingsCleared']),
  keyOf: (event) => (event.data as { number: string }).number,
  apply: (current, recorded: RecordedEvent) => {
    const event = { type: recorded.type, data: recorded.data } as FaxNumberEvent;
    const revision = recorded.streamRevision;
    if (current && revision <= current.revision) return current;
    const row: FaxNumberRow = current ?? {
      number: event.data.number,
      tenant: null,
      siteId: null,
      routedToFax: false,
      mode: 'off',
      outboundCallerId: false,
      settings: null,
      revision,
    };
    switch (event.type) {
      case 'FaxNumberObserved': {
        const o = event.data.observed;
        return withMode({ ...row, tenant: o.owner ? tenantOf(o.owner) : null, siteId: o.siteId, revision });
      }
      case 'FaxRoutingObserved':
        return withMode({ ...row, routedToFax: event.data.routedToFax, revision });
      case 'FaxSettingsConfigured':
        return withMode({ ...row, settings: event.data.settings, revision });
      case 'FaxSettingsCleared':
        return withMode({ ...row, settings: null, revision });
      default:
        return assertNever(event, 'fax event');
    }
  },
};

export const faxNumbersTable = keyedTable<FaxNumberRow>(FaxNumberEntity as never, 'number', `${FAX_SCHEMA}.fax_numbers`);
