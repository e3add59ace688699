import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceHarness } from '@tnp/testing';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'services', 'scheduler', 'src', 'main.js');

export type SchedulerProcess = { readonly process: ChildProcess; readonly kill: (signal?: NodeJS.Signals) => Promise<void> };

/** A real scheduler replica in its own OS process (built by `npm test`), so a test can SIGKILL it. */
export const startSchedulerProcess = async (like: ServiceHarness): Promise<SchedulerProcess> => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the suite through "npm test", which builds dist/ first`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: like.db.url,
      NATS_URL: like.config.NATS_URL,
      NATS_SUBJECT_PREFIX: like.config.NATS_SUBJECT_PREFIX,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: '4',
      EVENT_STORE_SCHEMA: 'scheduler_events',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`scheduler did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('scheduler started')) {
        clearTimeout(deadline);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`scheduler exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    process: child,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
};
