import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { eventually } from '@tnp/testing';
import { freePort, type ChildService } from './support/child-service';
import { startSchedulerProcess } from './support/scheduler-process';
import { startPlatform, type Platform } from './support/platform-harness';

/**
 * The alert rules and the dashboard against what the services really export: every service
 * running (the scheduler as its own process), a provisioning through the API so the counters
 * have samples, then each service's /metrics scraped. Every metric an expression names must be
 * exported, every label it groups or matches on must be on that metric's samples, every value it
 * matches exactly must occur, and every alert must point at a runbook that names an ops command.
 */
const ROOT = join(__dirname, '..', '..');

type Exported = Map<string, { readonly labels: Map<string, Set<string>>; samples: number }>;
type Rule = { alert: string; expr: string; annotations?: { runbook_url?: string } };

let p: Platform;
let scheduler: ChildService | undefined;
let schedulerUrl = '';

beforeAll(async () => {
  p = await startPlatform('e2e_alerts');
  const port = await freePort();
  scheduler = await startSchedulerProcess(p.inventory, { port });
  schedulerUrl = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await scheduler?.kill();
  await p?.stop();
});

/** Prometheus text format: names from the TYPE lines (a histogram's series too), labels and values from the samples. */
const parseExposition = (text: string, into: Exported): void => {
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      const [, name = '', kind] = type;
      const names = kind === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name];
      for (const n of names) if (!into.has(n)) into.set(n, { labels: new Map(), samples: 0 });
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? /.exec(line);
    if (!sample || line.startsWith('#')) continue;
    const metric = into.get(sample[1] ?? '');
    if (!metric) continue;
    metric.samples++;
    for (const [, label = '', value = ''] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      const values = metric.labels.get(label) ?? new Set<string>();
      values.add(value);
      metric.labels.set(label, values);
    }
  }
};

/** The metrics an expression reads, the labels it groups by, and the matchers on each metric. */
const readsOf = (expr: string) => {
  const selectors = [...expr.matchAll(/\b(tnp_[a-z0-9_]+)(?:\{([^}]*)\})?/g)].map(([, metric = '', matchers = '']) => ({
    metric,
    matchers: [...matchers.matchAll(/([a-zA-Z_]+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)].map(([, label = '', op = '', value = '']) => ({
      label,
      op,
      value,
    })),
  }));
  const grouped = [...expr.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap(([, labels = '']) => labels.split(',').map((l) => l.trim()));
  return { selectors, grouped: grouped.filter(Boolean) };
};

test('every alert and dashboard expression reads metrics and labels the services export, and every alert has a runbook with its ops command', async () => {
  const token = await p.token({ sub: 'essensys', role: 'platform' });
  const numbers = Array.from({ length: 10 }, (_, i) => `+44207946${String(4000 + i)}`);
  expect((await p.call('POST', '/v1/sites/alerts-1/numbers/provision', { token, body: { rangeName: 'Alerts', numbers } })).status).toBe(
    200,
  );

  const urls = [
    await p.inventory.service.http.getUrl(),
    await p.assignment.service.http.getUrl(),
    await p.fax.service.http.getUrl(),
    await p.extensions.service.http.getUrl(),
    await p.callFlow.service.http.getUrl(),
    p.base,
    schedulerUrl,
  ].map((u) => u.replace('[::1]', '127.0.0.1'));
  const exported: Exported = new Map();
  await eventually(
    async () => {
      exported.clear();
      for (const url of urls) parseExposition(await (await fetch(`${url}/metrics`)).text(), exported);
      // The samples the label checks need: lag sampled, the reaction's consumer seen, the command counted.
      expect(exported.get('tnp_follower_lag_seconds')?.labels.get('follower')).toContain('relay');
      expect(exported.get('tnp_commands_total')?.samples).toBeGreaterThan(0);
      expect(exported.get('tnp_reaction_consumer_pending')?.samples).toBeGreaterThan(0);
    },
    { timeoutMs: 20_000 },
  );

  const rules = (
    parse(readFileSync(join(ROOT, 'deploy', 'k8s', 'base', 'monitoring', 'prometheus-rules.yaml'), 'utf8')) as {
      spec: { groups: { rules: Rule[] }[] };
    }
  ).spec.groups.flatMap((g) => g.rules);
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy', 'k8s', 'base', 'monitoring', 'dashboard.json'), 'utf8')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  const expressions = [
    ...rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
    ...dashboard.panels.flatMap((panel) => panel.targets.map((t) => ({ where: `panel ${panel.title}`, expr: t.expr }))),
  ];
  expect(rules.length).toBeGreaterThanOrEqual(8);

  const problems: string[] = [];
  for (const { where, expr } of expressions) {
    const { selectors, grouped } = readsOf(expr);
    if (selectors.length === 0) problems.push(`${where}: reads no tnp_ metric`);
    for (const { metric, matchers } of selectors) {
      const found = exported.get(metric);
      if (!found) {
        problems.push(`${where}: ${metric} is not exported`);
        continue;
      }
      for (const m of matchers) {
        if (m.label === 'service' || found.samples === 0) continue;
        const values = found.labels.get(m.label);
        if (!values) problems.push(`${where}: ${metric} has no label ${m.label}`);
        else if (m.op === '=' && !values.has(m.value)) problems.push(`${where}: ${metric}{${m.label}="${m.value}"} matches no series`);
      }
    }
    for (const label of grouped) {
      const onSome = selectors.some(({ metric }) => {
        const found = exported.get(metric);
        return label === 'service' || !found || found.samples === 0 || found.labels.has(label);
      });
      if (!onSome) problems.push(`${where}: groups by ${label}, which none of its metrics carries`);
    }
  }
  for (const rule of rules) {
    const runbook = /\/docs\/runbooks\/([a-z-]+\.md)$/.exec(rule.annotations?.runbook_url ?? '')?.[1];
    const file = runbook ? join(ROOT, 'docs', 'runbooks', runbook) : '';
    if (!runbook || !existsSync(file)) problems.push(`alert ${rule.alert}: no runbook in docs/runbooks`);
    else if (!/npm run ops -- [a-z-]+/.test(readFileSync(file, 'utf8')))
      problems.push(`alert ${rule.alert}: ${runbook} names no ops command`);
  }
  expect(problems).toEqual([]);
}, 90_000);
