import type { Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import { setBasedReaction } from '@tnp/messaging';
import { callFlowCatalogue, SERVICE } from '@tnp/call-flow-contracts';
import { callFlowEndpoints } from './call-flows/call-flow.endpoints';
import { reactToInventory } from './inventory-reaction/inventory.reaction';
import { serviceNumberQueries } from './queries/service-number.queries';
import {
  CF_SCHEMA,
  callFlowReadModelSql,
  ServiceNumberViewEntity,
  serviceNumbersProjection,
  serviceNumbersTable,
  TimelineEntryEntity,
  timelineProjection,
  holdingRevisionsSql,
  timelineTable,
} from './read-model/call-flow.read-model';
import { CallFlowViewEntity, callFlowsProjection, callFlowsSql, callFlowsTable } from './read-model/call-flows.projection';
import { serviceNumberEndpoints } from './service-numbers/service-number.endpoints';
import { callFlowNumberHistory } from './number-history/call-flow-number-history';

export const callFlowService: ServiceDefinition = {
  name: SERVICE,
  events: callFlowCatalogue,
  numberHistory: callFlowNumberHistory,
  entities: [ServiceNumberViewEntity, TimelineEntryEntity, CallFlowViewEntity],
  readModelSql: callFlowReadModelSql,
  migrations: [
    { name: '0003_call_flows', sql: callFlowsSql },
    { name: '0004_holding_revisions', sql: holdingRevisionsSql },
  ],
  endpoints: ({ store, orm, endpointDeps, prefix }) => [
    ...callFlowEndpoints(store, endpointDeps, prefix),
    ...serviceNumberEndpoints(store, endpointDeps, prefix),
    ...serviceNumberQueries(orm, endpointDeps, prefix),
  ],
  projections: () => [
    projectionDefinition(CF_SCHEMA, serviceNumbersProjection, serviceNumbersTable),
    projectionDefinition(CF_SCHEMA, timelineProjection, timelineTable),
    projectionDefinition(CF_SCHEMA, callFlowsProjection, callFlowsTable),
  ],
  reactions: ({ store, prefix }) => [
    {
      stream: jetStreamNameFor('number-inventory', prefix),
      durable: 'call-flow-number-lifecycle',
      filterSubject: `${prefix ? `${prefix}.` : ''}evt.number-inventory.number.>`,
      handle: setBasedReaction(store, reactToInventory),
    },
  ],
};

export const startCallFlow = (config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> =>
  startService(callFlowService, config, logger);
