import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { promisify } from 'node:util';

export type ChildService = {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** A built entry point (from `npm test`'s dist/) in its own OS process, once its output says it is ready. */
export const startChildService = async (main: string, env: Record<string, string>, ready: string, label: string): Promise<ChildService> => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run the suite through "npm test", which builds dist/ first`);
  const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${label} did not start:\n${output}`)), 20_000);
    const check = () => {
      if (!output.includes(ready)) return;
      clearTimeout(deadline);
      resolve();
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`${label} exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    process: child,
    output: () => output,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
};

/** A TCP port free on this host right now, for a child service's HTTP_PORT. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** A built script run to its end in its own process with only the given settings and PATH: its exit code and output. */
export const runNodeScript = async (
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};
