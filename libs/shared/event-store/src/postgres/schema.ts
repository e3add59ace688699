export const eventStoreSchemaSql = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.streams (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL,
  last_transaction_id xid8 NOT NULL DEFAULT '0'
);
ALTER TABLE ${schema}.streams ADD COLUMN IF NOT EXISTS last_transaction_id xid8 NOT NULL DEFAULT '0';
CREATE TABLE IF NOT EXISTS ${schema}.events (
  global_position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  stream_revision bigint NOT NULL,
  event_id uuid NOT NULL CONSTRAINT events_event_id_key UNIQUE,
  event_type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
);
-- The global log's order: readers page by (transaction_id, global_position).
CREATE INDEX IF NOT EXISTS events_log_order_idx ON ${schema}.events (transaction_id, global_position);
-- Each command id with what it is bound to (type, fingerprint of its data) and its final reply
-- (NULL while it runs, under a lease), until expires_at; execution_nonce tells runs of one id apart.
CREATE TABLE IF NOT EXISTS ${schema}.command_log (
  command_id text PRIMARY KEY,
  command_type text NOT NULL,
  reply jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  fingerprint text,
  execution_nonce text,
  claim_token uuid,
  lease_until timestamptz,
  expires_at timestamptz NOT NULL DEFAULT now() + interval '1 day'
);
-- A log from before fingerprints: its rows keep their replies for a day, and match any data.
DO $upgrade$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = '${schema}' AND table_name = 'command_log' AND column_name = 'expires_at') THEN
    ALTER TABLE ${schema}.command_log
      ALTER COLUMN reply DROP NOT NULL,
      ADD COLUMN fingerprint text,
      ADD COLUMN execution_nonce text,
      ADD COLUMN claim_token uuid,
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '1 day';
  END IF;
END;
$upgrade$;
CREATE INDEX IF NOT EXISTS command_log_expires_idx ON ${schema}.command_log (expires_at);
CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A checkpoint is the whole log position; one saved as a bare position before that is read as
-- the position of its event.
ALTER TABLE ${schema}.checkpoints ADD COLUMN IF NOT EXISTS transaction_id xid8;
UPDATE ${schema}.checkpoints c SET transaction_id = coalesce(
  (SELECT e.transaction_id FROM ${schema}.events e WHERE e.global_position = c.position), '0')
 WHERE c.transaction_id IS NULL;
ALTER TABLE ${schema}.checkpoints ALTER COLUMN transaction_id SET NOT NULL;
-- Fencing tokens: each new leader of a follower bumps its epoch; writes carrying an older epoch are refused.
CREATE TABLE IF NOT EXISTS ${schema}.leader_epochs (
  name text PRIMARY KEY,
  epoch bigint NOT NULL,
  holder text NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);

-- One round trip per append: check every expected revision under row locks, bump or create the
-- streams, insert the events, notify readers. Any conflict raises TN409 and nothing is written.
CREATE OR REPLACE FUNCTION ${schema}.append_events(
  s_ids text[], s_expected bigint[], s_counts int[],
  e_streams text[], e_index int[], e_ids uuid[], e_types text[], e_data jsonb[], e_meta jsonb[]
) RETURNS TABLE (o_stream_id text, o_revision bigint, o_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  conflict text;
BEGIN
  -- Its own statement, so the checks below run on a snapshot taken after every lock was granted.
  PERFORM 1 FROM ${schema}.streams s WHERE s.stream_id = ANY(s_ids) ORDER BY s.stream_id FOR UPDATE;
  SELECT string_agg(req.id || chr(31) || coalesce(cur.revision, -1)::text, chr(30)) INTO conflict
    FROM unnest(s_ids, s_expected) AS req(id, expected)
    LEFT JOIN ${schema}.streams cur ON cur.stream_id = req.id
   WHERE (req.expected >= 0 AND coalesce(cur.revision, -1) <> req.expected)
      OR (req.expected = -1 AND cur.revision IS NOT NULL)
      OR (req.expected = -3 AND cur.revision IS NULL);
  IF conflict IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'TN409', MESSAGE = conflict;
  END IF;
  -- Readers order the log by transaction id. A writer whose transaction id was taken before an
  -- earlier writer of one of its streams committed would land ahead of that writer's events:
  -- refuse it as a serialization failure, to be retried with a fresh transaction. A single
  -- append takes its id only once it holds its streams' row locks, so it never meets this.
  IF EXISTS (SELECT 1 FROM ${schema}.streams s WHERE s.stream_id = ANY(s_ids) AND s.last_transaction_id > pg_current_xact_id()) THEN
    RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'a later transaction already wrote one of these streams';
  END IF;

  -- A stream expected not to exist is inserted outright: if another writer created it meanwhile,
  -- even one that committed after the check above, the primary key refuses this append.
  RETURN QUERY
  WITH req AS (SELECT * FROM unnest(s_ids, s_expected, s_counts) AS r(id, expected, n)),
  created AS (
    INSERT INTO ${schema}.streams (stream_id, revision, last_transaction_id)
    SELECT req.id, req.n - 1, pg_current_xact_id() FROM req
     WHERE req.expected = -1
        OR (req.expected = -2 AND NOT EXISTS (SELECT 1 FROM ${schema}.streams s WHERE s.stream_id = req.id))
    RETURNING stream_id, 0::bigint AS start, revision
  ),
  bumped AS (
    UPDATE ${schema}.streams s SET revision = s.revision + req.n, last_transaction_id = pg_current_xact_id() FROM req
     WHERE s.stream_id = req.id AND req.expected <> -1
    RETURNING s.stream_id, s.revision - req.n + 1 AS start, s.revision
  ),
  starts AS (SELECT * FROM created UNION ALL SELECT * FROM bumped),
  inserted AS (
    INSERT INTO ${schema}.events (stream_id, stream_revision, event_id, event_type, data, metadata)
    SELECT e.sid, st.start + e.idx, e.id, e.typ, e.dat, e.meta
      FROM unnest(e_streams, e_index, e_ids, e_types, e_data, e_meta) WITH ORDINALITY AS e(sid, idx, id, typ, dat, meta, ord)
      JOIN starts st ON st.stream_id = e.sid
     ORDER BY e.ord
    RETURNING stream_id, global_position
  ),
  last_positions AS (SELECT i.stream_id, max(i.global_position) AS position FROM inserted i GROUP BY i.stream_id)
  SELECT st.stream_id, st.revision, lp.position
    FROM starts st JOIN last_positions lp ON lp.stream_id = st.stream_id;

  PERFORM pg_notify('${schema}_appended', '');
END;
$fn$;
`;
