import { PlatformError, parseOrThrow } from '@tnp/kernel';
import {
  greetingUploadedSchema,
  idOutcomeSchema,
  numberOutcomeSchema,
  destinationListSchema,
  occupierNumberListSchema,
  routingViewSchema,
  userListSchema,
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
  MAX_GREETING_BYTES,
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
  type OccupierNumberView,
} from '@tnp/assignment-contracts';
import { canSeeNumber } from '../auth/authorize';
import type { Role } from '../auth/principal';
import type { ServiceClient } from '../http/nats-client';
import { fromReply, type RouteSpec } from '../http/route';
import { bodyOf, commandRoute, queryRoute, sendCommand } from '../http/route-builders';

const ADMINS: readonly Role[] = ['operator', 'occupier-admin'];
const TAG = 'Number assignment';

export const assignmentRoutes = (client: ServiceClient, prefix: string): RouteSpec[] => {
  const subject = (name: AssignmentCommandName) => assignmentCommandSubject(name, prefix);
  const numberScoped = { roles: ADMINS, scope: () => ({ kind: 'resource' as const }), tag: TAG, response: numberOutcomeSchema };
  const occupierScoped = {
    response: idOutcomeSchema,
    roles: ADMINS,
    scope: (p: Record<string, string>) => ({ kind: 'occupier' as const, occupierId: p['occupierId'] ?? '' }),
    tag: TAG,
  };
  return [
    commandRoute(client, {
      ...numberScoped,
      method: 'PUT',
      path: '/v1/numbers/{number}/routing',
      subject: subject(AssignmentCommands.routeNumber),
      schema: routeNumberSchema,
      summary:
        'Point an active number at nothing, a user, a route, a managed route, a conference room, a forward or fax, with its call settings',
      body: bodyOf(routeNumberSchema, 'number'),
    }),
    commandRoute(client, {
      ...numberScoped,
      method: 'PUT',
      path: '/v1/numbers/{number}/user',
      subject: subject(AssignmentCommands.assignUser),
      schema: assignUserSchema,
      summary: 'Assign an active, non-main number to one of the occupier’s users (a user holds one number)',
      body: bodyOf(assignUserSchema, 'number'),
    }),
    commandRoute(client, {
      ...numberScoped,
      method: 'DELETE',
      path: '/v1/numbers/{number}/user',
      subject: subject(AssignmentCommands.unassignUser),
      schema: numberOnlySchema,
      summary: 'Unassign the number’s user',
    }),
    commandRoute(client, {
      ...numberScoped,
      method: 'PUT',
      path: '/v1/numbers/{number}/display-name',
      subject: subject(AssignmentCommands.setDisplayName),
      schema: setDisplayNameSchema,
      summary: 'Label the number with a two-part display name (overrides the user’s name for display only)',
      body: bodyOf(setDisplayNameSchema, 'number'),
    }),
    commandRoute(client, {
      ...numberScoped,
      method: 'DELETE',
      path: '/v1/numbers/{number}/display-name',
      subject: subject(AssignmentCommands.clearDisplayName),
      schema: numberOnlySchema,
      summary: 'Remove the display name',
    }),
    {
      ...numberScoped,
      method: 'GET',
      path: '/v1/numbers/{number}/routing',
      operationId: 'getRouting',
      summary: 'Where the number routes, who it is assigned to, and its status',
      response: routingViewSchema,
      responseDescription: 'The number as the occupier’s portal list shows it',
      handle: async (ctx) => {
        const data = parseOrThrow(getRoutingSchema, { number: ctx.params['number'] });
        const reply = await client.query<OccupierNumberView & { tenant: string }>(
          assignmentQuerySubject(AssignmentQueries.getRouting, prefix),
          ctx.principal,
          data,
        );
        if (reply.ok && !canSeeNumber(ctx.caller, reply.value.siteId, reply.value.tenant))
          throw new PlatformError('NOT_FOUND', `${data.number} has no routing here`);
        return fromReply(reply);
      },
    },
    commandRoute(client, {
      ...occupierScoped,
      roles: ['operator'],
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/features',
      subject: subject(AssignmentCommands.setAccountFeatures),
      schema: setAccountFeaturesSchema,
      summary: 'The occupier account’s features: with the (advanced) conference bridge its numbers may be routed to its conference rooms',
      body: bodyOf(setAccountFeaturesSchema, 'occupierId'),
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/destinations',
      subject: subject(AssignmentCommands.createDestination),
      schema: createDestinationSchema,
      summary: 'Create a route, managed route or conference room that numbers can point at',
      body: bodyOf(createDestinationSchema, 'occupierId'),
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/destinations/{destinationId}',
      subject: subject(AssignmentCommands.renameDestination),
      schema: renameDestinationSchema,
      summary: 'Rename a destination',
      body: bodyOf(renameDestinationSchema, 'occupierId', 'destinationId'),
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'DELETE',
      path: '/v1/occupiers/{occupierId}/destinations/{destinationId}',
      subject: subject(AssignmentCommands.removeDestination),
      schema: removeDestinationSchema,
      summary: 'Remove a destination no number points at (else DESTINATION_IN_USE)',
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/users',
      subject: subject(AssignmentCommands.registerUser),
      schema: registerUserSchema,
      summary: 'Register one of the occupier’s users',
      body: bodyOf(registerUserSchema, 'occupierId'),
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/users/{userId}',
      subject: subject(AssignmentCommands.renameUser),
      schema: renameUserSchema,
      summary: 'Rename a user',
      body: bodyOf(renameUserSchema, 'occupierId', 'userId'),
    }),
    commandRoute(client, {
      ...occupierScoped,
      method: 'DELETE',
      path: '/v1/occupiers/{occupierId}/users/{userId}',
      subject: subject(AssignmentCommands.removeUser),
      schema: removeUserSchema,
      summary: 'Remove a user; numbers routed to the user lose their routing',
    }),
    {
      ...occupierScoped,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/greetings/{greetingId}',
      operationId: 'uploadGreeting',
      summary: `Upload a conference-room greeting: a WAV or MP3 file of at most ${MAX_GREETING_BYTES} bytes, sent as the raw request body`,
      consumes: ['audio/wav', 'audio/mpeg', 'application/octet-stream'],
      response: greetingUploadedSchema,
      responseDescription: 'The stored greeting: content type (from the file’s content), size and SHA-256',
      handle: async (ctx) => {
        if (!Buffer.isBuffer(ctx.body)) {
          throw new PlatformError('VALIDATION_FAILED', 'Send the audio file as the request body', {
            fields: [{ path: '(body)', message: 'content-type must be audio/wav, audio/mpeg or application/octet-stream' }],
          });
        }
        const data = {
          occupierId: ctx.params['occupierId'],
          greetingId: ctx.params['greetingId'],
          contentBase64: ctx.body.toString('base64'),
        };
        return fromReply(await sendCommand(client, subject(AssignmentCommands.uploadGreeting), uploadGreetingSchema, ctx, data));
      },
    },
    {
      ...occupierScoped,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/phone-numbers',
      operationId: 'listOccupierPhoneNumbers',
      summary: 'The occupier’s phone numbers: extension, status, assigned to, routing; by site, searchable by number or assigned-to',
      query: listOccupierNumbersSchema.omit({ occupierId: true }),
      response: occupierNumberListSchema,
      responseDescription: 'The numbers, sorted by site and number',
      handle: async (ctx) => {
        const data = parseOrThrow(listOccupierNumbersSchema, { ...ctx.query, occupierId: ctx.params['occupierId'] });
        const reply = await client.query<{ items: OccupierNumberView[] }>(
          assignmentQuerySubject(AssignmentQueries.listOccupierNumbers, prefix),
          ctx.principal,
          data,
        );
        if (!reply.ok || ctx.caller.role !== 'operator') return fromReply(reply);
        return fromReply({ ok: true, value: { items: reply.value.items.filter((i) => ctx.caller.sites.includes(i.siteId)) } });
      },
    },
    queryRoute(client, {
      ...occupierScoped,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/users',
      operationId: 'listOccupierUsers',
      summary: 'The occupier’s users, for the "assigned to" and "user" selectors',
      subject: assignmentQuerySubject(AssignmentQueries.listUsers, prefix),
      schema: listUsersSchema,
      response: userListSchema,
      responseDescription: 'Users by last name',
    }),
    queryRoute(client, {
      ...occupierScoped,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/destinations',
      operationId: 'listOccupierDestinations',
      summary: 'The occupier’s routes, managed routes and conference rooms a number can point at',
      subject: assignmentQuerySubject(AssignmentQueries.listDestinations, prefix),
      schema: listDestinationsSchema,
      query: listDestinationsSchema.omit({ occupierId: true }),
      response: destinationListSchema,
      responseDescription: 'Destinations by kind and name',
    }),
    {
      method: 'GET',
      path: '/v1/me/phone-numbers',
      operationId: 'listMyPhoneNumbers',
      summary: 'The numbers assigned to the calling user',
      tag: TAG,
      roles: ['user'],
      scope: () => ({ kind: 'resource' }),
      response: occupierNumberListSchema,
      responseDescription: 'The caller’s own numbers',
      handle: async (ctx) => {
        if (!ctx.caller.occupierId) throw new PlatformError('FORBIDDEN', 'The token names no occupier');
        const data = parseOrThrow(listOccupierNumbersSchema, { occupierId: ctx.caller.occupierId, userId: ctx.caller.id });
        return fromReply(await client.query(assignmentQuerySubject(AssignmentQueries.listOccupierNumbers, prefix), ctx.principal, data));
      },
    },
  ];
};
