import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The load generators run in processes of their own (compiled to dist/bench/src), so they never
 * share an event loop with a service or with each other. The protocol over IPC: the parent sends
 * the configuration; the child connects and answers `ready`; the parent starts its CPU window and
 * sends `go`; the child runs the load and answers `result`, then exits.
 */
export type LoadResult = {
  /** Requests that finished, successfully or not. */
  readonly completed: number;
  /** Successful replies (2xx, `ok: true`): the only ones a throughput counts. */
  readonly ok: number;
  /** Non-2xx or `ok: false` replies, timeouts and connection errors. */
  readonly errors: number;
  readonly errorSamples: readonly string[];
  readonly seconds: number;
  /** Successful replies per second. */
  readonly perSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
};

export type NatsLoadConfig = {
  readonly kind: 'nats';
  readonly natsUrl: string;
  readonly prefix: string;
  readonly siteId: string;
  readonly numbers: readonly string[];
  /** closed: `concurrency` requests in flight until `total` are done; rate: `perSecond` for `durationMs` (open loop). */
  readonly mode:
    | { readonly kind: 'closed'; readonly total: number; readonly concurrency: number }
    | { readonly kind: 'rate'; readonly perSecond: number; readonly durationMs: number };
};

export type RestLoadConfig = {
  readonly kind: 'rest';
  readonly baseUrl: string;
  readonly token: string;
  readonly siteId: string;
  readonly numbers: readonly string[];
  readonly connections: number;
  readonly amount: number;
  /** Requests per second over all connections (autocannon's overallRate); none: as fast as they answer. */
  readonly overallRate?: number;
};

export type LoadConfig = NatsLoadConfig | RestLoadConfig;

export type ParentMessage = { readonly type: 'config'; readonly config: LoadConfig } | { readonly type: 'go' };
export type ChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly result: LoadResult }
  | { readonly type: 'failed'; readonly error: string };

export type LoadProcess = {
  readonly pid: number;
  /** Runs the load (call once) and gives its result. */
  readonly run: () => Promise<LoadResult>;
  readonly kill: () => void;
};

const nextMessage = (child: ChildProcess, what: string, timeoutMs: number): Promise<ChildMessage> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`load process: no ${what} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => finish(undefined, message);
    const onExit = (code: number | null) => finish(new Error(`load process exited with ${code} before ${what}`));
    const finish = (error?: Error, message?: ChildMessage) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else if (message?.type === 'failed') reject(new Error(`load process failed: ${message.error}`));
      else resolve(message as ChildMessage);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

/** Forks the load generator for this configuration and waits until it is connected and ready. */
export const startLoadProcess = async (config: LoadConfig): Promise<LoadProcess> => {
  const script = join(process.cwd(), 'dist', 'bench', 'src', config.kind === 'nats' ? 'nats-load.js' : 'rest-load.js');
  const child = fork(script, [], { execPath: process.execPath, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = nextMessage(child, 'ready', 60_000);
  child.send({ type: 'config', config } satisfies ParentMessage);
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid ?? 0,
    run: async () => {
      const result = nextMessage(child, 'result', 30 * 60_000);
      child.send({ type: 'go' } satisfies ParentMessage);
      const message = await result.catch((error: unknown) => {
        child.kill('SIGKILL');
        throw error;
      });
      if (message.type !== 'result') throw new Error(`load process answered ${message.type}`);
      return message.result;
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};

/** The child's side: receives its configuration, prepares, then runs on `go`. */
export const serveLoad = <C extends LoadConfig>(prepare: (config: C) => Promise<() => Promise<LoadResult>>): void => {
  const send = (message: ChildMessage) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));
  let run: (() => Promise<LoadResult>) | undefined;
  process.on('message', (message: ParentMessage) => {
    const step =
      message.type === 'config'
        ? prepare(message.config as C).then(async (r) => {
            run = r;
            await send({ type: 'ready' });
          })
        : (run ?? (() => Promise.reject(new Error('go before ready'))))().then((result) => send({ type: 'result', result }));
    step
      .then(() => {
        if (message.type === 'go') process.exit(0);
      })
      .catch(async (error: unknown) => {
        await send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      });
  });
  process.on('disconnect', () => process.exit(0));
};

export const latencySummary = (sorted: readonly number[]): LoadResult['latencyMs'] => {
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { p50: at(50), p90: at(90), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
};
