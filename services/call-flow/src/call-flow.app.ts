import type { MikroORM } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import {
  commandEndpoint,
  queryEndpoint,
  retryOnConflict,
  setBasedReaction,
  UnitOfWork,
  type ReceivedEvent,
  type EndpointDeps,
} from '@tnp/messaging';
import type { Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import {
  callFlowDecider,
  callFlowStreamId,
  PLATFORM_TENANT,
  serviceNumberDecider,
  serviceNumberStreamId,
  type CallFlowCommand,
  type CallFlowState,
  type ServiceNumberCommand,
  type ServiceNumberState,
} from '@tnp/call-flow-domain';
import {
  assignFlowSchema,
  CallFlowCommands,
  callFlowCommandSubject,
  CallFlowQueries,
  callFlowQuerySubject,
  changeCallFlowSchema,
  defineCallFlowSchema,
  describeServiceNumberSchema,
  flowOnlySchema,
  listServiceNumbersSchema,
  numberOnlySchema,
  overrideFlowSchema,
  rescheduleFlowSwitchSchema,
  scheduleFlowSwitchSchema,
  scheduleOnlySchema,
  callFlowCatalogue,
  SERVICE,
  setWeeklyScheduleSchema,
  type CallFlowCommandName,
} from '@tnp/call-flow-contracts';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import {
  CF_SCHEMA,
  callFlowReadModelSql,
  displayForms,
  ServiceNumberViewEntity,
  serviceNumbersProjection,
  serviceNumbersTable,
  TimelineEntryEntity,
  timelineProjection,
  timelineTable,
} from './read-model';
import { scheduledSwitchesEndpoint } from './scheduled-switches.endpoint';

type NumberCommand = Omit<ServiceNumberCommand, 'metadata'>;

/** The flows a command on a service number may need to know: named ones, the current one, queued and weekly ones. */
const flowIdsFor = (command: NumberCommand, state: ServiceNumberState): string[] => {
  const data = command.data as Record<string, unknown>;
  const schedule = data['schedule'] as { periods?: { flowId: string }[]; exceptions?: { flowId: string }[] } | null | undefined;
  return [
    ...new Set(
      [
        data['flowId'] as string | null | undefined,
        state.flow?.flowId,
        ...state.pending.map((p) => p.flowId),
        ...(schedule?.periods ?? []).map((p) => p.flowId),
        ...(schedule?.exceptions ?? []).map((e) => e.flowId),
        ...(state.weekly?.periods ?? []).map((p) => p.flowId),
        ...(state.weekly?.exceptions ?? []).map((e) => e.flowId),
      ].filter((id): id is string => typeof id === 'string'),
    ),
  ];
};

export const decideOnServiceNumber = (store: EventStore, command: NumberCommand, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = serviceNumberStreamId(command.data.number);
    const state = await uow.load(streamId, serviceNumberDecider);
    const owner = state.observed?.owner;
    const tenant = owner?.type === 'occupier' ? owner.occupierId : null;
    const flows = new Map<string, CallFlowState>();
    for (const flowId of flowIdsFor(command, state)) flows.set(flowId, await flowFor(uow, tenant, flowId));
    const events = uow.decide(streamId, serviceNumberDecider, command, { flows });
    const results = await uow.commit();
    return {
      number: command.data.number,
      events: events.map((e) => e.type),
      eventIds: results.flatMap((r) => r.eventIds),
      decidedAt: metadata.now,
    };
  }, 8);

/** A service number's flow: the company's own of that id, else the platform's. */
const flowFor = async (uow: UnitOfWork, tenant: string | null, flowId: string): Promise<CallFlowState> => {
  const own = tenant ? await uow.load(callFlowStreamId(tenant, flowId), callFlowDecider) : undefined;
  return own?.exists ? own : uow.load(callFlowStreamId(PLATFORM_TENANT, flowId), callFlowDecider);
};

/** A flow is defined for the tenant it names, and changed among the caller's own (the platform's when the caller names none). */
const flowTenant = (command: Omit<CallFlowCommand, 'metadata'>, metadata: CommandMetadata): string =>
  'tenant' in command.data ? command.data.tenant : (metadata.principal.tenantId ?? PLATFORM_TENANT);

const decideOnFlow = (store: EventStore, command: Omit<CallFlowCommand, 'metadata'>, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = callFlowStreamId(flowTenant(command, metadata), command.data.flowId);
    await uow.load(streamId, callFlowDecider);
    uow.decide(streamId, callFlowDecider, command, undefined);
    return { flowId: command.data.flowId, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
  }, 5);

const endpoints = (store: EventStore, orm: MikroORM, deps: EndpointDeps, prefix: string) => {
  const numberCommand = <S extends z.ZodType>(name: CallFlowCommandName, type: ServiceNumberCommand['type'], schema: S) =>
    commandEndpoint(deps, {
      subject: callFlowCommandSubject(name, prefix),
      commandType: type,
      schema,
      handle: (data, metadata) => decideOnServiceNumber(store, { type, data } as NumberCommand, metadata),
    });
  return [
    commandEndpoint(deps, {
      subject: callFlowCommandSubject(CallFlowCommands.defineCallFlow, prefix),
      commandType: 'DefineCallFlow',
      schema: defineCallFlowSchema,
      handle: (d, m) => decideOnFlow(store, { type: 'DefineCallFlow', data: d }, m),
    }),
    commandEndpoint(deps, {
      subject: callFlowCommandSubject(CallFlowCommands.changeCallFlow, prefix),
      commandType: 'ChangeCallFlow',
      schema: changeCallFlowSchema,
      handle: (d, m) => decideOnFlow(store, { type: 'ChangeCallFlow', data: d }, m),
    }),
    commandEndpoint(deps, {
      subject: callFlowCommandSubject(CallFlowCommands.deleteCallFlow, prefix),
      commandType: 'DeleteCallFlow',
      schema: flowOnlySchema,
      handle: (d, m) => decideOnFlow(store, { type: 'DeleteCallFlow', data: d }, m),
    }),
    numberCommand(CallFlowCommands.designateServiceNumber, 'DesignateServiceNumber', describeServiceNumberSchema),
    numberCommand(CallFlowCommands.describeServiceNumber, 'DescribeServiceNumber', describeServiceNumberSchema),
    numberCommand(CallFlowCommands.assignFlow, 'AssignFlow', assignFlowSchema),
    numberCommand(CallFlowCommands.scheduleFlowSwitch, 'ScheduleFlowSwitch', scheduleFlowSwitchSchema),
    numberCommand(CallFlowCommands.rescheduleFlowSwitch, 'RescheduleFlowSwitch', rescheduleFlowSwitchSchema),
    numberCommand(CallFlowCommands.cancelFlowSwitch, 'CancelFlowSwitch', scheduleOnlySchema),
    numberCommand(CallFlowCommands.setWeeklySchedule, 'SetWeeklySchedule', setWeeklyScheduleSchema),
    numberCommand(CallFlowCommands.overrideFlow, 'OverrideFlow', overrideFlowSchema),
    numberCommand(CallFlowCommands.clearOverride, 'ClearOverride', numberOnlySchema),
    numberCommand(CallFlowCommands.applyScheduledSwitch, 'ApplyScheduledSwitch', scheduleOnlySchema),
    // The scheduler's burst path: many due switches per request, each applied once by its own id.
    scheduledSwitchesEndpoint(deps, {
      subject: callFlowCommandSubject(CallFlowCommands.applyScheduledSwitches, prefix),
      apply: (data, metadata) => decideOnServiceNumber(store, { type: 'ApplyScheduledSwitch', data }, metadata),
    }),
    queryEndpoint(deps, {
      subject: callFlowQuerySubject(CallFlowQueries.listServiceNumbers, prefix),
      queryType: 'ListServiceNumbers',
      schema: listServiceNumbersSchema,
      handle: async (d) => {
        const rows = await orm.em.fork().find(ServiceNumberViewEntity, { tenant: d.tenant, designated: true }, { orderBy: { key: 'asc' } });
        return {
          items: rows.map((r) => ({
            number: r.key,
            siteId: r.state.observed?.siteId ?? null,
            ...displayForms(r.key),
            name: r.state.name,
            description: r.state.description,
            flow: r.state.flow,
            nextChangeAt: r.nextChangeAt,
            weekly: r.state.weekly,
            override: r.state.override,
          })),
        };
      },
    }),
    queryEndpoint(deps, {
      subject: callFlowQuerySubject(CallFlowQueries.timeline, prefix),
      queryType: 'Timeline',
      schema: numberOnlySchema,
      handle: async (d) => {
        const view = await orm.em.fork().findOne(ServiceNumberViewEntity, { key: d.number });
        const rows = await orm.em.fork().find(TimelineEntryEntity, { number: d.number }, { orderBy: { dueAt: 'asc' } });
        return {
          number: d.number,
          tenant: view?.tenant ?? null,
          siteId: view?.state.observed?.siteId ?? null,
          entries: rows.map(({ key: _key, ...rest }) => rest),
        };
      },
    }),
  ];
};

const reactToInventory =
  (store: EventStore) =>
  async (event: ReceivedEvent): Promise<void> => {
    const fact = inventoryFactOf(event);
    if (!fact) return;
    const number = fact.data.number;
    await decideOnServiceNumber(
      store,
      { type: 'ObserveInventory', data: { number, fact } },
      {
        commandId: `number-inventory:${event.id}`,
        now: event.time,
        principal: { id: 'number-inventory', role: 'system' },
        correlationId: event.correlationid,
        causationId: event.id,
      },
    );
  };

export const callFlowService: ServiceDefinition = {
  name: SERVICE,
  events: callFlowCatalogue,
  entities: [ServiceNumberViewEntity, TimelineEntryEntity],
  readModelSql: callFlowReadModelSql,
  endpoints: ({ store, orm, endpointDeps, prefix }) => endpoints(store, orm, endpointDeps, prefix),
  projections: () => [
    projectionDefinition(CF_SCHEMA, serviceNumbersProjection, serviceNumbersTable),
    projectionDefinition(CF_SCHEMA, timelineProjection, timelineTable),
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
