import { defineEntity } from '@mikro-orm/postgresql';

export const SCHEDULER_SCHEMA = 'scheduler';
const p = defineEntity.properties;

/** One row per due switch: the durable timer table, built from call-flow's events. */
export const TimerEntity = defineEntity({
  name: 'Timer',
  tableName: 'timers',
  schema: SCHEDULER_SCHEMA,
  properties: {
    id: p.string().primary(),
    number: p.string(),
    scheduleId: p.string(),
    dueAt: p.datetime(),
    status: p.string(),
    attempts: p.integer(),
  },
});

export const schedulerSql = `
CREATE SCHEMA IF NOT EXISTS ${SCHEDULER_SCHEMA};
CREATE TABLE IF NOT EXISTS ${SCHEDULER_SCHEMA}.timers (
  id text PRIMARY KEY,
  number text NOT NULL,
  schedule_id text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz,
  claimed_at timestamptz,
  fired_at timestamptz,
  lateness_ms integer,
  outcome text
);
CREATE INDEX IF NOT EXISTS timers_due_idx ON ${SCHEDULER_SCHEMA}.timers (due_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS timers_firing_idx ON ${SCHEDULER_SCHEMA}.timers (claimed_at) WHERE status = 'firing';
ALTER TABLE ${SCHEDULER_SCHEMA}.timers ADD COLUMN IF NOT EXISTS claimed_by text;
ALTER TABLE ${SCHEDULER_SCHEMA}.timers ADD COLUMN IF NOT EXISTS applied_at timestamptz;
CREATE TABLE IF NOT EXISTS ${SCHEDULER_SCHEMA}.replicas (
  id text PRIMARY KEY,
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
`;

export const timerIdOf = (number: string, scheduleId: string): string => `${number}/${scheduleId}`;
