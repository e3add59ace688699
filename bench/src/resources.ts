import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { freePort, type ServiceHarness } from '@tnp/testing';
import { closedLoop, row, type Row } from './bench-kit';

const SERVICES = ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow', 'scheduler', 'gateway'] as const;

const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const until = async (probe: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let done = false;
    try {
      done = await probe();
    } catch (error) {
      if ((error as Error).message.includes('exited with')) throw error;
    }
    if (done) return;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/**
 * 9: each service as its own process (from dist/), as it runs in production: time from spawn to
 * ready, resident memory idle, and number-inventory's under a command load.
 */
export const resourceFigures = async (like: ServiceHarness, commands: number): Promise<Row[]> => {
  const prefix = `${like.config.NATS_SUBJECT_PREFIX}r`;
  const rows: Row[] = [];
  const children: ChildProcess[] = [];
  try {
    for (const service of SERVICES) {
      const port = await freePort();
      const started = performance.now();
      const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'services', service, 'src', 'main.js')], {
        env: {
          PATH: process.env['PATH'] ?? '',
          DATABASE_URL: like.db.url,
          NATS_URL: like.config.NATS_URL,
          NATS_SUBJECT_PREFIX: prefix,
          HTTP_PORT: String(port),
          HTTP_HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DB_POOL_SIZE: '4',
          JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      await until(async () => {
        if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}: ${output}`);
        return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
      }, 60_000).catch((error: unknown) => {
        throw new Error(`${service} did not become ready on port ${port}: ${(error as Error).message}\n${output}`);
      });
      const coldStart = performance.now() - started;
      const idle = rssOf(child.pid ?? 0);
      rows.push(
        row({
          scenario: `9 ${service}: cold start to ready`,
          figure: coldStart,
          unit: 'ms',
          baseline: '-',
          baselineValue: null,
          target: 'report',
          pass: null,
        }),
      );
      rows.push(
        row({
          scenario: `9 ${service}: resident memory idle`,
          figure: idle,
          unit: 'MB',
          baseline: '-',
          baselineValue: null,
          target: 'report',
          pass: null,
        }),
      );
      if (service === 'number-inventory') {
        const nc = await connect({ servers: like.config.NATS_URL });
        const request = (name: string, data: unknown) =>
          nc.request(
            `${prefix}.cmd.number-inventory.${name}`,
            JSON.stringify({ commandId: randomUUID(), principal: { id: 'bench', role: 'platform' }, data }),
            { timeout: 60_000 },
          );
        await request('provision-numbers', { siteId: 'rss-site', rangeName: 'R', range: { start: '+441000000000', end: '+441000000999' } });
        let peak = idle;
        const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid ?? 0))), 20);
        const load = await closedLoop(commands, 32, (i) =>
          request(i % 2000 < 1000 ? 'lock-number' : 'unlock-number', {
            siteId: 'rss-site',
            number: `+44100000${String(i % 1000).padStart(4, '0')}`,
          }),
        );
        clearInterval(sampler);
        await nc.close();
        rows.push(
          row({
            scenario: '9 number-inventory: resident memory under the scenario 2 load',
            figure: peak,
            unit: 'MB',
            baseline: `${Math.round(load.perSecond)} commands/s (own process)`,
            baselineValue: null,
            target: 'report',
            pass: null,
          }),
        );
      }
    }
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
  return rows;
};
