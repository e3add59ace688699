import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { natsCredentialsOf, natsInboxPrefix, type NatsCredentials } from '@tnp/messaging';
import { createLogger } from '@tnp/platform';
import {
  EVENTS_READER_NATS_USER,
  GATEWAY_NATS_USER,
  jetStreamNameFor,
  PLATFORM_SERVICES,
  platformNatsPermissions,
  SERVICE_NATS_NEEDS,
} from '@tnp/service-runtime';
import {
  createTestDatabase,
  eventually,
  PrivateNats,
  startServiceHarness,
  until,
  type ServiceHarness,
  type TestDatabase,
} from '@tnp/testing';
import { assignmentService } from '../../services/assignment/src/assignment.app';
import { startGateway, type Gateway } from '../../services/gateway/src/gateway.app';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { DEVELOPMENT_JWT_SECRET, gatewayConfigSchema } from '../../services/gateway/src/gateway.config';
import { ServiceClient } from '../../services/gateway/src/http/nats-client';
import { numberInventoryService } from '../../services/number-inventory/src/number-inventory.app';

/**
 * A nats-server of this suite's own, with the authorization file the local start and Kubernetes
 * include (deploy/k8s/base/nats/auth.conf, rendered from the permission table of ADR 0015), and
 * real services on it with their own users. The subject prefix is the production one (none).
 */
const AUTH_CONF = join(__dirname, '..', '..', 'deploy', 'k8s', 'base', 'nats', 'auth.conf');
const users = platformNatsPermissions();
const passwords = new Map(users.map((u) => [u.user, `spec-${randomUUID()}`]));
const credentials = (user: string): NatsCredentials => ({ user, password: passwords.get(user) ?? '' });
const INVENTORY_EVENTS = jetStreamNameFor('number-inventory', '');

let nats: PrivateNats;
let db: TestDatabase | undefined;
let inventory: ServiceHarness;
let assignment: ServiceHarness;
let gateway: Gateway;
const connections: NatsConnection[] = [];

const as = async (user: string): Promise<NatsConnection> => {
  const nc = await connect({
    servers: nats.url,
    user,
    pass: passwords.get(user),
    inboxPrefix: natsInboxPrefix(user),
    name: `spec ${user}`,
  });
  connections.push(nc);
  return nc;
};

/** A request's fate: refused by the server, or let through (answered, or no one serves it). */
const requestOutcome = async (nc: NatsConnection, subject: string): Promise<'refused' | 'allowed'> => {
  try {
    await nc.request(subject, '{}', { timeout: 5000 });
    return 'allowed';
  } catch (error) {
    const message = (error as Error).message;
    if (/Permissions Violation for Publish/i.test(message)) return 'refused';
    if (/no responders/i.test(message)) return 'allowed';
    throw error;
  }
};

/** The server's answer to a subscription it refuses; fails (timeout) for one it allows. */
const subscriptionRefusal = async (nc: NatsConnection, subject: string): Promise<string> => {
  const sub = nc.subscribe(subject);
  let refusal: string | undefined;
  void (async () => {
    try {
      for await (const message of sub) refusal = `a message arrived on ${message.subject}`;
      refusal = 'closed without an error';
    } catch (error) {
      refusal = (error as Error).message;
    }
  })();
  await nc.flush();
  await until(`the server to refuse a subscription to ${subject}`, () => refusal !== undefined, 5000);
  return refusal ?? '';
};

const violations = (): string[] =>
  nats
    .log()
    .split('\n')
    .filter((line) => /Violation/i.test(line));

beforeAll(async () => {
  nats = await PrivateNats.start({
    include: AUTH_CONF,
    env: Object.fromEntries(users.map((u) => [u.passwordVariable, passwords.get(u.user) ?? ''])),
  });
  db = await createTestDatabase('nats_perm');
  const run = (service: string) => ({
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: '',
    NATS_USER: service,
    NATS_PASSWORD: passwords.get(service) ?? '',
    DB_POOL_SIZE: '2',
    READ_MODEL_POOL_SIZE: '2',
  });
  const shared = { db, prefix: '' };
  const client = credentials(GATEWAY_NATS_USER);
  inventory = await startServiceHarness(numberInventoryService, { label: 'nats_perm', with: shared, env: run('number-inventory'), client });
  assignment = await startServiceHarness(assignmentService, { label: 'nats_perm', with: shared, env: run('assignment'), client });
  gateway = await startGateway(
    gatewayConfigSchema.parse({
      NATS_URL: nats.url,
      NATS_USER: GATEWAY_NATS_USER,
      NATS_PASSWORD: passwords.get(GATEWAY_NATS_USER),
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
    }),
    createLogger('gateway', 'silent'),
  );
}, 90_000);

afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close().catch(() => undefined)));
  await gateway?.stop();
  await assignment?.stop();
  await inventory?.stop();
  await db?.drop();
  await nats?.destroy();
});

describe('NATS users and permissions', () => {
  test('the services run on their own users: commands, the relay, reactions, an internal command and the operations endpoints', async () => {
    const site = 'perm-1';
    const number = '+442079461001';
    const ok = (reply: { ok: boolean }) => expect(reply).toMatchObject({ ok: true });
    ok(
      await inventory.command('provision-numbers', {
        siteId: site,
        rangeName: 'P',
        range: { start: '+442079461000', end: '+442079461009' },
      }),
    );
    ok(await inventory.command('allocate-number', { siteId: site, number, owner: { type: 'occupier', occupierId: 'acme' } }));
    ok(await inventory.command('activate-number', { siteId: site, number }));
    ok(await assignment.command('register-user', { occupierId: 'acme', userId: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' }));

    // assignment follows number-inventory's stream with its durable, then asks it to mark the number assigned.
    await eventually(async () => ok(await assignment.command('assign-user', { number, userId: 'u-ada' })), {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    // Its read model follows the event store a moment later.
    await eventually(async () =>
      expect(await inventory.query('get-number', { number })).toMatchObject({ ok: true, value: { status: 'ASSIGNED' } }),
    );

    // The real gateway started on its own user (without it the server refuses its connection) and is
    // ready; its NATS client, configured the same way, sends commands as the gateway does.
    expect((await fetch(`${await gateway.url()}/health/ready`)).status).toBe(200);
    // Through HTTP with an Idempotency-Key: the gateway binds it in its JetStream stream, and reads
    // the binding back when the key returns on another route.
    const token = await mintToken(
      { sub: 'essensys', role: 'platform' },
      { secret: DEVELOPMENT_JWT_SECRET, issuer: 'telephony-platform', audience: 'telephony-api' },
    );
    const put = async (path: string, body: unknown) =>
      (
        await fetch(`${await gateway.url()}${path}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'perm-key', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status;
    expect(await put(`/v1/sites/${site}/numbers/${encodeURIComponent('+442079461009')}/lock`, { reason: 'perm' })).toBe(200);
    expect(await put(`/v1/numbers/${encodeURIComponent('+442079461009')}/fax`, { settings: { t38: true } })).toBe(422);
    const gatewayConfig = gatewayConfigSchema.parse({
      NATS_URL: nats.url,
      NATS_USER: GATEWAY_NATS_USER,
      NATS_PASSWORD: passwords.get(GATEWAY_NATS_USER),
    });
    const client = new ServiceClient(gatewayConfig.NATS_URL, 5000, natsCredentialsOf(gatewayConfig));
    await client.connect();
    try {
      const principal = { id: 'essensys', role: 'platform' } as const;
      const locked = await client.command('cmd.number-inventory.lock-number', {
        commandId: randomUUID(),
        principal,
        correlationId: randomUUID(),
        data: { siteId: site, number: '+442079461002', reason: 'permissions spec' },
      });
      expect(locked).toMatchObject({ ok: true });
      expect(await client.query('qry.number-inventory.get-number', principal, { number: '+442079461002' })).toMatchObject({ ok: true });
    } finally {
      await client.close();
    }

    // The relay audit reads the service's own stream; the dead-letter listing its own dead-letter stream.
    const inventoryUrl = (await inventory.service.http.getUrl()).replace('[::1]', '127.0.0.1');
    const assignmentUrl = (await assignment.service.http.getUrl()).replace('[::1]', '127.0.0.1');
    await eventually(
      async () => {
        const audit = (await (await fetch(`${inventoryUrl}/operations/relay/audit`, { method: 'POST' })).json()) as Record<string, number>;
        expect(audit).toMatchObject({ missing: 0 });
        expect(audit['onStream']).toBeGreaterThan(0);
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    const deadLetters = await fetch(`${assignmentUrl}/operations/dead-letters`);
    expect(deadLetters.status).toBe(200);
    expect(await deadLetters.json()).toEqual({ reactions: [{ durable: 'assignment-number-lifecycle', deadLetters: [] }] });
    for (const url of [inventoryUrl, assignmentUrl]) expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    // Nothing the services did was refused by the server.
    expect(violations()).toEqual([]);
  }, 60_000);

  test('no credentials, or a wrong password, and the server refuses the connection', async () => {
    await expect(connect({ servers: nats.url })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: nats.url, user: 'fax', pass: 'not-the-password' })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: nats.url, user: 'intruder', pass: 'whatever' })).rejects.toThrow(/Authorization Violation/);
  });

  test('a service user cannot publish commands or queries, except the internal requests of the table', async () => {
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const service of PLATFORM_SERVICES) {
      const nc = await as(service);
      const requests: readonly string[] = SERVICE_NATS_NEEDS[service].requests;
      for (const target of PLATFORM_SERVICES) {
        for (const subject of [
          `cmd.${target}.lock-number`,
          `qry.${target}.get-number`,
          ...requests.filter((r) => r.split('.')[1] === target),
        ]) {
          const key = `${service} -> ${subject}`;
          outcomes[key] = await requestOutcome(nc, subject);
          expected[key] = requests.includes(subject) ? 'allowed' : 'refused';
        }
      }
    }
    expect(outcomes).toEqual(expected);
    expect(outcomes['fax -> cmd.number-inventory.lock-number']).toBe('refused');
    expect(outcomes['assignment -> cmd.number-inventory.mark-number-assigned']).toBe('allowed');
    expect(outcomes['scheduler -> cmd.call-flow.apply-scheduled-switch']).toBe('allowed');
    expect(outcomes['scheduler -> cmd.call-flow.lock-number']).toBe('refused');
  });

  test('a service cannot subscribe to another service’s commands and queries, nor read others’ replies or the bus', async () => {
    const fax = await as('fax');
    expect(await subscriptionRefusal(fax, 'cmd.number-inventory.>')).toMatch(
      /Permissions Violation for Subscription to "cmd.number-inventory.>"/,
    );
    expect(await subscriptionRefusal(fax, 'qry.assignment.get-routing')).toMatch(/Permissions Violation for Subscription/);
    expect(await subscriptionRefusal(fax, '_INBOX.gateway.>')).toMatch(/Permissions Violation for Subscription/);
    expect(await subscriptionRefusal(fax, '>')).toMatch(/Permissions Violation for Subscription/);
    const scheduler = await as('scheduler');
    expect(await subscriptionRefusal(scheduler, 'cmd.scheduler.>')).toMatch(/Permissions Violation for Subscription/);
    expect(await subscriptionRefusal(scheduler, 'cmd.call-flow.apply-scheduled-switch')).toMatch(/Permissions Violation for Subscription/);
    // Nor forge another service's events, nor touch its stream.
    expect(await requestOutcome(fax, 'evt.number-inventory.number.NumberActivated')).toBe('refused');
    expect(await requestOutcome(fax, `$JS.API.STREAM.DELETE.${INVENTORY_EVENTS}`)).toBe('refused');
    expect(await requestOutcome(fax, `$JS.API.CONSUMER.DELETE.${INVENTORY_EVENTS}.assignment-number-lifecycle`)).toBe('refused');
  });

  test('the gateway user requests every service’s commands and queries, and is served by that service’s user', async () => {
    const gatewayNc = await as(GATEWAY_NATS_USER);
    const served = PLATFORM_SERVICES.filter((s) => SERVICE_NATS_NEEDS[s].serves && s !== 'number-inventory' && s !== 'assignment');
    for (const service of served) {
      const nc = await as(service);
      for (const kind of ['cmd', 'qry']) {
        nc.subscribe(`${kind}.${service}.>`, {
          queue: service,
          callback: (_, msg) => {
            msg.respond(JSON.stringify({ ok: true, value: msg.subject }));
          },
        });
      }
      await nc.flush();
    }
    for (const service of served) {
      for (const subject of [`cmd.${service}.some-command`, `qry.${service}.some-query`]) {
        expect((await gatewayNc.request(subject, '{}', { timeout: 5000 })).json()).toEqual({ ok: true, value: subject });
      }
    }
    // number-inventory and assignment are running: they answer the gateway themselves.
    expect(
      (await gatewayNc.request('qry.number-inventory.get-number', JSON.stringify({ data: { number: '+442079461001' } }))).json(),
    ).toMatchObject({
      ok: true,
    });
    expect(
      (await gatewayNc.request('qry.assignment.get-routing', JSON.stringify({ data: { number: '+442079461001' } }))).json(),
    ).toMatchObject({
      ok: true,
    });
    // It cannot pose as a service, publish events or manage streams.
    expect(await subscriptionRefusal(gatewayNc, 'cmd.fax.>')).toMatch(/Permissions Violation for Subscription/);
    expect(await requestOutcome(gatewayNc, 'evt.number-inventory.number.NumberActivated')).toBe('refused');
    // JetStream only for its own record of Idempotency-Keys: never the services' streams.
    expect(await requestOutcome(gatewayNc, '$JS.API.STREAM.INFO.NUMBER_INVENTORY_EVENTS')).toBe('refused');
    expect(await requestOutcome(gatewayNc, '$JS.API.STREAM.DELETE.GATEWAY_IDEMPOTENCY_KEYS')).toBe('refused');
  });

  test('the events reader reads evt.> live and through JetStream consumers of its own, and can publish nothing', async () => {
    const reader = await as(EVENTS_READER_NATS_USER);
    const live = reader.subscribe('evt.>');
    await reader.flush();

    // A JetStream consumer of its own on number-inventory's stream: create, read, acknowledge.
    const jsm = await jetstreamManager(reader);
    await jsm.consumers.add(INVENTORY_EVENTS, {
      durable_name: 'reporting',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: 'evt.number-inventory.number.>',
    });
    const consumer = await jetstream(reader).consumers.get(INVENTORY_EVENTS, 'reporting');
    const first = await consumer.next({ expires: 5000 });
    expect(first?.subject).toMatch(/^evt\.number-inventory\.number\./);
    first?.ack();
    await eventually(async () => expect((await jsm.consumers.info(INVENTORY_EVENTS, 'reporting')).ack_floor.stream_seq).toBeGreaterThan(0));
    // An ordered consumer, as the JetStream clients make for a replay.
    const ordered = await jetstream(reader).consumers.get(INVENTORY_EVENTS, { filter_subjects: 'evt.number-inventory.>' });
    expect((await ordered.next({ expires: 5000 }))?.subject).toMatch(/^evt\.number-inventory\./);

    // A command's events reach the live subscription (the relay publishes them as they commit).
    expect(await inventory.command('lock-number', { siteId: 'perm-1', number: '+442079461003', reason: 'live' })).toMatchObject({
      ok: true,
    });
    let liveSubject = '';
    void (async () => {
      // Other contexts' events (reactions to earlier steps) may arrive first: wait for the lock's.
      for await (const message of live) if (message.subject.endsWith('.NumberLocked')) liveSubject ||= message.subject;
    })();
    await until('an event on the live subscription', () => liveSubject !== '', 10_000);
    expect(liveSubject).toMatch(/^evt\.number-inventory\.number\./);

    // Read-only: no events, no stream changes, no commands, and hands off the services' durables.
    expect(await requestOutcome(reader, 'evt.number-inventory.number.NumberActivated')).toBe('refused');
    await expect(jetstream(reader).publish('evt.number-inventory.number.NumberActivated', '{}')).rejects.toThrow(/Permissions Violation/);
    for (const op of ['DELETE', 'PURGE', 'UPDATE', 'CREATE', 'MSG.DELETE']) {
      expect(await requestOutcome(reader, `$JS.API.STREAM.${op}.${INVENTORY_EVENTS}`)).toBe('refused');
    }
    expect(await requestOutcome(reader, `$JS.API.CONSUMER.DELETE.${INVENTORY_EVENTS}.assignment-number-lifecycle`)).toBe('refused');
    await expect(
      jsm.consumers.add(INVENTORY_EVENTS, {
        durable_name: 'fax-number-lifecycle',
        ack_policy: AckPolicy.Explicit,
        filter_subject: 'evt.number-inventory.>',
      }),
    ).rejects.toThrow(/Permissions Violation/);
    expect(await requestOutcome(reader, 'cmd.number-inventory.lock-number')).toBe('refused');
    expect(await requestOutcome(reader, 'qry.number-inventory.get-number')).toBe('refused');
    expect(await subscriptionRefusal(reader, 'cmd.>')).toMatch(/Permissions Violation for Subscription/);
    expect(await subscriptionRefusal(reader, '_INBOX.gateway.>')).toMatch(/Permissions Violation for Subscription/);
    // The services' durables were left as they were.
    expect(
      (await (await jetstreamManager(await as('assignment'))).consumers.info(INVENTORY_EVENTS, 'assignment-number-lifecycle')).config,
    ).toMatchObject({
      durable_name: 'assignment-number-lifecycle',
    });
  });
});
