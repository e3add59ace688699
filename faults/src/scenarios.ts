import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { until } from '@tnp/testing';
import { checkConsistency, type Consistency } from './consistency';
import { LOCK_POOL, type FaultPlatform } from './fault-platform';
import { MixedLoad } from './mixed-load';
import { EVENT_SOURCED, type EventSourcedService, type ServiceProcess } from './service-process';

export type Sizes = {
  /** Load before and after each fault, in acknowledged commands. */
  readonly warmAcks: number;
  readonly natsOutageMs: number;
  readonly postgresDownMs: number;
};

export const FULL: Sizes = { warmAcks: 300, natsOutageMs: 20_000, postgresDownMs: 5000 };
export const QUICK: Sizes = { warmAcks: 60, natsOutageMs: 20_000, postgresDownMs: 3000 };

export type Recovery = { readonly what: string; readonly ms: number; readonly targetMs: number };

export type ScenarioResult = {
  readonly scenario: string;
  readonly acknowledged: number;
  readonly consistency: Consistency;
  readonly recoveries: readonly Recovery[];
  readonly notes: readonly string[];
};

export const passed = (r: ScenarioResult): boolean =>
  r.consistency.lost === 0 &&
  r.consistency.doubled === 0 &&
  r.consistency.switchesLost === 0 &&
  r.consistency.switchesDoubled === 0 &&
  r.consistency.readModelEqualsRebuild &&
  r.consistency.storeEqualsStream &&
  r.recoveries.every((x) => x.ms <= x.targetMs);

const acksAfter = (load: MixedLoad, since: number, count: number, timeoutMs = 60_000): Promise<number> =>
  until(`${count} acknowledged commands`, () => load.record.ackTimes.filter((t) => t >= since).length >= count, timeoutMs);

/** Runs the mixed load, injects the fault once it flows, lets it flow again, then checks the record. */
const underLoad = async (
  platform: FaultPlatform,
  scenario: string,
  sizes: Sizes,
  fault: (load: MixedLoad, notes: string[]) => Promise<Recovery[]>,
): Promise<ScenarioResult> => {
  const load = new MixedLoad(platform.nc).start();
  const notes: string[] = [];
  let recoveries: Recovery[] = [];
  try {
    await acksAfter(load, 0, sizes.warmAcks);
    recoveries = await fault(load, notes);
    const healed = Date.now();
    await acksAfter(load, healed, sizes.warmAcks);
  } finally {
    await load.stop();
  }
  const retried = [...load.record.retried].map(([why, n]) => `${n} ${why}`).join(', ');
  if (retried) notes.push(`retried: ${retried}`);
  if (load.record.refused.length) notes.push(`refused: ${JSON.stringify(load.record.refused.slice(0, 3))}`);
  if (load.record.unanswered) notes.push(`${load.record.unanswered} commands never answered`);
  const consistency = await checkConsistency(platform, load.record);
  return { scenario, acknowledged: load.acknowledged(), consistency, recoveries, notes };
};

/** How long a request to a subject no replica serves takes to be answered (no responders). */
const unansweredRequestMs = async (platform: FaultPlatform, service: EventSourcedService): Promise<number> => {
  const started = performance.now();
  await platform.nc
    .request(`cmd.${service}.no-such-command`, '{}', { timeout: 15_000 })
    .then(() => undefined)
    .catch(() => undefined);
  return performance.now() - started;
};

export const killService = (platform: FaultPlatform, service: EventSourcedService, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, `kill -9 ${service} under load`, sizes, async (_load, notes) => {
    const replicas = platform.replicas.get(service) ?? [];
    const victim = replicas[0] as ServiceProcess;
    const killedAt = performance.now();
    await victim.kill('SIGKILL');
    const recoveries: Recovery[] = [];
    if (replicas.length === 1) {
      recoveries.push({
        what: 'request while no replica runs answered in',
        ms: await unansweredRequestMs(platform, service),
        targetMs: 1000,
      });
    } else {
      notes.push(`${replicas.length - 1} other replica(s) kept running`);
      // The survivors take over what the killed one had claimed; it comes back a little later.
      await new Promise((resolve) => setTimeout(resolve, 4000));
    }
    await victim.spawn();
    await victim.ready(60_000);
    recoveries.push({ what: 'killed replica ready again after', ms: performance.now() - killedAt, targetMs: 20_000 });
    return recoveries;
  });

export const killDuringRebuild = (platform: FaultPlatform, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, 'kill -9 number-inventory during a projection rebuild', sizes, async (_load, notes) => {
    const victim = platform.first('number-inventory');
    await victim.post('/operations/projections/site-telephony/rebuild');
    const killedAt = performance.now();
    await victim.kill('SIGKILL');
    notes.push('killed right after the site-telephony read model was reset, while it replays');
    await victim.spawn();
    await victim.ready(60_000);
    return [{ what: 'killed replica ready again after', ms: performance.now() - killedAt, targetMs: 20_000 }];
  });

export const stopNats = (platform: FaultPlatform, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, `NATS stopped for ${sizes.natsOutageMs / 1000} s`, sizes, async (_load, notes) => {
    await platform.nats.stopServer();
    const stoppedAt = Date.now();
    const gateway = platform.first('gateway');
    await until(
      'every service to report not ready',
      async () => (await Promise.all(platform.all().map((r) => r.isReady()))).every((r) => !r),
      10_000,
    );
    const started = performance.now();
    const answer = await fetch(`${gateway.base}/v1/numbers/${encodeURIComponent(LOCK_POOL(0, 0))}`, {
      headers: { authorization: `Bearer ${platform.token}` },
    });
    const gatewayMs = performance.now() - started;
    notes.push(`gateway answered ${answer.status} ${((await answer.json()) as { code?: string }).code ?? ''} while NATS was down`);
    // The outage itself lasts its full length: this holds the fault, it does not wait for work.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sizes.natsOutageMs - (Date.now() - stoppedAt))));
    const stillAlive = (await Promise.all(platform.all().map(async (r) => (await fetch(`${r.base}/health/live`)).status))).every(
      (s) => s === 200,
    );
    notes.push(`liveness stayed 200 during the outage: ${stillAlive ? 'yes' : 'no'}`);
    await platform.nats.startServer();
    const readyMs = await platform.allReady(60_000);
    return [
      { what: 'gateway answered 503 within', ms: answer.status === 503 ? gatewayMs : Number.POSITIVE_INFINITY, targetMs: 1000 },
      { what: 'every service ready after NATS back in', ms: readyMs, targetMs: 5000 },
    ];
  });

export const restartPostgres = (platform: FaultPlatform, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, 'PostgreSQL restarted', sizes, async (load, notes) => {
    platform.pg.stopServer('fast');
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, sizes.postgresDownMs));
    const unavailable = load.record.retried.get('UNAVAILABLE') ?? 0;
    notes.push(`commands answered UNAVAILABLE while PostgreSQL was down: ${unavailable}; down for ${Date.now() - downAt} ms`);
    await platform.pg.startServer();
    const readyMs = await platform.allReady(60_000);
    const back = Date.now();
    const flowing = await acksAfter(load, back, 10);
    return [
      { what: 'every service ready after PostgreSQL back in', ms: readyMs, targetMs: 10_000 },
      { what: 'commands acknowledged again after', ms: readyMs + flowing, targetMs: 15_000 },
    ];
  });

const leading = async (replica: ServiceProcess): Promise<boolean> =>
  (await replica.gauge('tnp_follower_leading', 'follower="relay"').catch(() => 0)) === 1;

export const killLeaderLock = (platform: FaultPlatform, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, 'leader-lock connection killed, two replicas', sizes, async (_load, notes) => {
    const second = await platform.add('number-inventory');
    const replicas = platform.replicas.get('number-inventory') ?? [];
    try {
      await until(
        'one number-inventory replica to lead',
        async () => (await Promise.all(replicas.map(leading))).filter(Boolean).length === 1,
        20_000,
      );
      const leader = (await Promise.all(replicas.map(async (r) => ((await leading(r)) ? r : undefined)))).find(Boolean) as ServiceProcess;
      const killed = await platform.db.query<{ pid: number }>(
        `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity WHERE application_name = $1`,
        [`leader-locks ${hostname()}:${leader.pid}`],
      );
      notes.push(`terminated ${killed.rowCount} leader-lock connection(s) of the leading replica (pid ${leader.pid})`);
      const cut = performance.now();
      let bothLeading = 0;
      const oldStoppedMs = await until(
        'the old leader to stop its followers',
        async () => {
          const states = await Promise.all(replicas.map(leading));
          if (states.every(Boolean)) bothLeading++;
          return !(await leading(leader));
        },
        15_000,
      );
      await until(
        'a replica to lead again',
        async () => {
          const states = await Promise.all(replicas.map(leading));
          if (states.every(Boolean)) bothLeading++;
          return states.filter(Boolean).length === 1;
        },
        30_000,
      );
      notes.push(
        `samples with both replicas leading: ${bothLeading}; new leader ${(await leading(leader)) ? 'the same replica' : 'the other replica'}`,
      );
      return [
        { what: 'old leader stopped its followers in', ms: oldStoppedMs, targetMs: 5000 },
        { what: 'a replica leads again after', ms: performance.now() - cut, targetMs: 10_000 },
      ];
    } finally {
      await second.kill('SIGTERM');
      platform.replicas.set(
        'number-inventory',
        replicas.filter((r) => r !== second),
      );
    }
  });

/** Reactions that follow number-inventory's events: each must park the poison and go on. */
const INVENTORY_FOLLOWERS: readonly EventSourcedService[] = ['assignment', 'fax', 'extension-device', 'call-flow'];

export const poisonMessage = (platform: FaultPlatform, sizes: Sizes): Promise<ScenarioResult> =>
  underLoad(platform, 'poison message for the reactions', sizes, async (_load, notes) => {
    const poisonId = `poison-${randomUUID()}`;
    // A message on the events stream whose handling throws every time: a CloudEvent with no data.
    const ack = await jetstream(platform.nc).publish(
      'evt.number-inventory.number.NumberLocked',
      JSON.stringify({ specversion: '1.0', id: poisonId, type: 'NumberLocked', source: 'fault-suite' }),
      { msgID: poisonId },
    );
    const published = performance.now();
    const jsm = await jetstreamManager(platform.nc);
    // The reactions' durable consumers (the audits' ordered consumers are ephemeral, with no acks).
    const consumers = (await jsm.consumers.list('NUMBER_INVENTORY_EVENTS').next()).filter((c) => c.config.durable_name);
    let lastSeen = '';
    // Each reaction either handles the message (some ignore an event without a number) or fails
    // on it, retries with backoff and parks it; none may stall on it.
    const pastMs = await until(
      'every consumer of the stream to go on past the poison',
      async () => {
        const infos = await Promise.all(consumers.map((c) => jsm.consumers.info('NUMBER_INVENTORY_EVENTS', c.name)));
        lastSeen = infos.map((i) => `${i.name} ack floor ${i.ack_floor.stream_seq}, ${i.num_ack_pending} unacknowledged`).join('; ');
        return infos.every((i) => i.ack_floor.stream_seq > ack.seq || (i.ack_floor.stream_seq === ack.seq && i.num_ack_pending === 0));
      },
      // A reaction far behind the load has its backlog to work through before it reaches the poison.
      90_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message} (poison at ${ack.seq}: ${lastSeen})`);
    });
    const parkedBy = await parkedPoison(platform, poisonId);
    notes.push(
      `consumers past it: ${consumers.map((c) => c.name).join(', ')}; parked by ${parkedBy.map((l) => `${l.durable} after ${l.attempts} attempts (${l.reason.slice(0, 60)})`).join(', ') || 'none'}`,
    );
    return [
      { what: 'every consumer past the poison (its backlog included) after', ms: pastMs, targetMs: 60_000 },
      // At least the reactions that fail on it must have parked it, with the reason.
      {
        what: 'parked in the dead-letter stream',
        ms: parkedBy.length > 0 ? performance.now() - published : Number.POSITIVE_INFINITY,
        targetMs: 60_000,
      },
    ];
  });

type DeadLetter = { durable: string; eventId: string; reason: string; attempts: number };
type DeadLetters = { reactions: { durable: string; deadLetters: DeadLetter[] }[] };

const parkedPoison = async (platform: FaultPlatform, poisonId: string): Promise<DeadLetter[]> => {
  const found: DeadLetter[] = [];
  for (const service of INVENTORY_FOLLOWERS) {
    const letters = await platform.first(service).get<DeadLetters>('/operations/dead-letters');
    found.push(...letters.reactions.flatMap((r) => r.deadLetters).filter((l) => l.eventId === poisonId));
  }
  return found;
};

export type Scenario = { readonly name: string; readonly run: (platform: FaultPlatform) => Promise<ScenarioResult> };

export const ALL_SCENARIOS = (sizes: Sizes): Scenario[] => [
  ...EVENT_SOURCED.map((service) => ({ name: `kill -9 ${service} under load`, run: (p: FaultPlatform) => killService(p, service, sizes) })),
  { name: `NATS stopped for ${sizes.natsOutageMs / 1000} s`, run: (p) => stopNats(p, sizes) },
  { name: 'PostgreSQL restarted', run: (p) => restartPostgres(p, sizes) },
  { name: 'leader-lock connection killed, two replicas', run: (p) => killLeaderLock(p, sizes) },
  { name: 'poison message for the reactions', run: (p) => poisonMessage(p, sizes) },
  { name: 'kill -9 number-inventory during a projection rebuild', run: (p) => killDuringRebuild(p, sizes) },
];
