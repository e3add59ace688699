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

-- A batch of commands in one transaction, each with its own outcome: a command whose streams
-- moved since its decision (or whose new stream another writer created) is refused and writes
-- nothing; one whose id is held already writes nothing and gets what holds it; the rest append
-- their events and record their replies together. The caller never puts one stream in two
-- commands of a batch. Refusals are decided before anything is written, so nothing is undone
-- but the stream rows this call itself created for them. A plain append is a command without
-- an id (NULL): it records no reply.
CREATE OR REPLACE FUNCTION ${schema}.commit_commands(
  c_ids text[], c_types text[], c_fps text[], c_nonces text[], c_replies jsonb[], c_ttls bigint[],
  s_cmd int[], s_ids text[], s_expected bigint[], s_counts int[],
  e_streams text[], e_index int[], e_ids uuid[], e_types text[], e_data jsonb[], e_meta jsonb[]
) RETURNS TABLE (o_cmd int, o_status text, o_stream_id text, o_revision bigint, o_position bigint,
                 o_held_type text, o_held_fingerprint text, o_held_reply jsonb)
LANGUAGE plpgsql AS $fn$
DECLARE
  refused int[];
  claimed int[];
BEGIN
  PERFORM 1 FROM ${schema}.streams s WHERE s.stream_id = ANY(s_ids) ORDER BY s.stream_id FOR UPDATE;
  -- New streams are created first: one another writer created meanwhile is found here (the
  -- insert waits for that writer), and its command is refused below.
  -- Which streams this call created is read back from the rows themselves (last written by this
  -- transaction, which has updated none yet), never from an array of them: a generic plan
  -- compares each row with a whole array, quadratic in a 10,000-number provisioning.
  INSERT INTO ${schema}.streams (stream_id, revision, last_transaction_id)
  SELECT r.id, r.n - 1, pg_current_xact_id() FROM unnest(s_ids, s_expected, s_counts) AS r(id, expected, n)
   WHERE r.expected = -1 AND r.n > 0
  ON CONFLICT (stream_id) DO NOTHING;
  -- As in append_events: a stream last written by a later transaction would put this one's
  -- events ahead of that writer's in the log's order, so it is refused too (and decided again).
  SELECT coalesce(array_agg(DISTINCT r.cmd), '{}') INTO refused
    FROM unnest(s_cmd, s_ids, s_expected, s_counts) AS r(cmd, id, expected, n)
    LEFT JOIN ${schema}.streams cur ON cur.stream_id = r.id
   WHERE (r.expected >= 0 AND (cur.revision IS DISTINCT FROM r.expected OR cur.last_transaction_id > pg_current_xact_id()))
      OR (r.expected = -1 AND r.n > 0 AND cur.last_transaction_id IS DISTINCT FROM pg_current_xact_id())
      OR (r.expected = -1 AND r.n = 0 AND cur.stream_id IS NOT NULL);
  -- An id is taken when new, expired, or left by a run of the same command that ended without a reply.
  WITH c AS (
    SELECT * FROM unnest(c_ids, c_types, c_fps, c_nonces, c_replies, c_ttls) WITH ORDINALITY AS c(id, typ, fp, nonce, reply, ttl, ord)
  ),
  taken AS (
    INSERT INTO ${schema}.command_log AS l
           (command_id, command_type, fingerprint, reply, execution_nonce, claim_token, lease_until, expires_at, recorded_at)
    SELECT c.id, c.typ, c.fp, c.reply, c.nonce, NULL, NULL, now() + c.ttl * interval '1 millisecond', now()
      FROM c WHERE c.id IS NOT NULL AND NOT (c.ord::int = ANY(refused))
    ON CONFLICT (command_id) DO UPDATE SET
           command_type = EXCLUDED.command_type, fingerprint = EXCLUDED.fingerprint, reply = EXCLUDED.reply,
           execution_nonce = EXCLUDED.execution_nonce, claim_token = NULL, lease_until = NULL,
           expires_at = EXCLUDED.expires_at, recorded_at = now()
     WHERE l.expires_at <= now()
        OR (l.reply IS NULL AND (l.lease_until IS NULL OR l.lease_until <= now())
            AND l.command_type = EXCLUDED.command_type AND l.fingerprint = EXCLUDED.fingerprint)
    RETURNING l.command_id
  )
  SELECT coalesce(array_agg(c.ord::int), '{}') INTO claimed FROM c LEFT JOIN taken ON taken.command_id = c.id
   WHERE taken.command_id IS NOT NULL OR (c.id IS NULL AND NOT (c.ord::int = ANY(refused)));
  DELETE FROM ${schema}.streams s USING unnest(s_cmd, s_ids) AS r(cmd, id)
   WHERE s.stream_id = r.id AND s.last_transaction_id = pg_current_xact_id() AND NOT (r.cmd = ANY(claimed));

  RETURN QUERY
  WITH req AS (
    SELECT * FROM unnest(s_cmd, s_ids, s_expected, s_counts) AS r(cmd, id, expected, n) WHERE r.cmd = ANY(claimed) AND r.n > 0
  ),
  bumped AS (
    UPDATE ${schema}.streams s SET revision = s.revision + req.n, last_transaction_id = pg_current_xact_id() FROM req
     WHERE s.stream_id = req.id AND req.expected >= 0
    RETURNING s.stream_id, s.revision - req.n + 1 AS start, s.revision
  ),
  starts AS (
    SELECT * FROM bumped
    UNION ALL SELECT req.id, 0::bigint, (req.n - 1)::bigint FROM req WHERE req.expected = -1
  ),
  inserted AS (
    INSERT INTO ${schema}.events (stream_id, stream_revision, event_id, event_type, data, metadata)
    SELECT e.sid, st.start + e.idx, e.id, e.typ, e.dat, e.meta
      FROM unnest(e_streams, e_index, e_ids, e_types, e_data, e_meta) WITH ORDINALITY AS e(sid, idx, id, typ, dat, meta, ord)
      JOIN starts st ON st.stream_id = e.sid
     ORDER BY e.ord
    RETURNING stream_id, global_position
  ),
  last_positions AS (SELECT i.stream_id, max(i.global_position) AS position FROM inserted i GROUP BY i.stream_id)
  SELECT req.cmd, 'committed'::text, st.stream_id, st.revision, lp.position, NULL::text, NULL::text, NULL::jsonb
    FROM req JOIN starts st ON st.stream_id = req.id JOIN last_positions lp ON lp.stream_id = st.stream_id
  UNION ALL
  SELECT k, 'committed', NULL, NULL, NULL, NULL, NULL, NULL FROM unnest(claimed) AS k
  UNION ALL
  SELECT r.cmd, 'conflict', r.id, coalesce(cur.revision, -1), NULL, NULL, NULL, NULL
    FROM unnest(s_cmd, s_ids) AS r(cmd, id) LEFT JOIN ${schema}.streams cur ON cur.stream_id = r.id
   WHERE r.cmd = ANY(refused)
  UNION ALL
  SELECT c.ord::int, 'held', NULL, NULL, NULL, l.command_type, l.fingerprint, l.reply
    FROM unnest(c_ids) WITH ORDINALITY AS c(id, ord) JOIN ${schema}.command_log l ON l.command_id = c.id
   WHERE NOT (c.ord::int = ANY(claimed)) AND NOT (c.ord::int = ANY(refused));

  IF EXISTS (SELECT 1 FROM unnest(s_cmd, s_counts) AS r(cmd, n) WHERE r.n > 0 AND r.cmd = ANY(claimed)) THEN
    PERFORM pg_notify('${schema}_appended', '');
  END IF;
END;
$fn$;
`;
