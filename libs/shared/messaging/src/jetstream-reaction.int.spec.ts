import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
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
