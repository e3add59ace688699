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
import { startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { startGateway } from '../../services/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../services/gateway/src/gateway.config';
import { numberInventoryService } from '../../services/number-inventory/src/number-inventory.app';
import { schedulerService } from '../../services/scheduler/src/scheduler.app';
import { emmettAppends, oneAtATime, rawJetStreamPublishes, rawPostgresInserts } from './baselines';
import { closedLoop, fixedRate, percentile, round, row, rssMb, type Row } from './bench-kit';
import { resourceFigures } from './resources';

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
};

const jwt = { secret: 'bench-secret-bench-secret-bench-secret-00', issuer: 'telephony-platform', audience: 'telephony-api' };
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export type BenchReport = {
  readonly date: string;
  readonly machine: string;
  readonly mode: 'quick' | 'full';
  readonly rows: readonly Row[];
};

/** Runs every scenario against real PostgreSQL and NATS on this machine, each figure beside a baseline from the same run. */
export const runBench = async (sizes: BenchSizes, mode: 'quick' | 'full'): Promise<BenchReport> => {
  const rows: Row[] = [];
  const inventory = await startServiceHarness(numberInventoryService, { label: 'bench' });
  const prefix = inventory.config.NATS_SUBJECT_PREFIX;
  const gateway = await startGateway(
    gatewayConfigSchema.parse({
      NATS_URL: inventory.config.NATS_URL,
      NATS_SUBJECT_PREFIX: prefix,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      JWT_SECRET: jwt.secret,
      REQUEST_TIMEOUT_MS: '60000',
    }),
    createLogger('gateway', 'silent'),
  );
  const base = await gateway.url();
  const token = await mintToken({ sub: 'bench', role: 'platform' }, jwt);
  const nc = await connect({ servers: inventory.config.NATS_URL });
  try {
    log('baselines');
    const l1One = await rawPostgresInserts(inventory.db.url, 1, sizes.l1);
    const l1Eight = await rawPostgresInserts(inventory.db.url, 8, Math.ceil(sizes.l1 / 8) * 2);
    const l2Sync = await rawJetStreamPublishes(inventory.config.NATS_URL, prefix, sizes.l2, false);
    const l2Pipe = await rawJetStreamPublishes(inventory.config.NATS_URL, prefix, sizes.l2 * 4, true);
    rows.push(
      row({
        scenario: 'L1 raw PostgreSQL insert, 1 client',
        figure: l1One,
        unit: 'rows/s',
        baseline: '-',
        baselineValue: null,
        target: 'baseline',
        pass: null,
      }),
    );
    rows.push(
      row({
        scenario: 'L1 raw PostgreSQL insert, 8 clients',
        figure: l1Eight,
        unit: 'rows/s',
        baseline: '-',
        baselineValue: null,
        target: 'baseline',
        pass: null,
      }),
    );
    rows.push(
      row({
        scenario: 'L2 raw JetStream publish, sync',
        figure: l2Sync,
        unit: 'msgs/s',
        baseline: '-',
        baselineValue: null,
        target: 'baseline',
        pass: null,
      }),
    );
    rows.push(
      row({
        scenario: 'L2 raw JetStream publish, pipelined',
        figure: l2Pipe,
        unit: 'msgs/s',
        baseline: '-',
        baselineValue: null,
        target: 'baseline',
        pass: null,
      }),
    );

    log('1 event store append vs Emmett');
    const emmett = await emmettAppends(inventory.db.url, 1000, 8, sizes.appends);
    const store = await PostgresEventStore.connect({ connectionString: inventory.db.url, schema: 'bench_append', poolSize: 8 });
    const revisions = new Map<string, number>();
    const ours = await closedLoop(sizes.appends, 8, (i) =>
      oneAtATime(`bench-${i % 1000}`, async (stream) => {
        const expected = revisions.get(stream) ?? NO_STREAM_REVISION;
        const result = await store.append(stream, [benchEvent(stream)], expected === NO_STREAM_REVISION ? 'no_stream' : expected);
        revisions.set(stream, result.nextExpectedRevision);
      }),
    );
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
      }),
    );

    log('2/3 command path over NATS and REST');
    const numbers = await provision(nc, prefix, 'cmd-site', 442080000000, 2000);
    const natsCommand = (i: number) => {
      const number = numbers[i % numbers.length] ?? '';
      return oneAtATime(number, () =>
        request(nc, `${prefix}.cmd.number-inventory.${Math.floor(i / numbers.length) % 2 === 0 ? 'lock-number' : 'unlock-number'}`, {
          siteId: 'cmd-site',
          number,
        }),
      );
    };
    const natsSat = await closedLoop(sizes.commands, 32, natsCommand);
    const natsFixed = await fixedRate(1000, sizes.fixedRateMs, (i) => natsCommand(i + sizes.commands));
    rows.push(
      row({
        scenario: '2 command over NATS at saturation',
        figure: natsSat.perSecond,
        unit: 'commands/s',
        baseline: 'L1(8)',
        baselineValue: l1Eight,
        target: '>= 0.5x L1(8)',
        pass: natsSat.perSecond >= 0.5 * l1Eight,
      }),
    );
    const natsP99 = percentile(natsFixed, 99);
    rows.push(
      row({
        scenario: '2 command over NATS at 1,000/s, p99',
        figure: natsP99,
        unit: 'ms',
        baseline: `median ${round(percentile(natsFixed, 50))} ms`,
        baselineValue: null,
        target: '<= 10 ms',
        pass: natsP99 <= 10,
      }),
    );
    const restCommand = (i: number) => {
      const number = numbers[(i + 7) % numbers.length] ?? '';
      const action = Math.floor(i / numbers.length) % 2 === 0 ? 'PUT' : 'DELETE';
      return oneAtATime(`rest-${number}`, () =>
        fetch(`${base}/v1/sites/cmd-site/numbers/${encodeURIComponent(number)}/lock`, {
          method: action,
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => r.arrayBuffer()),
      );
    };
    const restSat = await closedLoop(sizes.commands, 32, restCommand);
    const restFixed = await fixedRate(1000, sizes.fixedRateMs, (i) => restCommand(i + sizes.commands * 3));
    rows.push(
      row({
        scenario: '3 command through REST at saturation',
        figure: restSat.perSecond,
        unit: 'commands/s',
        baseline: 'L1(8)',
        baselineValue: l1Eight,
        target: '>= 0.35x L1(8)',
        pass: restSat.perSecond >= 0.35 * l1Eight,
      }),
    );
    const restP99 = percentile(restFixed, 99);
    rows.push(
      row({
        scenario: '3 command through REST at 1,000/s, p99',
        figure: restP99,
        unit: 'ms',
        baseline: `median ${round(percentile(restFixed, 50))} ms`,
        baselineValue: null,
        target: '<= 15 ms',
        pass: restP99 <= 15,
      }),
    );

    log('4 projection lag');
    const lag = await projectionLag(inventory, numbers, sizes.fixedRateMs);
    rows.push(
      row({
        scenario: '4 projection lag at 1,000 events/s, p99',
        figure: percentile(lag, 99),
        unit: 'ms',
        baseline: `median ${round(percentile(lag, 50))} ms`,
        baselineValue: null,
        target: '<= 50 ms',
        pass: percentile(lag, 99) <= 50,
      }),
    );

    log('6 bulk provisioning');
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
    await until(
      async () =>
        Number(
          (
            (await inventory.db.query(`SELECT count(*) AS n FROM number_inventory.site_numbers WHERE site_id = 'big-site'`)) as {
              n: string;
            }[]
          )[0]?.n,
        ) === total,
      600_000,
    );
    const provisionSeconds = (performance.now() - provisionStart) / 1000;
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
      }),
    );

    log('7 queries and CSV');
    const queryLatencies: number[] = [];
    for (let q = 0; q < sizes.queries; q++) {
      const t0 = performance.now();
      const filter = q % 3 === 0 ? 'status=AVAILABLE' : q % 3 === 1 ? `search=${String(1000 + q).slice(-4)}` : 'allocation=unallocated';
      const response = await fetch(`${base}/v1/sites/big-site/numbers?${filter}&page=${1 + (q % 20)}&pageSize=50`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      queryLatencies.push(performance.now() - t0);
    }
    rows.push(
      row({
        scenario: `7 site list, ${total.toLocaleString('en')} numbers, filtered page p99`,
        figure: percentile(queryLatencies, 99),
        unit: 'ms',
        baseline: `median ${round(percentile(queryLatencies, 50))} ms`,
        baselineValue: null,
        target: '<= 20 ms (at 1,000,000)',
        pass: mode === 'full' ? percentile(queryLatencies, 99) <= 20 : null,
      }),
    );
    const csv = await csvMemory(base, token, sizes.csvRows);
    rows.push(
      row({
        scenario: `7 CSV export of ${csv.rows.toLocaleString('en')} rows, RSS growth`,
        figure: csv.growthMb,
        unit: 'MB',
        baseline: `${round(csv.seconds)} s`,
        baselineValue: null,
        target: '<= 50 MB',
        pass: csv.growthMb <= 50,
      }),
    );

    log('5 rebuild');
    const rebuild = await rebuildThroughput(inventory, sizes.rebuildEvents);
    rows.push(
      row({
        scenario: `5 rebuild site telephony from ${sizes.rebuildEvents.toLocaleString('en')} events`,
        figure: rebuild.eventsPerSecond,
        unit: 'events/s',
        baseline: 'raw multi-row insert of the same rows',
        baselineValue: rebuild.rawRowsPerSecond,
        target: '>= 50,000 events/s',
        pass: rebuild.eventsPerSecond >= 50_000,
      }),
    );

    log('8 scheduler');
    const scheduler = await schedulerFigures(inventory, sizes);
    rows.push(...scheduler);

    log('9 resources');
    rows.push(...(await resourceFigures(inventory, sizes.commands)));
  } finally {
    await nc.close();
    await gateway.stop();
    await inventory.stop();
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

const until = async (probe: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Appends at a fixed rate and records, for each event, when the projection's checkpoint passed it. */
const projectionLag = async (inventory: ServiceHarness, numbers: readonly string[], durationMs: number): Promise<number[]> => {
  const store = inventory.service.store;
  const appended = new Map<number, number>();
  const lags: number[] = [];
  const watcher = new Client({ connectionString: inventory.db.url });
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
  await Promise.race([watch, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await watcher.end();
  return lags;
};

const csvMemory = async (base: string, token: string, maxRows: number): Promise<{ rows: number; growthMb: number; seconds: number }> => {
  const before = rssMb();
  let peak = before;
  const t0 = performance.now();
  const response = await fetch(`${base}/v1/sites/big-site/numbers.csv`, { headers: { authorization: `Bearer ${token}` } });
  let rows = 0;
  const body = Readable.fromWeb(response.body as never);
  for await (const chunk of body) {
    rows += (chunk as Buffer).toString().split('\r\n').length - 1;
    peak = Math.max(peak, rssMb());
    if (rows >= maxRows) break;
  }
  body.destroy();
  return { rows: Math.min(rows, maxRows), growthMb: peak - before, seconds: (performance.now() - t0) / 1000 };
};

/** Replays N number events into a fresh copy of the read model, against a raw multi-row insert of the same rows. */
const rebuildThroughput = async (
  inventory: ServiceHarness,
  events: number,
): Promise<{ eventsPerSecond: number; rawRowsPerSecond: number }> => {
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
  const t0 = performance.now();
  await runner.start();
  await until(async () => head.position > 0 && compareLogPositions(runner.appliedPosition, head) >= 0, 1_800_000).catch(() => undefined);
  const eventsPerSecond = events / ((performance.now() - t0) / 1000);
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
  return { eventsPerSecond, rawRowsPerSecond };
};

/**
 * The scheduler's firing engine against a NATS responder standing in for call-flow (so the figure
 * is the scheduler's, not call-flow's), compared with pg-boss delayed jobs on the same database.
 */
const schedulerFigures = async (inventory: ServiceHarness, sizes: BenchSizes): Promise<Row[]> => {
  const scheduler = await startServiceHarness(schedulerService, {
    label: 'bench',
    with: { db: inventory.db, prefix: `${inventory.config.NATS_SUBJECT_PREFIX}s` },
  });
  const nc = await connect({ servers: inventory.config.NATS_URL });
  const applied = new Map<string, number>();
  const responder = nc.subscribe(`${scheduler.config.NATS_SUBJECT_PREFIX}.cmd.call-flow.apply-scheduled-switch`, {
    callback: (_error, message) => {
      const body = message.json<{ data: { scheduleId: string } }>();
      if (!applied.has(body.data.scheduleId)) applied.set(body.data.scheduleId, Date.now());
      message.respond(JSON.stringify({ ok: true, value: {} }));
    },
  });
  const db = new Client({ connectionString: inventory.db.url });
  await db.connect();
  const insertTimers = async (label: string, dueAts: number[]) => {
    for (let i = 0; i < dueAts.length; i += 5000) {
      const slice = dueAts.slice(i, i + 5000);
      await db.query(
        `INSERT INTO scheduler.timers (id, number, schedule_id, due_at) SELECT 'n/' || id, 'n', id, to_timestamp(due / 1000.0) FROM unnest($1::text[], $2::float8[]) AS t(id, due)`,
        [slice.map((_, j) => `${label}-${i + j}`), slice],
      );
    }
    await db.query(`SELECT pg_notify('scheduler_timers', '')`);
  };
  const rows: Row[] = [];
  try {
    const burstAt = Date.now() + 3000;
    await insertTimers('burst', Array(sizes.burstTimers).fill(burstAt));
    await until(async () => [...applied.keys()].filter((k) => k.startsWith('burst-')).length === sizes.burstTimers, 600_000);
    const burstSeconds = (Math.max(...[...applied.entries()].filter(([k]) => k.startsWith('burst-')).map(([, t]) => t)) - burstAt) / 1000;

    const spreadStart = Date.now() + 2000;
    const spread = Array.from(
      { length: sizes.spreadTimers },
      (_, i) => spreadStart + Math.floor((i * sizes.spreadMs) / sizes.spreadTimers),
    );
    await insertTimers('spread', spread);
    await until(
      async () => [...applied.keys()].filter((k) => k.startsWith('spread-')).length === sizes.spreadTimers,
      sizes.spreadMs + 60_000,
    );
    const lateness = spread.map((due, i) => (applied.get(`spread-${i}`) ?? due) - due);

    const boss = await pgBossFigures(inventory.db.url, sizes);
    rows.push(
      row({
        scenario: `8 scheduler: ${sizes.burstTimers.toLocaleString('en')} switches due at one instant, all fired`,
        figure: burstSeconds,
        unit: 's',
        baseline: 'pg-boss (20,000 jobs, time scaled to the count)',
        baselineValue: boss.burstSeconds,
        target: '<= 10 s',
        pass: burstSeconds <= 10,
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
      }),
    );
  } finally {
    responder.unsubscribe();
    await db.end();
    await nc.close();
    await scheduler.stop();
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
  await until(async () => [...done.keys()].filter((k) => k.startsWith('b-')).length === burst, 600_000).catch(() => undefined);
  const burstSeconds =
    ((Math.max(...[...done.entries()].filter(([k]) => k.startsWith('b-')).map(([, t]) => t)) - burstAt) / 1000) *
    (sizes.burstTimers / burst);
  const spreadStart = Date.now() + 2000;
  const spread = Array.from({ length: sizes.spreadTimers }, (_, i) => spreadStart + Math.floor((i * sizes.spreadMs) / sizes.spreadTimers));
  await boss.insert(spread.map((due, i) => ({ name: 'switch', data: { id: `s-${i}` }, startAfter: new Date(due) })));
  await until(async () => [...done.keys()].filter((k) => k.startsWith('s-')).length === sizes.spreadTimers, sizes.spreadMs + 60_000).catch(
    () => undefined,
  );
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
    `Benchmark (${report.mode}) on ${report.date.slice(0, 10)}, ${report.machine}; every service, PostgreSQL, NATS and the load in one machine.`,
    '',
    '| scenario | figure | baseline | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...report.rows.map(
      (r) =>
        `| ${r.scenario} | ${r.figure.toLocaleString('en')} ${r.unit} | ${r.baseline}${r.baselineValue === null ? '' : ` ${r.baselineValue.toLocaleString('en')}`} | ${r.ratio ?? '-'} | ${r.target} | ${r.pass === null ? '-' : r.pass ? 'met' : 'MISSED'} |`,
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
