import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '@tnp/platform';
import { startPlatform, type Platform } from '../integration/support/platform-harness';
import { fuzzContext, mintTokens, NUMBERS, seedPlatform, SITE } from './support/fuzz-platform';
import { operationsOf, type Operation } from './support/fuzz-requests';
import { describeFailure, runFuzz, toJson, toMarkdown, totals, type FuzzReport } from './support/fuzz-run';

/**
 * Property-based fuzzing of every route in the gateway's OpenAPI document (fetched from the
 * running gateway, so a new route is fuzzed without editing this file), against every service on
 * real PostgreSQL and NATS: random and adversarial bodies, path parameters, query strings and
 * headers, with valid tokens of each role. No request may answer 5xx (a 503 is retried once: a
 * repeat is a failure, a recovered one is counted apart as overload), a VALIDATION_FAILED must
 * name its fields, and every service must still answer afterwards.
 *
 * Quick in `npm test`; `npm run fuzz` (FUZZ_MODE=long) runs 2,000 cases a route and writes
 * test/fuzz/results/fuzz-long.{md,json}. FUZZ_SEED, FUZZ_ROUTE (operation ids, comma separated),
 * FUZZ_PATH (fast-check's replay path, with one route), FUZZ_RUNS and FUZZ_CONCURRENCY override.
 */
const settings = loadConfig(
  z.object({
    FUZZ_MODE: z.enum(['quick', 'long']).default('quick'),
    FUZZ_RUNS: z.coerce.number().int().min(1).optional(),
    FUZZ_SEED: z.coerce.number().int().optional(),
    FUZZ_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(3),
    FUZZ_ROUTE: z.string().optional(),
    FUZZ_PATH: z.string().optional(),
    FUZZ_ROUTE_TIME_LIMIT_MS: z.coerce.number().int().min(100).optional(),
    FUZZ_VERBOSE: z.string().optional(),
    FUZZ_TRACE: z.string().optional(),
  }),
);
const LONG = settings.FUZZ_MODE === 'long';
const MODE = settings.FUZZ_MODE;
const RUNS = settings.FUZZ_RUNS ?? (LONG ? 2000 : 400);
const SEED = settings.FUZZ_SEED ?? Date.now() % 2 ** 31;
const CONCURRENCY = settings.FUZZ_CONCURRENCY;
const ONLY = settings.FUZZ_ROUTE?.split(',').filter(Boolean);
// Quick: a route gets at most a few seconds, so the whole run stays near a minute on two cores.
const TIME_LIMIT_MS = settings.FUZZ_ROUTE_TIME_LIMIT_MS ?? (LONG ? 30 * 60_000 : 3_000);
const RESULTS = LONG ? join(__dirname, 'results') : join(__dirname, '..', '..', '.run');

let p: Platform;
let tokens: Record<string, string>;
const log = (line: string) => process.stderr.write(`${line}\n`);

beforeAll(async () => {
  p = await startPlatform('e2e_fuzz');
  tokens = await mintTokens(p);
  await seedPlatform(p, tokens, log);
}, 120_000);

afterAll(async () => {
  await p?.stop();
});

/** Each service's own readiness, and one round trip to each through the gateway and NATS. */
const checkServices = async (): Promise<string[]> => {
  const problems: string[] = [];
  const within = (ms: number) => AbortSignal.timeout(ms);
  const services = {
    'number-inventory': p.inventory,
    assignment: p.assignment,
    fax: p.fax,
    'extension-device': p.extensions,
    'call-flow': p.callFlow,
  };
  for (const [name, harness] of Object.entries(services)) {
    try {
      const url = (await harness.service.http.getUrl()).replace('[::1]', '127.0.0.1');
      const ready = await fetch(`${url}/health/ready`, { signal: within(5_000) });
      if (ready.status !== 200) problems.push(`${name} not ready: ${ready.status} ${await ready.text()}`);
    } catch (error) {
      problems.push(`${name} did not answer its readiness check: ${(error as Error).message}`);
    }
  }
  const roundTrips: [string, string][] = [
    ['number-inventory', '/v1/occupiers/acme/numbers'],
    ['assignment', '/v1/occupiers/acme/phone-numbers'],
    ['fax', '/v1/occupiers/acme/fax-caller-ids'],
    ['extension-device', `/v1/sites/${SITE}/handsets`],
    ['call-flow', '/v1/occupiers/acme/service-numbers'],
    ['gateway', '/health/ready'],
  ];
  for (const [name, path] of roundTrips) {
    try {
      const reply = await fetch(`${p.base}${path}`, { headers: { authorization: `Bearer ${tokens['platform']}` }, signal: within(5_000) });
      if (reply.status >= 500) problems.push(`${name} answered ${path} with ${reply.status}: ${(await reply.text()).slice(0, 200)}`);
    } catch (error) {
      problems.push(`${name} did not answer ${path}: ${(error as Error).message}`);
    }
  }
  return problems;
};

describe(`API fuzzing (${MODE})`, () => {
  test(
    'no request to any route answers 5xx, and every service still answers',
    async () => {
      const document = (await p.call('GET', '/openapi.json')).body as Parameters<typeof operationsOf>[0];
      const all = operationsOf(document);
      const operations: Operation[] = ONLY ? all.filter((o) => ONLY.includes(o.operationId)) : all;
      expect(operations.length).toBeGreaterThan(ONLY ? 0 : 50);
      log(`[fuzz] ${MODE}: ${operations.length} routes, ${RUNS} cases a route, seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`);

      const report: FuzzReport = await runFuzz({
        mode: MODE,
        base: p.base,
        operations,
        context: fuzzContext(Object.keys(tokens)),
        tokens,
        runsPerRoute: RUNS,
        seed: SEED,
        concurrency: CONCURRENCY,
        timeLimitPerRouteMs: TIME_LIMIT_MS,
        ...(settings.FUZZ_PATH ? { replayPath: settings.FUZZ_PATH } : {}),
        checkServices,
        conformance: (method, path, answer) =>
          p.conformance.check(method, path, answer.status ?? 0, answer.contentType ?? null, answer.body ?? ''),
        ...(settings.FUZZ_TRACE ? { trace: log } : {}),
        log: LONG || settings.FUZZ_VERBOSE ? log : (line) => line.includes('answered') && log(line),
      });
      report.unhealthy.push(...(await checkServices()).map((problem) => `after the run: ${problem}`));

      mkdirSync(RESULTS, { recursive: true });
      writeFileSync(join(RESULTS, `fuzz-${MODE}.md`), toMarkdown(report));
      writeFileSync(join(RESULTS, `fuzz-${MODE}.json`), toJson(report));
      const t = totals(report);
      log(
        `[fuzz] ${t.cases} cases over ${t.routes} routes in ${Math.round(report.ms / 1000)} s: ${t.fiveXX} 5xx, ${t.transient503} transient 503; results in ${RESULTS}/fuzz-${MODE}.md`,
      );

      const failures = report.routes.filter((r) => r.firstFailure).map((r) => describeFailure(r.firstFailure!));
      expect({ failures, unhealthy: report.unhealthy }).toEqual({ failures: [], unhealthy: [] });
      expect(report.routes.filter((r) => r.runs === 0).map((r) => r.operationId)).toEqual([]);
      // Every route's answers were held to the OpenAPI document (the conformance check in the run).
      expect(operations.map((o) => o.operationId).filter((id) => !p.conformance.seen.has(id))).toEqual([]);
    },
    LONG ? 4 * 60 * 60_000 : 240_000,
  );

  test('a body valid field by field but too large for one NATS message answers 400 on the body, not 503', async () => {
    const values = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`p${i}`, 'x'.repeat(1000)]));
    const periods = Array.from({ length: 50 }, (_, i) => ({
      days: ['mon'],
      start: `${String(i % 24).padStart(2, '0')}:00`,
      flowId: 'flow-main',
      values,
    }));
    const reply = await p.call('PUT', `/v1/service-numbers/${encodeURIComponent(NUMBERS[5] ?? '')}/weekly-schedule`, {
      token: tokens['platform'],
      body: { schedule: { timeZone: 'Europe/London', periods } },
    });
    expect({ status: reply.status, fields: reply.body?.fields?.map((f: { path: string }) => f.path) }).toEqual({
      status: 400,
      fields: ['(body)'],
    });
  });
});
