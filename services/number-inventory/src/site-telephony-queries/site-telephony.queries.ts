import type { FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import { notFound } from '@tnp/kernel';
import type {
  ExportSiteNumbersInput,
  ListSiteNumbersInput,
  OccupierNumbers,
  OccupierSites,
  SiteNumberChunk,
  SiteNumberFilters,
  SiteNumberPage,
  SiteNumberView,
} from '@tnp/number-inventory-contracts';
import { NUMBER_STATUSES } from '@tnp/number-inventory-domain';
import { READ_MODEL_SCHEMA, SiteNumberEntity, type SiteNumberRow } from '../read-model/site-number.entity';

type SiteNumberFilter = FilterQuery<InstanceType<typeof SiteNumberEntity.class>>;

export class SiteTelephonyQueries {
  constructor(private readonly orm: MikroORM) {}

  async list(input: ListSiteNumbersInput): Promise<SiteNumberPage> {
    const em = this.orm.em.fork();
    const where = filterOf(input);
    const [items, total, present] = await Promise.all([
      em.find(SiteNumberEntity, where, { orderBy: { number: 'asc' }, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
      em.count(SiteNumberEntity, where),
      em.execute<{ status: string }[]>(`SELECT DISTINCT status FROM ${READ_MODEL_SCHEMA}.site_numbers WHERE site_id = ?`, [input.siteId]),
    ]);
    const statuses = new Set(present.map((r) => r.status));
    return {
      items: items.map((row) => toView(row as SiteNumberRow)),
      total,
      page: input.page,
      pageSize: input.pageSize,
      statusesPresent: NUMBER_STATUSES.filter((s) => statuses.has(s)),
    };
  }

  /** Keyset pages in number order, for streaming a CSV of exactly the filtered rows. */
  async exportChunk(input: ExportSiteNumbersInput): Promise<SiteNumberChunk> {
    const em = this.orm.em.fork();
    const where: SiteNumberFilter = input.after ? { $and: [filterOf(input), { number: { $gt: input.after } }] } : filterOf(input);
    const rows = await em.find(SiteNumberEntity, where, { orderBy: { number: 'asc' }, limit: input.limit });
    const items = rows.map((row) => toView(row as SiteNumberRow));
    return { items, next: items.length === input.limit ? (items.at(-1)?.number ?? null) : null };
  }

  async forOccupier(occupierId: string): Promise<OccupierNumbers> {
    const rows = await this.orm.em
      .fork()
      .find(SiteNumberEntity, { ownerType: 'occupier', ownerId: occupierId }, { orderBy: { siteId: 'asc', number: 'asc' }, limit: 10_000 });
    const sites = new Map<string, SiteNumberView[]>();
    for (const row of rows) {
      const view = toView(row as SiteNumberRow);
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
    return toView(row as SiteNumberRow);
  }
}

const filterOf = (filters: SiteNumberFilters): SiteNumberFilter => {
  const where: Record<string, unknown> = { siteId: filters.siteId };
  if (filters.status && filters.status.length > 0) where['status'] = { $in: filters.status };
  switch (filters.allocation) {
    case 'allocated':
      where['ownerType'] = { $ne: null };
      break;
    case 'unallocated':
      where['ownerType'] = null;
      break;
    case 'operator':
      where['ownerType'] = 'operator';
      break;
    case 'occupier':
      where['ownerType'] = 'occupier';
      break;
    case 'all':
      break;
  }
  if (filters.occupierId) {
    where['ownerType'] = 'occupier';
    where['ownerId'] = filters.occupierId;
  }
  if (filters.search) where['number'] = { $like: `%${filters.search.replace(/^\+/, '')}%` };
  return where as SiteNumberFilter;
};

export const toView = (row: SiteNumberRow): SiteNumberView => ({
  number: row.number,
  siteId: row.siteId,
  ext: row.ext,
  status: row.status as SiteNumberView['status'],
  kind: row.kind,
  allocatedTo:
    row.ownerType === 'operator'
      ? { type: 'operator' }
      : row.ownerType === 'occupier' && row.ownerId
        ? { type: 'occupier', occupierId: row.ownerId }
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
