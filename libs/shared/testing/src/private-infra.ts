import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** A port the kernel just handed out, so it is neither listened on nor used by an outgoing connection. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });

/** Polls until the probe holds, or fails naming what it waited for. */
export const until = async (what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  for (;;) {
    let done = false;
    try {
      done = await probe();
    } catch {
      done = false;
    }
    if (done) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const asPostgres = (args: readonly string[]): void => {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.stdout}`);
};

/**
 * A PostgreSQL cluster of the suite's own (initdb in a temporary directory, another port), so
 * restarting it never touches the shared server the rest of the tests use.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'tnp-faults-pg-'));
    chmodSync(dir, 0o777);
    const port = await freePort();
    asPostgres([`${PG_BIN}/initdb`, '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const cluster = new PrivatePostgres(port, dir);
    await cluster.startServer();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async startServer(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`;
    asPostgres([`${PG_BIN}/pg_ctl`, '-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-o', options, '-w', 'start']);
    await until('the private PostgreSQL to accept connections', () => portAnswers(this.port), 30_000);
  }

  /** Stops the server as a crash would leave it: no checkpoint, every connection cut. */
  stopServer(mode: 'fast' | 'immediate' = 'fast'): void {
    asPostgres([`${PG_BIN}/pg_ctl`, '-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stopServer('immediate');
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export type PrivateNatsOptions = {
  /**
   * A nats-server configuration file to include (an authorization block), the way the local start
   * and Kubernetes include it; the server then writes its log to a file of its own.
   */
  readonly include?: string;
  /** The server's environment besides this process's (the passwords an included file refers to). */
  readonly env?: Readonly<Record<string, string>>;
};

/** A nats-server with JetStream of the suite's own; stopping it leaves the shared one alone. */
export class PrivateNats {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly options: PrivateNatsOptions,
  ) {}

  static async start(options: PrivateNatsOptions = {}): Promise<PrivateNats> {
    const nats = new PrivateNats(await freePort(), mkdtempSync(join(tmpdir(), 'tnp-faults-nats-')), options);
    await nats.startServer();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** What the server logged (only with a configuration file), e.g. its permission violations. */
  log(): string {
    const file = join(this.dir, 'nats.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  async startServer(): Promise<void> {
    const child = this.options.include
      ? spawn('nats-server', ['-c', this.writeConfig(this.options.include), '-l', join(this.dir, 'nats.log')], {
          stdio: 'ignore',
          env: { ...process.env, ...this.options.env },
        })
      : spawn('nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir], { stdio: 'ignore' });
    this.process = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the private nats-server exited with ${code}: ${this.log().slice(-2000)}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([until('the private nats-server to listen', () => portAnswers(this.port), 20_000), exited]);
  }

  /** nats-server resolves an include relative to the including file. */
  private writeConfig(include: string): string {
    const file = join(this.dir, 'nats.conf');
    writeFileSync(
      file,
      [
        `listen: 127.0.0.1:${this.port}`,
        `jetstream { store_dir: ${JSON.stringify(join(this.dir, 'jetstream'))} }`,
        `include ${JSON.stringify(relative(this.dir, include))}`,
        '',
      ].join('\n'),
    );
    return file;
  }

  /** Stops the server this suite started, by its pid, and waits until it is gone. */
  async stopServer(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    await this.stopServer();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
