import type { z } from 'zod';
import { commandEndpoint, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  AssignmentCommands,
  assignmentCommandSubject,
  AssignmentQueries,
  assignmentQuerySubject,
  assignUserSchema,
  createDestinationSchema,
  setAccountFeaturesSchema,
  getRoutingSchema,
  listDestinationsSchema,
  listOccupierNumbersSchema,
  listUsersSchema,
  numberOnlySchema,
  registerUserSchema,
  removeDestinationSchema,
  removeUserSchema,
  renameDestinationSchema,
  renameUserSchema,
  routeNumberSchema,
  setDisplayNameSchema,
  uploadGreetingSchema,
  type AssignmentCommandName,
} from '@tnp/assignment-contracts';
import type { CommandMetadata } from '@tnp/kernel';
import type { AssignUserHandler } from './assign-user/assign-user.handler';
import type { CatalogueHandler } from './catalogue/catalogue.handler';
import type { DisplayNameHandler } from './display-name/display-name.handler';
import type { GreetingHandler } from './greetings/greeting.handler';
import type { CatalogueQueries } from './queries/catalogue.queries';
import type { OccupierNumbersQueries } from './queries/occupier-numbers.queries';
import type { RouteNumberHandler } from './route-number/route-number.handler';

export type AssignmentHandlers = {
  readonly route: RouteNumberHandler;
  readonly users: AssignUserHandler;
  readonly displayName: DisplayNameHandler;
  readonly catalogue: CatalogueHandler;
  readonly greetings: GreetingHandler;
  readonly queries: OccupierNumbersQueries;
  readonly lists: CatalogueQueries;
};

export const assignmentEndpoints = (deps: EndpointDeps, h: AssignmentHandlers, prefix: string): NatsEndpoint[] => {
  const command = <S extends z.ZodType>(
    name: AssignmentCommandName,
    commandType: string,
    schema: S,
    handle: (data: z.infer<S>, m: CommandMetadata) => Promise<unknown>,
    options: { inSteps?: boolean } = {},
  ) => commandEndpoint(deps, { subject: assignmentCommandSubject(name, prefix), commandType, schema, handle, ...options });
  const tenantOf = (data: { occupierId: string }) => ({ tenant: data.occupierId });
  return [
    command(AssignmentCommands.routeNumber, 'RouteNumber', routeNumberSchema, (d, m) => h.route.handle(d, m)),
    // Both span number-inventory: each step is written before the next one asks it.
    command(AssignmentCommands.assignUser, 'AssignUser', assignUserSchema, (d, m) => h.users.assign(d, m), { inSteps: true }),
    command(AssignmentCommands.unassignUser, 'UnassignUser', numberOnlySchema, (d, m) => h.users.unassign(d.number, m), { inSteps: true }),
    command(AssignmentCommands.setDisplayName, 'SetDisplayName', setDisplayNameSchema, (d, m) =>
      h.displayName.set(d.number, { first: d.first, second: d.second }, m),
    ),
    command(AssignmentCommands.clearDisplayName, 'ClearDisplayName', numberOnlySchema, (d, m) => h.displayName.clear(d.number, m)),
    command(AssignmentCommands.setAccountFeatures, 'SetAccountFeatures', setAccountFeaturesSchema, (d, m) =>
      h.catalogue.features({ type: 'SetAccountFeatures', data: { ...tenantOf(d), conferenceBridge: d.conferenceBridge } }, m),
    ),
    command(AssignmentCommands.createDestination, 'CreateDestination', createDestinationSchema, (d, m) =>
      h.catalogue.destination(
        { type: 'CreateDestination', data: { ...tenantOf(d), destinationId: d.destinationId, kind: d.kind, name: d.name } },
        m,
      ),
    ),
    command(AssignmentCommands.renameDestination, 'RenameDestination', renameDestinationSchema, (d, m) =>
      h.catalogue.destination({ type: 'RenameDestination', data: { ...tenantOf(d), destinationId: d.destinationId, name: d.name } }, m),
    ),
    command(AssignmentCommands.removeDestination, 'RemoveDestination', removeDestinationSchema, (d, m) =>
      h.catalogue.destination({ type: 'RemoveDestination', data: { ...tenantOf(d), destinationId: d.destinationId } }, m),
    ),
    command(AssignmentCommands.registerUser, 'RegisterUser', registerUserSchema, (d, m) =>
      h.catalogue.user(
        { type: 'RegisterUser', data: { ...tenantOf(d), userId: d.userId, firstName: d.firstName, lastName: d.lastName } },
        m,
      ),
    ),
    command(AssignmentCommands.renameUser, 'RenameUser', renameUserSchema, (d, m) =>
      h.catalogue.user({ type: 'RenameUser', data: { ...tenantOf(d), userId: d.userId, firstName: d.firstName, lastName: d.lastName } }, m),
    ),
    command(AssignmentCommands.removeUser, 'RemoveUser', removeUserSchema, (d, m) =>
      h.catalogue.user({ type: 'RemoveUser', data: { ...tenantOf(d), userId: d.userId } }, m),
    ),
    command(AssignmentCommands.uploadGreeting, 'UploadGreeting', uploadGreetingSchema, (d, m) => h.greetings.upload(d, m)),
    queryEndpoint(deps, {
      subject: assignmentQuerySubject(AssignmentQueries.listOccupierNumbers, prefix),
      queryType: 'ListOccupierNumbers',
      schema: listOccupierNumbersSchema,
      handle: (d) => h.queries.list(d),
    }),
    queryEndpoint(deps, {
      subject: assignmentQuerySubject(AssignmentQueries.getRouting, prefix),
      queryType: 'GetRouting',
      schema: getRoutingSchema,
      handle: (d) => h.queries.get(d.number),
    }),
    queryEndpoint(deps, {
      subject: assignmentQuerySubject(AssignmentQueries.listUsers, prefix),
      queryType: 'ListUsers',
      schema: listUsersSchema,
      handle: (d) => h.lists.users(d.occupierId),
    }),
    queryEndpoint(deps, {
      subject: assignmentQuerySubject(AssignmentQueries.listDestinations, prefix),
      queryType: 'ListDestinations',
      schema: listDestinationsSchema,
      handle: (d) => h.lists.destinations(d.occupierId, d.kind),
    }),
  ];
};
