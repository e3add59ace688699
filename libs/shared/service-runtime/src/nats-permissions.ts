import { idempotencyKeySubject, idempotencyKeysStream, natsInboxPrefix } from '@tnp/messaging';
import { jetStreamNameFor } from './service-config';

/**
 * What each NATS user of the platform may publish and subscribe: the one table that the
 * nats-server authorization block (deploy/k8s/base/nats/auth.conf, used by the local start, the
 * Kubernetes NATS cluster and the permission spec) is rendered from. See ADR 0015.
 *
 * Every client uses an inbox of its own (`_INBOX.<user>`), so no user can read another's replies.
 */
export type ServiceNatsNeeds = {
  /** Serves cmd.<service>.> and qry.<service>.> in its queue group. */
  readonly serves: boolean;
  /** Durable JetStream consumers on other services' event streams (its reactions). */
  readonly reactions: readonly { readonly source: string; readonly durable: string }[];
  /** Commands and queries it sends to other services itself (without the subject prefix). */
  readonly requests: readonly string[];
};

export const SERVICE_NATS_NEEDS = {
  'number-inventory': {
    serves: true,
    reactions: [],
    // number-history/number-history.queries.ts: each context's part of a number's history.
    requests: [
      'qry.assignment.number-history-part',
      'qry.fax.number-history-part',
      'qry.extension-device.number-history-part',
      'qry.call-flow.number-history-part',
    ],
  },
  assignment: {
    serves: true,
    reactions: [{ source: 'number-inventory', durable: 'assignment-number-lifecycle' }],
    // assign-user/inventory-client.ts: number-inventory guards the lifecycle; route-number/extension-directory.ts: users' extensions.
    requests: [
      'cmd.number-inventory.mark-number-assigned',
      'cmd.number-inventory.mark-number-unassigned',
      'qry.extension-device.list-extensions',
    ],
  },
  fax: {
    serves: true,
    reactions: [
      { source: 'number-inventory', durable: 'fax-number-lifecycle' },
      { source: 'assignment', durable: 'fax-number-routing' },
    ],
    requests: [],
  },
  'extension-device': {
    serves: true,
    reactions: [
      { source: 'number-inventory', durable: 'extension-device-number-lifecycle' },
      { source: 'assignment', durable: 'extension-device-users' },
    ],
    requests: [],
  },
  'call-flow': { serves: true, reactions: [{ source: 'number-inventory', durable: 'call-flow-number-lifecycle' }], requests: [] },
  scheduler: {
    serves: false,
    reactions: [{ source: 'call-flow', durable: 'scheduler-timers' }],
    // timer-firer.ts: due switchovers in batches, each idempotent by its timer id; one by one
    // while call-flow does not serve the batch subject yet (a rolling upgrade).
    requests: ['cmd.call-flow.apply-scheduled-switches', 'cmd.call-flow.apply-scheduled-switch'],
  },
} as const satisfies Record<string, ServiceNatsNeeds>;

export type PlatformService = keyof typeof SERVICE_NATS_NEEDS;
export const PLATFORM_SERVICES = Object.keys(SERVICE_NATS_NEEDS) as PlatformService[];

/** The only user allowed to send commands and queries from outside the services. */
export const GATEWAY_NATS_USER = 'gateway';
/** Read-only access to every service's events, for subscribers from other namespaces. */
export const EVENTS_READER_NATS_USER = 'events-reader';

export type NatsUserPermissions = {
  readonly user: string;
  /** The environment variable nats-server reads the password from (never written into the file). */
  readonly passwordVariable: string;
  readonly publish: { readonly allow: readonly string[]; readonly deny: readonly string[] };
  readonly subscribe: { readonly allow: readonly string[]; readonly deny: readonly string[] };
  /** May answer the requests it receives (one reply each). */
  readonly allowResponses: boolean;
};

export const natsPasswordVariable = (user: string): string => `TNP_NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;

const deadLetterStreamFor = (service: string, prefix: string): string =>
  jetStreamNameFor(service, prefix).replace(/_EVENTS$/, '_DEAD_LETTERS');

/** Stream management and consumers on a stream the user owns (its events, its dead letters). */
const ownStream = (stream: string, manage: readonly string[]): string[] => [
  ...manage.map((op) => `$JS.API.STREAM.${op}.${stream}`),
  // Ordered consumers of the relay audit and the dead-letter listing; their names are random.
  `$JS.API.CONSUMER.CREATE.${stream}.*`,
  `$JS.API.CONSUMER.CREATE.${stream}.*.>`,
  `$JS.API.CONSUMER.INFO.${stream}.*`,
  `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
  `$JS.API.CONSUMER.DELETE.${stream}.*`,
];

/** One durable consumer on another service's stream: create or update it, read it, acknowledge. */
const durableConsumer = (stream: string, durable: string): string[] => [
  `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
  `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
  `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
  `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
  `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
  `$JS.ACK.${stream}.${durable}.>`,
];

export const servicePermissions = (service: PlatformService, prefix = ''): NatsUserPermissions => {
  const needs: ServiceNatsNeeds = SERVICE_NATS_NEEDS[service];
  const p = prefix ? `${prefix}.` : '';
  const events = jetStreamNameFor(service, prefix);
  const deadLetters = deadLetterStreamFor(service, prefix);
  const hasReactions = needs.reactions.length > 0;
  return {
    user: service,
    passwordVariable: natsPasswordVariable(service),
    publish: {
      allow: [
        // The relay: JetStream stores what is published on the service's own event subjects.
        `${p}evt.${service}.>`,
        ...needs.requests.map((subject) => `${p}${subject}`),
        '$JS.API.INFO',
        ...ownStream(events, ['INFO', 'CREATE', 'UPDATE']),
        ...(hasReactions ? [`${p}dlq.${service}.>`, ...ownStream(deadLetters, ['INFO', 'CREATE', 'MSG.DELETE'])] : []),
        ...needs.reactions.flatMap((r) => durableConsumer(jetStreamNameFor(r.source, prefix), r.durable)),
      ],
      deny: [],
    },
    subscribe: {
      allow: [...(needs.serves ? [`${p}cmd.${service}.>`, `${p}qry.${service}.>`] : []), `${natsInboxPrefix(service)}.>`],
      deny: [],
    },
    allowResponses: needs.serves,
  };
};

export const gatewayPermissions = (prefix = ''): NatsUserPermissions => {
  const p = prefix ? `${prefix}.` : '';
  return {
    user: GATEWAY_NATS_USER,
    passwordVariable: natsPasswordVariable(GATEWAY_NATS_USER),
    publish: {
      allow: [
        `${p}cmd.>`,
        `${p}qry.>`,
        // Its record of Idempotency-Keys: bound once each, read back when a key returns.
        idempotencyKeySubject(prefix, '>'),
        '$JS.API.INFO',
        ...['INFO', 'CREATE', 'UPDATE', 'MSG.GET'].map((op) => `$JS.API.STREAM.${op}.${idempotencyKeysStream(prefix)}`),
      ],
      deny: [],
    },
    subscribe: { allow: [`${natsInboxPrefix(GATEWAY_NATS_USER)}.>`], deny: [] },
    allowResponses: false,
  };
};

/**
 * Reads every service's events, live (core `evt.>`) or through JetStream consumers of its own on
 * the event streams; publishes nothing to a stream, and may not touch the services' durables.
 * No allow_responses: it would let it forge the JetStream acknowledgement a relay waits for.
 */
export const eventsReaderPermissions = (prefix = ''): NatsUserPermissions => {
  const p = prefix ? `${prefix}.` : '';
  const streams = PLATFORM_SERVICES.map((s) => jetStreamNameFor(s, prefix));
  const durables = PLATFORM_SERVICES.flatMap((s) =>
    SERVICE_NATS_NEEDS[s].reactions.map((r) => ({ stream: jetStreamNameFor(r.source, prefix), durable: r.durable })),
  );
  return {
    user: EVENTS_READER_NATS_USER,
    passwordVariable: natsPasswordVariable(EVENTS_READER_NATS_USER),
    publish: {
      allow: [
        '$JS.API.INFO',
        '$JS.API.STREAM.NAMES',
        ...streams.flatMap((stream) => [
          `$JS.API.STREAM.INFO.${stream}`,
          `$JS.API.CONSUMER.CREATE.${stream}.*`,
          `$JS.API.CONSUMER.CREATE.${stream}.*.>`,
          `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.*`,
          `$JS.API.CONSUMER.INFO.${stream}.*`,
          `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
          `$JS.API.CONSUMER.DELETE.${stream}.*`,
          `$JS.ACK.${stream}.>`,
        ]),
      ],
      deny: durables.flatMap(({ stream, durable }) => [
        `$JS.API.CONSUMER.*.${stream}.${durable}`,
        `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
        `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
        `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`,
        `$JS.ACK.${stream}.${durable}.>`,
      ]),
    },
    subscribe: { allow: [`${p}evt.>`, `${natsInboxPrefix(EVENTS_READER_NATS_USER)}.>`], deny: [] },
    allowResponses: false,
  };
};

export const platformNatsPermissions = (prefix = ''): NatsUserPermissions[] => [
  gatewayPermissions(prefix),
  ...PLATFORM_SERVICES.map((s) => servicePermissions(s, prefix)),
  eventsReaderPermissions(prefix),
];

const list = (subjects: readonly string[], indent: string): string =>
  subjects.length === 0 ? '[]' : `[\n${subjects.map((s) => `${indent}  ${JSON.stringify(s)}`).join('\n')}\n${indent}]`;

const permissionBlock = (kind: 'publish' | 'subscribe', rules: NatsUserPermissions['publish']): string[] => {
  const lines = [`        ${kind}: {`, `          allow: ${list(rules.allow, '          ')}`];
  if (rules.deny.length > 0) lines.push(`          deny: ${list(rules.deny, '          ')}`);
  lines.push('        }');
  return lines;
};

/**
 * The nats-server `authorization` block. Passwords are variable references that nats-server
 * resolves from its environment (a Kubernetes Secret, or the local start's development values):
 * a missing one stops the server at boot.
 */
export const renderNatsAuthorization = (prefix = ''): string => {
  const users = platformNatsPermissions(prefix).flatMap((u) => [
    '    {',
    `      user: ${JSON.stringify(u.user)}`,
    `      password: $${u.passwordVariable}`,
    '      permissions: {',
    ...permissionBlock('publish', u.publish),
    ...permissionBlock('subscribe', u.subscribe),
    ...(u.allowResponses ? ['        allow_responses: true'] : []),
    '      }',
    '    }',
  ]);
  return [
    '# Generated from libs/shared/service-runtime/src/nats-permissions.ts (ADR 0015): do not edit.',
    `# Regenerate: npm run build && node dist/tools/nats-auth-config.js${prefix ? ` --prefix ${prefix}` : ''} > deploy/k8s/base/nats/auth.conf`,
    `# Subject prefix: ${prefix ? JSON.stringify(prefix) : '(none)'}. Passwords come from the environment of nats-server.`,
    'authorization {',
    '  users: [',
    ...users,
    '  ]',
    '}',
    '',
  ].join('\n');
};
