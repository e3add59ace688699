import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type CommandCommit, type EventStore, type PostgresCommandLog } from '@tnp/event-store';
import { z } from 'zod';
import { eventDefinition, EventContract, ruleViolated, type CommandMetadata } from '@tnp/kernel';
import { createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { expectedRevisionOf, loadAggregate, toNewEvents } from './aggregate';
import { executeCommand } from './command-execution';
import { CommandStore } from './command-store';
import { requestFingerprint } from './fingerprint';

const SCHEMA = 'onetx';
let db: TestDatabase;
let postgres: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('command_store');
  postgres = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, poolSize: 6 });
});
afterAll(async () => {
  await postgres?.close();
  await db?.drop();
});

type Lock = { locked: boolean };
type LockEvent = { type: 'Locked' | 'Unlocked'; data: { id: string } };
const evolve = (state: Lock, event: LockEvent): Lock => ({ locked: event.type === 'Locked' });

/** The store's calls, counted: what a command costs in round trips besides its commit. */
const counting = (inner: EventStore) => {
  const calls = { readStream: 0, appendMany: 0 };
  const store = Object.create(inner) as EventStore;
  store.readStream = (...args) => (calls.readStream++, inner.readStream(...args));
  store.appendMany = (...args) => (calls.appendMany++, inner.appendMany(...args));
  return { store, calls };
};

const countingLog = (log: PostgresCommandLog) => {
  const commits: CommandCommit[] = [];
  return {
    commits,
    log: Object.assign(Object.create(log) as PostgresCommandLog, {
      commit: (c: CommandCommit) => (commits.push(c), log.commit(c)),
    }),
  };
};

/** Lock or unlock a toy stream, refused when it is already so: a decision on cached state. */
const toggle = (store: CommandStore, log: PostgresCommandLog, id: string, lock: boolean, commandId = randomUUID()) =>
  executeCommand({
    commandId,
    commandType: lock ? 'Lock' : 'Unlock',
    data: { id },
    commandLog: log,
    store,
    run: async (executionNonce) => {
      const metadata: CommandMetadata = {
        commandId,
        executionNonce,
        now: new Date().toISOString(),
        principal: { id: 'tester', role: 'platform' },
        correlationId: commandId,
      };
      const streamId = `toy-${id}`;
      const loaded = await loadAggregate<Lock, LockEvent>(store, streamId, evolve, { locked: false });
      if (loaded.state.locked === lock) throw ruleViolated('ALREADY', `toy ${id} is already ${lock ? 'locked' : 'unlocked'}`);
      const events: LockEvent[] = [{ type: lock ? 'Locked' : 'Unlocked', data: { id } }];
      const [result] = await store.appendMany([
        { streamId, events: toNewEvents(streamId, events, metadata), expectedRevision: expectedRevisionOf(loaded.revision) },
      ]);
      return { revision: result?.nextExpectedRevision };
    },
  });

const typesOf = async (id: string) => (await postgres.readStream(`toy-${id}`)).map((e) => e.type);

describe('a command in one transaction: appends, the states it decided on, and its reply', () => {
  test('in steady state a command reads nothing and commits once; its events and reply land together', async () => {
    const { store: inner, calls } = counting(postgres);
    const store = new CommandStore(inner);
    const { log, commits } = countingLog(postgres.commandLogWith({ ttlMs: 60_000 }));
    const id = randomUUID();
    expect(await toggle(store, log, id, true)).toEqual({ ok: true, value: { revision: 0 } });
    expect(calls.readStream).toBe(1);
    const commandId = randomUUID();
    expect(await toggle(store, log, id, false, commandId)).toEqual({ ok: true, value: { revision: 1 } });
    expect(await toggle(store, log, id, true)).toEqual({ ok: true, value: { revision: 2 } });
    expect(calls).toEqual({ readStream: 1, appendMany: 0 });
    expect(commits).toHaveLength(3);
    expect(await typesOf(id)).toEqual(['Locked', 'Unlocked', 'Locked']);
    const [row] = await db.query(`SELECT reply, command_type FROM ${SCHEMA}.command_log WHERE command_id = $1`, [commandId]);
    expect(row).toEqual({ reply: { ok: true, value: { revision: 1 } }, command_type: 'Unlock' });
  });

  test('a repeat gets the first reply and appends nothing; the same id with other data is refused', async () => {
    const store = new CommandStore(postgres);
    const log = postgres.commandLogWith({ ttlMs: 60_000 });
    const id = randomUUID();
    const commandId = randomUUID();
    const first = await toggle(store, log, id, true, commandId);
    expect(await toggle(store, log, id, true, commandId)).toEqual(first);
    expect(await toggle(new CommandStore(postgres), log, id, true, commandId)).toEqual(first);
    expect(await toggle(store, log, randomUUID(), true, commandId)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await toggle(store, log, id, false, commandId)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await typesOf(id)).toEqual(['Locked']);
  });

  test('a state made stale by another replica fails the commit and is decided again, for appends and refusals alike', async () => {
    const replicaA = new CommandStore(postgres);
    const replicaB = new CommandStore(postgres);
    const log = postgres.commandLogWith({ ttlMs: 60_000 });
    const id = randomUUID();
    expect((await toggle(replicaA, log, id, true)).ok).toBe(true);
    // B unlocks; A still holds "locked" in memory.
    expect((await toggle(replicaB, log, id, false)).ok).toBe(true);
    // A's lock must not be refused as "already locked" on its stale state, nor append from a stale revision.
    expect(await toggle(replicaA, log, id, true)).toEqual({ ok: true, value: { revision: 2 } });
    // B holds "unlocked" at revision 1 in memory: its lock is decided again on the fresh state, and refused.
    const unlock = await toggle(replicaB, log, id, true);
    expect(unlock).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATED', rule: 'ALREADY' } });
    expect(await typesOf(id)).toEqual(['Locked', 'Unlocked', 'Locked']);
  });

  test('many writers on few streams from two replicas: every accepted toggle is in the log once, in order', async () => {
    const replicas = [new CommandStore(postgres), new CommandStore(postgres)];
    const log = postgres.commandLogWith({ ttlMs: 60_000 });
    const ids = Array.from({ length: 4 }, () => randomUUID());
    const accepted = new Map<string, number>(ids.map((id) => [id, 0]));
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const id = ids[i % ids.length]!;
        const reply = await toggle(replicas[i % 2]!, log, id, Math.random() < 0.5);
        if (reply.ok) accepted.set(id, accepted.get(id)! + 1);
        else expect(reply.error.code).toMatch(/^(RULE_VIOLATED|CONCURRENCY_CONFLICT)$/);
      }),
    );
    for (const id of ids) {
      const types = await typesOf(id);
      expect(types).toHaveLength(accepted.get(id)!);
      // Toggles alternate: no decision was taken on a stale state.
      types.forEach((type, index) => expect(type).toBe(index % 2 === 0 ? 'Locked' : 'Unlocked'));
    }
  });
});

describe('group commit: concurrent commands in one transaction, each with its own outcome', () => {
  const commitOf = (streamId: string, expected: number | 'no_stream', commandId = randomUUID()): CommandCommit => ({
    commandId,
    binding: { commandType: 'Lock', fingerprint: requestFingerprint('Lock', { streamId }) },
    executionNonce: 'n',
    reply: { ok: true, value: { streamId } },
    reads: new Map(),
    appends: [
      {
        streamId,
        expectedRevision: expected,
        events: toNewEvents(streamId, [{ type: 'Locked', data: { id: streamId } }], {
          commandId,
          executionNonce: 'n',
          now: new Date().toISOString(),
          principal: { id: 'tester', role: 'platform' },
          correlationId: commandId,
        }),
      },
    ],
  });

  test('a stale command and a repeated one fail alone; the others commit in one transaction', async () => {
    const log = postgres.commandLogWith({ ttlMs: 60_000, groupCommit: { maxInFlight: 1 } });
    const existing = `toy-${randomUUID()}`;
    const repeated = commitOf(`toy-${randomUUID()}`, 'no_stream');
    expect((await log.commit(repeated)).kind).toBe('committed');
    const good = [commitOf(`toy-${randomUUID()}`, 'no_stream'), commitOf(`toy-${randomUUID()}`, 'no_stream')];
    await postgres.append(
      existing,
      good[0]!.appends[0]!.events.map((e) => ({ ...e, id: randomUUID() })),
      'no_stream',
    );
    // While this one is in flight, the next four wait and go together.
    const blocker = log.commit(commitOf(`toy-${randomUUID()}`, 'no_stream'));
    const outcomes = await Promise.all([
      log.commit(good[0]!),
      log.commit(commitOf(existing, 'no_stream')),
      log.commit({ ...repeated, appends: [{ ...repeated.appends[0]!, streamId: `toy-${randomUUID()}` }] }),
      log.commit(good[1]!),
      blocker,
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['committed', 'conflict', 'replay', 'committed', 'committed']);
    expect(outcomes[2]).toEqual({ kind: 'replay', reply: repeated.reply });
    const transactions = await db.query(`SELECT DISTINCT transaction_id::text FROM ${SCHEMA}.events WHERE stream_id = ANY($1)`, [
      good.map((g) => g.appends[0]!.streamId),
    ]);
    expect(transactions).toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM ${SCHEMA}.events WHERE stream_id = $1`, [existing])).toHaveLength(1);
  });

  test('a member that breaks the transaction (an event id stored already) fails alone; its neighbours commit', async () => {
    const log = postgres.commandLogWith({ ttlMs: 60_000, groupCommit: { maxInFlight: 1 } });
    const stored = commitOf(`toy-${randomUUID()}`, 'no_stream');
    expect((await log.commit(stored)).kind).toBe('committed');
    const colliding = commitOf(`toy-${randomUUID()}`, 'no_stream');
    const broken: CommandCommit = { ...colliding, appends: [{ ...colliding.appends[0]!, events: stored.appends[0]!.events }] };
    const blocker = log.commit(commitOf(`toy-${randomUUID()}`, 'no_stream'));
    const neighbours = [commitOf(`toy-${randomUUID()}`, 'no_stream'), commitOf(`toy-${randomUUID()}`, 'no_stream')];
    const outcomes = await Promise.allSettled([log.commit(neighbours[0]!), log.commit(broken), log.commit(neighbours[1]!), blocker]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.kind : 'rejected'))).toEqual([
      'committed',
      'rejected',
      'committed',
      'committed',
    ]);
    expect(await db.query(`SELECT 1 FROM ${SCHEMA}.command_log WHERE command_id = $1`, [broken.commandId])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM ${SCHEMA}.streams WHERE stream_id = $1`, [broken.appends[0]!.streamId])).toHaveLength(0);
  });

  test('plain appends share the group commit: a stale one is refused alone as a conflict, a retry of a stored one is recognised', async () => {
    const a = `toy-${randomUUID()}`;
    const b = `toy-${randomUUID()}`;
    const event = () => commitOf(a, 'no_stream').appends[0]!.events[0]!;
    const first = event();
    await postgres.append(a, [first], 'no_stream');
    const [stale, fresh, retry] = await Promise.allSettled([
      postgres.append(a, [event()], 'no_stream'),
      postgres.append(b, [event()], 'no_stream'),
      postgres.append(a, [first], 'no_stream'),
    ]);
    expect(stale).toMatchObject({ status: 'rejected', reason: { code: 'CONCURRENCY_CONFLICT' } });
    expect(fresh).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0, replayed: false } });
    expect(retry).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0, replayed: true } });
    expect(await typesOf(a.slice('toy-'.length))).toEqual(['Locked']);
  });
});

describe('the event contract: what a service appends matches its schemas; what it reads is upcast', () => {
  // Version 1 had `id` only; version 2 added `by`, which version 1 events read as 'unknown'.
  const lockedV1 = z.object({ id: z.string() });
  const contractAt = (version: 1 | 2) =>
    new EventContract({
      service: 'toy',
      title: 'Toy',
      aggregates: [
        {
          aggregate: 'toy',
          description: 'A toy lock',
          events: {
            Locked:
              version === 1
                ? eventDefinition(lockedV1, { summary: 'locked', example: { id: 'a' } })
                : eventDefinition(z.object({ id: z.string(), by: z.string() }), {
                    summary: 'locked',
                    example: { id: 'a', by: 'ada' },
                    past: [{ schema: lockedV1, upcast: (data) => ({ ...(data as object), by: 'unknown' }) }],
                  }),
            Unlocked: eventDefinition(z.object({ id: z.string() }), { summary: 'unlocked', example: { id: 'a' } }),
          },
        },
      ],
    });

  test('an event its schema refuses, or of a type the catalogue lacks, is not appended, nor anything with it', async () => {
    const store = new CommandStore(postgres, 100, contractAt(1));
    const metadata = { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() };
    const id = randomUUID();
    const good = { id: randomUUID(), type: 'Unlocked', data: { id }, metadata };
    await expect(
      store.appendMany([
        { streamId: `toy-${id}`, events: [good], expectedRevision: 'no_stream' },
        {
          streamId: `toy-${id}-b`,
          events: [{ ...good, id: randomUUID(), type: 'Locked', data: { id: 42 } }],
          expectedRevision: 'no_stream',
        },
      ]),
    ).rejects.toThrow(/Locked does not match its schema v1: id/);
    await expect(store.append(`toy-${id}`, [{ ...good, type: 'Exploded' }], 'no_stream')).rejects.toThrow(/no event type Exploded/);
    expect(await typesOf(id)).toEqual([]);
  });

  test('events are stamped with their version; read under a later version they come upcast, the stored copy unchanged', async () => {
    const id = randomUUID();
    const before = new CommandStore(postgres, 100, contractAt(1));
    const metadata = { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() };
    await before.append(`toy-${id}`, [{ id: randomUUID(), type: 'Locked', data: { id }, metadata }], 'no_stream');
    const after = new CommandStore(postgres, 100, contractAt(2));
    const [read] = await after.readStream(`toy-${id}`);
    expect(read).toMatchObject({ data: { id, by: 'unknown' }, metadata: { schemaVersion: 2 } });
    // The global log shows a commit once every older transaction (of any test running alongside) has ended.
    await eventually(async () => {
      const fromLog = (await after.readAll({ maxCount: 100_000 })).find((e) => e.streamId === `toy-${id}`);
      expect(fromLog).toMatchObject({ data: { id, by: 'unknown' }, metadata: { schemaVersion: 2 } });
    });
    const [stored] = await postgres.readStream(`toy-${id}`);
    expect(stored).toMatchObject({ data: { id }, metadata: { schemaVersion: 1 } });
    await after.append(`toy-${id}`, [{ id: randomUUID(), type: 'Unlocked', data: { id }, metadata }], 0);
    expect((await postgres.readStream(`toy-${id}`)).map((e) => e.metadata.schemaVersion)).toEqual([1, 1]);
  });
});
