import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importsOf, readWorkspace, ROOT, type Project } from './workspace';

/**
 * The dependency rules of the workspace, checked on every test run:
 * - domain code imports no framework, database or transport package;
 * - a project tagged scope:X depends only on scope:X, scope:shared and other scopes' contracts
 *   (their published messages and events, which downstream contexts consume; ADR 0024), never
 *   on another scope's domain or service code;
 * - libraries are imported through their public index (@tnp/...), never by reaching into src.
 */
const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const { sources: sourceFiles, projectOf } = readWorkspace(['libs', 'services', 'test', 'examples']);
const aliasProject = new Map(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, projectOf(join(ROOT, target ?? ''))]),
);
const tag = (p: Project | undefined, prefix: string) => p?.tags.find((t) => t.startsWith(prefix))?.slice(prefix.length);

const imports = importsOf;

const FRAMEWORK = /^(@nestjs|@mikro-orm|@nats-io|pg$|pg-|@kurrent|@opentelemetry|pino|prom-client|fastify|jose)/;

describe('module boundaries', () => {
  test('every source file belongs to a tagged project', () => {
    expect(sourceFiles.filter((f) => !projectOf(f)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  test('domain libraries import no framework, database or transport package', () => {
    const offences = sourceFiles
      .filter((f) => tag(projectOf(f), 'type:') === 'domain')
      .flatMap((f) =>
        imports(f)
          .filter((i) => FRAMEWORK.test(i))
          .map((i) => `${relative(ROOT, f)} imports ${i}`),
      );
    expect(offences).toEqual([]);
  });

  test('a scope depends only on itself, shared, and other scopes’ published contracts', () => {
    const offences = sourceFiles.flatMap((f) => {
      const from = projectOf(f);
      const scope = tag(from, 'scope:');
      return imports(f)
        .filter((i) => aliasProject.has(i))
        .filter((i) => {
          const to = aliasProject.get(i);
          const target = tag(to, 'scope:');
          if (target === 'shared' || target === scope) return false;
          return tag(to, 'type:') !== 'contracts';
        })
        .map((i) => `${relative(ROOT, f)} (${scope}) imports ${i}`);
    });
    expect(offences).toEqual([]);
  });

  test('libraries are imported through their public index only', () => {
    const offences = sourceFiles.flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith('.') && /libs\//.test(join(relative(ROOT, join(f, '..')), i)))
        .filter((i) => projectOf(join(f, '..', i)) !== projectOf(f))
        .map((i) => `${relative(ROOT, f)} reaches into ${i}`),
    );
    expect(offences).toEqual([]);
  });
});
