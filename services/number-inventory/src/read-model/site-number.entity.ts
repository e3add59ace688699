import { defineEntity } from '@mikro-orm/postgresql';
import { siteListReadsSql } from './site-list-reads.sql';

export const READ_MODEL_SCHEMA = 'number_inventory';

const p = defineEntity.properties;

/** One row per provisioned number: the "site telephony" read model. */
export const SiteNumberEntity = defineEntity({
  name: 'SiteNumber',
  tableName: 'site_numbers',
  schema: READ_MODEL_SCHEMA,
  properties: {
    number: p.string().primary(),
    siteId: p.string(),
    ext: p.string().nullable(),
    status: p.string(),
    kind: p.string(),
    ownerType: p.string().nullable(),
    ownerId: p.string().nullable(),
    coolingOffUntil: p.datetime().nullable(),
    isMain: p.boolean(),
    rangeName: p.string(),
    locked: p.boolean(),
    portedIn: p.boolean(),
    portedFrom: p.string().nullable(),
    assignedUserId: p.string().nullable(),
    revision: p.integer(),
  },
});

export type SiteNumberRow = {
  number: string;
  siteId: string;
  ext: string | null;
  status: string;
  kind: string;
  ownerType: string | null;
  ownerId: string | null;
  coolingOffUntil: Date | null;
  isMain: boolean;
  rangeName: string;
  locked: boolean;
  portedIn: boolean;
  portedFrom: string | null;
  assignedUserId: string | null;
  revision: number;
};

export const readModelSchemaSql = (schema = READ_MODEL_SCHEMA): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.site_numbers (
  number text PRIMARY KEY,
  site_id text NOT NULL,
  ext text,
  status text NOT NULL,
  kind text NOT NULL,
  owner_type text,
  owner_id text,
  cooling_off_until timestamptz,
  is_main boolean NOT NULL DEFAULT false,
  range_name text NOT NULL,
  locked boolean NOT NULL DEFAULT false,
  ported_in boolean NOT NULL DEFAULT false,
  ported_from text,
  assigned_user_id text,
  revision integer NOT NULL
);
CREATE INDEX IF NOT EXISTS site_numbers_site_idx ON ${schema}.site_numbers (site_id, number);
CREATE INDEX IF NOT EXISTS site_numbers_occupier_idx ON ${schema}.site_numbers (owner_id, site_id, number) WHERE owner_type = 'occupier';
${siteListReadsSql(schema)}`;
