import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, SERVICE_PORTS } from '@tnp/platform';
import type { OperationsStatus } from '@tnp/service-runtime';

/**
 * What an SRE runs against live services (their operations endpoints):
 *   npm run ops -- status [--service S] [--json]   every relay, projection and reaction: position, lag, state
 *   npm run ops -- timers [--state due|late|firing] the scheduler's timers
 *   npm run ops -- verify [--service S]            each projection against a shadow rebuild
 *   npm run ops -- rebuild --service S --projection P
 *   npm run ops -- audit [--repair] [--service S]  event store against JetStream
 *   npm run ops -- dead-letters [--replay] [--service S]
 * A service is found at TNP_<SERVICE>_URL (for example TNP_NUMBER_INVENTORY_URL), else on its
 * default port on this host, with TNP_OPERATIONS_TOKEN as the bearer token when set. Exits 1 when
 * a check finds a difference or a service does not answer.
 */
const SERVICES: Record<string, number> = Object.fromEntries(Object.entries(SERVICE_PORTS).filter(([service]) => service !== 'gateway'));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    service: { type: 'string' },
    projection: { type: 'string' },
    repair: { type: 'boolean', default: false },
    replay: { type: 'boolean', default: false },
    state: { type: 'string', default: 'due' },
    json: { type: 'boolean', default: false },
  },
});

const envName = (service: string): string => `TNP_${service.toUpperCase().replace(/-/g, '_')}_URL`;
const settings = loadConfig(
  z.object({
    ...Object.fromEntries(
      Object.entries(SERVICES).map(([service, port]) => [envName(service), z.url().default(`http://127.0.0.1:${port}`)]),
    ),
    TNP_OPERATIONS_TOKEN: z.string().optional(),
  }),
) as Record<string, string | undefined>;
const urlOf = (service: string): string => settings[envName(service)] ?? '';
const token = settings['TNP_OPERATIONS_TOKEN'];

const call = async <T>(service: string, method: 'GET' | 'POST', path: string): Promise<T> => {
  const response = await fetch(`${urlOf(service)}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) throw new Error(`${method} ${path} on ${service}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

type Verification = { projection: string; liveRows: number; rebuiltRows: number; differing: number; differences: unknown[] };
type Audit = { stream: string; audited: number; missing: number; republished: number; missingEventIds: string[] };
type DeadLetters = { reactions: { durable: string; deadLetters: { eventId: string; type: string; reason: string; attempts: number }[] }[] };

const commands: Record<string, (service: string) => Promise<boolean>> = {
  status: async (service) => {
    const status = await call<OperationsStatus>(service, 'GET', '/operations/status');
    if (values.json) {
      console.log(JSON.stringify(status));
      return true;
    }
    console.log(`${service}: log head ${status.head.position}`);
    for (const f of status.followers)
      console.log(`  ${f.kind} ${f.name}: at ${f.position}, ${f.lagEvents} events behind (${f.lagSeconds.toFixed(1)} s), ${f.state}`);
    for (const r of status.reactions)
      console.log(`  reaction ${r.durable} (from ${r.source}): ${r.pending} pending, ${r.deadLetters} dead letters, ${r.state}`);
    const timers = status['timers'] as { pending: number; due: number; late: number; firing: number; nextDueAt: string | null } | undefined;
    if (timers)
      console.log(
        `  timers: ${timers.pending} pending, ${timers.due} due, ${timers.late} late, ${timers.firing} firing, next at ${timers.nextDueAt ?? '-'}`,
      );
    return status.reactions.every((r) => r.state !== 'unreachable');
  },
  timers: async (service) => {
    if (service !== 'scheduler') return true;
    const { timers } = await call<{ timers: { id: string; dueAt: string; attempts: number; status: string }[] }>(
      service,
      'GET',
      `/operations/timers?state=${encodeURIComponent(values.state ?? 'due')}`,
    );
    console.log(`scheduler: ${timers.length} ${values.state} timers${timers.length === 100 ? ' (the first 100)' : ''}`);
    for (const t of timers) console.log(`  ${t.id} due ${t.dueAt}, ${t.status}, ${t.attempts} attempts`);
    return true;
  },
  verify: async (service) => {
    const { projections } = await call<{ projections: Verification[] }>(service, 'GET', '/operations/projections/verify');
    for (const p of projections) {
      console.log(`${service} ${p.projection}: ${p.liveRows} live rows, ${p.rebuiltRows} rebuilt, ${p.differing} differ`);
      for (const d of p.differences.slice(0, 10)) console.log(`  ${JSON.stringify(d)}`);
    }
    return projections.every((p) => p.differing === 0);
  },
  rebuild: async (service) => {
    if (!values.projection) throw new Error('rebuild needs --projection');
    console.log(JSON.stringify(await call(service, 'POST', `/operations/projections/${encodeURIComponent(values.projection)}/rebuild`)));
    return true;
  },
  audit: async (service) => {
    const audit = await call<Audit>(service, 'POST', `/operations/relay/audit${values.repair ? '?repair=true' : ''}`);
    console.log(`${service} ${audit.stream}: ${audit.audited} events audited, ${audit.missing} missing, ${audit.republished} republished`);
    for (const id of audit.missingEventIds.slice(0, 20)) console.log(`  missing ${id}`);
    return audit.missing === 0 || audit.republished === audit.missing;
  },
  'dead-letters': async (service) => {
    if (values.replay) {
      console.log(`${service}: ${JSON.stringify(await call(service, 'POST', '/operations/dead-letters/replay'))}`);
      return true;
    }
    const { reactions } = await call<DeadLetters>(service, 'GET', '/operations/dead-letters');
    for (const r of reactions) {
      console.log(`${service} ${r.durable}: ${r.deadLetters.length} dead letters`);
      for (const l of r.deadLetters.slice(0, 20)) console.log(`  ${l.type} ${l.eventId} after ${l.attempts} attempts: ${l.reason}`);
    }
    return reactions.every((r) => r.deadLetters.length === 0);
  },
};

const main = async (): Promise<number> => {
  const command = commands[positionals[0] ?? ''];
  if (!command) {
    console.error(
      `usage: npm run ops -- <${Object.keys(commands).join('|')}> [--service S] [--projection P] [--repair] [--replay] [--state S] [--json]`,
    );
    return 2;
  }
  const services = values.service ? [values.service] : Object.keys(SERVICES);
  if (values.service && !SERVICES[values.service]) {
    console.error(`--service must be one of ${Object.keys(SERVICES).join(', ')}`);
    return 2;
  }
  let clean = true;
  for (const service of services) {
    try {
      clean = (await command(service)) && clean;
    } catch (error) {
      console.error((error as Error).message);
      clean = false;
    }
  }
  return clean ? 0 : 1;
};

void main().then((code) => process.exit(code));
