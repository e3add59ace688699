import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { notFound, validationFailed } from '@tnp/kernel';
import {
  decodeSiteNumberCursor,
  encodeSiteNumberCursor,
  type ExportSiteNumbersInput,
  type ListSiteNumbersInput,
  type OccupierNumbers,
  type OccupierSites,
  type SiteNumberChunk,
  type SiteNumberPage,
  type SiteNumberView,
} from '@tnp/number-inventory-contracts';
import { NUMBER_STATUSES, occupierDecider, occupierStreamId, type OccupierEvent } from '@tnp/number-inventory-domain';
import { READ_MODEL_SCHEMA, SiteNumberEntity, type SiteNumberRow } from '../read-model/site-number.entity';
import { toRow, type SiteNumberColumns } from '../read-model/site-telephony.table';
import { COUNTS, p, pageOf, raw, sql, totalOf } from './site-list.sql';

export { OCCUPIER_COUNT_CAP, SEARCH_COUNT_CAP } from './site-list.sql';

/** The site list, its CSV export, an occupier's numbers and one number, from the site-telephony read model. */
export class SiteTelephonyQueries {
  constructor(
    private readonly orm: MikroORM,
    /** Where organisation names are: each organisation's own stream (a few per page, no log-following read model). */
    private readonly store: EventStore,
  ) {}

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

  /** The views of these rows, each occupier owner with its organisation's name (one read of their streams). */
  private async named(rows: readonly SiteNumberRow[]): Promise<SiteNumberView[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.ownerType === 'occupier' && r.ownerId ? [r.ownerId] : [])))];
    const streams = ids.length === 0 ? new Map() : await this.store.readStreams(ids.map(occupierStreamId));
    const names = new Map<string, string>();
    for (const id of ids) {
      const events = (streams.get(occupierStreamId(id)) ?? []) as readonly { type: string; data: unknown }[];
      const state = events.reduce((current, e) => occupierDecider.evolve(current, e as OccupierEvent), occupierDecider.initialState());
      if (state.name !== null) names.set(id, state.name);
    }
    return rows.map((row) => toView(row, names));
  }
}

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
