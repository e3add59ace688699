import type { serviceNumberEvents } from '@tnp/call-flow-contracts';
import {
  assertNever,
  notFound,
  PlatformError,
  ruleViolated,
  sameValue,
  validationFailed,
  type Command,
  type Decider,
  type Principal,
  type EventsOf,
} from '@tnp/kernel';
import { isInService, observeInventory, type InventoryFact, type ObservedNumber } from '@tnp/number-lifecycle';
import { CallFlowRule, checkValues, PLATFORM_TENANT, type CallFlowState, type ParameterValues } from './call-flow.decider';
import { entryInForce, nextBoundary, type WeeklySchedule } from './weekly-schedule';
import { toInstant, type LocalDateTime } from './zoned-time';

export type AssignedFlow = { readonly flowId: string; readonly version: number; readonly values: ParameterValues };
export type PendingSwitch = {
  readonly scheduleId: string;
  readonly kind: 'one-off' | 'weekly';
  readonly dueAt: string;
  readonly timeZone: string;
  readonly local: LocalDateTime;
  readonly flowId: string | null;
  readonly values: ParameterValues | null;
};
export type Override = { readonly until: 'next-boundary' | 'cleared' };

export type ServiceNumberState = {
  readonly observed: ObservedNumber | null;
  readonly designated: boolean;
  readonly name: string;
  readonly description: string | null;
  readonly flow: AssignedFlow | null;
  readonly pending: readonly PendingSwitch[];
  readonly weekly: WeeklySchedule | null;
  readonly override: Override | null;
};

type At = { readonly number: string };
type Target = { readonly flowId: string | null; readonly values: ParameterValues | null };

export type ServiceNumberCommand =
  | Command<'ObserveInventory', At & { readonly fact: InventoryFact }>
  | Command<'DesignateServiceNumber', At & { readonly name: string; readonly description: string | null }>
  | Command<'DescribeServiceNumber', At & { readonly name: string; readonly description: string | null }>
  | Command<'AssignFlow', At & { readonly flowId: string; readonly values: ParameterValues }>
  | Command<'ScheduleFlowSwitch', At & Target & { readonly scheduleId: string; readonly at: LocalDateTime; readonly timeZone: string }>
  | Command<'RescheduleFlowSwitch', At & { readonly scheduleId: string; readonly at: LocalDateTime; readonly timeZone: string }>
  | Command<'CancelFlowSwitch', At & { readonly scheduleId: string }>
  | Command<'SetWeeklySchedule', At & { readonly schedule: WeeklySchedule | null }>
  | Command<'OverrideFlow', At & { readonly flowId: string; readonly values: ParameterValues; readonly until: Override['until'] }>
  | Command<'ClearOverride', At>
  | Command<'ApplyScheduledSwitch', At & { readonly scheduleId: string }>;

export type ServiceNumberEvent = EventsOf<typeof serviceNumberEvents>;

/** What the handler looked up: the flows the command names (by id), as they are now. */
export type ServiceNumberContext = { readonly flows: ReadonlyMap<string, CallFlowState> };

export const serviceNumberStreamId = (number: string): string => `service-number-${number}`;
const LATE_AFTER_MS = 1000;

export const initialServiceNumberState = (): ServiceNumberState => ({
  observed: null,
  designated: false,
  name: '',
  description: null,
  flow: null,
  pending: [],
  weekly: null,
  override: null,
});

export const evolveServiceNumber = (state: ServiceNumberState, event: ServiceNumberEvent): ServiceNumberState => {
  switch (event.type) {
    case 'ServiceNumberObserved':
      return { ...state, observed: event.data.observed };
    case 'ServiceNumberDesignated':
    case 'ServiceNumberDescribed':
      return { ...state, designated: true, name: event.data.name, description: event.data.description };
    case 'FlowAssigned':
      return { ...state, flow: { flowId: event.data.flowId, version: event.data.version, values: event.data.values } };
    case 'FlowSwitchScheduled': {
      const { scheduleId, kind, dueAt, timeZone, local, flowId, values } = event.data;
      const pending: PendingSwitch = { scheduleId, kind, dueAt, timeZone, local, flowId, values };
      return { ...state, pending: [...state.pending.filter((p) => p.scheduleId !== scheduleId), pending] };
    }
    case 'FlowSwitchRescheduled':
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.scheduleId === event.data.scheduleId
            ? { ...p, dueAt: event.data.dueAt, timeZone: event.data.timeZone, local: event.data.local }
            : p,
        ),
      };
    case 'FlowSwitchCancelled':
    case 'FlowSwitchFailed':
      return { ...state, pending: state.pending.filter((p) => p.scheduleId !== event.data.scheduleId) };
    case 'FlowSwitched':
      return {
        ...state,
        flow: { flowId: event.data.flowId, version: event.data.version, values: event.data.values },
        pending: state.pending.filter((p) => p.scheduleId !== event.data.scheduleId),
        override: state.override?.until === 'next-boundary' && event.data.scheduleId.startsWith('weekly:') ? null : state.override,
      };
    case 'WeeklyScheduleSet':
      return { ...state, weekly: event.data.schedule };
    case 'FlowOverridden':
      return { ...state, override: { until: event.data.until } };
    case 'FlowOverrideCleared':
      return { ...state, override: null };
    case 'ServiceNumberReleased':
      return { ...initialServiceNumberState(), observed: state.observed };
    default:
      return assertNever(event, 'service number event');
  }
};

/**
 * A number that leaves the company it served (deallocated, or allocated to another company) keeps
 * nothing of that company's: each queued switch is cancelled (the scheduler retires its timer),
 * then its name, flow, weekly schedule and override go. A number the company never set up leaves
 * nothing to release.
 */
const releasedByOwnerChange = (number: string, state: ServiceNumberState, observed: ObservedNumber): ServiceNumberEvent[] => {
  const before = state.observed?.owner;
  if (before?.type !== 'occupier') return [];
  const after = observed.owner;
  if (after?.type === 'occupier' && after.occupierId === before.occupierId) return [];
  const settings = state.designated || state.flow !== null || state.pending.length > 0 || state.weekly !== null || state.override !== null;
  if (!settings) return [];
  return [
    ...state.pending.map((p): ServiceNumberEvent => ({
      type: 'FlowSwitchCancelled',
      data: { number, scheduleId: p.scheduleId, reason: 'number-left-company' },
    })),
    { type: 'ServiceNumberReleased', data: { number, previousTenant: before.occupierId, reason: 'owner-changed' } },
  ];
};

export const decideServiceNumber = (
  command: ServiceNumberCommand,
  state: ServiceNumberState,
  context: ServiceNumberContext,
): ServiceNumberEvent[] => {
  const { number } = command.data;
  const { principal, now } = command.metadata;
  const nowMs = Date.parse(now);
  switch (command.type) {
    case 'ObserveInventory': {
      const observed = observeInventory(state.observed, command.data.fact);
      if (!observed) return [];
      const seen: ServiceNumberEvent = { type: 'ServiceNumberObserved', data: { number, observed } };
      return [seen, ...releasedByOwnerChange(number, state, observed)];
    }

    case 'DesignateServiceNumber': {
      if (principal.role !== 'platform' && principal.role !== 'operator' && principal.role !== 'system') {
        throw new PlatformError('FORBIDDEN', 'The operator designates service numbers');
      }
      const observed = state.observed;
      if (!observed?.owner || observed.owner.type !== 'occupier') throw notFound(`${number} is not a company's number`);
      if (principal.role === 'operator' && !principal.sites?.includes(observed.siteId)) throw notFound(`${number} is not at your sites`);
      if (!isInService(observed)) throw ruleViolated(CallFlowRule.NUMBER_NOT_ACTIVE, `${number} is not ACTIVE`);
      if (state.designated && state.name === command.data.name && state.description === command.data.description) return [];
      return [
        {
          type: 'ServiceNumberDesignated',
          data: { number, tenant: observed.owner.occupierId, name: command.data.name, description: command.data.description },
        },
      ];
    }

    case 'DescribeServiceNumber':
      assertCompany(state, number, principal);
      return state.name === command.data.name && state.description === command.data.description
        ? []
        : [{ type: 'ServiceNumberDescribed', data: command.data }];

    case 'AssignFlow': {
      const tenant = assertCompany(state, number, principal);
      const flow = usableFlow(context, command.data.flowId, tenant);
      assertMayMoveTo(state, context, command.data.flowId, flow, principal);
      assertValues(flow, command.data.values);
      const assigned = { flowId: command.data.flowId, version: flow.version, values: command.data.values };
      if (sameAssignment(state.flow, assigned)) return [];
      return [{ type: 'FlowAssigned', data: { number, ...assigned, reason: 'assigned' } }];
    }

    case 'ScheduleFlowSwitch': {
      const tenant = assertCompany(state, number, principal);
      const existing = state.pending.find((p) => p.scheduleId === command.data.scheduleId);
      if (existing) return [];
      const dueAt = toInstant(command.data.at, command.data.timeZone);
      if (dueAt <= nowMs)
        throw ruleViolated(
          CallFlowRule.SCHEDULE_IN_PAST,
          `${command.data.at.date} ${command.data.at.time} ${command.data.timeZone} has passed`,
        );
      const targetFlowId = command.data.flowId ?? state.flow?.flowId;
      if (!targetFlowId) throw notFound(`${number} has no call flow yet; name one`);
      const flow = usableFlow(context, targetFlowId, tenant);
      if (command.data.flowId) assertMayMoveTo(state, context, command.data.flowId, flow, principal);
      assertValues(flow, command.data.values ?? state.flow?.values ?? {});
      return [
        {
          type: 'FlowSwitchScheduled',
          data: {
            number,
            scheduleId: command.data.scheduleId,
            kind: 'one-off',
            dueAt: new Date(dueAt).toISOString(),
            timeZone: command.data.timeZone,
            local: command.data.at,
            flowId: command.data.flowId,
            values: command.data.values,
          },
        },
      ];
    }

    case 'RescheduleFlowSwitch': {
      assertCompany(state, number, principal);
      const pending = state.pending.find((p) => p.scheduleId === command.data.scheduleId && p.kind === 'one-off');
      if (!pending) throw ruleViolated(CallFlowRule.SCHEDULE_NOT_FOUND, `No pending switch ${command.data.scheduleId}`);
      const dueAt = toInstant(command.data.at, command.data.timeZone);
      if (dueAt <= nowMs)
        throw ruleViolated(
          CallFlowRule.SCHEDULE_IN_PAST,
          `${command.data.at.date} ${command.data.at.time} ${command.data.timeZone} has passed`,
        );
      const iso = new Date(dueAt).toISOString();
      if (iso === pending.dueAt) return [];
      return [
        {
          type: 'FlowSwitchRescheduled',
          data: { number, scheduleId: command.data.scheduleId, dueAt: iso, timeZone: command.data.timeZone, local: command.data.at },
        },
      ];
    }

    case 'CancelFlowSwitch':
      assertCompany(state, number, principal);
      return state.pending.some((p) => p.scheduleId === command.data.scheduleId)
        ? [{ type: 'FlowSwitchCancelled', data: { number, scheduleId: command.data.scheduleId, reason: 'cancelled' } }]
        : [];

    case 'SetWeeklySchedule': {
      const tenant = assertCompany(state, number, principal);
      const schedule = command.data.schedule;
      for (const entry of [...(schedule?.periods ?? []), ...(schedule?.exceptions ?? [])]) {
        const flow = usableFlow(context, entry.flowId, tenant);
        assertMayMoveTo(state, context, entry.flowId, flow, principal);
        assertValues(flow, entry.values);
      }
      const events: ServiceNumberEvent[] = [{ type: 'WeeklyScheduleSet', data: { number, schedule } }];
      for (const p of state.pending.filter((x) => x.kind === 'weekly')) {
        events.push({ type: 'FlowSwitchCancelled', data: { number, scheduleId: p.scheduleId, reason: 'schedule replaced' } });
      }
      const next = schedule ? nextBoundary(schedule, nowMs) : undefined;
      if (schedule && next) events.push(weeklyBoundaryScheduled(number, schedule, next.at));
      return events;
    }

    case 'OverrideFlow': {
      const tenant = assertCompany(state, number, principal);
      const flow = usableFlow(context, command.data.flowId, tenant);
      assertMayMoveTo(state, context, command.data.flowId, flow, principal);
      assertValues(flow, command.data.values);
      return [
        { type: 'FlowOverridden', data: { number, until: command.data.until } },
        {
          type: 'FlowAssigned',
          data: { number, flowId: command.data.flowId, version: flow.version, values: command.data.values, reason: 'override' },
        },
      ];
    }

    case 'ClearOverride': {
      assertCompany(state, number, principal);
      if (!state.override) throw ruleViolated(CallFlowRule.OVERRIDE_NOT_ACTIVE, `${number} has no override`);
      const events: ServiceNumberEvent[] = [{ type: 'FlowOverrideCleared', data: { number } }];
      const entry = state.weekly ? entryInForce(state.weekly, nowMs) : undefined;
      const flow = entry ? context.flows.get(entry.entry.flowId) : undefined;
      if (entry && flow?.exists && !flow.deleted && checkValues(flow.parameters, entry.entry.values).length === 0) {
        events.push({
          type: 'FlowAssigned',
          data: { number, flowId: entry.entry.flowId, version: flow.version, values: entry.entry.values, reason: 'override-cleared' },
        });
      }
      return events;
    }

    case 'ApplyScheduledSwitch':
      return applyScheduled(number, state, context, command.data.scheduleId, nowMs);

    default:
      return assertNever(command, 'service number command');
  }
};

/**
 * Applies a due switch. A one-off applies as scheduled (marked late when it fires late); a weekly
 * boundary applies the entry in force now, so after downtime only the latest missed boundary
 * counts, and the next boundary is scheduled. A flow deleted or changed incompatibly since fails
 * the switch with its reason, and the number keeps its flow.
 */
const applyScheduled = (
  number: string,
  state: ServiceNumberState,
  context: ServiceNumberContext,
  scheduleId: string,
  nowMs: number,
): ServiceNumberEvent[] => {
  const pending = state.pending.find((p) => p.scheduleId === scheduleId);
  if (!pending) return [];
  const late = nowMs - Date.parse(pending.dueAt) > LATE_AFTER_MS;
  const events: ServiceNumberEvent[] = [];
  let target: { flowId: string; values: ParameterValues } | undefined;
  if (pending.kind === 'weekly' && state.weekly) {
    const entry = entryInForce(state.weekly, Math.max(nowMs, Date.parse(pending.dueAt)));
    const next = nextBoundary(state.weekly, Math.max(nowMs, Date.parse(pending.dueAt)));
    if (state.override?.until !== 'cleared' && entry) target = { flowId: entry.entry.flowId, values: entry.entry.values };
    if (next) events.push(weeklyBoundaryScheduled(number, state.weekly, next.at));
  } else if (pending.kind === 'one-off') {
    const flowId = pending.flowId ?? state.flow?.flowId;
    if (flowId) target = { flowId, values: pending.values ?? state.flow?.values ?? {} };
  }
  if (!target) {
    return [
      {
        type: 'FlowSwitchCancelled',
        data: { number, scheduleId, reason: state.override?.until === 'cleared' ? 'override in force' : 'nothing to switch to' },
      },
      ...events,
    ];
  }
  const flow = context.flows.get(target.flowId);
  const failure =
    !flow?.exists || flow.deleted
      ? `call flow ${target.flowId} was deleted`
      : checkValues(flow.parameters, target.values)
          .map((p) => `${p.path} ${p.message}`)
          .join('; ');
  if (failure || !flow?.exists) {
    return [{ type: 'FlowSwitchFailed', data: { number, scheduleId, dueAt: pending.dueAt, reason: failure || 'flow missing' } }, ...events];
  }
  return [
    {
      type: 'FlowSwitched',
      data: { number, scheduleId, dueAt: pending.dueAt, late, flowId: target.flowId, version: flow.version, values: target.values },
    },
    ...events,
  ];
};

const weeklyBoundaryScheduled = (number: string, schedule: WeeklySchedule, at: number): ServiceNumberEvent => {
  const iso = new Date(at).toISOString();
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: schedule.timeZone, dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(at))
    .split(' ');
  return {
    type: 'FlowSwitchScheduled',
    data: {
      number,
      scheduleId: `weekly:${iso}`,
      kind: 'weekly',
      dueAt: iso,
      timeZone: schedule.timeZone,
      local: { date: local[0] ?? '', time: local[1] ?? '' },
      flowId: null,
      values: null,
    },
  };
};

/** The company whose service number this is, if the caller may act for it. */
const assertCompany = (state: ServiceNumberState, number: string, principal: Principal): string => {
  const owner = state.observed?.owner;
  if (!state.designated || owner?.type !== 'occupier')
    throw ruleViolated(CallFlowRule.NOT_SERVICE_NUMBER, `${number} is not a service number`);
  const tenant = owner.occupierId;
  switch (principal.role) {
    case 'platform':
    case 'system':
      return tenant;
    case 'occupier-admin':
      if (principal.tenantId === tenant) return tenant;
      break;
    case 'operator':
      if (state.observed && principal.sites?.includes(state.observed.siteId)) return tenant;
      break;
    case 'user':
      break;
    default:
      return assertNever(principal.role, 'role');
  }
  throw notFound(`${number} is not one of your service numbers`);
};

const usableFlow = (context: ServiceNumberContext, flowId: string, tenant: string): Extract<CallFlowState, { exists: true }> => {
  const flow = context.flows.get(flowId);
  if (!flow?.exists || flow.deleted || (flow.tenant !== tenant && flow.tenant !== PLATFORM_TENANT)) {
    throw ruleViolated(CallFlowRule.FLOW_NOT_FOUND, `Call flow ${flowId} does not exist`);
  }
  return flow;
};

/** A locked flow holds its numbers: company administrators may change its values, not leave it or pick it. */
const assertMayMoveTo = (
  state: ServiceNumberState,
  context: ServiceNumberContext,
  flowId: string,
  flow: Extract<CallFlowState, { exists: true }>,
  principal: Principal,
): void => {
  if (principal.role === 'platform' || principal.role === 'system') return;
  const current = state.flow ? context.flows.get(state.flow.flowId) : undefined;
  if (state.flow && state.flow.flowId !== flowId && current?.exists && current.locked && !current.deleted) {
    throw ruleViolated(CallFlowRule.FLOW_LOCKED, `The call flow of this number is locked; only its parameters can change`);
  }
  if (flow.locked && state.flow?.flowId !== flowId)
    throw ruleViolated(CallFlowRule.FLOW_LOCKED, `Call flow ${flowId} is locked; the platform owner assigns it`);
};

const assertValues = (flow: Extract<CallFlowState, { exists: true }>, values: ParameterValues): void => {
  const problems = checkValues(flow.parameters, values);
  if (problems.length > 0) throw validationFailed(problems, `Values do not fit call flow ${flow.name}`);
};

const sameAssignment = (a: AssignedFlow | null, b: AssignedFlow): boolean =>
  a !== null && a.flowId === b.flowId && a.version === b.version && sameValue(a.values, b.values);

export const serviceNumberDecider: Decider<ServiceNumberCommand, ServiceNumberEvent, ServiceNumberState, ServiceNumberContext> = {
  initialState: initialServiceNumberState,
  evolve: evolveServiceNumber,
  decide: decideServiceNumber,
};
