import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The Nx project graph has the edges the imports imply: a change in a shared library marks every
 * project that imports it as affected (checked against the imports themselves).
 */
const ROOT = join(__dirname, '..', '..');
const TOPS = ['libs', 'services', 'test', 'examples', 'bench'];

const walk = (dir: string, visit: (file: string) => void): void => {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
};

const projects: { name: string; root: string }[] = [];
const sources: string[] = [];
for (const top of TOPS) {
  walk(join(ROOT, top), (file) => {
    if (file.endsWith('project.json')) {
      const { name } = JSON.parse(readFileSync(file, 'utf8')) as { name: string };
      projects.push({ name, root: relative(ROOT, join(file, '..')) });
    } else if (file.endsWith('.ts')) sources.push(file);
  });
}
const projectOf = (file: string): string | undefined =>
  projects.filter((p) => relative(ROOT, file).startsWith(`${p.root}/`)).sort((a, b) => b.root.length - a.root.length)[0]?.name;

const importersOf = (alias: string): string[] =>
  [...new Set(sources.filter((f) => new RegExp(`from\\s+'${alias}'`).test(readFileSync(f, 'utf8'))).map(projectOf))].filter(
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
