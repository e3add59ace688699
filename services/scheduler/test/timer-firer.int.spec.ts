import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { Registry } from 'prom-client';
import { createLogger } from '@tnp/platform';
import type { BackgroundWorker } from '@tnp/service-runtime';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { schedulerService } from '../src/scheduler.app';
import { timerFirer, type TimerFirerOptions } from '../src/firing/timer-firer';

/**
 * The firing engine against a stand-in for call-flow that keeps, like call-flow's command log, the
 * first result of each command id: a resend is answered with it and applies nothing.
 */
let h: ServiceHarness;
let nc: NatsConnection;
const firers: BackgroundWorker[] = [];

type Switch = { commandId: string; data: { number: string; scheduleId: string } };
type Result = { commandId: string; status: string; reply: { ok: boolean; value?: { decidedAt: string }; error?: object } };

class FakeCallFlow {
  /** The first result of each command id (call-flow's command log). */
  readonly first = new Map<string, Result['reply']>();
  /** How often each command id was applied (not answered from the log): exactly once is the point. */
  readonly appliedTimes = new Map<string, number>();
  readonly sent = new Map<string, number>();
  readonly requestSizes: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Requests to drop unanswered, after applying what they carry (a reply lost, a crash before recording). */
  mute = 0;
  private readonly flaky = new Set<string>();

  constructor(
    readonly subject: string,
    private readonly latencyMs = 10,
  ) {}

  listen(): this {
    const sub = nc.subscribe(`${h.config.NATS_SUBJECT_PREFIX}.cmd.call-flow.${this.subject}`, {
      callback: (_error, message) => void this.answer(message),
    });
    subscriptions.push(sub);
    return this;
  }

  private resultOf(s: Switch): Result {
    this.sent.set(s.commandId, (this.sent.get(s.commandId) ?? 0) + 1);
    const first = this.first.get(s.commandId);
    if (first) return { commandId: s.commandId, status: first.ok ? 'already-applied' : 'refused', reply: first };
    if (s.data.scheduleId.startsWith('flaky') && !this.flaky.has(s.commandId)) {
      this.flaky.add(s.commandId);
      return { commandId: s.commandId, status: 'failed', reply: { ok: false, error: { code: 'UNAVAILABLE', message: 'down' } } };
    }
    const reply = s.data.scheduleId.startsWith('refused')
      ? { ok: false, error: { code: 'RULE_VIOLATED', rule: 'NOT_SERVICE_NUMBER', message: 'no' } }
      : { ok: true, value: { decidedAt: new Date().toISOString() } };
    this.first.set(s.commandId, reply);
    if (reply.ok) this.appliedTimes.set(s.commandId, (this.appliedTimes.get(s.commandId) ?? 0) + 1);
    return { commandId: s.commandId, status: reply.ok ? 'applied' : 'refused', reply };
  }

  private async answer(message: Msg): Promise<void> {
    const body = message.json<{ commandId: string; data: Switch['data'] | { switches: Switch[] } }>();
    const switches = 'switches' in body.data ? body.data.switches : [{ commandId: body.commandId, data: body.data }];
    this.requestSizes.push(switches.length);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // The stand-in's own latency, so requests overlap (not a wait for async work).
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    this.inFlight--;
    const results = switches.map((s) => this.resultOf(s));
    if (this.mute > 0) {
      this.mute--;
      return;
    }
    message.respond(JSON.stringify('switches' in body.data ? { ok: true, value: { results } } : results[0]?.reply));
  }
}
const subscriptions: { unsubscribe: () => void }[] = [];

const startFirer = async (options: Partial<TimerFirerOptions> = {}): Promise<BackgroundWorker> => {
  const firer = timerFirer({
    orm: h.service.orm,
    nc: h.service.nc,
    databaseUrl: h.db.url,
    prefix: h.config.NATS_SUBJECT_PREFIX,
    logger: createLogger('scheduler', 'silent'),
    registry: new Registry(),
    ...options,
  });
  await firer.start();
  firers.push(firer);
  return firer;
};

const addTimers = async (label: string, count: number, dueInMs = 300): Promise<string[]> => {
  const ids = Array.from({ length: count }, (_, i) => `${label}-${i}`);
  await h.db.query(
    `INSERT INTO scheduler.timers (id, number, schedule_id, due_at)
       SELECT 'n/' || id, 'n', id, now() + $2 * interval '1 millisecond' FROM unnest($1::text[]) AS t(id);
     `.trim(),
    [ids, dueInMs],
  );
  await h.db.query(`SELECT pg_notify('scheduler_timers', '')`);
  return ids;
};

type Row = { id: string; status: string; attempts: number; outcome: string | null; lateness_ms: number; late_fired_ms: number };
const rows = async (label: string): Promise<Row[]> =>
  (await h.db.query(
    `SELECT id, status, attempts, outcome, lateness_ms,
            round(extract(epoch FROM fired_at - due_at) * 1000)::integer AS late_fired_ms
       FROM scheduler.timers WHERE schedule_id LIKE $1 ORDER BY id`,
    [`${label}-%`],
  )) as Row[];
const allFired = (label: string, count: number, timeoutMs = 20_000) =>
  eventually(
    async () => {
      const found = await rows(label);
      expect(found.filter((r) => r.status === 'fired')).toHaveLength(count);
      return found;
    },
    { timeoutMs, intervalMs: 50 },
  );
const commandIdOf = (scheduleId: string) => `timer:n/${scheduleId}`;

beforeAll(async () => {
  // The timer table and a runtime, without the service's own firer: each test starts its own.
  h = await startServiceHarness({ ...schedulerService, workers: () => [], reactions: () => [] }, { label: 'sched_firer' });
  nc = await connect({ servers: h.config.NATS_URL });
});

afterEach(async () => {
  await Promise.all(firers.splice(0).map((f) => f.stop()));
  for (const s of subscriptions.splice(0)) s.unsubscribe();
});

afterAll(async () => {
  await nc?.close();
  await h?.stop();
});

describe('the timer firer sends due timers to call-flow in batches', () => {
  test('a burst goes out in batches of at most batchSize, several in flight, each timer once; every outcome is recorded', async () => {
    const callFlow = new FakeCallFlow('apply-scheduled-switches', 20).listen();
    await startFirer({ batchSize: 200, batchesInFlight: 3 });
    const plain = await addTimers('burst', 2000);
    const refused = await addTimers('refused', 30);
    const flaky = await addTimers('flaky', 20);
    await allFired('burst', plain.length);
    await allFired('refused', refused.length);
    await allFired('flaky', flaky.length);
    expect(Math.max(...callFlow.requestSizes)).toBeLessThanOrEqual(200);
    expect(callFlow.requestSizes.reduce((a, b) => a + b, 0)).toBe(plain.length + refused.length + 2 * flaky.length);
    expect(callFlow.requestSizes.length).toBeLessThan(30);
    expect(callFlow.maxInFlight).toBeGreaterThan(1);
    expect(callFlow.maxInFlight).toBeLessThanOrEqual(3);
    for (const id of [...plain, ...flaky]) expect({ id, applied: callFlow.appliedTimes.get(commandIdOf(id)) }).toEqual({ id, applied: 1 });
    for (const id of plain) expect(callFlow.sent.get(commandIdOf(id))).toBe(1);
    // Lateness per timer: to when call-flow applied it (its decidedAt), not to when the batch was recorded.
    const burst = await rows('burst');
    expect(burst.every((r) => r.outcome === 'applied' && r.attempts === 1)).toBe(true);
    const decided = (id: string) => Date.parse((callFlow.first.get(commandIdOf(id))?.value as { decidedAt: string }).decidedAt);
    const dueOf = async (id: string) =>
      Number(
        (
          (await h.db.query(`SELECT extract(epoch FROM due_at) * 1000 AS due FROM scheduler.timers WHERE schedule_id = $1`, [id])) as {
            due: string;
          }[]
        )[0]?.due,
      );
    for (const id of [plain[0] as string, plain.at(-1) as string])
      expect(burst.find((r) => r.id === `n/${id}`)?.lateness_ms).toBeCloseTo(decided(id) - (await dueOf(id)), -1);
    expect((await rows('refused')).every((r) => r.outcome === 'NOT_SERVICE_NUMBER' && r.attempts === 1)).toBe(true);
    // Not an answer: back to pending, sent again a second later, then applied.
    expect((await rows('flaky')).every((r) => r.outcome === 'applied' && r.attempts === 2 && r.late_fired_ms >= 1000)).toBe(true);
  });

  test('two replicas firing one burst together claim disjoint rows: every timer is sent exactly once', async () => {
    const callFlow = new FakeCallFlow('apply-scheduled-switches', 10).listen();
    await startFirer({ batchSize: 100, batchesInFlight: 2 });
    await startFirer({ batchSize: 100, batchesInFlight: 2 });
    const ids = await addTimers('pair', 3000);
    const fired = await allFired('pair', ids.length);
    for (const id of ids) expect({ id, sent: callFlow.sent.get(commandIdOf(id)) }).toEqual({ id, sent: 1 });
    expect(fired.every((r) => r.attempts === 1)).toBe(true);
    const replicas = (await h.db.query(
      `SELECT count(DISTINCT claimed_by)::int AS n FROM scheduler.timers WHERE schedule_id LIKE 'pair-%'`,
    )) as { n: number }[];
    expect(replicas[0]?.n).toBe(2);
  });

  test('a batch call-flow applied but whose reply was lost is sent again and recorded once, with the first result', async () => {
    const callFlow = new FakeCallFlow('apply-scheduled-switches', 5).listen();
    callFlow.mute = 1;
    await startFirer({ batchSize: 1000, requestTimeoutMs: 400 });
    const ids = await addTimers('lost', 50);
    const fired = await allFired('lost', ids.length);
    for (const id of ids) {
      expect({ id, sent: callFlow.sent.get(commandIdOf(id)), applied: callFlow.appliedTimes.get(commandIdOf(id)) }).toEqual({
        id,
        sent: 2,
        applied: 1,
      });
    }
    // Fired well over a second late (timeout, then the retry delay), but applied on time: the first result says so.
    expect(fired.every((r) => r.attempts === 2 && r.late_fired_ms >= 1000 && r.lateness_ms < 400 && r.outcome === 'applied')).toBe(true);
  });

  test('the claims of a replica that died after sending are taken over within seconds; the resend gets the first results', async () => {
    const callFlow = new FakeCallFlow('apply-scheduled-switches', 5).listen();
    const ids = await addTimers('orphan', 40, 0);
    // A replica claimed them, call-flow applied them on time, then the replica died before recording.
    await h.db.query(
      `INSERT INTO scheduler.replicas (id, heartbeat_at) VALUES ('doomed', now());
       UPDATE scheduler.timers SET status = 'firing', claimed_by = 'doomed', claimed_at = now(), attempts = 1 WHERE schedule_id LIKE 'orphan-%'`,
    );
    const appliedAt = new Date().toISOString();
    for (const id of ids) callFlow.first.set(commandIdOf(id), { ok: true, value: { decidedAt: appliedAt } });
    await startFirer({ deadReplicaMs: 1000 });
    const fired = await allFired('orphan', ids.length);
    expect(fired.every((r) => r.attempts === 2 && r.late_fired_ms >= 1000 && r.lateness_ms < 500)).toBe(true);
    for (const id of ids) expect(callFlow.appliedTimes.get(commandIdOf(id))).toBeUndefined();
  });

  test('with no call-flow serving the batch subject (a replica older than it, during an upgrade) each switch goes alone', async () => {
    const callFlow = new FakeCallFlow('apply-scheduled-switch', 1).listen();
    await startFirer({ batchSize: 50 });
    const ids = await addTimers('alone', 120);
    await allFired('alone', ids.length);
    expect(callFlow.requestSizes).toEqual(ids.map(() => 1));
    for (const id of ids) expect(callFlow.appliedTimes.get(commandIdOf(id))).toBe(1);
  });
});
