import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { compareLogPositions, type NewEvent, type RecordedEvent } from '../event-store.port';
import { eventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

const SCHEMA = 'es';
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('event_store');
});
afterAll(async () => {
  await db?.drop();
});

describe('PostgresEventStore contract', () => {
  eventStoreContract(() => PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA }));
});

const event = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date(0).toISOString() },
});

describe('PostgresEventStore global log', () => {
  test('never skips an event that a concurrent transaction commits late', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, idlePollMs: 60_000 });
    const seen: RecordedEvent[] = [];
    const startAt = await store.headPosition();
    const subscription = store.subscribeToAll(
      async (batch) => {
        seen.push(...batch);
      },
      { after: startAt },
    );
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    try {
      // The slow writer takes the lowest global position, then stays open.
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO ${SCHEMA}.events (stream_id, stream_revision, event_id, event_type, data, metadata)
         VALUES ('late-1', 0, $1, 'Late', '{}', '{}')`,
        [randomUUID()],
      );
      await slow.query(`SELECT pg_notify('${SCHEMA}_appended', '')`);
      for (let i = 0; i < 3; i++) await store.append(`early-${randomUUID()}`, [event(`Early${i}`)], 'no_stream');

      const committedLater = await store.readAll({ after: startAt, maxCount: 100 });
      expect(committedLater).toEqual([]);
      // Give the subscriber every chance to move past the open transaction: it must not.
      await eventually(async () => {
        const { rows } = await slow.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.events WHERE global_position > $1`, [
          startAt.position,
        ]);
        expect(Number(rows[0]?.n)).toBe(4);
      });
      expect(seen).toEqual([]);

      await slow.query('COMMIT');
      await eventually(() => expect(seen.map((e) => e.type)).toEqual(['Late', 'Early0', 'Early1', 'Early2']));
      const positions = seen.map((e) => e.logPosition);
      expect([...positions].sort(compareLogPositions)).toEqual(positions);
    } finally {
      await slow.end();
      await subscription.stop();
      await store.close();
    }
  });

  test('a subscriber wakes on NOTIFY rather than by polling', async () => {
    const store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, idlePollMs: 60_000 });
    const startAt = await store.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      async (batch) => {
        seen.push(...batch);
      },
      { after: startAt },
    );
    try {
      // With a 60 s idle poll, only the notification can deliver these within the deadline.
      await store.append(`wake-${randomUUID()}`, [event('Wake')], 'no_stream');
      await eventually(() => expect(seen.map((e) => e.type)).toEqual(['Wake']), { timeoutMs: 5000 });
      await store.append(`wake-${randomUUID()}`, [event('Wake2')], 'no_stream');
      await eventually(() => expect(seen.map((e) => e.type)).toEqual(['Wake', 'Wake2']), { timeoutMs: 5000 });
    } finally {
      await subscription.stop();
      await store.close();
    }
  });
});
