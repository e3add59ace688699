import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { requestsFor, type FuzzContext, type FuzzRequest, type Operation } from './fuzz-requests';

export type Answer = {
  readonly status?: number;
  readonly body?: string;
  readonly contentType?: string;
  /** The body was longer than what is kept of it. */
  readonly truncated?: boolean;
  readonly error?: string;
  readonly ms: number;
};

export type Failure = {
  readonly operationId: string;
  readonly problem: string;
  readonly request: FuzzRequest;
  readonly answer: Answer;
};

export type RouteReport = {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly seed: number;
  runs: number;
  readonly statuses: Record<string, number>;
  fiveXX: number;
  /** 503s that a retry a second later answered: overload, noted apart; a 503 that repeats is a failure. */
  transient503: number;
  shrinkRequests: number;
  ms: number;
  interrupted: boolean;
  /** The first failing request as found, before shrinking. */
  firstFailure?: Failure;
  /** fast-check's report: seed, path, shrunk counterexample. */
  counterexample?: { readonly seed: number; readonly path: string; readonly failure: Failure; readonly numShrinks: number };
};

export type FuzzReport = {
  readonly mode: string;
  readonly seed: number;
  readonly startedAt: string;
  ms: number;
  readonly routes: RouteReport[];
  /** Problems found by the health checks between routes and after the run. */
  readonly unhealthy: string[];
};

export type FuzzOptions = {
  readonly mode: string;
  readonly base: string;
  readonly operations: readonly Operation[];
  readonly context: FuzzContext;
  /** Bearer token per role name; 'none' sends no Authorization header, 'garbage' a malformed one. */
  readonly tokens: Readonly<Record<string, string>>;
  readonly runsPerRoute: number;
  readonly seed: number;
  readonly concurrency: number;
  /** Upper bound for one route's run (shrinking included); the runs done by then are reported. */
  readonly timeLimitPerRouteMs: number;
  /** fast-check's replay path for a counterexample (one route only). */
  readonly replayPath?: string;
  /** Each service still answers; returns what does not. */
  readonly checkServices: () => Promise<string[]>;
  readonly log?: (line: string) => void;
  /** Every request and its answer, for looking into what a route gets. */
  readonly trace?: (line: string) => void;
  /** How an answer breaks the OpenAPI document, if it does. */
  readonly conformance?: (method: string, path: string, answer: Answer) => string | undefined;
};

// A fresh connection a request: a connection the server closed after refusing an oversize request is never reused.
const agent = new Agent({ keepAlive: false, maxSockets: 16 });
const ANSWER_TIMEOUT_MS = 30_000;

/** Sends exactly the request: path bytes as given (no URL normalisation), headers as generated. */
export const send = (base: string, tokens: Readonly<Record<string, string>>, r: FuzzRequest): Promise<Answer> => {
  const url = new URL(base);
  const started = Date.now();
  const headers: Record<string, string> = { ...r.headers };
  if (r.role === 'garbage') headers['authorization'] = 'Bearer not.a.jwt';
  else if (r.role !== 'none' && tokens[r.role]) headers['authorization'] = `Bearer ${tokens[r.role]}`;
  if (r.body !== undefined) headers['content-length'] = String(r.body.length);
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Omit<Answer, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: Date.now() - started });
    };
    let req;
    try {
      req = httpRequest(
        { host: url.hostname, port: url.port, method: r.method, path: r.path, headers, agent, timeout: ANSWER_TIMEOUT_MS },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= 64 * 1024) chunks.push(c);
          });
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ...(res.headers['content-type'] ? { contentType: res.headers['content-type'] } : {}),
              ...(size > 64 * 1024 ? { truncated: true } : {}),
            }),
          );
          res.on('error', (e) => done({ status: res.statusCode ?? 0, error: `response: ${e.message}` }));
        },
      );
    } catch (error) {
      // Node refuses to send it (a header or path byte it will not write): not the platform's doing.
      done({ error: `client refused: ${(error as Error).message}`, status: -1 });
      return;
    }
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`));
    });
    req.on('error', (e) => done({ error: e.message }));
    req.end(r.body);
  });
};

/** Past Node's 16 KiB of request line and headers, or the gateway's 2 MiB body limit: the server may answer and hang up mid-write. */
const oversize = (r: FuzzRequest): boolean =>
  (r.body?.length ?? 0) > 2 * 1024 * 1024 ||
  r.path.length + Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0) > 15 * 1024;

/** A connection error: the same request once more (a race on the wire), then, for an oversize request, whether the gateway lives. */
const sendChecked = async (base: string, tokens: Readonly<Record<string, string>>, r: FuzzRequest): Promise<Answer> => {
  const first = await send(base, tokens, r);
  if (first.status !== undefined) return first;
  if (oversize(r)) {
    const live = await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (live?.status === 200) return { ...first, status: -2 };
  }
  return send(base, tokens, r);
};

const problemOf = (answer: Answer): string | null => {
  if (answer.status === -1 || answer.status === -2) return null;
  if (answer.status === undefined) return `no answer: ${answer.error}`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status === 400) {
    try {
      const body = JSON.parse(answer.body ?? '') as { code?: string; fields?: { path?: unknown }[] };
      if (
        body.code === 'VALIDATION_FAILED' &&
        !(Array.isArray(body.fields) && body.fields.length > 0 && body.fields.every((f) => typeof f.path === 'string'))
      )
        return '400 VALIDATION_FAILED without the failing fields';
    } catch {
      // Fastify's own 400s (a URL it cannot decode) are not ours to shape.
    }
  }
  return null;
};

const conformanceProblem = (options: FuzzOptions, request: FuzzRequest, answer: Answer): string | null => {
  if (!options.conformance || answer.status === undefined || answer.status < 0 || answer.truncated) return null;
  return options.conformance(request.method, request.path, answer) ?? null;
};

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} characters in all)` : s);

/** The request as a reader (and curl) can take it: method, path, headers, body escaped. */
export const describeRequest = (r: FuzzRequest): string => {
  const lines = [`${r.method} ${truncate(r.path, 400)}   [token: ${r.role}]`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`${k}: ${truncate(JSON.stringify(v), 300)}`);
  if (r.body !== undefined)
    lines.push(`body (${r.bodyKind}, ${r.body.length} bytes): ${truncate(JSON.stringify(r.body.toString('utf8')), 1500)}`);
  return lines.join('\n');
};

export const describeFailure = (f: Failure): string =>
  `${f.problem}\n${describeRequest(f.request)}\nanswer: ${f.answer.status ?? '-'} ${truncate(f.answer.body ?? f.answer.error ?? '', 500)}`;

/** A stable per-route seed: adding a route does not change the cases of the others. */
const routeSeed = (seed: number, operationId: string): number => {
  let h = seed | 0;
  for (const c of operationId) h = (Math.imul(h ^ c.charCodeAt(0), 0x01000193) + 0x9e3779b9) | 0;
  return h;
};

const fuzzRoute = async (op: Operation, options: FuzzOptions): Promise<RouteReport> => {
  const seed = routeSeed(options.seed, op.operationId);
  const report: RouteReport = {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    seed,
    runs: 0,
    statuses: {},
    fiveXX: 0,
    transient503: 0,
    shrinkRequests: 0,
    ms: 0,
    interrupted: false,
  };
  const started = Date.now();
  let failed = false;
  let lastFailure: Failure | undefined;
  const property = fc.asyncProperty(requestsFor(op, options.context), async (request) => {
    let answer = await sendChecked(options.base, options.tokens, request);
    options.trace?.(
      `[fuzz trace] ${describeRequest(request)}\n  -> ${answer.status ?? '-'} ${truncate(answer.body ?? answer.error ?? '', 300)}`,
    );
    if (failed) report.shrinkRequests += 1;
    else {
      report.runs += 1;
      const key =
        answer.status === undefined
          ? 'no answer'
          : answer.status === -1
            ? 'not sent'
            : answer.status === -2
              ? 'closed (too large)'
              : String(answer.status);
      report.statuses[key] = (report.statuses[key] ?? 0) + 1;
      if (answer.status !== undefined && answer.status >= 500) report.fiveXX += 1;
    }
    if (answer.status === 503) {
      // Overload is not a bug, a 503 that repeats is: the same request again a second later.
      await new Promise((r) => setTimeout(r, 1000));
      const again = await sendChecked(options.base, options.tokens, request);
      if (again.status !== undefined && again.status < 500) {
        if (!failed) report.transient503 += 1;
        answer = again;
      }
    }
    const problem = problemOf(answer) ?? conformanceProblem(options, request, answer);
    if (problem === null) return true;
    lastFailure = { operationId: op.operationId, problem, request, answer };
    if (!failed) {
      failed = true;
      report.firstFailure = lastFailure;
      options.log?.(`[fuzz] ${op.operationId}: ${describeFailure(lastFailure)}`);
    }
    return false;
  });
  const details = await fc.check(property, {
    numRuns: options.runsPerRoute,
    seed,
    ...(options.replayPath ? { path: options.replayPath } : {}),
    interruptAfterTimeLimit: options.timeLimitPerRouteMs,
    markInterruptAsFailure: false,
  });
  report.interrupted = details.interrupted;
  report.ms = Date.now() - started;
  if (details.failed && details.counterexample) {
    const [request] = details.counterexample;
    report.counterexample = {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      numShrinks: details.numShrinks,
      failure:
        lastFailure && lastFailure.request === request
          ? lastFailure
          : {
              operationId: op.operationId,
              problem: 'see first failure',
              request,
              answer: await send(options.base, options.tokens, request),
            },
    };
  }
  return report;
};

/** Every operation, a few at a time, with a health check of every service after each. */
export const runFuzz = async (options: FuzzOptions): Promise<FuzzReport> => {
  const report: FuzzReport = {
    mode: options.mode,
    seed: options.seed,
    startedAt: new Date().toISOString(),
    ms: 0,
    routes: [],
    unhealthy: [],
  };
  const started = Date.now();
  const queue = [...options.operations];
  const worker = async () => {
    for (let op = queue.shift(); op; op = queue.shift()) {
      const route = await fuzzRoute(op, options);
      report.routes.push(route);
      const problems = await options.checkServices();
      for (const p of problems) report.unhealthy.push(`after ${op.operationId}: ${p}`);
      options.log?.(
        `[fuzz] ${route.operationId}: ${route.runs} cases in ${route.ms} ms, ${JSON.stringify(route.statuses)}${route.fiveXX ? `, ${route.fiveXX} 5xx` : ''}${problems.length ? `, UNHEALTHY: ${problems.join('; ')}` : ''}`,
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  report.routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  report.ms = Date.now() - started;
  return report;
};

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

export const totals = (report: FuzzReport) => {
  const statuses: Record<string, number> = {};
  for (const r of report.routes) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    routes: report.routes.length,
    cases: report.routes.reduce((n, r) => n + r.runs, 0),
    fiveXX: report.routes.reduce((n, r) => n + r.fiveXX, 0),
    transient503: report.routes.reduce((n, r) => n + r.transient503, 0),
    failedRoutes: report.routes.filter((r) => r.firstFailure).map((r) => r.operationId),
    minCasesPerRoute: Math.min(...report.routes.map((r) => r.runs)),
    statuses,
  };
};

const reproduceLine = (report: FuzzReport, r: RouteReport): string =>
  `FUZZ_SEED=${report.seed} FUZZ_ROUTE=${r.operationId}${r.counterexample ? ` FUZZ_PATH=${r.counterexample.path}` : ''} npm run fuzz`;

export const toMarkdown = (report: FuzzReport): string => {
  const t = totals(report);
  const lines = [
    `# API fuzzing (${report.mode})`,
    '',
    `Started ${report.startedAt}, ${Math.round(report.ms / 1000)} s, seed ${report.seed}: ${t.routes} routes, ${t.cases} cases ` +
      `(at least ${t.minCasesPerRoute} a route), ${t.fiveXX} answered 5xx, ${t.transient503} transient 503 (a retry answered).`,
    '',
    `Statuses over all routes: ${Object.entries(t.statuses)
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}.`,
    '',
    `Services unhealthy: ${report.unhealthy.length === 0 ? 'none' : report.unhealthy.join('; ')}.`,
    '',
    '| Route | Cases | Statuses | 5xx | Transient 503 |',
    '| --- | ---: | --- | ---: | ---: |',
    ...report.routes.map(
      (r) =>
        `| ${r.method} ${r.path} | ${r.runs}${r.interrupted ? ' (time limit)' : ''} | ${Object.entries(r.statuses)
          .sort()
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')} | ${r.fiveXX} | ${r.transient503} |`,
    ),
  ];
  const failing = report.routes.filter((r) => r.firstFailure);
  if (failing.length > 0) {
    lines.push('', '## Failures', '');
    for (const r of failing) {
      lines.push(
        `### ${r.method} ${r.path}`,
        '',
        `Reproduce: \`${reproduceLine(report, r)}\``,
        '',
        '```',
        describeFailure(r.firstFailure!),
        '```',
      );
      if (r.counterexample && r.counterexample.failure.request !== r.firstFailure?.request)
        lines.push('', `Shrunk (${r.counterexample.numShrinks} shrinks):`, '', '```', describeFailure(r.counterexample.failure), '```');
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
};

/** JSON for the results file: bodies as base64 so a failing request can be sent again byte for byte. */
export const toJson = (report: FuzzReport): string =>
  JSON.stringify(
    { ...report, totals: totals(report) },
    (_key, value: unknown) =>
      value &&
      typeof value === 'object' &&
      (value as { type?: string }).type === 'Buffer' &&
      Array.isArray((value as { data?: unknown }).data)
        ? { base64: Buffer.from((value as { data: number[] }).data).toString('base64') }
        : value,
    2,
  );
