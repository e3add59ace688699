import type { MikroORM } from '@mikro-orm/postgresql';
import { notFound, validationFailed } from '@tnp/kernel';
import {
  decodeSiteNumberCursor,
  encodeSiteNumberCursor,
  type ExportSiteNumbersInput,
  type ListSiteNumbersInput,
  type OccupierNumbers,
  type OccupierSites,
  type SiteNumberChunk,
  type SiteNumberFilters,
  type SiteNumberPage,
  type SiteNumberView,
} from '@tnp/number-inventory-contracts';
import { NUMBER_STATUSES } from '@tnp/number-inventory-domain';
import { GRAM_LENGTH, OWNER_KEY } from '../read-model/site-list-reads.sql';
import { READ_MODEL_SCHEMA, SiteNumberEntity, type SiteNumberRow } from '../read-model/site-number.entity';
import { toRow, type SiteNumberColumns } from '../read-model/site-telephony.table';

const ROWS = `${READ_MODEL_SCHEMA}.site_numbers`;
const COUNTS = `${READ_MODEL_SCHEMA}.site_number_counts`;

/**
 * A filter the site counts cannot answer is counted row by row, through an index, up to a cap
 * (ADR 0019): an occupier's numbers from the occupier index; a search's matches from the gram
 * index, fewer, since a short or common search matches much of the site.
 */
export const OCCUPIER_COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 1_000;

type Sql = { readonly text: string; readonly params: readonly unknown[] };
const sql = (parts: TemplateStringsArray, ...values: readonly (Sql | { value: unknown })[]): Sql => {
  let text = parts[0] ?? '';
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if ('text' in v) {
      text += v.text;
      params.push(...v.params);
    } else {
      text += '?';
      params.push(v.value);
    }
    text += parts[i + 1] ?? '';
  });
  return { text, params };
};
const p = (value: unknown) => ({ value });
const join = (parts: readonly Sql[], separator: string): Sql => ({
  text: parts.map((s) => s.text).join(separator),
  params: parts.flatMap((s) => s.params),
});

export class SiteTelephonyQueries {
  constructor(private readonly orm: MikroORM) {}

  /**
   * One page, its total and the statuses present, in one statement: one snapshot, so a total
   * never disagrees with the rows beside it. Totals come from the counts the projection keeps;
   * only a search or an occupier filter counts rows, through an index and up to a cap.
   */
  async list(input: ListSiteNumbersInput): Promise<SiteNumberPage> {
    const after = input.cursor === undefined ? undefined : decodeSiteNumberCursor(input.cursor);
    if (after === null) throw validationFailed([{ path: 'cursor', message: 'must be a nextCursor from an earlier page' }]);
    const offset = after === undefined ? (input.page - 1) * input.pageSize : 0;
    const total = totalOf(input);
    const query = sql`WITH page AS (${pageOf(input, after, offset, input.pageSize + 1)})
      SELECT (SELECT coalesce(json_agg(page ORDER BY page.number), '[]'::json) FROM page) AS items,
             (${total.sql}) AS total,
             ARRAY(SELECT status FROM ${raw(COUNTS)} WHERE site_id = ${p(input.siteId)} GROUP BY status HAVING sum(n) > 0) AS statuses`;
    const [result] = await this.orm.em
      .fork()
      .execute<{ items: SiteNumberColumns[]; total: string; statuses: string[] }[]>(query.text, [...query.params]);
    const rows = result?.items ?? [];
    const items = await this.named(rows.slice(0, input.pageSize).map(toRow));
    const counted = Number(result?.total ?? 0);
    const last = items.at(-1);
    const statuses = new Set(result?.statuses ?? []);
    return {
      items,
      total: Math.min(counted, total.cap),
      totalExact: counted <= total.cap,
      page: input.page,
      pageSize: input.pageSize,
      nextCursor: rows.length > input.pageSize && last ? encodeSiteNumberCursor(last.number) : null,
      statusesPresent: NUMBER_STATUSES.filter((s) => statuses.has(s)),
    };
  }

  /** Keyset pages in number order, for streaming a CSV of exactly the filtered rows. */
  async exportChunk(input: ExportSiteNumbersInput): Promise<SiteNumberChunk> {
    const query = pageOf(input, input.after, 0, input.limit);
    const rows = await this.orm.em.fork().execute<SiteNumberColumns[]>(query.text, [...query.params]);
    const items = await this.named(rows.map(toRow));
    return { items, next: items.length === input.limit ? (items.at(-1)?.number ?? null) : null };
  }

  async forOccupier(occupierId: string): Promise<OccupierNumbers> {
    const rows = await this.orm.em
      .fork()
      .find(SiteNumberEntity, { ownerType: 'occupier', ownerId: occupierId }, { orderBy: { siteId: 'asc', number: 'asc' }, limit: 10_000 });
    const sites = new Map<string, SiteNumberView[]>();
    for (const view of await this.named(rows as SiteNumberRow[])) {
      sites.set(view.siteId, [...(sites.get(view.siteId) ?? []), view]);
    }
    return { occupierId, sites: [...sites].map(([siteId, numbers]) => ({ siteId, numbers })) };
  }

  async sitesOf(occupierId: string): Promise<OccupierSites> {
    const rows = await this.orm.em
      .fork()
      .execute<{ site_id: string }[]>(
        `SELECT DISTINCT site_id FROM ${READ_MODEL_SCHEMA}.site_numbers WHERE owner_type = 'occupier' AND owner_id = ? ORDER BY site_id`,
        [occupierId],
      );
    return { occupierId, siteIds: rows.map((r) => r.site_id) };
  }

  async get(number: string): Promise<SiteNumberView> {
    const row = await this.orm.em.fork().findOne(SiteNumberEntity, { number });
    if (!row) throw notFound(`${number} is not provisioned`);
    const [view] = await this.named([row as SiteNumberRow]);
    return view as SiteNumberView;
  }

  /** The views of these rows, each occupier owner with its organisation's name (one lookup for all). */
  private async named(rows: readonly SiteNumberRow[]): Promise<SiteNumberView[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.ownerType === 'occupier' && r.ownerId ? [r.ownerId] : [])))];
    const names =
      ids.length === 0
        ? new Map<string, string>()
        : new Map(
            (
              await this.orm.em
                .fork()
                .execute<{ occupier_id: string; name: string }[]>(
                  `SELECT occupier_id, name FROM ${READ_MODEL_SCHEMA}.occupier_names WHERE occupier_id = ANY(ARRAY[?]::text[])`,
                  [ids],
                )
            ).map((r) => [r.occupier_id, r.name]),
          );
    return rows.map((row) => toView(row, names));
  }
}

const raw = (text: string): Sql => ({ text, params: [] });

/** The allocation keys (OWNER_KEY values) a filter admits; undefined: all of them. */
const ownerKeysOf = (allocation: SiteNumberFilters['allocation']): readonly string[] | undefined => {
  switch (allocation) {
    case 'allocated':
      return ['operator', 'occupier'];
    case 'unallocated':
      return [''];
    case 'operator':
      return ['operator'];
    case 'occupier':
      return ['occupier'];
    case 'all':
      return undefined;
  }
};

const statusesOf = (filters: SiteNumberFilters): readonly string[] | undefined =>
  filters.status && filters.status.length > 0 ? [...new Set(filters.status)] : undefined;

/** Digits of a search, and the gram-index condition that serves it (3 or more digits). */
const searchOf = (filters: SiteNumberFilters): Sql[] => {
  if (!filters.search) return [];
  const digits = filters.search.replace(/^\+/, '');
  const like = sql`number LIKE ${p(`%${digits}%`)}`;
  const grams = `${READ_MODEL_SCHEMA}.site_number_grams(site_id, number)`;
  const key = (gram: string) => `${filters.siteId} ${gram}`;
  if (digits.length >= GRAM_LENGTH) {
    const all = new Set<string>();
    for (let i = 0; i + GRAM_LENGTH <= digits.length; i++) all.add(key(digits.slice(i, i + GRAM_LENGTH)));
    return [sql`${raw(grams)} @> ARRAY[${p([...all])}]::text[]`, like];
  }
  if (digits.length === GRAM_LENGTH - 1) {
    const around = [...'0123456789'].flatMap((d) => [key(`${digits}${d}`), key(`${d}${digits}`)]);
    return [sql`${raw(grams)} && ARRAY[${p(around)}]::text[]`, like];
  }
  return [like];
};

/** Every condition of the filters but the keyset position. */
const conditionsOf = (filters: SiteNumberFilters): Sql[] => {
  const where = [sql`site_id = ${p(filters.siteId)}`];
  const statuses = statusesOf(filters);
  if (statuses) where.push(sql`status = ANY(ARRAY[${p(statuses)}]::text[])`);
  if (filters.occupierId) where.push(sql`owner_type = 'occupier' AND owner_id = ${p(filters.occupierId)}`);
  else {
    const owners = ownerKeysOf(filters.allocation);
    if (owners) where.push(sql`${raw(OWNER_KEY)} = ANY(ARRAY[${p(owners)}]::text[])`);
  }
  return [...where, ...searchOf(filters)];
};

/**
 * Rows after `after` in number order. Filtered by status and allocation only, the page is merged
 * from one short range scan per (status, allocation) of the composite index, so a page costs
 * its own rows whatever the mix; otherwise one query, which the planner serves from the gram,
 * occupier or site index.
 */
const pageOf = (filters: SiteNumberFilters, after: string | undefined, offset: number, limit: number): Sql => {
  const position = after === undefined ? [] : [sql`number > ${p(after)}`];
  const statuses = statusesOf(filters);
  const owners = ownerKeysOf(filters.allocation);
  if (!filters.search && !filters.occupierId && (statuses || owners)) {
    const branches = (statuses ?? NUMBER_STATUSES).flatMap((status) =>
      (owners ?? ['', 'operator', 'occupier']).map(
        (owner) =>
          sql`(SELECT * FROM ${raw(ROWS)} WHERE ${join(
            [sql`site_id = ${p(filters.siteId)} AND status = ${p(status)} AND ${raw(OWNER_KEY)} = ${p(owner)}`, ...position],
            ' AND ',
          )} ORDER BY number LIMIT ${p(offset + limit)})`,
      ),
    );
    return sql`SELECT * FROM (${join(branches, ' UNION ALL ')}) merged ORDER BY number OFFSET ${p(offset)} LIMIT ${p(limit)}`;
  }
  return sql`SELECT * FROM ${raw(ROWS)} WHERE ${join([...conditionsOf(filters), ...position], ' AND ')} ORDER BY number OFFSET ${p(offset)} LIMIT ${p(limit)}`;
};

/** The total: a sum over the site counts, or an index-served count of at most cap + 1 rows. */
const totalOf = (filters: SiteNumberFilters): { sql: Sql; cap: number } => {
  if (!filters.search && !filters.occupierId) {
    const statuses = statusesOf(filters);
    const owners = ownerKeysOf(filters.allocation);
    const where = [
      sql`site_id = ${p(filters.siteId)}`,
      ...(statuses ? [sql`status = ANY(ARRAY[${p(statuses)}]::text[])`] : []),
      ...(owners ? [sql`owner_type = ANY(ARRAY[${p(owners)}]::text[])`] : []),
    ];
    return { sql: sql`SELECT coalesce(sum(n), 0) FROM ${raw(COUNTS)} WHERE ${join(where, ' AND ')}`, cap: Infinity };
  }
  const cap = filters.search ? SEARCH_COUNT_CAP : OCCUPIER_COUNT_CAP;
  return {
    sql: sql`SELECT count(*) FROM (SELECT 1 FROM ${raw(ROWS)} WHERE ${join(conditionsOf(filters), ' AND ')} LIMIT ${p(cap + 1)}) counted`,
    cap,
  };
};

export const toView = (row: SiteNumberRow, names: ReadonlyMap<string, string> = new Map()): SiteNumberView => ({
  number: row.number,
  siteId: row.siteId,
  ext: row.ext,
  status: row.status as SiteNumberView['status'],
  kind: row.kind as SiteNumberView['kind'],
  allocatedTo:
    row.ownerType === 'operator'
      ? { type: 'operator' }
      : row.ownerType === 'occupier' && row.ownerId
        ? { type: 'occupier', occupierId: row.ownerId, name: names.get(row.ownerId) ?? null }
        : null,
  coolingOffUntil: row.coolingOffUntil ? new Date(row.coolingOffUntil).toISOString() : null,
  isMain: row.isMain,
  rangeName: row.rangeName,
  locked: row.locked,
  portedIn: row.portedIn,
  portedFrom: row.portedFrom,
  assignedUserId: row.assignedUserId,
  revision: row.revision,
});
