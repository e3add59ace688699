import { compareMarks, parseConsistencyToken } from '@tnp/kernel';
import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { eventually } from '@tnp/testing';
import type { ProvisionNumbersResult, SiteNumberPage } from '@tnp/number-inventory-contracts';
import { jetStreamNameFor } from '@tnp/service-runtime';
import { startHarness, type Harness } from './number-inventory-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('ni_int');
});
afterAll(async () => {
  await h?.stop();
});

const SITE = 'lon-1';
const range = (from: number, to: number) => ({
  start: `+4420712${String(from).padStart(5, '0')}`,
  end: `+4420712${String(to).padStart(5, '0')}`,
});
const num = (n: number) => `+4420712${String(n).padStart(5, '0')}`;

/**
 * The global log yields only what no open transaction (in any database of the cluster) can still
 * precede, so one read may stop short of what the relay publishes a moment later: the stored
 * events once a fresh read and the relay agree.
 */
const storedOnceRelayCaughtUp = () =>
  eventually(async () => {
    const all = await h.service.store.readAll({ maxCount: 100_000 });
    expect(h.service.relay.publishedPosition).toEqual(all.at(-1)?.logPosition);
    return all;
  });

describe('number-inventory over NATS', () => {
  test('provisions a range, reports each number, and a repeat changes nothing', async () => {
    const first = await h.command<ProvisionNumbersResult>('provision-numbers', {
      siteId: SITE,
      rangeName: 'Main',
      range: range(1, 20),
      extFromLastDigits: 3,
    });
    expect(first).toMatchObject({ ok: true, value: { status: 'COMPLETE', provisioned: 20, skipped: 0, failed: 0 } });
    const again = await h.command<ProvisionNumbersResult>('provision-numbers', { siteId: SITE, rangeName: 'Main', range: range(15, 25) });
    expect(again).toMatchObject({ ok: true, value: { status: 'COMPLETE', provisioned: 5, skipped: 6, failed: 0 } });
    const elsewhere = await h.command<ProvisionNumbersResult>('provision-numbers', {
      siteId: 'man-1',
      rangeName: 'X',
      range: range(24, 27),
    });
    expect(elsewhere).toMatchObject({ ok: true, value: { status: 'PARTIAL', provisioned: 2, failed: 2 } });
    if (!elsewhere.ok) throw new Error('unreachable');
    expect(elsewhere.value.results.find((r) => r.number === num(24))).toMatchObject({
      outcome: 'failed',
      rule: 'PROVISIONED_AT_OTHER_SITE',
    });
  });

  test('a repeated command id returns the first result and appends nothing', async () => {
    const commandId = randomUUID();
    const first = await h.command('allocate-number', { siteId: SITE, number: num(1), owner: { type: 'operator' } }, { commandId });
    const deallocated = await h.command('deallocate-number', { siteId: SITE, number: num(1) });
    expect(deallocated.ok).toBe(true);
    const repeat = await h.command('allocate-number', { siteId: SITE, number: num(1), owner: { type: 'operator' } }, { commandId });
    // The same answer; its consistency token is where the log stands now (a repeat cannot know
    // its events' positions), at or after the first one's.
    const { consistency: firstToken, ...firstAnswer } = first as { consistency?: string };
    const { consistency: repeatToken, ...repeatAnswer } = repeat as { consistency?: string };
    expect(repeatAnswer).toEqual(firstAnswer);
    const [a, b] = [firstToken, repeatToken].map((t) => parseConsistencyToken(t ?? '').get('number-inventory')!);
    expect(compareMarks(b!, a!)).toBeGreaterThanOrEqual(0);
    const events = await h.service.store.readStream(`number-${num(1)}`);
    expect(events.map((e) => e.type)).toEqual(['NumberProvisioned', 'NumberAllocated', 'NumberDeallocated']);
  });

  test('refusals answer with their rule code and write nothing', async () => {
    const activate = await h.command('activate-number', { siteId: SITE, number: num(2) });
    expect(activate).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_TRANSITION', rule: 'NOT_ALLOCATED' }) });
    expect(await h.service.store.readStream(`number-${num(2)}`)).toHaveLength(1);
  });

  test('bad input answers VALIDATION_FAILED naming the fields, for malformed JSON too', async () => {
    const malformed = await h.raw(`${h.config.NATS_SUBJECT_PREFIX}.cmd.number-inventory.allocate-number`, '{"commandId": ');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const wrong = await h.command('allocate-number', { siteId: SITE, number: '02071230001', owner: { type: 'occupier' }, extra: 1 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (wrong.ok) throw new Error('unreachable');
    const paths = wrong.error.fields?.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['data.number', 'data.owner.occupierId', 'data']));
    const tooMany = await h.command('provision-numbers', {
      siteId: SITE,
      rangeName: 'Big',
      range: { start: '+442071300000', end: '+442071310000' },
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'data.range' })] },
    });
  });

  test('allocate-N gives all N or none, even to concurrent requests', async () => {
    await h.command('provision-numbers', { siteId: 'pool-1', rangeName: 'Pool', range: { start: '+442079000000', end: '+442079000009' } });
    await eventually(async () => {
      const page = await h.query<SiteNumberPage>('list-site-numbers', { siteId: 'pool-1' });
      expect(page.ok && page.value.total).toBe(10);
    });
    const replies = await Promise.all(
      ['a', 'b', 'c'].map((occupierId) => h.command<{ numbers: string[] }>('allocate-numbers', { siteId: 'pool-1', occupierId, count: 4 })),
    );
    const granted = replies.filter((r) => r.ok);
    const refused = replies.filter((r) => !r.ok);
    expect(granted).toHaveLength(2);
    expect(refused).toEqual([{ ok: false, error: expect.objectContaining({ rule: 'INSUFFICIENT_AVAILABLE_NUMBERS' }) }]);
    const all = granted.flatMap((r) => (r.ok ? r.value.numbers : []));
    expect(new Set(all).size).toBe(8);
  });

  test('one main number per owner per site, even under concurrent nominations', async () => {
    const numbers = [num(10), num(11), num(12), num(13)];
    for (const n of numbers)
      await h.command('allocate-number', { siteId: SITE, number: n, owner: { type: 'occupier', occupierId: 'acme' } });
    const replies = await Promise.all(numbers.map((n) => h.command('nominate-main-number', { siteId: SITE, number: n })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.error.rule)).toEqual([
      'OWNER_HAS_MAIN_NUMBER',
      'OWNER_HAS_MAIN_NUMBER',
      'OWNER_HAS_MAIN_NUMBER',
    ]);
  });

  test('every event reaches JetStream once, as a CloudEvent with the event id as message id', async () => {
    const stored = await storedOnceRelayCaughtUp();
    const js = jetstream(h.nc);
    const consumer = await js.consumers.get(jetStreamNameFor('number-inventory', h.config.NATS_SUBJECT_PREFIX));
    const message = await consumer.next({ expires: 5000 });
    expect(message).not.toBeNull();
    const cloudEvent = message!.json<Record<string, unknown>>();
    expect(cloudEvent).toMatchObject({
      specversion: '1.0',
      id: stored[0]?.id,
      type: 'com.telephony.number-inventory.NumberProvisioned.v1',
      source: '/telephony/number-inventory',
      subject: stored[0]?.streamId,
      time: stored[0]?.metadata.occurredAt,
      dataschema: `${h.config.EVENT_SCHEMA_BASE_URL}/schemas/events/number-inventory/NumberProvisioned.v1.json`,
      dataschemaversion: 1,
      data: stored[0]?.data,
    });
    expect(message!.headers?.get('Nats-Msg-Id')).toBe(stored[0]?.id);
    expect(message!.headers?.get('ce-type')).toBe('com.telephony.number-inventory.NumberProvisioned.v1');
    expect(message!.subject).toBe(`${h.config.NATS_SUBJECT_PREFIX}.evt.number-inventory.number.NumberProvisioned`);
    const jsm = await (await import('@nats-io/jetstream')).jetstreamManager(h.nc);
    // Earlier tests' commands may still commit meanwhile: once the relay has caught up with the
    // store, the stream holds each stored event once (message ids are event ids).
    await eventually(async () => {
      const all = await h.service.store.readAll({ maxCount: 100_000 });
      expect(h.service.relay.publishedPosition).toEqual(all.at(-1)?.logPosition);
      const info = await jsm.streams.info(jetStreamNameFor('number-inventory', h.config.NATS_SUBJECT_PREFIX));
      expect(info.state.messages).toBe(all.length);
    });
  });

  test('a relay restarted behind its checkpoint republishes, and JetStream drops the copies', async () => {
    const name = jetStreamNameFor('number-inventory', h.config.NATS_SUBJECT_PREFIX);
    const jsm = await (await import('@nats-io/jetstream')).jetstreamManager(h.nc);
    const stored = await storedOnceRelayCaughtUp();
    await eventually(async () => expect((await jsm.streams.info(name)).state.messages).toBe(stored.length));
    await h.service.relay.stop();
    // As after a crash between JetStream's ack and the checkpoint write: the last 5 go again.
    await h.db.query(
      `UPDATE ${h.config.EVENT_STORE_SCHEMA}.checkpoints SET transaction_id = $1::xid8, position = $2 WHERE name = 'relay'`,
      [String(stored.at(-6)?.logPosition.transactionId), stored.at(-6)?.logPosition.position],
    );
    await h.service.relay.start();
    // Commands of earlier tests may still commit meanwhile: whatever the log holds by then, the
    // stream holds each event once, the five republished ones included.
    await eventually(async () => {
      const all = await h.service.store.readAll({ maxCount: 100_000 });
      expect(h.service.relay.publishedPosition).toEqual(all.at(-1)?.logPosition);
      expect((await jsm.streams.info(name)).state.messages).toBe(all.length);
    });
  });

  test('a rebuilt read model equals the one built live', async () => {
    const before = await h.query<SiteNumberPage>('list-site-numbers', { siteId: SITE, pageSize: 500 });
    await h.service.projections[0]?.rebuild();
    await eventually(async () => {
      const after = await h.query<SiteNumberPage>('list-site-numbers', { siteId: SITE, pageSize: 500 });
      expect(after).toEqual(before);
    });
  });
});
