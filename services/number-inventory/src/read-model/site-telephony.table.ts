import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlQuery, type ProjectionTable } from '@tnp/read-models';
import { siteNumberCountsBackfillSql } from './site-list-reads.sql';
import { READ_MODEL_SCHEMA, type SiteNumberRow } from './site-number.entity';

/** A site_numbers row as PostgreSQL returns it. */
export type SiteNumberColumns = {
  number: string;
  site_id: string;
  ext: string | null;
  status: string;
  kind: string;
  owner_type: string | null;
  owner_id: string | null;
  cooling_off_until: string | Date | null;
  is_main: boolean;
  range_name: string;
  locked: boolean;
  ported_in: boolean;
  ported_from: string | null;
  assigned_user_id: string | null;
  revision: number;
};

const toColumns = (r: SiteNumberRow): SiteNumberColumns => ({
  number: r.number,
  site_id: r.siteId,
  ext: r.ext,
  status: r.status,
  kind: r.kind,
  owner_type: r.ownerType,
  owner_id: r.ownerId,
  cooling_off_until: r.coolingOffUntil ? new Date(r.coolingOffUntil).toISOString() : null,
  is_main: r.isMain,
  range_name: r.rangeName,
  locked: r.locked,
  ported_in: r.portedIn,
  ported_from: r.portedFrom,
  assigned_user_id: r.assignedUserId,
  revision: r.revision,
});

export const toRow = (c: SiteNumberColumns): SiteNumberRow => ({
  number: c.number,
  siteId: c.site_id,
  ext: c.ext,
  status: c.status,
  kind: c.kind,
  ownerType: c.owner_type,
  ownerId: c.owner_id,
  coolingOffUntil: c.cooling_off_until ? new Date(c.cooling_off_until) : null,
  isMain: c.is_main,
  rangeName: c.range_name,
  locked: c.locked,
  portedIn: c.ported_in,
  portedFrom: c.ported_from,
  assignedUserId: c.assigned_user_id,
  revision: c.revision,
});

const TABLE = `${READ_MODEL_SCHEMA}.site_numbers`;

/** Every column with its type, in table order: a batch travels as one array per column. */
const COLUMNS: ReadonlyArray<readonly [keyof SiteNumberColumns, string]> = [
  ['number', 'text'],
  ['site_id', 'text'],
  ['ext', 'text'],
  ['status', 'text'],
  ['kind', 'text'],
  ['owner_type', 'text'],
  ['owner_id', 'text'],
  ['cooling_off_until', 'timestamptz'],
  ['is_main', 'boolean'],
  ['range_name', 'text'],
  ['locked', 'boolean'],
  ['ported_in', 'boolean'],
  ['ported_from', 'text'],
  ['assigned_user_id', 'text'],
  ['revision', 'integer'],
];
const COLUMN_LIST = COLUMNS.map(([c]) => c).join(', ');
const UNNEST = `unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS r(${COLUMN_LIST})`;
const UPDATES = COLUMNS.filter(([c]) => c !== 'number')
  .map(([c]) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/** The rows as one array per column (unnest parses typed arrays faster than jsonb_populate_recordset parses JSON). */
const columnArrays = (rows: readonly SiteNumberRow[]): unknown[][] => {
  const arrays = COLUMNS.map(() => new Array<unknown>(rows.length));
  rows.forEach((row, i) => {
    const c = toColumns(row);
    COLUMNS.forEach(([name], j) => {
      (arrays[j] as unknown[])[i] = c[name];
    });
  });
  return arrays;
};

/**
 * Loads and writes of site_numbers in a schema (the live one, or a rebuild's shadow), set-based:
 * a batch of thousands of rows is one SELECT, one plain INSERT of the rows that were not there
 * and one INSERT ... ON CONFLICT of the rest.
 */
const writesIn = (schema: string): Pick<ProjectionTable<SiteNumberRow>, 'load' | 'save' | 'insert' | 'remove'> => {
  const table = `${schema}.site_numbers`;
  return {
    async load(em: EntityManager, keys) {
      // One index probe per key, whatever the planner thinks of the table's size (OFFSET 0 keeps
      // the lateral subquery from being flattened into a join it could plan as a full scan).
      const rows = await sqlQuery<SiteNumberColumns>(
        em,
        `SELECT t.* FROM unnest($1::text[]) AS k(number) CROSS JOIN LATERAL (SELECT * FROM ${table} s WHERE s.number = k.number OFFSET 0) t`,
        [keys],
      );
      return new Map(rows.map((c) => [c.number, toRow(c)]));
    },
    async save(em: EntityManager, rows) {
      await sqlQuery(
        em,
        `INSERT INTO ${table} (${COLUMN_LIST}) SELECT * FROM ${UNNEST} ON CONFLICT (number) DO UPDATE SET ${UPDATES}`,
        columnArrays(rows),
      );
    },
    async insert(em: EntityManager, rows) {
      await sqlQuery(em, `INSERT INTO ${table} (${COLUMN_LIST}) SELECT * FROM ${UNNEST}`, columnArrays(rows));
    },
    async remove(em: EntityManager, keys) {
      await sqlQuery(em, `DELETE FROM ${table} WHERE number = ANY($1::text[])`, [keys]);
    },
  };
};

/**
 * The site-telephony table through MikroORM's connection. A rebuild fills a shadow copy and
 * swaps it in; the counts the live table's triggers keep are then counted afresh from its rows.
 */
export const siteTelephonyTable: ProjectionTable<SiteNumberRow> = {
  ...writesIn(READ_MODEL_SCHEMA),
  async truncate(em: EntityManager) {
    await em.execute(`TRUNCATE ${TABLE}`);
  },
  async scan(em: EntityManager, afterKey, limit) {
    const rows = await sqlQuery<SiteNumberColumns>(em, `SELECT * FROM ${TABLE} WHERE number > $1 ORDER BY number LIMIT $2`, [
      afterKey ?? '',
      limit,
    ]);
    return rows.map((c) => ({ key: c.number, row: toRow(c) }));
  },
  async analyze(em: EntityManager) {
    await em.execute(`ANALYZE ${TABLE}`);
    const [row] = await sqlQuery<{ rows: number }>(em, `SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = $1::regclass`, [TABLE]);
    return Number(row?.rows ?? 0);
  },
  shadow: {
    table: TABLE,
    in: writesIn,
    async afterSwap(tx: EntityManager) {
      await tx.execute(siteNumberCountsBackfillSql(READ_MODEL_SCHEMA));
    },
  },
};
