import { defineEntity } from '@mikro-orm/postgresql';

export const ASSIGNMENT_SCHEMA = 'assignment';
const p = defineEntity.properties;

/** One row per number the tenant holds: the "occupier phone numbers" portal list. */
export const OccupierNumberEntity = defineEntity({
  name: 'OccupierNumber',
  tableName: 'occupier_numbers',
  schema: ASSIGNMENT_SCHEMA,
  properties: {
    number: p.string().primary(),
    tenant: p.string(),
    siteId: p.string(),
    ext: p.string().nullable(),
    status: p.string(),
    lifecycle: p.string(),
    isMain: p.boolean(),
    userId: p.string().nullable(),
    pending: p.boolean(),
    displayFirst: p.string().nullable(),
    displaySecond: p.string().nullable(),
    routingType: p.string(),
    destinationId: p.string().nullable(),
    extensionId: p.string().nullable(),
    forwardTo: p.string().nullable(),
    revision: p.integer(),
  },
});

export const RosterUserEntity = defineEntity({
  name: 'RosterUser',
  tableName: 'users',
  schema: ASSIGNMENT_SCHEMA,
  properties: {
    key: p.string().primary(),
    tenant: p.string(),
    userId: p.string(),
    firstName: p.string(),
    lastName: p.string(),
    removed: p.boolean(),
  },
});

export const CatalogueEntryEntity = defineEntity({
  name: 'CatalogueEntry',
  tableName: 'destinations',
  schema: ASSIGNMENT_SCHEMA,
  properties: {
    key: p.string().primary(),
    tenant: p.string(),
    destinationId: p.string(),
    kind: p.string(),
    name: p.string(),
    removed: p.boolean(),
  },
});

export type OccupierNumberRow = {
  number: string;
  tenant: string;
  siteId: string;
  ext: string | null;
  status: string;
  lifecycle: string;
  isMain: boolean;
  userId: string | null;
  pending: boolean;
  displayFirst: string | null;
  displaySecond: string | null;
  routingType: string;
  destinationId: string | null;
  /** A user destination's extension. */
  extensionId: string | null;
  forwardTo: string | null;
  revision: number;
};
export type RosterUserRow = { key: string; tenant: string; userId: string; firstName: string; lastName: string; removed: boolean };
export type CatalogueEntryRow = { key: string; tenant: string; destinationId: string; kind: string; name: string; removed: boolean };

export const assignmentReadModelSql = `
CREATE SCHEMA IF NOT EXISTS ${ASSIGNMENT_SCHEMA};
CREATE TABLE IF NOT EXISTS ${ASSIGNMENT_SCHEMA}.occupier_numbers (
  number text PRIMARY KEY, tenant text NOT NULL, site_id text NOT NULL, ext text, status text NOT NULL, lifecycle text NOT NULL,
  is_main boolean NOT NULL, user_id text, pending boolean NOT NULL, display_first text, display_second text,
  routing_type text NOT NULL, destination_id text, forward_to text, revision integer NOT NULL
);
CREATE INDEX IF NOT EXISTS occupier_numbers_tenant_idx ON ${ASSIGNMENT_SCHEMA}.occupier_numbers (tenant, site_id, number);
CREATE TABLE IF NOT EXISTS ${ASSIGNMENT_SCHEMA}.users (
  key text PRIMARY KEY, tenant text NOT NULL, user_id text NOT NULL, first_name text NOT NULL, last_name text NOT NULL, removed boolean NOT NULL
);
CREATE TABLE IF NOT EXISTS ${ASSIGNMENT_SCHEMA}.destinations (
  key text PRIMARY KEY, tenant text NOT NULL, destination_id text NOT NULL, kind text NOT NULL, name text NOT NULL, removed boolean NOT NULL
);
CREATE TABLE IF NOT EXISTS ${ASSIGNMENT_SCHEMA}.greetings (
  tenant text NOT NULL, greeting_id text NOT NULL, content_type text NOT NULL, sha256 text NOT NULL, bytes bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant, greeting_id)
);
`;

/** A user destination names the extension it rings (routings recorded before have none). */
export const routingExtensionSql = `ALTER TABLE ${ASSIGNMENT_SCHEMA}.occupier_numbers ADD COLUMN IF NOT EXISTS extension_id text;`;
