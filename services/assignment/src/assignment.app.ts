import type { NatsConnection } from '@nats-io/transport-node';
import type { EventStore } from '@tnp/event-store';
import { assignmentEvents, SERVICE } from '@tnp/assignment-contracts';
import type { Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import { AssignUserHandler } from './assign-user/assign-user.handler';
import { InventoryClient } from './assign-user/inventory-client';
import { pendingAssignmentSweeper } from './assign-user/pending-assignment.sweeper';
import { assignmentEndpoints } from './assignment.endpoints';
import { CatalogueHandler } from './catalogue/catalogue.handler';
import { DisplayNameHandler } from './display-name/display-name.handler';
import { GreetingHandler } from './greetings/greeting.handler';
import { reactToInventoryEvent } from './inventory-reaction/inventory.reaction';
import { CatalogueQueries } from './queries/catalogue.queries';
import { OccupierNumbersQueries } from './queries/occupier-numbers.queries';
import {
  catalogueProjection,
  catalogueTable,
  occupierNumbersProjection,
  occupierNumbersTable,
  rosterProjection,
  rosterTable,
} from './read-model/assignment.projections';
import {
  ASSIGNMENT_SCHEMA,
  assignmentReadModelSql,
  routingExtensionSql,
  CatalogueEntryEntity,
  OccupierNumberEntity,
  RosterUserEntity,
} from './read-model/read-model.entities';
import { RouteNumberHandler } from './route-number/route-number.handler';
import { ExtensionDirectory } from './route-number/extension-directory';
import { assignmentNumberHistory } from './number-history/assignment-number-history';

const assignUserHandler = (store: EventStore, nc: NatsConnection, prefix: string) =>
  new AssignUserHandler(store, new InventoryClient(nc, prefix));

export const assignmentService: ServiceDefinition = {
  name: SERVICE,
  events: assignmentEvents,
  numberHistory: assignmentNumberHistory,
  entities: [OccupierNumberEntity, RosterUserEntity, CatalogueEntryEntity],
  readModelSql: assignmentReadModelSql,
  migrations: [{ name: '0003_routing_extension', sql: routingExtensionSql }],
  endpoints: ({ store, orm, nc, endpointDeps, prefix }) =>
    assignmentEndpoints(
      endpointDeps,
      {
        route: new RouteNumberHandler(store, orm, new ExtensionDirectory(nc, prefix)),
        users: assignUserHandler(store, nc, prefix),
        displayName: new DisplayNameHandler(store),
        catalogue: new CatalogueHandler(store),
        greetings: new GreetingHandler(store, orm),
        queries: new OccupierNumbersQueries(orm),
        lists: new CatalogueQueries(orm),
      },
      prefix,
    ),
  projections: () => [
    projectionDefinition(ASSIGNMENT_SCHEMA, occupierNumbersProjection, occupierNumbersTable),
    projectionDefinition(ASSIGNMENT_SCHEMA, rosterProjection, rosterTable),
    projectionDefinition(ASSIGNMENT_SCHEMA, catalogueProjection, catalogueTable),
  ],
  workers: ({ store, orm, nc, prefix, logger }) => [pendingAssignmentSweeper(orm, assignUserHandler(store, nc, prefix), logger)],
  reactions: ({ store, prefix }) => [
    {
      stream: jetStreamNameFor('number-inventory', prefix),
      durable: 'assignment-number-lifecycle',
      filterSubject: `${prefix ? `${prefix}.` : ''}evt.number-inventory.number.>`,
      handle: reactToInventoryEvent(store),
    },
  ],
};

export const startAssignment = (config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> =>
  startService(assignmentService, config, logger);
