import type { PoolClient } from 'pg';
import type { EventsHandled } from '@tnp/event-subscriber';
import type { numberEvents } from '@tnp/number-inventory-contracts';

type NumberEvent = EventsHandled<typeof numberEvents>;
export type Activation = Extract<NumberEvent, { type: 'NumberActivated' }>;
export type Deactivation = Extract<NumberEvent, { type: 'NumberDeactivated' }>;

export const billingSchemaSql = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
-- One row per activation: the charge to raise, never twice for the same event.
CREATE TABLE IF NOT EXISTS ${schema}.billed_activations (
  event_id text PRIMARY KEY,
  number text NOT NULL,
  account text NOT NULL,
  site_id text NOT NULL,
  activated_at timestamptz NOT NULL
);
-- Whether each number is billable now, as of the latest fact about it (its stream revision).
CREATE TABLE IF NOT EXISTS ${schema}.billable_numbers (
  number text PRIMARY KEY,
  account text NOT NULL,
  site_id text NOT NULL,
  billable boolean NOT NULL,
  since timestamptz NOT NULL,
  revision bigint NOT NULL
);`;

/** Who pays for a number: its occupier, or the site's operator. */
export const accountOf = (owner: Activation['data']['owner']): string => (owner.type === 'occupier' ? owner.occupierId : 'operator');

/**
 * Billing's two facts about a number, written in the subscriber's inbox transaction. An
 * activation raises one charge; whether the number is billable follows the latest fact about it,
 * so one that arrives late (an event redelivered after a later one) changes nothing.
 */
export const billActivation = async (tx: PoolClient, schema: string, event: Activation): Promise<void> => {
  const account = accountOf(event.data.owner);
  await tx.query(
    `INSERT INTO ${schema}.billed_activations (event_id, number, account, site_id, activated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.data.number, account, event.data.siteId, event.time],
  );
  await setBillable(tx, schema, event, account, true);
};

export const stopBilling = async (tx: PoolClient, schema: string, event: Deactivation): Promise<void> => {
  await setBillable(tx, schema, event, accountOf(event.data.owner), false);
};

const setBillable = async (tx: PoolClient, schema: string, event: Activation | Deactivation, account: string, billable: boolean) => {
  await tx.query(
    `INSERT INTO ${schema}.billable_numbers AS b (number, account, site_id, billable, since, revision) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (number) DO UPDATE SET account = EXCLUDED.account, site_id = EXCLUDED.site_id, billable = EXCLUDED.billable,
            since = EXCLUDED.since, revision = EXCLUDED.revision
      WHERE b.revision < EXCLUDED.revision`,
    [event.data.number, account, event.data.siteId, billable, event.time, event.streamRevision],
  );
};
