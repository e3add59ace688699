import { loadConfig, type Logger } from '@tnp/platform';
import { commandEndpoint, queryEndpoint } from '@tnp/messaging';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import {
  activateDeviceSchema,
  changePinSchema,
  configureExtensionSchema,
  createExtensionSchema,
  deactivateDeviceSchema,
  ExtensionCommands,
  extensionCommandSubject,
  extensionOnlySchema,
  getExtensionSchema,
  ExtensionQueries as Queries,
  extensionQuerySubject,
  listSiteHandsetsSchema,
  loginHandsetSchema,
  logoutHandsetSchema,
  myProfileSchema,
  extensionDeviceEvents,
  SERVICE,
  updateExtensionInfoSchema,
  verifyPinSchema,
} from '@tnp/extension-device-contracts';
import type { ExtensionSettings } from '@tnp/extension-device-domain';
import { pinSettingsSchema } from './extension-device.config';
import { ExtensionHandler } from './extension.handler';
import { ExtensionQueries } from './queries';
import { reactToInventory, reactToUsers } from './reactions';
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
} from './read-model';

export const extensionDeviceService: ServiceDefinition = {
  name: SERVICE,
  events: extensionDeviceEvents,
  entities: [ExtensionViewEntity, HandsetViewEntity, NumberViewEntity],
  readModelSql: extensionDeviceReadModelSql,
  endpoints: ({ store, orm, endpointDeps: deps, prefix }) => {
    const pins = loadConfig(pinSettingsSchema);
    const key = Buffer.from(pins.PIN_ENCRYPTION_KEY, 'base64');
    const h = new ExtensionHandler(store, orm, {
      key,
      failuresPerCaller: pins.PIN_FAILURES_PER_CALLER,
      windowSeconds: pins.PIN_FAILURE_WINDOW_SECONDS,
    });
    const q = new ExtensionQueries(orm, key);
    const subject = (name: (typeof ExtensionCommands)[keyof typeof ExtensionCommands]) => extensionCommandSubject(name, prefix);
    return [
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.createExtension),
        commandType: 'CreateExtension',
        schema: createExtensionSchema,
        handle: (d, m) => h.create(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.updateExtensionInfo),
        commandType: 'UpdateExtensionInfo',
        schema: updateExtensionInfoSchema,
        handle: (d, m) => h.updateInfo(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.changePin),
        commandType: 'ChangePin',
        schema: changePinSchema,
        handle: (d, m) => h.changePin(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.verifyPin),
        commandType: 'VerifyPin',
        schema: verifyPinSchema,
        handle: (d, m) => h.verifyPin(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.resetPin),
        commandType: 'ResetPin',
        schema: extensionOnlySchema,
        handle: (d, m) => h.resetPin(d.extensionId, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.activateDevice),
        commandType: 'ActivateDevice',
        schema: activateDeviceSchema,
        handle: (d, m) => h.activateDevice(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.deactivateDevice),
        commandType: 'DeactivateDevice',
        schema: deactivateDeviceSchema,
        handle: (d, m) => h.deactivateDevice(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.configureExtension),
        commandType: 'ConfigureExtension',
        schema: configureExtensionSchema,
        handle: (d, m) => h.configure({ extensionId: d.extensionId, changes: d.changes as Partial<ExtensionSettings> }, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.loginHandset),
        commandType: 'LoginHandset',
        schema: loginHandsetSchema,
        handle: (d, m) => h.login(d, m),
      }),
      commandEndpoint(deps, {
        subject: subject(ExtensionCommands.logoutHandset),
        commandType: 'LogoutHandset',
        schema: logoutHandsetSchema,
        handle: (d, m) => h.logout(d.number, m),
      }),
      queryEndpoint(deps, {
        subject: extensionQuerySubject(Queries.getExtension, prefix),
        queryType: 'GetExtension',
        schema: getExtensionSchema,
        handle: (d) => q.extension(d.tenant, d.extensionId),
      }),
      queryEndpoint(deps, {
        subject: extensionQuerySubject(Queries.defaultPin, prefix),
        queryType: 'DefaultPin',
        schema: getExtensionSchema,
        handle: (d) => q.defaultPin(d.tenant, d.extensionId),
      }),
      queryEndpoint(deps, {
        subject: extensionQuerySubject(Queries.listSiteHandsets, prefix),
        queryType: 'ListSiteHandsets',
        schema: listSiteHandsetsSchema,
        handle: (d) => q.handsets(d.siteId),
      }),
      queryEndpoint(deps, {
        subject: extensionQuerySubject(Queries.myProfile, prefix),
        queryType: 'MyProfile',
        schema: myProfileSchema,
        handle: (d) => q.profile(d.occupierId, d.userId),
      }),
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
