import { z } from 'zod';
import type { DeepReadonly } from '@tnp/kernel';
import { eventParameterDefinitionSchema, serviceNumberEvents } from './events.schemas';

/** What call-flow answers, as the REST API documents it (see number-inventory's responses.schemas.ts). */
const int = z.number().int();
const eventIds = z.array(z.string()).describe('The ids of the events appended (none for a no-op)');

export const flowOutcomeSchema = z.object({ flowId: z.string(), eventIds });

export const callFlowListSchema = z.object({
  items: z.array(
    z.object({
      flowId: z.string(),
      tenant: z.string().describe('The company, or "platform" for the platform’s own flows'),
      name: z.string(),
      locked: z.boolean(),
      version: z.number().int(),
      parameters: z.array(eventParameterDefinitionSchema),
    }),
  ),
});
export type CallFlowList = DeepReadonly<z.infer<typeof callFlowListSchema>>;

export const appliedServiceNumberCommandSchema = z.object({
  number: z.string(),
  events: z.array(z.enum(Object.keys(serviceNumberEvents) as [keyof typeof serviceNumberEvents & string])),
  eventIds,
  decidedAt: z.string().describe('When call-flow decided (ISO 8601)'),
});

const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const weeklyViewSchema = z.object({
  timeZone: z.string(),
  periods: z.array(
    z.object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])), start: z.string(), flowId: z.string(), values }),
  ),
  exceptions: z.array(z.object({ date: z.string(), flowId: z.string(), values })),
});

export const serviceNumberListSchema = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      siteId: z.string().nullable(),
      national: z.string(),
      international: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      flow: z.object({ flowId: z.string(), version: int, values }).nullable(),
      nextChangeAt: z.string().nullable(),
      weekly: weeklyViewSchema.nullable(),
      override: z.object({ until: z.enum(['next-boundary', 'cleared']) }).nullable(),
    }),
  ),
});

export const serviceNumberTimelineSchema = z.object({
  number: z.string(),
  tenant: z.string().nullable(),
  siteId: z.string().nullable(),
  entries: z.array(
    z.object({
      number: z.string(),
      scheduleId: z.string(),
      kind: z.enum(['one-off', 'weekly']),
      dueAt: z.string(),
      local: z.string(),
      flowId: z.string().nullable(),
      status: z.enum(['pending', 'cancelled', 'applied', 'failed']),
      late: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
});

export type AppliedScheduledSwitch = DeepReadonly<z.output<typeof appliedServiceNumberCommandSchema>>;
