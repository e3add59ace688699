import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The workspace as the architecture specs read it: its projects (project.json) and TypeScript sources. */
export const ROOT = join(__dirname, '..', '..');

export type Project = { readonly name: string; readonly root: string; readonly tags: readonly string[] };

const walk = (dir: string, visit: (file: string) => void): void => {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
};

export const readWorkspace = (tops: readonly string[]) => {
  const projects: Project[] = [];
  const sources: string[] = [];
  for (const top of tops) {
    walk(join(ROOT, top), (file) => {
      if (file.endsWith('project.json')) {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name: string; tags?: string[] };
        projects.push({ name: json.name, root: relative(ROOT, join(file, '..')), tags: json.tags ?? [] });
      } else if (file.endsWith('.ts')) sources.push(file);
    });
  }
  const projectOf = (file: string): Project | undefined =>
    projects.filter((p) => relative(ROOT, file).startsWith(`${p.root}/`)).sort((a, b) => b.root.length - a.root.length)[0];
  return { projects, sources, projectOf };
};

/** Every module a source file imports (static, dynamic and require). */
export const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
