import { randomUUID } from 'node:crypto';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createLogger } from '@tnp/platform';
import { eventually, testNatsUrl } from '@tnp/testing';
import { ensureDeadLetterStream, JetStreamReaction } from './jetstream-reaction';

/** A reaction on the shared NATS server, on a stream and dead-letter stream of this test's own. */
let nc: NatsConnection;
const id = randomUUID().replace(/-/g, '').slice(0, 10);
const STREAM = `REACT_${id}`;
const deadLetters = { name: `DLQ_${id}`, subjectPrefix: `dlq${id}` };

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
