import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { PostgresEventStore } from '@tnp/event-store';
import {
  exportSiteNumbersSchema,
  listSiteNumbersSchema,
  type SiteNumberFilters,
  type SiteNumberPage,
} from '@tnp/number-inventory-contracts';
import { createTestDatabase, type TestDatabase } from '@tnp/testing';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity, type SiteNumberRow } from '../read-model/site-number.entity';
import { siteTelephonyTable } from '../read-model/site-telephony.table';
import { SEARCH_COUNT_CAP, SiteTelephonyQueries } from './site-telephony.queries';

let db: TestDatabase;
let orm: MikroORM;
let queries: SiteTelephonyQueries;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('ni_site_list');
  orm = await MikroORM.init({ clientUrl: db.url, entities: [SiteNumberEntity], debug: false, pool: { min: 0, max: 6 } });
  await orm.em.fork().execute(readModelSchemaSql());
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'ni_site_list_events', poolSize: 2 });
  queries = new SiteTelephonyQueries(orm, store);
});
afterAll(async () => {
  await store?.close();
  await orm?.close();
  await db?.drop();
});

const STATUSES = ['AVAILABLE', 'RESERVED', 'ACTIVE', 'ASSIGNED'] as const;
const row = (number: string, siteId: string, status: string, ownerType: string | null, ownerId: string | null = null): SiteNumberRow => ({
  number,
  siteId,
  ext: null,
  status,
  kind: 'standard',
  ownerType,
  ownerId: ownerType === 'occupier' ? (ownerId ?? 'acme') : null,
  coolingOffUntil: null,
  isMain: false,
  rangeName: 'R',
  locked: false,
  portedIn: false,
  portedFrom: null,
  assignedUserId: null,
  revision: 0,
});
const save = (rows: readonly SiteNumberRow[]) => orm.em.fork().transactional((tx) => siteTelephonyTable.save(tx, rows));
/** A mixed site: statuses and owners by position, so every (status, allocation) pair is present. */
const mixed = (siteId: string, prefix: string, count: number): SiteNumberRow[] =>
  Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % 4] ?? 'AVAILABLE';
    const ownerType = status === 'AVAILABLE' ? null : i % 3 === 0 ? 'operator' : 'occupier';
    return row(`${prefix}${String(i).padStart(5, '0')}`, siteId, status, ownerType, i % 5 === 0 ? 'globex' : 'acme');
  });
const list = (input: Record<string, unknown>): Promise<SiteNumberPage> => queries.list(listSiteNumbersSchema.parse(input));

/** The filters as plain code over the rows: what the list must agree with. */
const matches = (f: Partial<SiteNumberFilters>) => (r: SiteNumberRow) => {
  if (f.status && f.status.length > 0 && !f.status.includes(r.status as never)) return false;
  if (f.search && !r.number.slice(1).includes(f.search.replace(/^\+/, ''))) return false;
  if (f.occupierId) return r.ownerType === 'occupier' && r.ownerId === f.occupierId;
  const allocation = f.allocation ?? 'all';
  if (allocation === 'allocated' && r.ownerType === null) return false;
  if (allocation === 'unallocated' && r.ownerType !== null) return false;
  if ((allocation === 'operator' || allocation === 'occupier') && r.ownerType !== allocation) return false;
  return true;
};

const readAll = async (input: Record<string, unknown>): Promise<string[]> => {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await list({ ...input, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((i) => i.number));
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('the cursor never reached the end');
};

describe('organisation names', () => {
  test('an occupier owner carries its organisation name once named, in lists, exports, occupier lists and single reads', async () => {
    await save([
      row('+442079990001', 'names-1', 'RESERVED', 'occupier', 'initech'),
      row('+442079990002', 'names-1', 'RESERVED', 'occupier', 'hooli'),
    ]);
    const named = { id: randomUUID(), type: 'OccupierNamed', data: { occupierId: 'initech', name: 'Initech Corp' } };
    const metadata = { commandId: 'c', correlationId: 'c', occurredAt: new Date().toISOString() };
    await store.append('occupier-initech', [{ ...named, metadata }], 'no_stream');
    const owners = (await list({ siteId: 'names-1' })).items.map((i) => i.allocatedTo);
    expect(owners).toEqual([
      { type: 'occupier', occupierId: 'initech', name: 'Initech Corp' },
      { type: 'occupier', occupierId: 'hooli', name: null },
    ]);
    const exported = await queries.exportChunk(exportSiteNumbersSchema.parse({ siteId: 'names-1', limit: 10 }));
    expect(exported.items[0]?.allocatedTo).toEqual({ type: 'occupier', occupierId: 'initech', name: 'Initech Corp' });
    expect((await queries.get('+442079990001')).allocatedTo).toEqual({ type: 'occupier', occupierId: 'initech', name: 'Initech Corp' });
    expect((await queries.forOccupier('initech')).sites[0]?.numbers[0]?.allocatedTo).toMatchObject({ name: 'Initech Corp' });
  });
});

describe('site list', () => {
  const site = mixed('lon-1', '+4420710', 400);
  beforeAll(async () => {
    await save(site);
  });

  test.each<[string, Partial<SiteNumberFilters>]>([
    ['no filter', {}],
    ['one status', { status: ['RESERVED'] }],
    ['statuses and an allocation', { status: ['ACTIVE', 'ASSIGNED'], allocation: 'occupier' }],
    ['allocated', { allocation: 'allocated' }],
    ['a 4-digit search', { search: '0002' }],
    ['a 3-digit search', { search: '003' }],
    ['a 2-digit search', { search: '+7' }],
    ['an occupier', { occupierId: 'globex' }],
  ])('total, rows and statuses agree with the rows for %s', async (_name, filters) => {
    const expected = site.filter(matches(filters)).map((r) => r.number);
    const page = await list({ siteId: 'lon-1', ...filters, pageSize: 25, page: 2 });
    expect(page.total).toBe(expected.length);
    expect(page.totalExact).toBe(true);
    expect(page.items.map((i) => i.number)).toEqual(expected.slice(25, 50));
    expect(page.statusesPresent).toEqual(STATUSES);
    expect(await readAll({ siteId: 'lon-1', ...filters, pageSize: 33 })).toEqual(expected);
  });

  test('page keeps offset paging, and its nextCursor carries on where the page ended', async () => {
    const numbers = site.map((r) => r.number);
    const second = await list({ siteId: 'lon-1', page: 2, pageSize: 10 });
    expect(second.items.map((i) => i.number)).toEqual(numbers.slice(10, 20));
    expect(second).toMatchObject({ page: 2, pageSize: 10, total: 400 });
    const third = await list({ siteId: 'lon-1', cursor: second.nextCursor, pageSize: 10 });
    expect(third.items.map((i) => i.number)).toEqual(numbers.slice(20, 30));
    const last = await list({ siteId: 'lon-1', page: 40, pageSize: 10 });
    expect(last.items).toHaveLength(10);
    expect(last.nextCursor).toBeNull();
  });

  test('a cursor is opaque and checked: one the list did not give out is refused', () => {
    expect(listSiteNumbersSchema.safeParse({ siteId: 'lon-1', cursor: 'not-a-cursor' }).success).toBe(false);
    expect(listSiteNumbersSchema.safeParse({ siteId: 'lon-1', cursor: Buffer.from('+4420710').toString('base64url') }).success).toBe(true);
  });

  test('a search matching more rows than it counts says the total is a lower bound', async () => {
    await save(
      Array.from({ length: SEARCH_COUNT_CAP + 50 }, (_, i) => row(`+4420720${String(i).padStart(5, '0')}`, 'big', 'AVAILABLE', null)),
    );
    const page = await list({ siteId: 'big', search: '44207' });
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, totalExact: false });
    expect(page.items).toHaveLength(50);
    const counted = await list({ siteId: 'big', status: ['AVAILABLE'] });
    expect(counted).toMatchObject({ total: SEARCH_COUNT_CAP + 50, totalExact: true, statusesPresent: ['AVAILABLE'] });
  });

  test.each<[string, Partial<SiteNumberFilters>]>([
    ['no filter', {}],
    ['a status', { status: ['AVAILABLE'] }],
    ['a search', { search: '0730' }],
  ])('cursor pages hold every row once, in order, while rows are inserted around them (%s)', async (_name, filters) => {
    const siteId = `paging-${_name.replace(/\W/g, '')}`;
    const before = Array.from({ length: 300 }, (_, i) => row(`+44207300${String(i * 2).padStart(4, '0')}`, siteId, 'AVAILABLE', null));
    await save(before);
    let reading = true;
    const inserted: string[] = [];
    const writer = (async () => {
      for (let i = 0; reading && i < 300; i++) {
        const number = `+44207300${String(((i * 37) % 300) * 2 + 1).padStart(4, '0')}`;
        await save([row(number, siteId, 'AVAILABLE', null)]);
        inserted.push(number);
      }
    })();
    const seen: string[] = [];
    try {
      let cursor: string | undefined;
      for (;;) {
        const page = await list({ siteId, ...filters, pageSize: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.number));
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
    } finally {
      reading = false;
      await writer;
    }
    expect(inserted.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]! > seen[i - 1]!).toBe(true);
    const wanted = before.filter(matches(filters)).map((r) => r.number);
    expect(wanted.length).toBeGreaterThan(0);
    expect(seen.filter((n) => wanted.includes(n))).toEqual(wanted);
    expect(seen.every((n) => wanted.includes(n) || inserted.includes(n))).toBe(true);
  });

  test('a page, its total and the statuses present come from one snapshot', async () => {
    const flip = Array.from({ length: 40 }, (_, i) => row(`+4420740${String(i).padStart(5, '0')}`, 'flip', 'AVAILABLE', null));
    await save(flip);
    let reading = true;
    // Each transaction empties the site and fills it again, with the other status.
    const writer = (async () => {
      for (let round = 0; reading; round++) {
        await orm.em.fork().transactional(async (tx) => {
          await siteTelephonyTable.remove(
            tx,
            flip.map((r) => r.number),
          );
          await siteTelephonyTable.save(
            tx,
            flip.map((r) => ({ ...r, status: round % 2 === 0 ? 'RESERVED' : 'AVAILABLE', ownerType: round % 2 === 0 ? 'operator' : null })),
          );
        });
      }
    })();
    const observed = new Set<string>();
    const deadline = Date.now() + 20_000;
    try {
      for (let reads = 0; reads < 150 || observed.size < 2; reads++) {
        if (Date.now() > deadline) throw new Error(`saw only ${[...observed].join(', ')} before the deadline`);
        const page = await list({ siteId: 'flip', pageSize: 100 });
        expect(page.items).toHaveLength(page.total);
        expect(page.total).toBe(40);
        const statuses = [...new Set(page.items.map((i) => i.status))];
        expect(page.statusesPresent).toEqual(statuses);
        observed.add(statuses.join());
        const reserved = await list({ siteId: 'flip', status: ['RESERVED'], pageSize: 100 });
        expect(reserved.items).toHaveLength(reserved.total);
      }
    } finally {
      reading = false;
      await writer;
    }
    const [counts] = await orm.em
      .fork()
      .execute<{ n: string }[]>(`SELECT sum(n) AS n FROM ${READ_MODEL_SCHEMA}.site_number_counts WHERE site_id = 'flip'`);
    expect(Number(counts?.n)).toBe(40);
  });
});
