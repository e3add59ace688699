import { randomUUID } from 'node:crypto';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { PostgresEventStore, type AppendRequest, type AppendResult, type EventStore } from '@tnp/event-store';
import type { CommandMetadata, Decider } from '@tnp/kernel';
import { createLogger } from '@tnp/platform';
import { createTestDatabase, eventually, testNatsUrl } from '@tnp/testing';
import { ensureDeadLetterStream, JetStreamReaction, setBasedReaction } from './jetstream-reaction';
import { UnitOfWork } from './unit-of-work';

/** A reaction on the shared NATS server, on a stream and dead-letter stream of this test's own. */
let nc: NatsConnection;
const id = randomUUID().replace(/-/g, '').slice(0, 10);
const STREAM = `REACT_${id}`;
const deadLetters = { name: `DLQ_${id}`, subjectPrefix: `dlq${id}` };
/** Streams of single tests, removed with the others. */
const streams: string[] = [];

beforeAll(async () => {
  nc = await connect({ servers: testNatsUrl() });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: STREAM, subjects: [`r${id}.>`] });
  await ensureDeadLetterStream(nc, deadLetters);
});
afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(STREAM).catch(() => undefined);
  await jsm.streams.delete(deadLetters.name).catch(() => undefined);
  for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
  await nc.close();
});

test('a message whose handler keeps failing is retried with backoff, parked with its reason, and the consumer goes on', async () => {
  const handled: string[] = [];
  const attempts = new Map<string, number>();
  const reaction = new JetStreamReaction({
    nc,
    stream: STREAM,
    durable: `react-${id}`,
    filterSubject: `r${id}.>`,
    logger: createLogger('test', 'silent'),
    deadLetters,
    backoffMs: [50, 100],
    handle: async (event) => {
      attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
      if (event.id === 'poison') throw new Error('cannot handle poison');
      handled.push(event.id);
    },
  });
  const js = jetstream(nc);
  for (const eventId of ['first', 'poison', 'second', 'third']) {
    await js.publish(`r${id}.evt`, JSON.stringify({ specversion: '1.0', id: eventId, type: 'Test', source: 'test', data: {} }), {
      msgID: eventId,
    });
  }
  reaction.start();
  try {
    await eventually(() => expect(handled).toEqual(['first', 'second', 'third']), { timeoutMs: 10_000 });
    expect(attempts.get('poison')).toBe(3);
    const parked = await reaction.listDeadLetters();
    expect(parked).toEqual([expect.objectContaining({ eventId: 'poison', reason: 'cannot handle poison', attempts: 3 })]);
    await eventually(async () => expect(await reaction.pending()).toBe(0));
  } finally {
    await reaction.stop();
  }
});

test('a durable consumer created by an older version (30 s ack wait) is brought to the current ack wait, and followed', async () => {
  const durable = `old-${id}`;
  const jsm = await jetstreamManager(nc);
  await jsm.consumers.add(STREAM, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    filter_subject: `r${id}.>`,
    max_ack_pending: 1,
    ack_wait: 30_000_000_000,
  });
  const handled: string[] = [];
  const reaction = new JetStreamReaction({
    nc,
    stream: STREAM,
    durable,
    filterSubject: `r${id}.>`,
    logger: createLogger('test', 'silent'),
    handle: async (event) => void handled.push(event.id),
  });
  reaction.start();
  try {
    await eventually(() => expect(handled).toContain('first'));
    expect((await jsm.consumers.info(STREAM, durable)).config.ack_wait).toBe(5_000_000_000);
  } finally {
    await reaction.stop();
  }
});

/** A stream of each test's own, so no other test's consumer sees its messages. */
const ownStream = async (name: string): Promise<{ stream: string; subject: string }> => {
  const stream = `${name.toUpperCase()}_${id}`;
  const subject = `${name}${id}`;
  await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: [`${subject}.>`] });
  streams.push(stream);
  return { stream, subject };
};

const cloudEvent = (eventId: string, key: string, data: Record<string, unknown> = {}) =>
  JSON.stringify({ specversion: '1.0', id: eventId, type: 'Test', source: 'test', subject: key, data });

/** Publishes `perKey` events on each of `keys` keys, interleaved: k0-0, k1-0, …, k0-1, k1-1, … */
const publishInterleaved = async (subject: string, keys: number, perKey: number, from = 0): Promise<void> => {
  const js = jetstream(nc);
  const acks: Promise<unknown>[] = [];
  for (let n = from; n < from + perKey; n++) {
    for (let k = 0; k < keys; k++)
      acks.push(js.publish(`${subject}.evt`, cloudEvent(`k${k}-${n}`, `k${k}`, { n }), { msgID: `k${k}-${n}` }));
  }
  await Promise.all(acks);
};

const byKey = (ids: readonly string[]): Map<string, number[]> => {
  const keys = new Map<string, number[]>();
  for (const eventId of ids) {
    const [key = '', n = ''] = eventId.split('-');
    keys.set(key, [...(keys.get(key) ?? []), Number(n)]);
  }
  return keys;
};

test('many messages are in flight at once, yet the messages of one key are handled one after another, in stream order', async () => {
  const { stream, subject } = await ownStream('ord');
  const KEYS = 40;
  const PER_KEY = 25;
  await publishInterleaved(subject, KEYS, PER_KEY);
  const handled: string[] = [];
  const running = new Set<string>();
  let mostAtOnce = 0;
  let sameKeyOverlaps = 0;
  const reaction = new JetStreamReaction({
    nc,
    stream,
    durable: `ord-${id}`,
    filterSubject: `${subject}.>`,
    logger: createLogger('test', 'silent'),
    handle: async (event) => {
      if (running.has(event.subject)) sameKeyOverlaps++;
      running.add(event.subject);
      mostAtOnce = Math.max(mostAtOnce, running.size);
      // The handler's own work, of random length, so handlers overlap (not a wait for async work).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      running.delete(event.subject);
      handled.push(event.id);
    },
  });
  reaction.start();
  try {
    await eventually(() => expect(handled).toHaveLength(KEYS * PER_KEY), { timeoutMs: 30_000 });
    const inOrder = Array.from({ length: PER_KEY }, (_, n) => n);
    for (const [key, ns] of byKey(handled)) expect({ key, ns }).toEqual({ key, ns: inOrder });
    expect(byKey(handled).size).toBe(KEYS);
    expect(sameKeyOverlaps).toBe(0);
    expect(mostAtOnce).toBeGreaterThan(1);
    await eventually(async () => expect(await reaction.pending()).toBe(0));
  } finally {
    await reaction.stop();
  }
});

test('a poisoned message is retried and dead-lettered alone: other keys go on meanwhile, its own key waits for it', async () => {
  const { stream, subject } = await ownStream('poison');
  const KEYS = 20;
  const PER_KEY = 5;
  const POISON = 'k3-1';
  await publishInterleaved(subject, KEYS, PER_KEY);
  const handledAt = new Map<string, number>();
  let clock = 0;
  const poisonAttempts: number[] = [];
  const reaction = new JetStreamReaction({
    nc,
    stream,
    durable: `poison-${id}`,
    filterSubject: `${subject}.>`,
    logger: createLogger('test', 'silent'),
    deadLetters,
    backoffMs: [500, 1000],
    handle: async (event) => {
      if (event.id === POISON) {
        poisonAttempts.push(++clock);
        throw new Error('cannot handle poison');
      }
      handledAt.set(event.id, ++clock);
    },
  });
  reaction.start();
  try {
    await eventually(() => expect(handledAt.size).toBe(KEYS * PER_KEY - 1), { timeoutMs: 20_000 });
    expect(poisonAttempts).toHaveLength(3);
    const parkedAt = poisonAttempts.at(-1) ?? 0;
    // Every other key was done before the poison's last attempt: nothing waited for it but its own key.
    const others = [...handledAt].filter(([eventId]) => !eventId.startsWith('k3-'));
    expect(others).toHaveLength((KEYS - 1) * PER_KEY);
    expect(others.filter(([, at]) => at > parkedAt)).toEqual([]);
    // The poison's key: the message before it first, the ones after it only once it was parked, in order.
    expect((handledAt.get('k3-0') ?? 0) < (poisonAttempts[0] ?? 0)).toBe(true);
    const after = ['k3-2', 'k3-3', 'k3-4'].map((eventId) => handledAt.get(eventId) ?? 0);
    expect(after.every((at) => at > parkedAt)).toBe(true);
    expect([...after].sort((a, b) => a - b)).toEqual(after);
    const parked = (await reaction.listDeadLetters()).filter((l) => l.durable === `poison-${id}`);
    expect(parked).toEqual([expect.objectContaining({ eventId: POISON, reason: 'cannot handle poison', attempts: 3 })]);
    await eventually(async () => expect(await reaction.pending()).toBe(0));
  } finally {
    await reaction.stop();
  }
});

type Observed = { readonly type: 'Observed'; readonly data: { readonly n: number } };
/** Records every event it is told of, whether or not it saw it before: only event ids keep a redelivery from doubling it. */
const observer: Decider<{ type: 'Observe'; data: { n: number }; metadata: CommandMetadata }, Observed, number> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command) => [{ type: 'Observed', data: { n: command.data.n } }],
};

test('exactly-once effects, in order per key, when a run dies mid-batch after its append and before its acks', async () => {
  const { stream, subject } = await ownStream('once');
  const KEYS = 30;
  const PER_KEY = 10;
  const LATER = 5;
  await publishInterleaved(subject, KEYS, PER_KEY);
  const db = await createTestDatabase('reaction_once');
  const store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'once', poolSize: 3 });
  const calls = new Map<string, number>();
  const observe = (s: EventStore) => async (event: CloudEventLike) => {
    calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
    const uow = new UnitOfWork(s, {
      commandId: `test:${event.id}`,
      now: new Date(0).toISOString(),
      principal: { id: 'test', role: 'system' },
      correlationId: event.id,
    });
    await uow.load(`observer-${event.subject}`, observer);
    uow.decide(`observer-${event.subject}`, observer, { type: 'Observe', data: { n: (event.data as { n: number }).n } }, undefined);
    await uow.commit();
  };
  // The first run's second set-based append commits, then the run is gone: its acks are never sent.
  const dying = await connect({ servers: testNatsUrl() });
  let appends = 0;
  let mostStreamsInOneAppend = 0;
  const diesAfterSecondAppend = new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'appendMany'
        ? async (requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> => {
            const results = await target.appendMany(requests);
            mostStreamsInOneAppend = Math.max(mostStreamsInOneAppend, requests.length);
            if (++appends === 2) {
              await dying.close();
              return new Promise<never>(() => undefined);
            }
            return results;
          }
        : Reflect.get(target, property, receiver),
  }) as EventStore;
  const options = {
    stream,
    durable: `once-${id}`,
    filterSubject: `${subject}.>`,
    logger: createLogger('test', 'silent'),
  };
  const first = new JetStreamReaction({ ...options, nc: dying, handle: setBasedReaction(diesAfterSecondAppend, observe) });
  first.start();
  await eventually(() => expect(dying.isClosed()).toBe(true), { timeoutMs: 20_000 });
  // Newer events arrive meanwhile: the next run must not handle them before the dead run's ones come again.
  await publishInterleaved(subject, KEYS, LATER, PER_KEY);
  const counted = new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'appendMany'
        ? (requests: readonly AppendRequest[]) => {
            mostStreamsInOneAppend = Math.max(mostStreamsInOneAppend, requests.length);
            return target.appendMany(requests);
          }
        : Reflect.get(target, property, receiver),
  }) as EventStore;
  const second = new JetStreamReaction({ ...options, nc, handle: setBasedReaction(counted, observe) });
  second.start();
  try {
    await eventually(async () => expect(await second.pending()).toBe(0), { timeoutMs: 30_000 });
    const recorded = await store.readStreams(Array.from({ length: KEYS }, (_, k) => `observer-k${k}`));
    for (const [streamId, events] of recorded) {
      // Each event's effect once, in the key's order, though some were handled twice.
      expect({ streamId, ns: events.map((e) => (e.data as { n: number }).n) }).toEqual({
        streamId,
        ns: Array.from({ length: PER_KEY + LATER }, (_, n) => n),
      });
    }
    expect([...calls.values()].some((n) => n > 1)).toBe(true);
    // Set-based: the batches went to the store as appends of many streams at once.
    expect(mostStreamsInOneAppend).toBeGreaterThan(1);
    expect(calls.size).toBe(KEYS * (PER_KEY + LATER));
  } finally {
    await second.stop();
    await store.close();
    await db.drop();
  }
}, 60_000);

type CloudEventLike = { readonly id: string; readonly subject: string; readonly data: unknown };
