import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { PostgresEventStore, type RecordedEvent } from '@tnp/event-store';
import { createTestDatabase, testNatsUrl, type TestDatabase } from '@tnp/testing';
import { publishEvent } from './jetstream-relay';
import { auditRelay } from './relay-audit';

let db: TestDatabase;
let store: PostgresEventStore;
let nc: NatsConnection;
const id = randomUUID().replace(/-/g, '').slice(0, 10);
const STREAM = `AUDIT_${id}`;
const subjectFor = (event: RecordedEvent) => `a${id}.${event.type}`;

beforeAll(async () => {
  db = await createTestDatabase('relay_audit');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'audit_es', poolSize: 2 });
  nc = await connect({ servers: testNatsUrl() });
  await (await jetstreamManager(nc)).streams.add({ name: STREAM, subjects: [`a${id}.>`], duplicate_window: 600_000_000_000 });
});
afterAll(async () => {
  await (await jetstreamManager(nc)).streams.delete(STREAM).catch(() => undefined);
  await nc.close();
  await store.close();
  await db.drop();
});

test('the audit counts the relayed events missing from the stream, and the repair republishes exactly those', async () => {
  for (let i = 0; i < 5; i++) {
    await store.append(
      `thing-${i}`,
      [
        {
          id: randomUUID(),
          type: 'ThingHappened',
          data: { i },
          metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() },
        },
      ],
      'no_stream',
    );
  }
  const events = await store.readAll({ maxCount: 10 });
  expect(events).toHaveLength(5);
  const js = jetstream(nc);
  // The relay got 3 of them onto the stream before it checkpointed all 5 (a server lost the rest).
  const publication = { service: 'audit-test', schemaBaseUrl: 'http://127.0.0.1:8080', subjectFor };
  for (const event of events.slice(0, 3)) await publishEvent(js, publication, event);
  await store.checkpoints.save('relay', events.at(-1)!.logPosition);

  const options = { ...publication, store, checkpoints: store.checkpoints, nc, stream: STREAM };
  const audit = await auditRelay({ ...options, repair: false });
  expect(audit).toMatchObject({ audited: 5, onStream: 3, missing: 2, republished: 0 });
  expect([...audit.missingEventIds].sort()).toEqual(
    events
      .slice(3)
      .map((e) => e.id)
      .sort(),
  );

  expect(await auditRelay({ ...options, repair: true })).toMatchObject({ missing: 2, republished: 2 });
  expect(await auditRelay({ ...options, repair: true })).toMatchObject({ audited: 5, onStream: 5, missing: 0, republished: 0 });
  expect((await (await jetstreamManager(nc)).streams.info(STREAM)).state.messages).toBe(5);
});
