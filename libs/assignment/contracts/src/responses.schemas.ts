import { z } from 'zod';
import type { DeepReadonly } from '@tnp/kernel';

/** What assignment answers, as the REST API documents it (see number-inventory's responses.schemas.ts). */
const int = z.number().int();
const eventIds = z.array(z.string()).describe('The ids of the events appended (none for a no-op)');

export const numberOutcomeSchema = z.object({ number: z.string(), eventIds });
export const idOutcomeSchema = z.object({ id: z.string(), eventIds });

export const greetingUploadedSchema = z.object({
  tenant: z.string(),
  greetingId: z.string(),
  contentType: z.enum(['audio/wav', 'audio/mpeg']),
  bytes: int,
  sha256: z.string(),
  eventIds,
});

export const occupierNumberViewSchema = z.object({
  number: z.string(),
  siteId: z.string(),
  ext: z.string().nullable(),
  status: z.enum(['reserved', 'active', 'pending']),
  isMain: z.boolean(),
  assignedTo: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('main-number') }),
      z.object({ type: z.literal('user'), userId: z.string(), name: z.string() }),
      z.object({ type: z.literal('display-name'), name: z.string() }),
    ])
    .nullable(),
  displayName: z.object({ first: z.string(), second: z.string() }).nullable(),
  routing: z.object({
    type: z.enum(['none', 'user', 'route', 'managed-route', 'conference-room', 'call-forwarding', 'fax']),
    destinationId: z.string().nullable(),
    destinationName: z.string().nullable(),
    extensionId: z.string().nullable().describe('The extension a user destination rings'),
    forwardTo: z.string().nullable(),
  }),
});
export const routingViewSchema = occupierNumberViewSchema.extend({ tenant: z.string() });
export const occupierNumberListSchema = z.object({ items: z.array(occupierNumberViewSchema) });

export const userListSchema = z.object({
  items: z.array(z.object({ userId: z.string(), firstName: z.string(), lastName: z.string() })),
});
export const destinationListSchema = z.object({
  items: z.array(z.object({ destinationId: z.string(), kind: z.enum(['route', 'managed-route', 'conference-room']), name: z.string() })),
});
export type UserList = z.infer<typeof userListSchema>;
export type DestinationList = z.infer<typeof destinationListSchema>;

export type OccupierNumberView = DeepReadonly<z.output<typeof occupierNumberViewSchema>>;
