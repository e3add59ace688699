import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@tnp/testing';

export const SERVICES = ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow', 'scheduler', 'gateway'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const BENCH_JWT = {
  secret: 'bench-secret-bench-secret-bench-secret-00',
  issuer: 'telephony-platform',
  audience: 'telephony-api',
} as const;

/** A service started as in production: `node dist/services/<name>/src/main.js`, configured by its environment. */
export type ServiceProcess = {
  readonly name: ServiceName;
  readonly pid: number;
  readonly url: string;
  /** From spawn to the health endpoint answering ready. */
  readonly coldStartMs: number;
  readonly rssMb: () => number;
  /** SIGTERM, then SIGKILL after 30 s; gives how long the service took to exit and its exit code. */
  readonly stop: () => Promise<StopOutcome>;
};

export type StopOutcome = { readonly name: ServiceName; readonly ms: number; readonly code: number | null };

export type ServiceEnvironment = {
  readonly databaseUrl: string;
  readonly natsUrl: string;
  /** Unique per run, so runs (and other people's tests on the same NATS) never hear each other. */
  readonly prefix: string;
  readonly env?: Readonly<Record<string, string>>;
};

export const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
};

/** Polls until the probe holds, with a deadline; a probe that throws a `fatal` error ends the wait at once. */
export const until = async (what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 20): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let done = false;
    try {
      done = await probe();
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal) throw error;
    }
    if (done) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

const fatal = (message: string): Error => Object.assign(new Error(message), { fatal: true });

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

/**
 * As in production: the migrate command brings the service's schema up to date first (the
 * Kubernetes Job), and the service starts without migrating (MIGRATE_AT_START=false), so its
 * start-up time and memory are a production replica's.
 */
const migrate = async (name: ServiceName, environment: ServiceEnvironment): Promise<void> => {
  if (name === 'gateway') return;
  await promisify(execFile)(process.execPath, [join(process.cwd(), 'dist', 'tools', 'migrate.js'), '--service', name], {
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: environment.databaseUrl, LOG_LEVEL: 'warn', ...environment.env },
    timeout: 120_000,
  });
};

export const startServiceProcess = async (name: ServiceName, environment: ServiceEnvironment): Promise<ServiceProcess> => {
  await migrate(name, environment);
  const port = await freePort();
  const started = performance.now();
  // BENCH_CPU_PROFILE_DIR=dir: each service writes a V8 CPU profile there when it stops.
  const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profiling, join(process.cwd(), 'dist', 'services', name, 'src', 'main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: environment.databaseUrl,
      NATS_URL: environment.natsUrl,
      NATS_SUBJECT_PREFIX: environment.prefix,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '4',
      JWT_SECRET: BENCH_JWT.secret,
      JWT_ISSUER: BENCH_JWT.issuer,
      JWT_AUDIENCE: BENCH_JWT.audience,
      REQUEST_TIMEOUT_MS: '60000',
      MIGRATE_AT_START: 'false',
      ...environment.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<StopOutcome> => {
    const t0 = performance.now();
    if (child.exitCode === null && child.signalCode === null) {
      const done = exited(child);
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(kill);
    }
    return { name, ms: performance.now() - t0, code: child.exitCode };
  };
  try {
    await until(
      `${name} ready on ${url}`,
      async () => {
        if (child.exitCode !== null) throw fatal(`${name} exited with ${child.exitCode}`);
        return (await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200;
      },
      90_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${name} did not become ready: ${(error as Error).message}\n${output}`);
  }
  return { name, pid: child.pid ?? 0, url, coldStartMs: performance.now() - started, rssMb: () => rssOf(child.pid ?? 0), stop };
};

/** Starts several services at once (each waits for its own readiness). */
export const startServiceProcesses = async (
  names: readonly ServiceName[],
  environment: ServiceEnvironment,
): Promise<Record<string, ServiceProcess>> => {
  const settled = await Promise.allSettled(names.map((n) => startServiceProcess(n, environment)));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await stopServiceProcesses(started);
    throw (failed as PromiseRejectedResult).reason;
  }
  return Object.fromEntries(started.map((s) => [s.name, s]));
};

/** Stops them all at once; gives each one's outcome (a slow or failed stop is the service's, and worth a look). */
export const stopServiceProcesses = (processes: readonly ServiceProcess[]): Promise<StopOutcome[]> =>
  Promise.all(processes.map((p) => p.stop()));

export const describeStops = (outcomes: readonly StopOutcome[]): string =>
  outcomes.map((o) => `${o.name} ${Math.round(o.ms)} ms (exit ${o.code})`).join(', ');

/** Samples each process's resident memory while a load runs; `stop()` gives each one's peak (MB). */
export const sampleRss = (processes: readonly ServiceProcess[], intervalMs = 25): { stop: () => Record<string, number> } => {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const p of processes) peaks[p.name] = Math.max(peaks[p.name] ?? 0, p.rssMb());
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peaks };
    },
  };
};
