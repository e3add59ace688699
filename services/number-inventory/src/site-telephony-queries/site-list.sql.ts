import type { SiteNumberFilters } from '@tnp/number-inventory-contracts';
import { NUMBER_STATUSES } from '@tnp/number-inventory-domain';
import { GRAM_LENGTH, OWNER_KEY } from '../read-model/site-list-reads.sql';
import { READ_MODEL_SCHEMA } from '../read-model/site-number.entity';

/** The site list's statements, built from its filters: one page (offset or keyset), its total. */
export const ROWS = `${READ_MODEL_SCHEMA}.site_numbers`;
export const COUNTS = `${READ_MODEL_SCHEMA}.site_number_counts`;

/**
 * A filter the site counts cannot answer is counted row by row, through an index, up to a cap
 * (ADR 0019): an occupier's numbers from the occupier index; a search's matches from the gram
 * index, fewer, since a short or common search matches much of the site.
 */
export const OCCUPIER_COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 1_000;

export type Sql = { readonly text: string; readonly params: readonly unknown[] };
export const sql = (parts: TemplateStringsArray, ...values: readonly (Sql | { value: unknown })[]): Sql => {
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
export const p = (value: unknown) => ({ value });
export const join = (parts: readonly Sql[], separator: string): Sql => ({
  text: parts.map((s) => s.text).join(separator),
  params: parts.flatMap((s) => s.params),
});

export const raw = (text: string): Sql => ({ text, params: [] });

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
export const pageOf = (filters: SiteNumberFilters, after: string | undefined, offset: number, limit: number): Sql => {
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
export const totalOf = (filters: SiteNumberFilters): { sql: Sql; cap: number } => {
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
