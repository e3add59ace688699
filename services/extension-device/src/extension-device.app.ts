import { loadConfig, type Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import { extensionDeviceEvents, SERVICE } from '@tnp/extension-device-contracts';
import { configureExtensionEndpoints } from './configure-extension/configure-extension.endpoints';
import { createExtensionEndpoints } from './create-extension/create-extension.endpoint';
import { deviceEndpoints } from './devices/device.endpoints';
import { deviceLicenceEndpoints } from './device-licences/device-licences.endpoints';
import { outboundRuleEndpoints } from './outbound-rules/outbound-rules.endpoints';
import { announcementEndpoints } from './announcements/announcement.endpoints';
import { announcementsSql } from './announcements/announcement.handler';
import { pinSettingsSchema } from './extension-device.config';
import type { ExtensionDeps } from './extension-commands';
import { handsetEndpoints } from './handsets/handset.endpoints';
import { reactToInventory, reactToUsers } from './number-reactions/number.reactions';
import { pinEndpoints } from './pins/pin.endpoints';
import { usageEndpoints } from './usage/usage.endpoints';
import { extensionQueryEndpoints } from './queries/extension-queries.endpoints';
import {
  ED_SCHEMA,
  ExtensionViewEntity,
  extensionDeviceReadModelSql,
  extensionsProjection,
  extensionsTable,
  HandsetViewEntity,
  handsetsProjection,
  handsetsTable,
  NumberViewEntity,
  numbersProjection,
  numbersTable,
} from './read-model/extension-device.read-model';
import { extensionDeviceNumberHistory } from './number-history/extension-device-number-history';

export const extensionDeviceService: ServiceDefinition = {
  name: SERVICE,
  events: extensionDeviceEvents,
  numberHistory: extensionDeviceNumberHistory,
  entities: [ExtensionViewEntity, HandsetViewEntity, NumberViewEntity],
  readModelSql: extensionDeviceReadModelSql,
  migrations: [{ name: '0003_announcements', sql: announcementsSql }],
  endpoints: ({ store, orm, endpointDeps, prefix }) => {
    const settings = loadConfig(pinSettingsSchema);
    const deps: ExtensionDeps = {
      store,
      orm,
      pins: {
        key: Buffer.from(settings.PIN_ENCRYPTION_KEY, 'base64'),
        failuresPerCaller: settings.PIN_FAILURES_PER_CALLER,
        windowSeconds: settings.PIN_FAILURE_WINDOW_SECONDS,
      },
    };
    return [
      ...createExtensionEndpoints(deps, endpointDeps, prefix),
      ...configureExtensionEndpoints(deps, endpointDeps, prefix),
      ...pinEndpoints(deps, endpointDeps, prefix),
      ...deviceEndpoints(deps, endpointDeps, prefix),
      ...handsetEndpoints(deps, endpointDeps, prefix),
      ...extensionQueryEndpoints(deps, endpointDeps, prefix),
      ...usageEndpoints(store, endpointDeps, prefix),
      ...deviceLicenceEndpoints(store, endpointDeps, prefix),
      ...outboundRuleEndpoints(store, endpointDeps, prefix),
      ...announcementEndpoints(store, orm, endpointDeps, prefix),
    ];
  },
  projections: () => [
    projectionDefinition(ED_SCHEMA, extensionsProjection, extensionsTable),
    projectionDefinition(ED_SCHEMA, handsetsProjection, handsetsTable),
    projectionDefinition(ED_SCHEMA, numbersProjection, numbersTable),
  ],
  reactions: ({ store, orm, prefix }) => {
    const p = prefix ? `${prefix}.` : '';
    return [
      {
        stream: jetStreamNameFor('number-inventory', prefix),
        durable: 'extension-device-number-lifecycle',
        filterSubject: `${p}evt.number-inventory.number.>`,
        handle: reactToInventory(store),
      },
      {
        stream: jetStreamNameFor('assignment', prefix),
        durable: 'extension-device-users',
        filterSubject: `${p}evt.assignment.occupier-user.>`,
        handle: reactToUsers(orm),
      },
    ];
  },
};

export const startExtensionDevice = (config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> =>
  startService(extensionDeviceService, config, logger);
