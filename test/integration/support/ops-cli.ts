import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const OPS = join(__dirname, '..', '..', '..', 'dist', 'tools', 'ops.js');
const run = promisify(execFile);

/** `npm run ops -- <args>` from dist/, in its own process, with only the given settings and PATH. */
export const runOps = async (args: readonly string[], env: Record<string, string>): Promise<{ code: number; out: string }> => {
  try {
    const { stdout, stderr } = await run(process.execPath, [OPS, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
};
