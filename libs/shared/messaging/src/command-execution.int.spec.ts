import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { z } from 'zod';
import { PostgresCommandLog, PostgresEventStore, type CommandLog } from '@tnp/event-store';
import type { CommandMetadata, Reply } from '@tnp/kernel';
import { startTracing } from '@tnp/platform';
import { capturedLogger, createTestDatabase, until, type TestDatabase } from '@tnp/testing';
import { toNewEvents } from './aggregate';
import { executeCommand } from './command-execution';
import { requestFingerprint } from './fingerprint';
import { commandEndpoint } from './nats-endpoints';

const SCHEMA = 'cmdlog';
let db: TestDatabase;
let store: PostgresEventStore;
let stopTracing: () => Promise<void>;

beforeAll(async () => {
  stopTracing = startTracing({ serviceName: 'command-execution-spec' });
  db = await createTestDatabase('command_execution');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, poolSize: 6 });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
  await stopTracing?.();
});

/** Polls the command log until the id's window (or its lease) has passed by PostgreSQL's clock. */
const waitUntilPast = (id: string, column: 'expires_at' | 'lease_until') =>
  until(
    `${column} of ${id} to pass`,
    async () => (await db.query(`SELECT 1 FROM ${SCHEMA}.command_log WHERE command_id = $1 AND ${column} > now()`, [id])).length === 0,
    10_000,
  );

/** A command that appends one event to its number's stream, as the services' handlers do. */
const lockCommand = (log: CommandLog, commandId: string, data: { number: string }, hooks: { gate?: Promise<void>; runs?: string[] } = {}) =>
  executeCommand({
    commandId,
    commandType: 'LockNumber',
    data,
    commandLog: log,
    run: async (executionNonce) => {
      hooks.runs?.push(executionNonce);
      await hooks.gate;
      const metadata: CommandMetadata = {
        commandId,
        executionNonce,
        now: new Date().toISOString(),
        principal: { id: 'tester', role: 'platform' },
        correlationId: commandId,
      };
      const streamId = `number-${data.number}`;
      const result = await store.append(streamId, toNewEvents(streamId, [{ type: 'NumberLocked', data }], metadata), 'any');
      return { eventIds: result.eventIds, replayed: result.replayed };
    },
  });

const eventsOf = async (number: string) => (await store.readStream(`number-${number}`)).map((e) => e.id);
const number = () => `0207${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

describe('command ids bound to their command (IETF idempotency-key semantics)', () => {
  test('the same command again gets the first answer, and nothing is appended twice', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 5000 });
    const id = randomUUID();
    const n = number();
    const runs: string[] = [];
    const first = await lockCommand(log, id, { number: n }, { runs });
    const again = await lockCommand(log, id, { number: n }, { runs });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(runs).toHaveLength(1);
    expect(await eventsOf(n)).toHaveLength(1);
  });

  test('the same id with other data, or for another command, is refused with IDEMPOTENCY_KEY_REUSED and runs nothing', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 5000 });
    const id = randomUUID();
    const [a, b] = [number(), number()];
    expect((await lockCommand(log, id, { number: a })).ok).toBe(true);
    const runs: string[] = [];
    const otherNumber = await lockCommand(log, id, { number: b }, { runs });
    expect(otherNumber).toEqual({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('LockNumber command with other data') },
    });
    const otherCommand = await executeCommand({
      commandId: id,
      commandType: 'UnlockNumber',
      data: { number: a },
      commandLog: log,
      run: async () => runs.push('unlock'),
    });
    expect(otherCommand).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('not UnlockNumber') },
    });
    expect(runs).toEqual([]);
    expect(await eventsOf(b)).toEqual([]);
    // Member order does not make another request.
    const reordered = await executeCommand({
      commandId: randomUUID(),
      commandType: 'T',
      data: { x: 1, y: { b: 2, a: 1 } },
      commandLog: log,
      run: async () => 'done',
    });
    expect(reordered.ok).toBe(true);
  });

  test('a duplicate while the first still runs answers 409 retryable; once it finished, the first answer', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 5000 });
    const id = randomUUID();
    const n = number();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const runs: string[] = [];
    const first = lockCommand(log, id, { number: n }, { gate, runs });
    await until('the first run to start', () => runs.length === 1, 10_000);
    const duplicates = await Promise.all([1, 2, 3].map(() => lockCommand(log, id, { number: n }, { runs })));
    for (const duplicate of duplicates) {
      expect(duplicate).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'CONCURRENCY_CONFLICT', rule: 'COMMAND_IN_PROGRESS', retryable: true }),
      });
    }
    open();
    const answer = await first;
    expect(answer.ok).toBe(true);
    expect(await lockCommand(log, id, { number: n }, { runs })).toEqual(answer);
    expect(runs).toHaveLength(1);
    expect(await eventsOf(n)).toHaveLength(1);
  });

  test('truly concurrent duplicates: exactly one runs, the others wait for it (409) or get its answer', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 5000 });
    const id = randomUUID();
    const n = number();
    const runs: string[] = [];
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => lockCommand(log, id, { number: n }, { runs })));
    expect(runs).toHaveLength(1);
    const ok = replies.filter((r) => r.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const reply of ok) expect(reply).toEqual(ok[0]);
    for (const reply of replies.filter((r) => !r.ok)) expect(reply).toMatchObject({ error: { rule: 'COMMAND_IN_PROGRESS' } });
    expect(await eventsOf(n)).toHaveLength(1);
  });

  test('after the idempotency window the id may be used again: it runs again and appends new events', async () => {
    const log = store.commandLogWith({ ttlMs: 1000, leaseMs: 500 });
    const id = randomUUID();
    const n = number();
    const runs: string[] = [];
    const first = await lockCommand(log, id, { number: n }, { runs });
    await waitUntilPast(id, 'expires_at');
    const later = await lockCommand(log, id, { number: n }, { runs });
    expect(later.ok && later.value).toMatchObject({ replayed: false });
    expect(later).not.toEqual(first);
    expect(runs).toHaveLength(2);
    expect(runs[0]).not.toEqual(runs[1]);
    expect(await eventsOf(n)).toHaveLength(2);
    // Expired, it is free for another request too; and after pruning as well.
    await waitUntilPast(id, 'expires_at');
    expect((await lockCommand(log, id, { number: number() })).ok).toBe(true);
    await waitUntilPast(id, 'expires_at');
    expect(await log.prune()).toBeGreaterThanOrEqual(1);
    const rows = await db.query(`SELECT 1 FROM ${SCHEMA}.command_log WHERE command_id = $1`, [id]);
    expect(rows).toEqual([]);
    expect((await lockCommand(log, id, { number: n }, { runs })).ok).toBe(true);
    expect(await eventsOf(n)).toHaveLength(3);
  });

  test('pruning deletes only what has expired', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 500 });
    const id = randomUUID();
    await lockCommand(log, id, { number: number() });
    await log.prune();
    expect(await db.query(`SELECT 1 FROM ${SCHEMA}.command_log WHERE command_id = $1`, [id])).toHaveLength(1);
  });

  test('a run that died mid-command (replica killed) is taken over after its lease with the same nonce: nothing doubled', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 300 });
    const id = randomUUID();
    const n = number();
    // The dead run: it claimed, appended, and never stored its answer.
    const claim = await log.claim(id, { commandType: 'LockNumber', fingerprint: requestFingerprint('LockNumber', { number: n }) });
    expect(claim.kind).toBe('run');
    const dead = claim.kind === 'run' ? claim.executionNonce : '';
    const metadata: CommandMetadata = {
      commandId: id,
      executionNonce: dead,
      now: new Date().toISOString(),
      principal: { id: 'tester', role: 'platform' },
      correlationId: id,
    };
    await store.append(`number-${n}`, toNewEvents(`number-${n}`, [{ type: 'NumberLocked', data: { number: n } }], metadata), 'any');

    const runs: string[] = [];
    expect(await lockCommand(log, id, { number: n }, { runs })).toMatchObject({ ok: false, error: { rule: 'COMMAND_IN_PROGRESS' } });
    await waitUntilPast(id, 'lease_until');
    const retried = await lockCommand(log, id, { number: n }, { runs });
    expect(retried).toMatchObject({ ok: true, value: { replayed: true } });
    expect(runs).toEqual([dead]);
    expect(await eventsOf(n)).toHaveLength(1);
  });

  test('a transient failure is not an answer: the claim is released and a retry runs at once, with the same nonce', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000, leaseMs: 60_000 });
    const id = randomUUID();
    const nonces: string[] = [];
    const attempt = (fail: boolean) =>
      executeCommand({
        commandId: id,
        commandType: 'Flaky',
        data: { a: 1 },
        commandLog: log,
        run: async (nonce) => {
          nonces.push(nonce);
          if (fail) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          return 'ok';
        },
      });
    expect(await attempt(true)).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAVAILABLE', retryable: true }) });
    expect(await attempt(false)).toEqual({ ok: true, value: 'ok' });
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).toEqual(nonces[1]);
  });

  test('a command log from before fingerprints is upgraded in place: its replies are still replayed', async () => {
    const schema = 'legacy_log';
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(`CREATE TABLE ${schema}.command_log (
        command_id text PRIMARY KEY, command_type text NOT NULL, reply jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
      await admin.query(`INSERT INTO ${schema}.command_log (command_id, command_type, reply) VALUES ('old-command-1', 'LockNumber', $1)`, [
        JSON.stringify({ ok: true, value: { eventIds: ['e-1'] } }),
      ]);
    } finally {
      await admin.end();
    }
    const legacy = await PostgresEventStore.connect({ connectionString: db.url, schema, poolSize: 2 });
    try {
      const log = legacy.commandLogWith({ ttlMs: 60_000 });
      const runs: string[] = [];
      expect(
        await executeCommand({
          commandId: 'old-command-1',
          commandType: 'LockNumber',
          data: { any: 1 },
          commandLog: log,
          run: async () => runs.push('x'),
        }),
      ).toEqual({
        ok: true,
        value: { eventIds: ['e-1'] },
      });
      expect(runs).toEqual([]);
    } finally {
      await legacy.close();
    }
  });
});

describe('a command log that cannot be reached answers UNAVAILABLE and is logged; a bug answers INTERNAL, logged with its stack', () => {
  const captured = () => capturedLogger('debug');
  const endpointWith = (
    log: CommandLog,
    logger: ReturnType<typeof captured>['logger'],
    handle: () => Promise<unknown> = async () => 'ok',
  ) =>
    commandEndpoint(
      { commandLog: log, logger, newId: randomUUID },
      { subject: 'cmd.test.lock', commandType: 'LockNumber', schema: z.object({ number: z.string() }), handle },
    );
  const TRACE = '0af7651916cd43dd8448eb211c80319c';
  /** Every command also logs one `command handled` line (info) with its outcome: the failure's own lines without it. */
  const failureLines = (lines: Record<string, unknown>[], outcome: string) => {
    expect(lines.filter((l) => l['msg'] === 'command handled')).toEqual([
      expect.objectContaining({ level: 30, command: 'LockNumber', outcome, trace_id: TRACE, durationMs: expect.any(Number) }),
    ]);
    return lines.filter((l) => l['msg'] !== 'command handled');
  };

  /** A 503 retryable reply, logged once as a warning with the trace id and the driver's message. */
  const expectUnavailableLogged = (reply: Reply<unknown>, lines: Record<string, unknown>[], message: string, extra: object = {}) => {
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAVAILABLE', retryable: true }) });
    expect(failureLines(lines, 'UNAVAILABLE')).toEqual([
      expect.objectContaining({
        level: 40,
        trace_id: TRACE,
        ...extra,
        err: expect.objectContaining({ message: expect.stringContaining(message) }),
      }),
    ]);
  };
  const send = (endpoint: ReturnType<typeof endpointWith>): Promise<Reply> =>
    endpoint.handle(
      { commandId: randomUUID(), principal: { id: 'tester', role: 'platform' }, data: { number: '02071234567' } },
      { traceparent: `00-${TRACE}-b7ad6b7169203331-01` },
    );

  test('PostgreSQL refusing connections (a closed port): 503 retryable, a warning with the trace id', async () => {
    const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
    pool.on('error', () => undefined);
    const { lines, logger } = captured();
    try {
      const reply = await send(endpointWith(new PostgresCommandLog(pool, SCHEMA), logger));
      expectUnavailableLogged(reply, lines, 'ECONNREFUSED', { code: 'UNAVAILABLE', command: 'LockNumber' });
    } finally {
      await pool.end();
    }
  });

  test('a pool with no connection to spare: 503 retryable, a warning with the trace id', async () => {
    const pool = new Pool({ connectionString: db.url, max: 1, connectionTimeoutMillis: 300 });
    pool.on('error', () => undefined);
    const held = await pool.connect();
    const { lines, logger } = captured();
    try {
      const reply = await send(endpointWith(new PostgresCommandLog(pool, SCHEMA), logger));
      expectUnavailableLogged(reply, lines, 'timeout exceeded');
    } finally {
      held.release();
      await pool.end();
    }
  });

  test('PostgreSQL out of connection slots (53300, too many clients): 503 retryable, logged', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const role = `limited_${randomUUID().slice(0, 8)}`;
    await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
    await admin.query(`GRANT ALL ON SCHEMA ${SCHEMA} TO ${role}`);
    const url = new URL(db.url);
    url.username = role;
    const pool = new Pool({ connectionString: url.toString(), connectionTimeoutMillis: 2000 });
    pool.on('error', () => undefined);
    const { lines, logger } = captured();
    try {
      const reply = await send(endpointWith(new PostgresCommandLog(pool, SCHEMA), logger));
      expectUnavailableLogged(reply, lines, 'too many connections');
    } finally {
      await pool.end();
      await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await admin.query(`DROP ROLE ${role}`).catch(() => undefined);
      await admin.end();
    }
  });

  test('a command log without its table is a bug: 500, logged as an error with its stack and trace id', async () => {
    const { lines, logger } = captured();
    const pool = new Pool({ connectionString: db.url, max: 1 });
    const reply = await send(endpointWith(new PostgresCommandLog(pool, 'no_such_schema'), logger)).finally(() => pool.end());
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error; the failure was logged' } });
    expect(failureLines(lines, 'INTERNAL')).toEqual([
      expect.objectContaining({
        level: 50,
        code: 'INTERNAL',
        trace_id: TRACE,
        err: expect.objectContaining({ message: expect.stringContaining('does not exist'), stack: expect.stringContaining('at ') }),
      }),
    ]);
  });

  test('a handler that throws a bug: 500 logged with its stack; one that meets an unreachable store: 503 logged', async () => {
    const log = store.commandLogWith({ ttlMs: 60_000 });
    const bug = captured();
    const reply = await send(endpointWith(log, bug.logger, async () => (undefined as unknown as { x: () => void }).x()));
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(failureLines(bug.lines, 'INTERNAL')).toEqual([
      expect.objectContaining({
        level: 50,
        trace_id: TRACE,
        err: expect.objectContaining({ type: 'TypeError', stack: expect.any(String) }),
      }),
    ]);
    const down = captured();
    const unavailable = await send(
      endpointWith(log, down.logger, async () => {
        throw new Error('Connection terminated unexpectedly');
      }),
    );
    expect(unavailable).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', retryable: true } });
    expect(failureLines(down.lines, 'UNAVAILABLE')).toEqual([expect.objectContaining({ level: 40, trace_id: TRACE })]);
  });
});
