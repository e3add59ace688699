/**
 * What the site list reads besides the rows (ADR 0019): counts per (site, status, allocation)
 * kept by triggers in the same statement as the rows, a digit-gram index for partial-number
 * search, and a composite index per (site, status, allocation) in number order. Idempotent: run
 * at every boot, under the read-model migration lock.
 */

/** The allocation key of a row: '' unallocated, else the owner type ('operator' | 'occupier'). */
export const OWNER_KEY = `coalesce(owner_type, '')`;

/** Digits in a search gram: a search of at least this many digits is answered from the gram index. */
export const GRAM_LENGTH = 4;

/**
 * The index keys of a number: "<site> <4 digits>" for every 4-digit window of its digits, so a
 * search of 4 or more digits is an exact posting-list lookup at that site (3 digits: any of the
 * 20 grams that contain them). Frozen: the index stores its results, so a change of body needs
 * a new function name and a new index.
 */
const gramsFunctionSql = (schema: string): string => `
CREATE OR REPLACE FUNCTION ${schema}.site_number_grams(site text, n text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  digits text := translate(n, '+', '');
  grams text[] := '{}';
BEGIN
  FOR i IN 1 .. length(digits) - ${GRAM_LENGTH - 1} LOOP
    grams := grams || (site || ' ' || substr(digits, i, ${GRAM_LENGTH}));
  END LOOP;
  RETURN grams;
END $fn$;`;

/** The counts counted afresh from the rows: at install, and after a rebuild swapped in rows filled without the triggers. */
export const siteNumberCountsBackfillSql = (schema: string): string => `DELETE FROM ${schema}.site_number_counts;
    INSERT INTO ${schema}.site_number_counts (site_id, status, owner_type, n)
    SELECT site_id, status, ${OWNER_KEY}, count(*) FROM ${schema}.site_numbers GROUP BY 1, 2, 3;`;

const COUNT_TRIGGERS = [
  'site_number_counts_insert',
  'site_number_counts_update',
  'site_number_counts_delete',
  'site_number_counts_truncate',
];

/**
 * One statement-level trigger per write: the deltas come from the statement's own transition
 * tables (each row's old and new values), summed per key, and added under the count row's lock,
 * so concurrent writers commute and a count cannot drift from its rows.
 */
const countsSql = (schema: string): string => {
  const counts = `${schema}.site_number_counts`;
  const rows = `${schema}.site_numbers`;
  const add = (source: string) => `
    INSERT INTO ${counts} AS c (site_id, status, owner_type, n)
    SELECT site_id, status, owner_type, sum(delta) FROM (${source}) d
     GROUP BY site_id, status, owner_type HAVING sum(delta) <> 0 ORDER BY site_id, status, owner_type
    ON CONFLICT (site_id, status, owner_type) DO UPDATE SET n = c.n + EXCLUDED.n;`;
  const plus = `SELECT site_id, status, ${OWNER_KEY} AS owner_type, 1 AS delta FROM new_rows`;
  const minus = `SELECT site_id, status, ${OWNER_KEY} AS owner_type, -1 AS delta FROM old_rows`;
  return `
CREATE OR REPLACE FUNCTION ${schema}.site_number_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN${add(plus)}
  ELSIF TG_OP = 'DELETE' THEN${add(minus)}
  ELSE${add(`${plus} UNION ALL ${minus}`)}
  END IF;
  RETURN NULL;
END $fn$;
CREATE OR REPLACE FUNCTION ${schema}.site_number_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ${counts};
  RETURN NULL;
END $fn$;
DO $install$
BEGIN
  IF to_regclass('${counts}') IS NULL
     OR (SELECT count(*) FROM pg_trigger WHERE tgrelid = '${rows}'::regclass
          AND tgname IN (${COUNT_TRIGGERS.map((t) => `'${t}'`).join(', ')})) < ${COUNT_TRIGGERS.length} THEN
    -- No write between the backfill and the triggers: both commit together under this lock.
    LOCK TABLE ${rows} IN SHARE ROW EXCLUSIVE MODE;
    CREATE TABLE IF NOT EXISTS ${counts} (
      site_id text NOT NULL,
      status text NOT NULL,
      owner_type text NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (site_id, status, owner_type)
    );
    ${siteNumberCountsBackfillSql(schema)}
    ${COUNT_TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t} ON ${rows};`).join('\n    ')}
    CREATE TRIGGER site_number_counts_insert AFTER INSERT ON ${rows}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.site_number_counts_apply();
    CREATE TRIGGER site_number_counts_update AFTER UPDATE ON ${rows}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.site_number_counts_apply();
    CREATE TRIGGER site_number_counts_delete AFTER DELETE ON ${rows}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.site_number_counts_apply();
    CREATE TRIGGER site_number_counts_truncate AFTER TRUNCATE ON ${rows}
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.site_number_counts_clear();
  END IF;
END $install$;`;
};

export const siteListReadsSql = (schema: string): string => `
CREATE INDEX IF NOT EXISTS site_numbers_site_status_owner_idx ON ${schema}.site_numbers (site_id, status, (${OWNER_KEY}), number);
DROP INDEX IF EXISTS ${schema}.site_numbers_site_status_idx;
${gramsFunctionSql(schema)}
CREATE INDEX IF NOT EXISTS site_numbers_search_idx ON ${schema}.site_numbers USING gin (${schema}.site_number_grams(site_id, number));
${countsSql(schema)}
`;
