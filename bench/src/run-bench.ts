import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { compareLogPositions, NO_STREAM_REVISION, PostgresEventStore, type NewEvent } from '@tnp/event-store';
import { createLogger } from '@tnp/platform';
import {
  createTestDatabase,
  startServiceHarness,
  testNatsUrl,
  uniqueSubjectPrefix,
  type ServiceHarness,
  type TestDatabase,
} from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { numberInventoryService } from '../../services/number-inventory/src/number-inventory.app';
import { emmettAppends, oneAtATime, rawJetStreamPublishes, rawPostgresInserts } from './baselines';
import { closedLoop, fixedRate, percentile, round, row, type Row } from './bench-kit';
import { cpuWindow, type Party } from './cpu';
import { startLoadProcess, type LoadConfig, type LoadResult } from './load-processes';
import { platformFigures } from './resources';
import {
  BENCH_JWT,
  describeStops,
  sampleRss,
  startServiceProcess,
  startServiceProcesses,
  stopServiceProcesses,
  until,
  type ServiceProcess,
} from './service-processes';

export type BenchSizes = {
  readonly l1: number;
  readonly l2: number;
  readonly appends: number;
  readonly commands: number;
  readonly fixedRateMs: number;
  readonly rebuildEvents: number;
  readonly provisionRanges: number;
  readonly rangeSize: number;
  readonly queries: number;
  readonly csvRows: number;
  readonly burstTimers: number;
  readonly spreadTimers: number;
  readonly spreadMs: number;
  readonly reactionNumbers: number;
};

export const QUICK: BenchSizes = {
  l1: 200,
  l2: 300,
  appends: 800,
  commands: 300,
  fixedRateMs: 1000,
  rebuildEvents: 5000,
  provisionRanges: 2,
  rangeSize: 1000,
  queries: 30,
  csvRows: 2000,
  burstTimers: 500,
  spreadTimers: 40,
  spreadMs: 2000,
  reactionNumbers: 1000,
};

export const FULL: BenchSizes = {
  l1: 2000,
  l2: 5000,
  appends: 20_000,
  commands: 8000,
  fixedRateMs: 5000,
  rebuildEvents: 1_000_000,
  provisionRanges: 100,
  rangeSize: 10_000,
  queries: 300,
  csvRows: 100_000,
  burstTimers: 100_000,
  spreadTimers: 1000,
  spreadMs: 60_000,
  reactionNumbers: 50_000,
};

const began = performance.now();
const log = (message: string) => process.stderr.write(`[bench +${Math.round((performance.now() - began) / 1000)} s] ${message}\n`);

export type BenchReport = {
  readonly date: string;
  readonly machine: string;
  readonly mode: 'quick' | 'full';
  readonly rows: readonly Row[];
};

const COMMAND_SET = 2000; // numbers per load run, each run on numbers of its own

/** A p99 "at 1,000/s" holds only if the commands were answered at (nearly) that rate. */
const heldRate = (result: LoadResult): boolean => result.completed / result.seconds >= 950;

/**
 * Runs every scenario against real PostgreSQL and NATS on this machine, each figure beside a
 * baseline from the same run. Services run as their own processes (from dist/), the REST and
 * NATS load generators too; each figure states the CPU each process used meanwhile.
 */
export const runBench = async (sizes: BenchSizes, mode: 'quick' | 'full'): Promise<BenchReport> => {
  const rows: Row[] = [];
  const natsUrl = testNatsUrl();
  const db = await createTestDatabase('bench');
  const prefix = uniqueSubjectPrefix();
  const nc = await connect({ servers: natsUrl });
  const processes: ServiceProcess[] = [];
  const databases: TestDatabase[] = [db];
  const cpuOf = (watched: readonly ServiceProcess[], extra: readonly Party[] = []) =>
    cpuWindow({
      parties: [...watched.map((p) => ({ name: p.name, pid: p.pid })), ...extra, { name: 'bench', pid: process.pid }],
      databaseUrl: db.url,
      natsUrl,
    });
  try {
    log('baselines');
    const l1One = await rawPostgresInserts(db.url, 1, sizes.l1);
    const l1Eight = await rawPostgresInserts(db.url, 8, Math.ceil(sizes.l1 / 8) * 2);
    const l2Sync = await rawJetStreamPublishes(natsUrl, prefix, sizes.l2, false);
    const l2Pipe = await rawJetStreamPublishes(natsUrl, prefix, sizes.l2 * 4, true);
    const baselineRow = (scenario: string, figure: number, unit: string) =>
      row({ scenario, figure, unit, baseline: '-', baselineValue: null, target: 'baseline', pass: null });
    rows.push(baselineRow('L1 raw PostgreSQL insert, 1 client', l1One, 'rows/s'));
    rows.push(baselineRow('L1 raw PostgreSQL insert, 8 clients', l1Eight, 'rows/s'));
    rows.push(baselineRow('L2 raw JetStream publish, sync', l2Sync, 'msgs/s'));
    rows.push(baselineRow('L2 raw JetStream publish, pipelined', l2Pipe, 'msgs/s'));

    log('1 event store append vs Emmett (library code in the benchmark process, as its baselines)');
    const emmett = await emmettAppends(db.url, 1000, 8, sizes.appends);
    const store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'bench_append', poolSize: 8 });
    const revisions = new Map<string, number>();
    const appendCpu = await cpuOf([]);
    const ours = await closedLoop(sizes.appends, 8, (i) =>
      oneAtATime(`bench-${i % 1000}`, async (stream) => {
        const expected = revisions.get(stream) ?? NO_STREAM_REVISION;
        const result = await store.append(stream, [benchEvent(stream)], expected === NO_STREAM_REVISION ? 'no_stream' : expected);
        revisions.set(stream, result.nextExpectedRevision);
      }),
    );
    const appendCpuText = (await appendCpu.end()).text;
    await store.close();
    rows.push(
      row({
        scenario: '1 append, 1,000 streams, 8 writers (vs Emmett)',
        figure: ours.perSecond,
        unit: 'appends/s',
        baseline: 'Emmett appendToStream',
        baselineValue: emmett,
        target: '>= 1.5x Emmett',
        pass: ours.perSecond >= 1.5 * emmett,
        cpu: appendCpuText,
      }),
    );
    rows.push(
      row({
        scenario: '1 append, 1,000 streams, 8 writers (vs L1(8))',
        figure: ours.perSecond,
        unit: 'appends/s',
        baseline: 'L1(8)',
        baselineValue: l1Eight,
        target: '>= 0.6x L1(8)',
        pass: ours.perSecond >= 0.6 * l1Eight,
        cpu: appendCpuText,
      }),
    );

    log('starting number-inventory and the gateway, each in its own process');
    const started = await startServiceProcesses(['number-inventory', 'gateway'], { databaseUrl: db.url, natsUrl, prefix });
    const inventory = started['number-inventory'] as ServiceProcess;
    const gateway = started['gateway'] as ServiceProcess;
    processes.push(inventory, gateway);
    const base = gateway.url;
    const token = await mintToken({ sub: 'bench', role: 'platform' }, BENCH_JWT);
    const sets = {
      natsSaturation: await provision(nc, prefix, 'cmd-site', 442080000000, COMMAND_SET),
      natsRate: await provision(nc, prefix, 'cmd-site', 442080000000 + COMMAND_SET, COMMAND_SET),
      restSaturation: await provision(nc, prefix, 'cmd-site', 442080000000 + 2 * COMMAND_SET, COMMAND_SET),
      restRate: await provision(nc, prefix, 'cmd-site', 442080000000 + 3 * COMMAND_SET, COMMAND_SET),
      lag: await provision(nc, prefix, 'cmd-site', 442080000000 + 4 * COMMAND_SET, COMMAND_SET),
    };
    const peaks: Record<string, number> = {};
    /** One load run in its own process, with the CPU of everything involved and the services' peak memory. */
    const measure = async (config: LoadConfig, watched: readonly ServiceProcess[]): Promise<{ result: LoadResult; cpu: string }> => {
      const load = await startLoadProcess(config);
      try {
        const cpu = await cpuOf(watched, [{ name: 'load', pid: load.pid }]);
        const rss = sampleRss(watched);
        let result: LoadResult;
        try {
          result = await load.run();
        } finally {
          for (const [name, peak] of Object.entries(rss.stop())) peaks[name] = Math.max(peaks[name] ?? 0, peak);
        }
        const text = (await cpu.end()).text;
        if (result.errors > 0) log(`  ${result.errors} errors, e.g. ${result.errorSamples.join(' | ')}`);
        return { result, cpu: text };
      } finally {
        load.kill();
      }
    };
    const commandPath = [inventory, gateway];

    log('2 command path over NATS (load in its own process)');
    const nats = { kind: 'nats', natsUrl, prefix, siteId: 'cmd-site' } as const;
    const natsSat = await measure(
      { ...nats, numbers: sets.natsSaturation, mode: { kind: 'closed', total: sizes.commands, concurrency: 32 } },
      commandPath,
    );
    const natsFixed = await measure(
      { ...nats, numbers: sets.natsRate, mode: { kind: 'rate', perSecond: 1000, durationMs: sizes.fixedRateMs } },
      commandPath,
    );
    rows.push(
      row({
        scenario: '2 command over NATS at saturation',
        figure: natsSat.result.perSecond,
        unit: 'commands/s',
        baseline: 'L1(8)',
        baselineValue: l1Eight,
        target: '>= 0.5x L1(8)',
        pass: natsSat.result.errors === 0 && natsSat.result.perSecond >= 0.5 * l1Eight,
        errors: natsSat.result.errors,
        cpu: natsSat.cpu,
      }),
    );
    rows.push(
      row({
        scenario: '2 command over NATS at 1,000/s, p99',
        figure: natsFixed.result.latencyMs.p99,
        unit: 'ms',
        baseline: `median ${round(natsFixed.result.latencyMs.p50)} ms, ${Math.round(natsFixed.result.completed / natsFixed.result.seconds)}/s answered`,
        baselineValue: null,
        target: '<= 10 ms',
        pass: natsFixed.result.errors === 0 && heldRate(natsFixed.result) && natsFixed.result.latencyMs.p99 <= 10,
        errors: natsFixed.result.errors,
        cpu: natsFixed.cpu,
      }),
    );

    log('3 command path through REST (autocannon in its own process)');
    const rest = { kind: 'rest', baseUrl: base, token, siteId: 'cmd-site' } as const;
    const restSat = await measure({ ...rest, numbers: sets.restSaturation, connections: 32, amount: sizes.commands }, commandPath);
    const restFixed = await measure(
      { ...rest, numbers: sets.restRate, connections: 40, amount: Math.floor((1000 * sizes.fixedRateMs) / 1000), overallRate: 1000 },
      commandPath,
    );
    rows.push(
      row({
        scenario: '3 command through REST at saturation',
        figure: restSat.result.perSecond,
        unit: 'commands/s',
        baseline: 'L1(8)',
        baselineValue: l1Eight,
        target: '>= 0.35x L1(8)',
        pass: restSat.result.errors === 0 && restSat.result.perSecond >= 0.35 * l1Eight,
        errors: restSat.result.errors,
        cpu: restSat.cpu,
      }),
    );
    rows.push(
      row({
        scenario: '3 command through REST at 1,000/s, p99',
        figure: restFixed.result.latencyMs.p99,
        unit: 'ms',
        baseline: `median ${round(restFixed.result.latencyMs.p50)} ms, ${Math.round(restFixed.result.completed / restFixed.result.seconds)}/s answered`,
        baselineValue: null,
        target: '<= 15 ms',
        pass: restFixed.result.errors === 0 && heldRate(restFixed.result) && restFixed.result.latencyMs.p99 <= 15,
        errors: restFixed.result.errors,
        cpu: restFixed.cpu,
      }),
    );
    rows.push(
      row({
        scenario: '9 number-inventory: resident memory under the scenario 2/3 load',
        figure: peaks['number-inventory'] ?? Number.NaN,
        unit: 'MB',
        baseline: `${Math.round(natsSat.result.perSecond)} commands/s over NATS`,
        baselineValue: null,
        target: 'report',
        pass: null,
      }),
    );
    rows.push(
      row({
        scenario: '9 gateway: resident memory under the scenario 3 load',
        figure: peaks['gateway'] ?? Number.NaN,
        unit: 'MB',
        baseline: `${Math.round(restSat.result.perSecond)} commands/s through REST`,
        baselineValue: null,
        target: 'report',
        pass: null,
      }),
    );

    log(`  number-inventory settled after the command load in ${await settled(db.url)} ms (relay and projection at the head)`);
    log('4 projection lag (appends from the benchmark process; the projection runs in number-inventory)');
    const lagCpu = await cpuOf(commandPath);
    const lag = await projectionLag(db.url, sets.lag, sizes.fixedRateMs);
    const lagCpuText = (await lagCpu.end()).text;
    rows.push(
      row({
        scenario: '4 projection lag at 1,000 events/s, p99',
        figure: percentile(lag, 99),
        unit: 'ms',
        baseline: `median ${round(percentile(lag, 50))} ms`,
        baselineValue: null,
        target: '<= 50 ms',
        pass: percentile(lag, 99) <= 50,
        cpu: lagCpuText,
      }),
    );

    log('6 bulk provisioning through the gateway process');
    const watcher = new Client({ connectionString: db.url });
    await watcher.connect();
    const provisionCpu = await cpuOf(commandPath);
    const provisionStart = performance.now();
    for (let r = 0; r < sizes.provisionRanges; r++) {
      const start = 440000000000 + r * sizes.rangeSize;
      const response = await fetch(`${base}/v1/sites/big-site/numbers/provision`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rangeName: `R${r}`, range: { start: `+${start}`, end: `+${start + sizes.rangeSize - 1}` } }),
      });
      if (response.status !== 200) throw new Error(`provisioning answered ${response.status}: ${await response.text()}`);
    }
    const total = sizes.provisionRanges * sizes.rangeSize;
    // The projection's own per-site counts (written with the rows, one small read), not a count(*)
    // of up to a million rows every poll, which took CPU from the system being measured.
    await until(
      'the site list to hold every provisioned number',
      async () =>
        Number(
          (
            await watcher.query<{ n: string }>(
              `SELECT coalesce(sum(n), 0) AS n FROM number_inventory.site_number_counts WHERE site_id = 'big-site'`,
            )
          ).rows[0]?.n,
        ) === total,
      600_000,
    );
    const provisionSeconds = (performance.now() - provisionStart) / 1000;
    const provisionCpuText = (await provisionCpu.end()).text;
    await watcher.end();
    rows.push(
      row({
        scenario: `6 provision ${total.toLocaleString('en')} numbers via API (events + read model)`,
        figure: provisionSeconds,
        unit: 's',
        baseline: 'numbers/s',
        baselineValue: null,
        ratio: round(total / provisionSeconds),
        target: mode === 'full' ? '<= 60 s' : '<= 60 s (at 1,000,000)',
        pass: mode === 'full' ? provisionSeconds <= 60 : null,
        cpu: provisionCpuText,
      }),
    );

    log(`  number-inventory settled after provisioning in ${await settled(db.url)} ms (relay and projection at the head)`);
    log('7 queries and CSV through the gateway process');
    const queryCpu = await cpuOf(commandPath);
    const queryLatencies: number[] = [];
    let queryErrors = 0;
    for (let q = 0; q < sizes.queries; q++) {
      const t0 = performance.now();
      const filter = q % 3 === 0 ? 'status=AVAILABLE' : q % 3 === 1 ? `search=${String(1000 + q).slice(-4)}` : 'allocation=unallocated';
      const response = await fetch(`${base}/v1/sites/big-site/numbers?${filter}&page=${1 + (q % 20)}&pageSize=50`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      if (response.status !== 200) queryErrors++;
      queryLatencies.push(performance.now() - t0);
    }
    const queryCpuText = (await queryCpu.end()).text;
    rows.push(
      row({
        scenario: `7 site list, ${total.toLocaleString('en')} numbers, filtered page p99`,
        figure: percentile(queryLatencies, 99),
        unit: 'ms',
        baseline: `median ${round(percentile(queryLatencies, 50))} ms`,
        baselineValue: null,
        target: '<= 20 ms (at 1,000,000)',
        pass: mode === 'full' ? queryErrors === 0 && percentile(queryLatencies, 99) <= 20 : null,
        errors: queryErrors,
        cpu: queryCpuText,
      }),
    );
    const csvCpu = await cpuOf(commandPath);
    const csv = await csvMemory(base, token, sizes.csvRows, commandPath);
    const csvCpuText = (await csvCpu.end()).text;
    rows.push(
      row({
        scenario: `7 CSV export of ${csv.rows.toLocaleString('en')} rows, RSS growth (gateway + number-inventory)`,
        figure: csv.growthMb,
        unit: 'MB',
        baseline: `${round(csv.seconds)} s`,
        baselineValue: null,
        target: '<= 50 MB',
        pass: csv.growthMb <= 50,
        cpu: csvCpuText,
      }),
    );
    // number-inventory stops now (its database connections are needed for what follows); the
    // gateway, idle and without a database, stops at the end.
    log(`  stopped (SIGTERM): ${describeStops(await stopServiceProcesses(processes.splice(0, 1)))}`);

    log('5 rebuild (library code in the benchmark process, against a raw insert)');
    const rebuildHarness = await startServiceHarness(numberInventoryService, {
      label: 'bench_rebuild',
      env: { RUN_RELAY: 'false', RUN_PROJECTIONS: 'false' },
    });
    try {
      const rebuild = await rebuildThroughput(rebuildHarness, sizes.rebuildEvents, (parties) =>
        cpuWindow({ parties: [...parties, { name: 'bench', pid: process.pid }], databaseUrl: rebuildHarness.db.url, natsUrl }),
      );
      rows.push(
        row({
          scenario: `5 rebuild site telephony from ${sizes.rebuildEvents.toLocaleString('en')} events`,
          figure: rebuild.eventsPerSecond,
          unit: 'events/s',
          baseline: 'raw multi-row insert of the same rows',
          baselineValue: rebuild.rawRowsPerSecond,
          target: '>= 50,000 events/s',
          pass: rebuild.eventsPerSecond >= 50_000,
          cpu: rebuild.cpu,
        }),
      );
    } finally {
      await rebuildHarness.stop();
    }

    log('8 scheduler (its own process)');
    rows.push(...(await schedulerFigures(db, `${prefix}s`, sizes)));

    log('9 resources (each service started in turn on a fresh database), then 10 on that platform');
    const platformDb = await createTestDatabase('bench_platform');
    databases.push(platformDb);
    rows.push(...(await platformFigures({ databaseUrl: platformDb.url, natsUrl, prefix: `${prefix}r` }, sizes.reactionNumbers, log)));
  } finally {
    await nc.close();
    if (processes.length > 0) log(`  stopped (SIGTERM): ${describeStops(await stopServiceProcesses(processes))}`);
    for (const d of databases) await d.drop().catch(() => undefined);
  }
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    mode,
    rows,
  };
};

const benchEvent = (stream: string): NewEvent => ({
  id: randomUUID(),
  type: 'NumberLocked',
  data: { number: stream, siteId: 'bench', reason: null },
  metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() },
});

const request = async (nc: NatsConnection, subject: string, data: unknown): Promise<unknown> => {
  const reply = (
    await nc.request(subject, JSON.stringify({ commandId: randomUUID(), principal: { id: 'bench', role: 'platform' }, data }), {
      timeout: 60_000,
    })
  ).json<{ ok: boolean; error?: unknown }>();
  if (!reply.ok) throw new Error(`${subject}: ${JSON.stringify(reply.error)}`);
  return reply;
};

const provision = async (nc: NatsConnection, prefix: string, siteId: string, start: number, count: number): Promise<string[]> => {
  await request(nc, `${prefix}.cmd.number-inventory.provision-numbers`, {
    siteId,
    rangeName: 'Bench',
    range: { start: `+${start}`, end: `+${start + count - 1}` },
  });
  return Array.from({ length: count }, (_, i) => `+${start + i}`);
};

/**
 * Waits until number-inventory's relay and projection have caught up with everything committed,
 * so a scenario measures its own load, not the drain of the previous one's backlog; gives how long
 * that took.
 */
const settled = async (databaseUrl: string): Promise<number> => {
  const t0 = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await until(
      'the relay and the projection to reach the head of the log',
      async () => {
        const { rows } = await client.query<{ behind: boolean }>(
          `SELECT EXISTS (
             SELECT 1 FROM number_inventory_events.events e, number_inventory_events.checkpoints r, number_inventory.projection_checkpoints p
              WHERE r.name = 'relay' AND p.name = 'site-telephony'
                AND ((e.transaction_id, e.global_position) > (r.transaction_id, r.position)
                  OR (e.transaction_id, e.global_position) > (p.transaction_id, p.position))) AS behind`,
        );
        return rows[0]?.behind === false;
      },
      900_000,
      100,
    );
  } finally {
    await client.end();
  }
  return Math.round(performance.now() - t0);
};

/** Appends at a fixed rate (from this process) and records, for each event, when number-inventory's projection checkpoint passed it. */
const projectionLag = async (databaseUrl: string, numbers: readonly string[], durationMs: number): Promise<number[]> => {
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema: 'number_inventory_events', poolSize: 4 });
  const appended = new Map<number, number>();
  const lags: number[] = [];
  const watcher = new Client({ connectionString: databaseUrl });
  await watcher.connect();
  let watching = true;
  const watch = (async () => {
    while (watching || appended.size > 0) {
      const { rows } = await watcher.query<{ position: string }>(
        `SELECT position FROM number_inventory.projection_checkpoints WHERE name = 'site-telephony'`,
      );
      const position = Number(rows[0]?.position ?? 0);
      const now = performance.now();
      for (const [p, t] of appended) if (p <= position) (lags.push(now - t), appended.delete(p));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  const revisions = new Map<string, number>();
  for (const n of numbers) revisions.set(n, (await store.readStream(`number-${n}`)).at(-1)?.streamRevision ?? 0);
  await fixedRate(1000, durationMs, (i) => {
    const number = numbers[i % numbers.length] ?? '';
    return oneAtATime(`lag-${number}`, async () => {
      const revision = revisions.get(number) ?? 0;
      const event: NewEvent = { ...benchEvent(number), type: 'NumberLocked', data: { number, siteId: 'cmd-site', reason: null } };
      const t0 = performance.now();
      const result = await store.append(`number-${number}`, [event], revision);
      revisions.set(number, result.nextExpectedRevision);
      appended.set(result.lastGlobalPosition, t0);
    });
  });
  watching = false;
  await Promise.race([watch, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  await watcher.end();
  await store.close();
  return lags;
};

/** Streams the CSV export and records the serving processes' resident memory growth meanwhile. */
const csvMemory = async (
  base: string,
  token: string,
  maxRows: number,
  servers: readonly ServiceProcess[],
): Promise<{ rows: number; growthMb: number; seconds: number }> => {
  const before = Object.fromEntries(servers.map((s) => [s.name, s.rssMb()]));
  const rss = sampleRss(servers, 10);
  const t0 = performance.now();
  // Aborted once enough rows are in, so the connection closes (a cancelled body alone leaves it open).
  const download = new AbortController();
  const response = await fetch(`${base}/v1/sites/big-site/numbers.csv`, {
    headers: { authorization: `Bearer ${token}` },
    signal: download.signal,
  });
  if (response.status !== 200) throw new Error(`CSV export answered ${response.status}`);
  let rows = 0;
  const body = Readable.fromWeb(response.body as never);
  for await (const chunk of body) {
    rows += (chunk as Buffer).toString().split('\r\n').length - 1;
    if (rows >= maxRows) break;
  }
  download.abort();
  body.destroy();
  const peaks = rss.stop();
  const growthMb = servers.reduce((sum, s) => sum + Math.max(0, (peaks[s.name] ?? 0) - (before[s.name] ?? 0)), 0);
  return { rows: Math.min(rows, maxRows), growthMb, seconds: (performance.now() - t0) / 1000 };
};

/** Replays N number events into a fresh copy of the read model, against a raw multi-row insert of the same rows. */
const rebuildThroughput = async (
  inventory: ServiceHarness,
  events: number,
  cpuOf: (parties: readonly Party[]) => ReturnType<typeof cpuWindow>,
): Promise<{ eventsPerSecond: number; rawRowsPerSecond: number; cpu: string }> => {
  const store = await PostgresEventStore.connect({ connectionString: inventory.db.url, schema: 'bench_rebuild', poolSize: 4 });
  const batch = 5000;
  for (let i = 0; i < events; i += batch) {
    await store.appendMany(
      Array.from({ length: Math.min(batch, events - i) }, (_, j) => {
        const number = `+4430${String(i + j).padStart(8, '0')}`;
        return {
          streamId: `number-${number}`,
          expectedRevision: 'no_stream' as const,
          events: [
            {
              ...benchEvent(number),
              type: 'NumberProvisioned',
              data: { number, siteId: 'rebuild-site', ext: null, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null },
            },
          ],
        };
      }),
    );
  }
  const { ProjectionRunner } = await import('@tnp/read-models');
  const { siteTelephonyProjection } = await import('../../services/number-inventory/src/read-model/site-telephony.projection');
  const { siteTelephonyTable } = await import('../../services/number-inventory/src/read-model/site-telephony.table');
  const orm = inventory.service.orm;
  await orm.em.fork().execute(`INSERT INTO number_inventory.projection_checkpoints (name) VALUES ('bench-rebuild') ON CONFLICT DO NOTHING`);
  const runner = new ProjectionRunner({
    orm,
    schema: 'number_inventory',
    store,
    projection: { ...siteTelephonyProjection, name: 'bench-rebuild' },
    table: siteTelephonyTable,
    logger: createLogger('bench', 'silent'),
    batchSize: 5000,
  });
  const head = await store.headPosition();
  const cpu = await cpuOf([]);
  const t0 = performance.now();
  await runner.start();
  await until(
    'the rebuild to reach the head of the log',
    () => head.position > 0 && compareLogPositions(runner.appliedPosition, head) >= 0,
    1_800_000,
    5,
  ).catch(() => undefined);
  const eventsPerSecond = events / ((performance.now() - t0) / 1000);
  const cpuText = (await cpu.end()).text;
  await runner.stop();
  await store.close();
  const raw = new Client({ connectionString: inventory.db.url });
  await raw.connect();
  await raw.query('CREATE TABLE bench_raw_rows (LIKE number_inventory.site_numbers INCLUDING ALL)');
  const r0 = performance.now();
  for (let i = 0; i < events; i += batch) {
    const count = Math.min(batch, events - i);
    await raw.query(
      `INSERT INTO bench_raw_rows (number, site_id, ext, status, kind, is_main, range_name, locked, ported_in, revision)
       SELECT n, 'raw-site', null, 'AVAILABLE', 'standard', false, 'R', false, false, 0 FROM unnest($1::text[]) AS n`,
      [Array.from({ length: count }, (_, j) => `+4431${String(i + j).padStart(8, '0')}`)],
    );
  }
  const rawRowsPerSecond = events / ((performance.now() - r0) / 1000);
  await raw.end();
  return { eventsPerSecond, rawRowsPerSecond, cpu: cpuText };
};

/**
 * The scheduler (its own process) firing against a NATS responder in this process standing in
 * for call-flow (so the figure is the scheduler's, not call-flow's), compared with pg-boss
 * delayed jobs on the same database.
 */
const schedulerFigures = async (db: TestDatabase, prefix: string, sizes: BenchSizes): Promise<Row[]> => {
  const natsUrl = testNatsUrl();
  const scheduler = await startServiceProcess('scheduler', { databaseUrl: db.url, natsUrl, prefix });
  const nc = await connect({ servers: natsUrl });
  const applied = new Map<string, number>();
  const responder = nc.subscribe(`${prefix}.cmd.call-flow.apply-scheduled-switch`, {
    callback: (_error, message) => {
      const body = message.json<{ data: { scheduleId: string } }>();
      if (!applied.has(body.data.scheduleId)) applied.set(body.data.scheduleId, Date.now());
      message.respond(JSON.stringify({ ok: true, value: {} }));
    },
  });
  // The batch subject the scheduler prefers: many switches per request, each answered by its timer's command id.
  const batchResponder = nc.subscribe(`${prefix}.cmd.call-flow.apply-scheduled-switches`, {
    callback: (_error, message) => {
      const body = message.json<{ data: { switches: { commandId: string; data: { scheduleId: string } }[] } }>();
      const now = Date.now();
      const results = body.data.switches.map((item) => {
        if (!applied.has(item.data.scheduleId)) applied.set(item.data.scheduleId, now);
        return { commandId: item.commandId, status: 'applied', reply: { ok: true, value: {} } };
      });
      message.respond(JSON.stringify({ ok: true, value: { results } }));
    },
  });
  await nc.flush();
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const insertTimers = async (label: string, dueAts: number[]) => {
    for (let i = 0; i < dueAts.length; i += 5000) {
      const slice = dueAts.slice(i, i + 5000);
      await client.query(
        `INSERT INTO scheduler.timers (id, number, schedule_id, due_at) SELECT 'n/' || id, 'n', id, to_timestamp(due / 1000.0) FROM unnest($1::text[], $2::float8[]) AS t(id, due)`,
        [slice.map((_, j) => `${label}-${i + j}`), slice],
      );
    }
    await client.query(`SELECT pg_notify('scheduler_timers', '')`);
  };
  const firedWith = (label: string) => [...applied.keys()].filter((k) => k.startsWith(`${label}-`)).length;
  const cpuOf = () =>
    cpuWindow({
      parties: [
        { name: 'scheduler', pid: scheduler.pid },
        { name: 'bench (responder)', pid: process.pid },
      ],
      databaseUrl: db.url,
      natsUrl,
    });
  const rows: Row[] = [];
  try {
    const burstAt = Date.now() + 3000;
    await insertTimers('burst', Array(sizes.burstTimers).fill(burstAt));
    await until('the burst to fall due', () => Date.now() >= burstAt, 60_000, 5);
    const burstCpu = await cpuOf();
    await until('every burst timer to fire', () => firedWith('burst') === sizes.burstTimers, 600_000);
    const burstCpuText = (await burstCpu.end()).text;
    const burstSeconds = (Math.max(...[...applied.entries()].filter(([k]) => k.startsWith('burst-')).map(([, t]) => t)) - burstAt) / 1000;

    const spreadStart = Date.now() + 2000;
    const spread = Array.from(
      { length: sizes.spreadTimers },
      (_, i) => spreadStart + Math.floor((i * sizes.spreadMs) / sizes.spreadTimers),
    );
    await insertTimers('spread', spread);
    const spreadCpu = await cpuOf();
    await until('every spread timer to fire', () => firedWith('spread') === sizes.spreadTimers, sizes.spreadMs + 60_000);
    const spreadCpuText = (await spreadCpu.end()).text;
    const lateness = spread.map((due, i) => (applied.get(`spread-${i}`) ?? due) - due);

    const boss = await pgBossFigures(db.url, sizes);
    rows.push(
      row({
        scenario: `8 scheduler: ${sizes.burstTimers.toLocaleString('en')} switches due at one instant, all fired`,
        figure: burstSeconds,
        unit: 's',
        baseline: 'pg-boss (20,000 jobs, time scaled to the count)',
        baselineValue: boss.burstSeconds,
        target: '<= 10 s',
        pass: burstSeconds <= 10,
        cpu: burstCpuText,
      }),
    );
    rows.push(
      row({
        scenario: '8 scheduler: timers spread over time, firing lateness p99',
        figure: percentile(lateness, 99),
        unit: 'ms',
        baseline: 'pg-boss p99 lateness',
        baselineValue: boss.latenessP99,
        target: '<= 100 ms',
        pass: percentile(lateness, 99) <= 100,
        cpu: spreadCpuText,
      }),
    );
  } finally {
    responder.unsubscribe();
    batchResponder.unsubscribe();
    await client.end();
    await nc.close();
    log(`  stopped (SIGTERM): ${describeStops([await scheduler.stop()])}`);
  }
  return rows;
};

const pgBossFigures = async (url: string, sizes: BenchSizes): Promise<{ burstSeconds: number; latenessP99: number }> => {
  const module = (await import('pg-boss')) as unknown as { default: new (o: object) => PgBossLike };
  const PgBoss = module.default;
  const boss = new PgBoss({ connectionString: url, schema: 'bench_pgboss' });
  await boss.start();
  await boss.createQueue('switch');
  const done = new Map<string, number>();
  await boss.work('switch', { pollingIntervalSeconds: 0.5, batchSize: 100 }, async (jobs: { data: { id: string } }[]) => {
    for (const job of jobs) done.set(job.data.id, Date.now());
  });
  const burstAt = Date.now() + 3000;
  const burst = Math.min(sizes.burstTimers, 20_000);
  for (let i = 0; i < burst; i += 1000) {
    await boss.insert(
      Array.from({ length: Math.min(1000, burst - i) }, (_, j) => ({
        name: 'switch',
        data: { id: `b-${i + j}` },
        startAfter: new Date(burstAt),
      })),
    );
  }
  await until('pg-boss to run the burst', () => [...done.keys()].filter((k) => k.startsWith('b-')).length === burst, 600_000).catch(
    () => undefined,
  );
  const burstSeconds =
    ((Math.max(...[...done.entries()].filter(([k]) => k.startsWith('b-')).map(([, t]) => t)) - burstAt) / 1000) *
    (sizes.burstTimers / burst);
  const spreadStart = Date.now() + 2000;
  const spread = Array.from({ length: sizes.spreadTimers }, (_, i) => spreadStart + Math.floor((i * sizes.spreadMs) / sizes.spreadTimers));
  await boss.insert(spread.map((due, i) => ({ name: 'switch', data: { id: `s-${i}` }, startAfter: new Date(due) })));
  await until(
    'pg-boss to run the spread jobs',
    () => [...done.keys()].filter((k) => k.startsWith('s-')).length === sizes.spreadTimers,
    sizes.spreadMs + 60_000,
  ).catch(() => undefined);
  const latenessP99 = percentile(
    spread.map((due, i) => (done.get(`s-${i}`) ?? Number.NaN) - due),
    99,
  );
  await boss.stop({ graceful: false, wait: true });
  return { burstSeconds, latenessP99 };
};

type PgBossLike = {
  start(): Promise<unknown>;
  stop(options: object): Promise<void>;
  createQueue(name: string): Promise<void>;
  insert(jobs: object[]): Promise<unknown>;
  work(name: string, options: object, handler: (jobs: { data: { id: string } }[]) => Promise<void>): Promise<string>;
};

export const toMarkdown = (report: BenchReport): string =>
  [
    `Benchmark (${report.mode}) on ${report.date.slice(0, 10)}, ${report.machine}; each service and each load generator in its own process, with PostgreSQL and NATS, on this one machine.`,
    '',
    '| scenario | figure | baseline | ratio | target | result | errors | CPU during the measurement (cores) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.rows.map(
      (r) =>
        `| ${r.scenario} | ${r.figure.toLocaleString('en')} ${r.unit} | ${r.baseline}${r.baselineValue === null ? '' : ` ${r.baselineValue.toLocaleString('en')}`} | ${r.ratio ?? '-'} | ${r.target} | ${r.pass === null ? '-' : r.pass ? 'met' : 'MISSED'} | ${r.errors ?? '-'} | ${r.cpu ?? '-'} |`,
    ),
    '',
  ].join('\n');

export const writeReport = (report: BenchReport, directory: string): void => {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `bench-${report.mode}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(directory, `bench-${report.mode}.md`), toMarkdown(report));
};

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  runBench(quick ? QUICK : FULL, quick ? 'quick' : 'full')
    .then((report) => {
      writeReport(report, join(process.cwd(), quick ? '.run' : 'bench/results'));
      process.stdout.write(toMarkdown(report));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
