import autocannon from 'autocannon';
import { serveLoad, type LoadResult, type RestLoadConfig } from './load-processes';

type PairContext = { number?: string };

/**
 * The REST load generator (its own process): autocannon against the gateway, each connection
 * sending PUT .../lock then DELETE .../lock on one number, then taking the next free number from
 * a rotating pool. A connection has one request in flight, so every number alternates lock,
 * unlock correctly at any concurrency. A non-2xx answer, or a 2xx that appended no event (a lock
 * on a locked number is an accepted no-op), is an error, counted and sampled, never throughput.
 */
serveLoad<RestLoadConfig>(async (config) => {
  if (config.numbers.length < 2 * config.connections) throw new Error('need at least two numbers per connection');
  const free = [...config.numbers];
  const path = (number: string) => `/v1/sites/${encodeURIComponent(config.siteId)}/numbers/${encodeURIComponent(number)}/lock`;
  const samples = new Set<string>();
  let answered = 0;
  let ok = 0;
  /** Counts an answer: a success only if it is 2xx and appended an event. */
  const sample = (what: string, number: string | undefined, status: number, body: string) => {
    answered++;
    let appended = 0;
    try {
      appended = (JSON.parse(body) as { eventIds?: unknown[] }).eventIds?.length ?? 0;
    } catch {
      // not JSON: an error body
    }
    if (status >= 200 && status < 300 && appended > 0) return void ok++;
    const why = status >= 200 && status < 300 ? 'a no-op (no event appended: the number was already in that state)' : body.slice(0, 200);
    if (samples.size < 5) samples.add(`${what} ${number ?? '?'}: ${status} ${why}`);
  };
  const headers = { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' };
  // Reachable before the clock starts, so connecting is not measured.
  const probe = await fetch(`${config.baseUrl}/health/ready`);
  if (probe.status !== 200) throw new Error(`gateway answered ${probe.status} to /health/ready`);
  return async (): Promise<LoadResult> => {
    const result = await autocannon({
      url: config.baseUrl,
      connections: config.connections,
      pipelining: 1,
      amount: config.amount,
      timeout: 30,
      ...(config.overallRate ? { overallRate: config.overallRate } : {}),
      requests: [
        {
          method: 'PUT',
          headers,
          body: '{}',
          setupRequest: (request, context) => {
            const number = free.shift();
            if (number === undefined) throw new Error('the number pool ran dry');
            (context as PairContext).number = number;
            return { ...request, path: path(number) };
          },
          onResponse: (status, body, context) => sample('lock', (context as PairContext).number, status, body),
        },
        {
          method: 'DELETE',
          headers: { authorization: headers.authorization },
          setupRequest: (request, context) => ({ ...request, path: path((context as PairContext).number ?? '') }),
          onResponse: (status, body, context) => {
            const number = (context as PairContext).number;
            sample('unlock', number, status, body);
            if (number !== undefined) free.push(number);
          },
        },
      ],
    });
    return {
      completed: answered,
      ok,
      errors: answered - ok + result.errors,
      errorSamples: [...samples, ...(result.errors > 0 ? [`${result.errors} connection errors (${result.timeouts} timeouts)`] : [])],
      seconds: result.duration,
      perSecond: ok / result.duration,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    };
  };
});
