import { readdirSync, readFileSync, statSync } from 'node:fs';
import { natsCredentialsOf } from '@tnp/messaging';
import { join, relative } from 'node:path';
import {
  GATEWAY_NATS_USER,
  jetStreamNameFor,
  PLATFORM_SERVICES,
  platformNatsPermissions,
  renderNatsAuthorization,
  SERVICE_NATS_NEEDS,
  serviceConfigSchema,
  servicePermissions,
  type PlatformService,
  type RuntimeContext,
  type ServiceDefinition,
} from '@tnp/service-runtime';
import { assignmentService } from '../../services/assignment/src/assignment.app';
import { callFlowService } from '../../services/call-flow/src/call-flow.app';
import { extensionDeviceService } from '../../services/extension-device/src/extension-device.app';
import { faxService } from '../../services/fax/src/fax.app';
import { gatewayConfigSchema } from '../../services/gateway/src/gateway.config';
import { numberInventoryService } from '../../services/number-inventory/src/number-inventory.app';
import { schedulerService } from '../../services/scheduler/src/scheduler.app';

/**
 * The NATS permission table (ADR 0015) against the code it grants rights to: a reaction, an
 * endpoint or an internal request added without its permission would be refused by nats-server
 * in production only, so it fails here first.
 */
const ROOT = join(__dirname, '..', '..');
const definitions: Record<PlatformService, ServiceDefinition> = {
  'number-inventory': numberInventoryService,
  assignment: assignmentService,
  fax: faxService,
  'extension-device': extensionDeviceService,
  'call-flow': callFlowService,
  scheduler: schedulerService,
};

const logger = { child: () => logger, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
/** Enough of a runtime for the definitions to name their subjects; nothing in it is called. */
const contextFor = (prefix: string): RuntimeContext =>
  ({
    prefix,
    config: {},
    store: {},
    orm: {},
    nc: {},
    logger,
    metrics: {},
    endpointDeps: { logger, metrics: {} },
  }) as unknown as RuntimeContext;

/** Whether a NATS subject is matched by a permission pattern (`*` one token, `>` the rest). */
const matches = (pattern: string, subject: string): boolean => {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
};
const allowed = (patterns: readonly string[], subject: string): boolean => patterns.some((p) => matches(p, subject));

const sourcesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourcesOf(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });

describe('the NATS permission table', () => {
  test('the authorization file the local start and Kubernetes use is the rendering of the table', () => {
    expect(readFileSync(join(ROOT, 'deploy/k8s/base/nats/auth.conf'), 'utf8')).toBe(renderNatsAuthorization());
  });

  test('Kubernetes and the local start use that file, with a password for every user and every app on its own user', () => {
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
    expect(read('deploy/k8s/base/kustomization.yaml')).toMatch(
      /configMapGenerator:\n\s+- name: nats-auth\n\s+files:\n\s+- nats\/auth\.conf/,
    );
    expect(read('deploy/k8s/base/nats/configmap.yaml')).toContain('include ../nats-auth/auth.conf');
    expect(read('infra/scripts/start.sh')).toContain('AUTH_CONF="deploy/k8s/base/nats/auth.conf"');
    const statefulSet = read('deploy/k8s/base/nats/statefulset.yaml');
    expect(statefulSet).toMatch(/- name: auth\n\s+configMap:\n\s+name: nats-auth\n/);
    const secret = read('deploy/k8s/examples/secret.example.yaml');
    for (const { user, passwordVariable } of platformNatsPermissions()) {
      const fromSecret = new RegExp(
        `- name: ${passwordVariable}\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: nats-credentials\\n\\s+key: ${user}\\n`,
      );
      expect({ user, inNatsPods: fromSecret.test(statefulSet) }).toEqual({ user, inNatsPods: true });
      expect({ user, inExampleSecret: new RegExp(`\\n  ${user}: CHANGE_ME\\n`).test(secret) }).toEqual({ user, inExampleSecret: true });
    }
    for (const app of [GATEWAY_NATS_USER, ...PLATFORM_SERVICES]) {
      const deployment = read(`deploy/k8s/base/apps/${app}/deployment.yaml`);
      const ownUser = new RegExp(
        `- name: NATS_USER\\n\\s+value: ${app}\\n\\s+- name: NATS_PASSWORD\\n\\s+valueFrom:\\n\\s+secretKeyRef:\\n\\s+name: nats-credentials\\n\\s+key: ${app}\\n`,
      );
      expect({ app, ownUser: ownUser.test(deployment) }).toEqual({ app, ownUser: true });
    }
  });

  test('lists every service of the platform', () => {
    const services = readdirSync(join(ROOT, 'services')).filter((s) => s !== 'gateway');
    expect([...PLATFORM_SERVICES].sort()).toEqual(services.sort());
  });

  test.each(['', 'tpfx'])('grants each service its reactions, exactly (subject prefix %j)', (prefix) => {
    for (const service of PLATFORM_SERVICES) {
      const reactions = definitions[service].reactions?.(contextFor(prefix)) ?? [];
      const table = SERVICE_NATS_NEEDS[service].reactions;
      expect({ service, reactions: reactions.map((r) => ({ stream: r.stream, durable: r.durable })) }).toEqual({
        service,
        reactions: table.map((r) => ({ stream: jetStreamNameFor(r.source, prefix), durable: r.durable })),
      });
      const { publish } = servicePermissions(service, prefix);
      for (const r of reactions) {
        expect(allowed(publish.allow, `$JS.API.CONSUMER.CREATE.${r.stream}.${r.durable}.${r.filterSubject}`)).toBe(true);
        expect(allowed(publish.allow, `$JS.ACK.${r.stream}.${r.durable}.1.2.3.4.5`)).toBe(true);
        // Another service's durable on the same stream stays out of reach.
        expect(allowed(publish.allow, `$JS.API.CONSUMER.CREATE.${r.stream}.someone-else.${r.filterSubject}`)).toBe(false);
      }
    }
  });

  test.each(['', 'tpfx'])('lets each service subscribe to exactly the subjects it serves (subject prefix %j)', (prefix) => {
    for (const service of PLATFORM_SERVICES) {
      const subjects = definitions[service].endpoints(contextFor(prefix)).map((e) => e.subject);
      const { subscribe } = servicePermissions(service, prefix);
      expect({ service, refused: subjects.filter((s) => !allowed(subscribe.allow, s)) }).toEqual({ service, refused: [] });
      expect(SERVICE_NATS_NEEDS[service].serves).toBe(subjects.length > 0);
      const p = prefix ? `${prefix}.` : '';
      for (const other of PLATFORM_SERVICES.filter((o) => o !== service)) {
        expect(allowed(subscribe.allow, `${p}cmd.${other}.anything`)).toBe(false);
        expect(allowed(subscribe.allow, `${p}qry.${other}.anything`)).toBe(false);
      }
    }
  });

  test('allows exactly the commands and queries the services send each other, found in their sources', () => {
    for (const service of PLATFORM_SERVICES) {
      const dir = join(ROOT, 'services', service, 'src');
      const found = new Set<string>();
      for (const file of sourcesOf(dir)) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(cmd|qry)\.([a-z][a-z-]*)\./g)) {
          if (m[2] !== service) found.add(`${m[1]}.${m[2]}`);
        }
        // A subject helper of another service's contracts counts as a request to it.
        for (const m of text.matchAll(/import\s*{([^}]*)}\s*from\s*'@tnp\/([a-z-]+)-contracts'/g)) {
          if (m[2] !== service && /Subject/.test(m[1] ?? '')) found.add(`${relative(ROOT, file)} uses subjects of ${m[2]}`);
        }
      }
      const requests: readonly string[] = SERVICE_NATS_NEEDS[service].requests;
      expect({ service, targets: [...found].sort() }).toEqual({
        service,
        targets: [...new Set(requests.map((r) => r.split('.').slice(0, 2).join('.')))].sort(),
      });
      // Each allowed request names a command or query the service really sends.
      const source = sourcesOf(dir)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
      for (const request of requests)
        expect({ service, request, sent: source.includes(request.split('.')[2] ?? '?') }).toEqual({ service, request, sent: true });
    }
  });

  test('an allowed request is a publish permission of that service only', () => {
    for (const service of PLATFORM_SERVICES) {
      const { publish } = servicePermissions(service);
      const own: readonly string[] = SERVICE_NATS_NEEDS[service].requests;
      for (const other of PLATFORM_SERVICES) {
        for (const subject of [`cmd.${other}.configure-fax`, `qry.${other}.get-number`, `cmd.${other}.mark-number-assigned`]) {
          expect({ service, subject, allowed: allowed(publish.allow, subject) }).toEqual({
            service,
            subject,
            allowed: own.includes(subject),
          });
        }
      }
      for (const request of own) expect(allowed(publish.allow, request)).toBe(true);
    }
  });
});

describe('NATS credentials in the typed configuration', () => {
  const service = serviceConfigSchema({ httpPort: 0, eventStoreSchema: 'x_events' });
  const issues = (
    schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
    env: object,
  ) => (schema.safeParse(env).error?.issues ?? []).map((i) => i.path.join('.'));

  test.each([
    ['a service', service],
    ['the gateway', gatewayConfigSchema],
  ] as const)('%s: none by default, both or neither, and always in production', (_, schema) => {
    expect(natsCredentialsOf(schema.parse({}))).toBeUndefined();
    expect(natsCredentialsOf(schema.parse({ NATS_USER: 'fax', NATS_PASSWORD: 'secret' }))).toEqual({ user: 'fax', password: 'secret' });
    expect(issues(schema, { NATS_USER: 'fax' })).toEqual(['NATS_PASSWORD']);
    expect(issues(schema, { NATS_PASSWORD: 'secret' })).toEqual(['NATS_USER']);
    expect(issues(schema, { NATS_USER: 'fax.evil', NATS_PASSWORD: 'secret' })).toEqual(['NATS_USER']);
    expect(issues(schema, { NODE_ENV: 'production' })).toContain('NATS_USER');
  });
});
