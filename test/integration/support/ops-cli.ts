import { join } from 'node:path';
import { runNodeScript } from './child-service';

const OPS = join(__dirname, '..', '..', '..', 'dist', 'tools', 'ops.js');

/** `npm run ops -- <args>` from dist/, in its own process, with only the given settings and PATH. */
export const runOps = (args: readonly string[], env: Record<string, string>): Promise<{ code: number; out: string }> =>
  runNodeScript(OPS, args, env);
