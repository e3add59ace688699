import { z } from 'zod';
import { text } from '@tnp/kernel';

export const SERVICE = 'assignment';

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, dot, dash or underscore');
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces');
export const occupierIdSchema = slug;

export const RING_PATTERN_VALUES = ['standard', 'short-short', 'short-long', 'long-short', 'long-long', 'triple'] as const;

export const callSettingsSchema = z.strictObject({
  locationSiteId: slug.nullable().default(null),
  prependCallerId: z
    .string()
    .max(5, 'at most 5 characters')
    .regex(/^[\x20-\x7e]*$/, 'printable characters only')
    .nullable()
    .default(null),
  distinctiveRing: z.enum(RING_PATTERN_VALUES).nullable().default(null),
  emergencyRouteId: slug.nullable().default(null),
  recordInbound: z.boolean().default(false),
});

export const destinationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({
    type: z.literal('user'),
    userId: slug,
    extensionId: slug.optional().describe('Which of the user’s extensions the number rings; may be left out when the user has exactly one'),
  }),
  z.strictObject({ type: z.literal('route'), destinationId: slug }),
  z.strictObject({ type: z.literal('managed-route'), destinationId: slug }),
  z.strictObject({
    type: z.literal('conference-room'),
    destinationId: slug,
    pinlessEntry: z.boolean().default(false),
    greetingId: slug.nullable().default(null),
  }),
  z.strictObject({
    type: z.literal('call-forwarding'),
    forwardTo: z.string().regex(/^\+?\d{7,15}$/, 'a national number such as 5557778888, or E.164; digits only'),
  }),
  z.strictObject({ type: z.literal('fax') }),
]);

export const routeNumberSchema = z.strictObject({
  number: e164Schema,
  destination: destinationSchema,
  settings: callSettingsSchema.default({
    locationSiteId: null,
    prependCallerId: null,
    distinctiveRing: null,
    emergencyRouteId: null,
    recordInbound: false,
  }),
});
export const numberOnlySchema = z.strictObject({ number: e164Schema });
export const assignUserSchema = z.strictObject({ number: e164Schema, userId: slug });
export const setDisplayNameSchema = z.strictObject({
  number: e164Schema,
  first: text({ max: 40, min: 1 }),
  second: text({ max: 40 }).default(''),
});

export const createDestinationSchema = z.strictObject({
  occupierId: occupierIdSchema,
  destinationId: slug,
  kind: z.enum(['route', 'managed-route', 'conference-room']),
  name: text({ max: 100, min: 1 }),
});
export const renameDestinationSchema = z.strictObject({
  occupierId: occupierIdSchema,
  destinationId: slug,
  name: text({ max: 100, min: 1 }),
});
export const removeDestinationSchema = z.strictObject({ occupierId: occupierIdSchema, destinationId: slug });

export const registerUserSchema = z.strictObject({
  occupierId: occupierIdSchema,
  userId: slug,
  firstName: text({ max: 60, min: 1 }),
  lastName: text({ max: 60, min: 1 }),
});
export const renameUserSchema = registerUserSchema;
export const removeUserSchema = z.strictObject({ occupierId: occupierIdSchema, userId: slug });

export const MAX_GREETING_BYTES = 512 * 1024;
export const uploadGreetingSchema = z.strictObject({
  occupierId: occupierIdSchema,
  greetingId: slug,
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_GREETING_BYTES * 4) / 3) + 4, `the audio file may be at most ${MAX_GREETING_BYTES} bytes`),
});

export const listOccupierNumbersSchema = z.strictObject({
  occupierId: occupierIdSchema,
  siteId: slug.optional(),
  search: text({ max: 60, min: 1 }).optional(),
  userId: slug.optional(),
});
export const getRoutingSchema = z.strictObject({ number: e164Schema });
/** What a portal fills its selectors from: the occupier's users, and its routes, managed routes and conference rooms. */
export const listUsersSchema = z.strictObject({ occupierId: occupierIdSchema });
export const listDestinationsSchema = z.strictObject({
  occupierId: occupierIdSchema,
  kind: z.enum(['route', 'managed-route', 'conference-room']).optional(),
});

export type RouteNumberInput = z.infer<typeof routeNumberSchema>;
export type AssignUserInput = z.infer<typeof assignUserSchema>;

export const AssignmentCommands = {
  routeNumber: 'route-number',
  assignUser: 'assign-user',
  unassignUser: 'unassign-user',
  setDisplayName: 'set-display-name',
  clearDisplayName: 'clear-display-name',
  createDestination: 'create-destination',
  renameDestination: 'rename-destination',
  removeDestination: 'remove-destination',
  registerUser: 'register-user',
  renameUser: 'rename-user',
  removeUser: 'remove-user',
  uploadGreeting: 'upload-greeting',
  setAccountFeatures: 'set-account-features',
} as const;

export const AssignmentQueries = {
  listOccupierNumbers: 'list-occupier-numbers',
  getRouting: 'get-routing',
  listUsers: 'list-users',
  listDestinations: 'list-destinations',
} as const;

export type AssignmentCommandName = (typeof AssignmentCommands)[keyof typeof AssignmentCommands];
export type AssignmentQueryName = (typeof AssignmentQueries)[keyof typeof AssignmentQueries];

/** The features an occupier's account has; the conference bridge lets numbers reach its conference rooms. */
export const setAccountFeaturesSchema = z.strictObject({ occupierId: slug, conferenceBridge: z.boolean() });

const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);
export const assignmentCommandSubject = (name: AssignmentCommandName, prefix = ''): string => withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const assignmentQuerySubject = (name: AssignmentQueryName, prefix = ''): string => withPrefix(prefix, `qry.${SERVICE}.${name}`);
