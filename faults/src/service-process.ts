import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, until } from '@tnp/testing';

export const EVENT_SOURCED = ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow', 'scheduler'] as const;
export type EventSourcedService = (typeof EVENT_SOURCED)[number];
export type ServiceName = EventSourcedService | 'gateway';

export const eventSchemaOf = (service: EventSourcedService): string => `${service.replace(/-/g, '_')}_events`;

export const JWT_SECRET = 'faults-secret-faults-secret-faults-000';

/**
 * One service as it runs in production: its own OS process from dist/, so the suite can SIGKILL
 * it, and restart it on the same port.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly service: ServiceName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(service: ServiceName, env: Record<string, string>): Promise<ServiceProcess> {
    const instance = new ServiceProcess(service, await freePort(), env);
    await instance.spawn();
    await instance.ready(120_000);
    return instance;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the service printed, for a failure message. */
  get lastOutput(): string {
    return this.output.slice(-3000);
  }

  async spawn(): Promise<void> {
    const main = join(process.cwd(), 'dist', 'services', this.service, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env['PATH'] ?? '', HTTP_PORT: String(this.port), HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // FAULTS_LOG_DIR keeps every replica's whole output, to read after a failed run.
    const logDir = process.env['FAULTS_LOG_DIR'];
    if (logDir) mkdirSync(logDir, { recursive: true });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
      if (logDir) appendFileSync(join(logDir, `${this.service}-${child.pid}.log`), chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  async isReady(): Promise<boolean> {
    const response = await fetch(`${this.base}/health/ready`, { signal: AbortSignal.timeout(1000) });
    return response.status === 200;
  }

  /** Milliseconds until the readiness probe answers 200. */
  ready(timeoutMs: number): Promise<number> {
    return until(
      `${this.service} to be ready on port ${this.port}`,
      async () => {
        if (!this.running) throw new Error(`${this.service} exited: ${this.lastOutput}`);
        return this.isReady();
      },
      timeoutMs,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${this.lastOutput}`);
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`GET ${path} on ${this.service}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async post<T>(path: string): Promise<T> {
    const response = await fetch(`${this.base}${path}`, { method: 'POST', signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`POST ${path} on ${this.service}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A gauge of the service's /metrics, by its labels as written there (for example follower="relay"). */
  async gauge(name: string, labels: string): Promise<number | undefined> {
    const response = await fetch(`${this.base}/metrics`, { signal: AbortSignal.timeout(2000) });
    const text = await response.text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
    return line ? Number(line.split(' ').at(-1)) : undefined;
  }
}
