import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { importsOf, readWorkspace, ROOT } from './workspace';

/**
 * The Nx project graph has the edges the imports imply: a change in a shared library marks every
 * project that imports it as affected (checked against the imports themselves).
 */
const { sources, projectOf } = readWorkspace(['libs', 'services', 'test', 'examples', 'bench']);

const importersOf = (alias: string): string[] =>
  [...new Set(sources.filter((f) => importsOf(f).includes(alias)).map((f) => projectOf(f)?.name))].filter(
    (p): p is string => p !== undefined,
  );

const affectedBy = (file: string): string[] => {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '.bin', 'nx'), 'show', 'projects', '--affected', `--files=${file}`, '--json'],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`nx failed: ${run.stderr}`);
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as string[];
};

describe('the Nx project graph', () => {
  test.each([
    ['@tnp/kernel', 'libs/shared/kernel/src/index.ts'],
    ['@tnp/messaging', 'libs/shared/messaging/src/index.ts'],
  ])(
    'a change in %s marks every project that imports it as affected',
    (alias, file) => {
      const importers = importersOf(alias);
      expect(importers.length).toBeGreaterThan(5);
      const affected = affectedBy(file);
      expect(importers.filter((p) => !affected.includes(p))).toEqual([]);
    },
    150_000,
  );
});
