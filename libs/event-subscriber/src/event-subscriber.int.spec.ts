import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Pool } from 'pg';
import { cloudEventType } from '@tnp/kernel';
import { numberEvents } from '@tnp/number-inventory-contracts';
import { createTestDatabase, eventually, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from '@tnp/testing';
import { EventSubscriber, platformStreamName, type EventSubscriberOptions } from './event-subscriber';
import { PostgresInbox } from './postgres-inbox';

/**
 * The subscriber SDK against real NATS JetStream and PostgreSQL: events published as the
 * platform's relay publishes them, on a stream named as the platform names it.
 */
let nc: NatsConnection;
let db: TestDatabase;
let pool: Pool;
const TRACE_ID = 'a'.repeat(32);

beforeAll(async () => {
  // As a subscriber's telemetry set-up does: without a context manager no span is ever active.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  nc = await connect({ servers: testNatsUrl() });
  db = await createTestDatabase('event_subscriber');
  pool = new Pool({ connectionString: db.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
  await nc?.close();
});

type Published = { readonly id: string; readonly seq: number };

const platformStream = async () => {
  const prefix = uniqueSubjectPrefix();
  const stream = platformStreamName('number-inventory', prefix);
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.evt.number-inventory.>`] });
  let revision = 0;
  const publish = async (
    type: string,
    data: unknown,
    options: { version?: number; id?: string; raw?: string; aggregate?: string } = {},
  ): Promise<Published> => {
    const id = options.id ?? randomUUID();
    const body =
      options.raw ??
      JSON.stringify({
        specversion: '1.0',
        id,
        source: '/telephony/number-inventory',
        type: cloudEventType('number-inventory', type, options.version ?? 1),
        subject: 'number-+442071230001',
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        streamrevision: revision++,
        globalposition: revision,
        transactionid: revision,
        correlationid: id,
        commandid: id,
        traceparent: `00-${TRACE_ID}-${'b'.repeat(16)}-01`,
        data,
      });
    const ack = await jetstream(nc).publish(`${prefix}.evt.number-inventory.${options.aggregate ?? 'number'}.${type}`, body, {
      msgID: randomUUID(),
    });
    return { id, seq: ack.seq };
  };
  const cleanup = async () => {
    await jsm.streams.delete(stream).catch(() => undefined);
    await jsm.streams.delete(`${prefix}_DLQ`).catch(() => undefined);
  };
  return { prefix, stream, publish, cleanup };
};

const subscriberOn = (prefix: string, overrides: Partial<EventSubscriberOptions<typeof numberEvents>> = {}) =>
  new EventSubscriber({
    nc,
    service: 'number-inventory',
    aggregate: 'number',
    events: numberEvents,
    durable: 'billing-spec',
    subjectPrefix: prefix,
    deadLetters: { stream: `${prefix}_DLQ`, subject: `${prefix}.dlq.billing-spec` },
    maxAttempts: 3,
    backoffMs: [20],
    ...overrides,
  });

const deadLetters = async (stream: string) => {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(stream);
  const letters: { reason: string; attempts: number; id: string }[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await jsm.streams.getMessage(stream, { seq });
    if (!m) continue;
    letters.push({
      reason: m.header.get('dlq-reason'),
      attempts: Number(m.header.get('dlq-attempts')),
      id: m.string().startsWith('{"') ? ((JSON.parse(m.string()) as { id?: string }).id ?? '') : '',
    });
  }
  return letters;
};

const ACTIVATED = numberEvents.NumberActivated.example;
const DEACTIVATED = numberEvents.NumberDeactivated.example;

describe('EventSubscriber', () => {
  test('typed handlers get checked events in stream order; other types are skipped; events that break the contract are parked with why', async () => {
    const { prefix, stream, publish, cleanup } = await platformStream();
    const seen: string[] = [];
    const traces: (string | undefined)[] = [];
    const subscriber = subscriberOn(prefix)
      .on('NumberActivated', async (event) => {
        // Typed from the contract: owner is the published owner union.
        seen.push(`${event.type}:${event.data.number}:${event.data.owner.type}`);
        traces.push(trace.getActiveSpan()?.spanContext().traceId);
      })
      .on('NumberDeactivated', async (event) => {
        seen.push(`${event.type}:${event.data.number}`);
      });
    try {
      await publish('NumberActivated', ACTIVATED);
      await publish('NumberLocked', { ...ACTIVATED, reason: null });
      const broken = await publish('NumberActivated', { number: 42 });
      const garbage = await publish('NumberActivated', null, { raw: '{not json' });
      await publish('NumberDeactivated', DEACTIVATED);
      await subscriber.start();
      await eventually(() => expect(seen).toEqual(['NumberActivated:+442071230001:occupier', 'NumberDeactivated:+442071230001']));
      expect(traces).toEqual([TRACE_ID]);
      const letters = await eventually(async () => {
        const found = await deadLetters(`${prefix}_DLQ`);
        expect(found).toHaveLength(2);
        return found;
      });
      expect(letters.find((l) => l.id === broken.id)?.reason).toMatch(/NumberActivated does not match its schema v1: number/);
      expect(letters.find((l) => l.id === '')?.reason).toMatch(/undecodable/);
      expect(garbage.seq).toBeGreaterThan(0);
      const info = await (await jetstreamManager(nc)).consumers.info(stream, 'billing-spec');
      expect(info.num_ack_pending + info.num_pending).toBe(0);
    } finally {
      await subscriber.stop();
      await cleanup();
    }
  });

  test('a failing handler is retried in place, holding later events back; after maxAttempts the event is parked and the rest go on', async () => {
    const { prefix, publish, cleanup } = await platformStream();
    const attempts = new Map<string, number>();
    const order: string[] = [];
    const subscriber = subscriberOn(prefix).on('NumberActivated', async (event) => {
      const n = (attempts.get(event.data.number) ?? 0) + 1;
      attempts.set(event.data.number, n);
      if (event.data.number === '+15550000001' && n < 3) throw new Error('billing ledger busy');
      if (event.data.number === '+15550000002') throw new Error('no such account');
      order.push(event.data.number);
    });
    try {
      await publish('NumberActivated', { ...ACTIVATED, number: '+15550000001' });
      const hopeless = await publish('NumberActivated', { ...ACTIVATED, number: '+15550000002' });
      await publish('NumberActivated', { ...ACTIVATED, number: '+15550000003' });
      await subscriber.start();
      await eventually(() => expect(order).toEqual(['+15550000001', '+15550000003']));
      expect(Object.fromEntries(attempts)).toEqual({ '+15550000001': 3, '+15550000002': 3, '+15550000003': 1 });
      const letters = await eventually(async () => {
        const found = await deadLetters(`${prefix}_DLQ`);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(letters[0]).toEqual({ id: hopeless.id, reason: 'no such account', attempts: 3 });
    } finally {
      await subscriber.stop();
      await cleanup();
    }
  });

  test('with PostgresInbox an event redelivered or published twice takes effect once, and a consumer created again resumes after the checkpoint', async () => {
    const { prefix, stream, publish, cleanup } = await platformStream();
    const schema = `inbox_${randomUUID().slice(0, 8)}`;
    const inbox = new PostgresInbox(pool, { schema, subscriber: 'billing-spec' });
    await inbox.migrate();
    await pool.query(`CREATE TABLE ${schema}.billed (event_id text, number text)`);
    const outcomes: string[] = [];
    const build = () =>
      subscriberOn(prefix, { resumeAfter: () => inbox.checkpoint() }).on('NumberActivated', async (event) => {
        outcomes.push(
          await inbox.once(event, async (tx) => {
            await tx.query(`INSERT INTO ${schema}.billed VALUES ($1, $2)`, [event.id, event.data.number]);
          }),
        );
      });
    let subscriber = build();
    try {
      const first = await publish('NumberActivated', { ...ACTIVATED, number: '+15550000010' });
      await publish('NumberActivated', { ...ACTIVATED, number: '+15550000010' }, { id: first.id });
      const last = await publish('NumberActivated', { ...ACTIVATED, number: '+15550000011' });
      await subscriber.start();
      await eventually(() => expect(outcomes).toEqual(['handled', 'duplicate', 'handled']));
      expect(await inbox.checkpoint()).toBe(last.seq);

      // The consumer is lost (deleted by an operator, or a new environment): it is created again after the checkpoint.
      await subscriber.stop();
      await (await jetstreamManager(nc)).consumers.delete(stream, 'billing-spec');
      await publish('NumberActivated', { ...ACTIVATED, number: '+15550000012' });
      subscriber = build();
      await subscriber.start();
      await eventually(() => expect(outcomes).toEqual(['handled', 'duplicate', 'handled', 'handled']));
      const { rows } = await pool.query<{ number: string; n: string }>(
        `SELECT number, count(*) AS n FROM ${schema}.billed GROUP BY number ORDER BY number`,
      );
      expect(rows.map((r) => [r.number, Number(r.n)])).toEqual([
        ['+15550000010', 1],
        ['+15550000011', 1],
        ['+15550000012', 1],
      ]);
    } finally {
      await subscriber.stop();
      await cleanup();
    }
  });

  test('refuses a handler for a type the contract does not have', () => {
    const subscriber = subscriberOn('x') as unknown as { on: (type: string, handler: () => Promise<void>) => unknown };
    expect(() => subscriber.on('NumberTeleported', async () => undefined)).toThrow(/no NumberTeleported event on number/);
  });
});
