import type { Platform } from '../../integration/support/platform-harness';
import type { FuzzContext } from './fuzz-requests';

export const SITE = 'fz-site';
export const OTHER_SITE = 'fz-other';
const n = (i: number) => `+1212555${String(100 + i).padStart(4, '0')}`;
export const NUMBERS = Array.from({ length: 20 }, (_, i) => n(i));

/** A valid token of each role, and of another tenant's admin and another site's operator. */
export const mintTokens = async (p: Platform): Promise<Record<string, string>> => ({
  platform: await p.token({ sub: 'fuzz-platform', role: 'platform' }),
  operator: await p.token({ sub: 'fuzz-operator', role: 'operator', sites: [SITE] }),
  'occupier-admin': await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' }),
  user: await p.token({ sub: 'u-ada', role: 'user', occupierId: 'acme' }),
  'other-admin': await p.token({ sub: 'globex-admin', role: 'occupier-admin', occupierId: 'globex' }),
  'other-operator': await p.token({ sub: 'fuzz-operator-2', role: 'operator', sites: [OTHER_SITE] }),
});

const enc = encodeURIComponent;
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(32)]);

/**
 * Numbers, users, destinations, an extension, call flows with every parameter type, a service
 * number, a queued switch, a greeting, a handset and fax settings: so that well-formed fuzz
 * requests reach the deciders and the stores, not only "not found". Best effort: a step the
 * platform refuses (rules change) is logged, the fuzzing goes on.
 */
export const seedPlatform = async (p: Platform, tokens: Record<string, string>, log: (line: string) => void): Promise<void> => {
  const step = async (what: string, method: string, path: string, token: string | undefined, body?: unknown, raw?: Buffer) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const reply = await p.call(method, path, {
        ...(token ? { token } : {}),
        ...(raw ? { raw, contentType: 'audio/wav' } : body !== undefined ? { body } : {}),
      });
      if (reply.status < 300) return;
      // Read models catch up shortly after a write; a step that depends on one waits a little.
      if (reply.status !== 404 && reply.status !== 409) {
        log(`[fuzz seed] ${what}: ${reply.status} ${reply.text.slice(0, 200)}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    log(`[fuzz seed] ${what}: gave up`);
  };
  const at = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${enc(n(i))}/${action}`;
  await step('provision', 'POST', `/v1/sites/${SITE}/numbers/provision`, tokens['platform'], {
    rangeName: 'Fuzz',
    range: { start: n(0), end: n(19) },
  });
  for (let i = 0; i < 15; i++) {
    const occupierId = i < 12 ? 'acme' : 'globex';
    await step(`allocate ${i}`, 'POST', at(i, 'allocate'), tokens['operator'], { owner: { type: 'occupier', occupierId } });
    if (i < 10 || i === 12) await step(`activate ${i}`, 'POST', at(i, 'activate'), tokens['operator']);
  }
  const admin = tokens['occupier-admin'];
  await step('user ada', 'POST', '/v1/occupiers/acme/users', admin, { userId: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' });
  await step('user alan', 'POST', '/v1/occupiers/acme/users', admin, { userId: 'u-alan', firstName: 'Alan', lastName: 'Turing' });
  await step('room', 'POST', '/v1/occupiers/acme/destinations', admin, {
    destinationId: 'dest-room',
    kind: 'conference-room',
    name: 'Room',
  });
  await step('route', 'POST', '/v1/occupiers/acme/destinations', admin, { destinationId: 'dest-route', kind: 'route', name: 'Route' });
  await step('routing', 'PUT', `/v1/numbers/${enc(n(2))}/routing`, admin, { destination: { type: 'route', destinationId: 'dest-route' } });
  await step('assign user', 'PUT', `/v1/numbers/${enc(n(3))}/user`, admin, { userId: 'u-ada' });
  await step('extension', 'POST', '/v1/occupiers/acme/extensions', admin, {
    extensionId: 'ext-ada',
    key: '201',
    label: 'Ada',
    assignee: { userId: 'u-ada' },
    number: n(4),
  });
  await step('greeting', 'PUT', '/v1/occupiers/acme/greetings/greet-1', admin, undefined, wav);
  await step('flow main', 'POST', '/v1/call-flows', admin, {
    flowId: 'flow-main',
    tenant: 'acme',
    name: 'Main',
    parameters: [
      { name: 'greeting', type: 'text', maxLength: 200 },
      { name: 'retries', type: 'integer', min: 0, max: 5 },
      { name: 'open', type: 'boolean' },
      { name: 'mode', type: 'one-of', options: ['day', 'night'] },
      { name: 'fallback', type: 'phone-number' },
      { name: 'prompt', type: 'audio-prompt' },
    ],
  });
  await step('flow night', 'POST', '/v1/call-flows', admin, { flowId: 'flow-night', tenant: 'acme', name: 'Night' });
  await step('service number', 'PUT', `/v1/numbers/${enc(n(5))}/service-number`, tokens['operator'], { name: 'Reception' });
  await step('assign flow', 'PUT', `/v1/service-numbers/${enc(n(5))}/flow`, admin, { flowId: 'flow-main', values: { greeting: 'Hello' } });
  await step('switch', 'POST', `/v1/service-numbers/${enc(n(5))}/scheduled-switches`, admin, {
    scheduleId: 'sw-1',
    at: { date: '2031-06-01', time: '09:00' },
    timeZone: 'Europe/London',
    flowId: 'flow-night',
    values: {},
  });
  await step('handset', 'PUT', `/v1/numbers/${enc(n(6))}/handset`, admin, { phoneId: 'phone-1' });
  await step('fax', 'PUT', `/v1/numbers/${enc(n(7))}/fax`, admin, { settings: {} });
};

export const fuzzContext = (roles: readonly string[]): FuzzContext => ({
  roles,
  vocabulary: {
    ids: [
      'acme',
      'globex',
      'platform',
      SITE,
      OTHER_SITE,
      'u-ada',
      'u-alan',
      'dest-room',
      'dest-route',
      'ext-ada',
      'flow-main',
      'flow-night',
      'sw-1',
      'greet-1',
      'phone-1',
      'ip-phone',
      'mobile-app',
      'desktop-app',
      '201',
      '202',
      'greeting',
      'retries',
      'open',
      'mode',
      'fallback',
      'prompt',
    ],
    numbers: [...NUMBERS, '+442079460000'],
    byName: { timeZone: ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'Etc/GMT-14'] },
  },
  pathValues: {
    siteId: [SITE, OTHER_SITE],
    number: NUMBERS,
    occupierId: ['acme', 'globex'],
    destinationId: ['dest-room', 'dest-route'],
    userId: ['u-ada', 'u-alan'],
    greetingId: ['greet-1', 'greet-2'],
    extensionId: ['ext-ada', 'ext-none'],
    type: ['ip-phone', 'mobile-app', 'desktop-app'],
    flowId: ['flow-main', 'flow-night'],
    scheduleId: ['sw-1', 'sw-2'],
  },
});
