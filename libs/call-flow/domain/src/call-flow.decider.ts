import type { callFlowEvents } from '@tnp/call-flow-contracts';
import {
  assertNever,
  notFound,
  PlatformError,
  ruleViolated,
  type Command,
  type Decider,
  type FieldError,
  type Principal,
  type EventsOf,
} from '@tnp/kernel';

export const CallFlowRule = {
  FLOW_EXISTS: 'FLOW_EXISTS',
  FLOW_NOT_FOUND: 'FLOW_NOT_FOUND',
  FLOW_LOCKED: 'FLOW_LOCKED',
  NOT_SERVICE_NUMBER: 'NOT_SERVICE_NUMBER',
  NUMBER_NOT_ACTIVE: 'NUMBER_NOT_ACTIVE',
  SCHEDULE_IN_PAST: 'SCHEDULE_IN_PAST',
  SCHEDULE_NOT_FOUND: 'SCHEDULE_NOT_FOUND',
  OVERRIDE_NOT_ACTIVE: 'OVERRIDE_NOT_ACTIVE',
} as const;

/** A user-configurable parameter of a call flow. */
export type ParameterDefinition =
  | { readonly name: string; readonly type: 'text'; readonly required: boolean; readonly maxLength: number }
  | { readonly name: string; readonly type: 'integer'; readonly required: boolean; readonly min: number; readonly max: number }
  | { readonly name: string; readonly type: 'boolean'; readonly required: boolean }
  | { readonly name: string; readonly type: 'one-of'; readonly required: boolean; readonly options: readonly string[] }
  | { readonly name: string; readonly type: 'phone-number'; readonly required: boolean }
  | { readonly name: string; readonly type: 'audio-prompt'; readonly required: boolean };

export type ParameterValues = Readonly<Record<string, unknown>>;

/** Every problem with a set of values, each naming its parameter; empty when they fit the flow. */
export const checkValues = (definitions: readonly ParameterDefinition[], values: ParameterValues): FieldError[] => {
  const problems: FieldError[] = [];
  const known = new Set(definitions.map((d) => d.name));
  for (const name of Object.keys(values))
    if (!known.has(name)) problems.push({ path: `values.${name}`, message: 'is not a parameter of this call flow' });
  for (const def of definitions) {
    const value = values[def.name];
    const path = `values.${def.name}`;
    if (value === undefined || value === null) {
      if (def.required) problems.push({ path, message: 'is required' });
      continue;
    }
    switch (def.type) {
      case 'text':
        if (typeof value !== 'string') problems.push({ path, message: 'must be text' });
        else if (value.length > def.maxLength) problems.push({ path, message: `must be at most ${def.maxLength} characters` });
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) problems.push({ path, message: 'must be a whole number' });
        else if (value < def.min || value > def.max) problems.push({ path, message: `must be between ${def.min} and ${def.max}` });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ path, message: 'must be true or false' });
        break;
      case 'one-of':
        if (typeof value !== 'string' || !def.options.includes(value))
          problems.push({ path, message: `must be one of ${def.options.join(', ')}` });
        break;
      case 'phone-number':
        if (typeof value !== 'string' || !/^\+[1-9]\d{6,14}$/.test(value)) problems.push({ path, message: 'must be an E.164 number' });
        break;
      case 'audio-prompt':
        if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value))
          problems.push({ path, message: 'must be an audio prompt id' });
        break;
      default:
        assertNever(def, 'parameter type');
    }
  }
  return problems;
};

type At = { readonly flowId: string };

export type CallFlowCommand =
  | Command<
      'DefineCallFlow',
      At & { readonly tenant: string; readonly name: string; readonly locked: boolean; readonly parameters: readonly ParameterDefinition[] }
    >
  | Command<'ChangeCallFlow', At & { readonly name: string; readonly parameters: readonly ParameterDefinition[] }>
  | Command<'DeleteCallFlow', At>;

export type CallFlowEvent = EventsOf<typeof callFlowEvents>;

export type CallFlowState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly tenant: string;
      readonly name: string;
      readonly locked: boolean;
      readonly version: number;
      readonly parameters: readonly ParameterDefinition[];
      readonly deleted: boolean;
    };

/** Flows of the platform owner serve every company; a company's own flows serve it alone. */
export const PLATFORM_TENANT = 'platform';

/** Flow ids are the tenant's own: two companies may use the same id; a company's flow hides the platform's of that id. */
export const callFlowStreamId = (tenant: string, flowId: string): string => `call-flow-${tenant}/${flowId}`;

const assertMayManage = (principal: Principal, tenant: string, locked: boolean): void => {
  if (principal.role === 'platform' || principal.role === 'system') return;
  if (tenant === PLATFORM_TENANT || locked)
    throw new PlatformError('FORBIDDEN', 'Only the platform owner defines platform and locked call flows');
  if (principal.role === 'occupier-admin' && principal.tenantId === tenant) return;
  if (principal.role === 'occupier-admin') throw notFound(`Occupier ${tenant} is not among yours`);
  throw new PlatformError('FORBIDDEN', 'Only the company’s administrators define its call flows');
};

export const callFlowDecider: Decider<CallFlowCommand, CallFlowEvent, CallFlowState> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CallFlowDefined':
        return {
          exists: true,
          tenant: event.data.tenant,
          name: event.data.name,
          locked: event.data.locked,
          version: 1,
          parameters: event.data.parameters,
          deleted: false,
        };
      case 'CallFlowChanged':
        return state.exists ? { ...state, name: event.data.name, version: event.data.version, parameters: event.data.parameters } : state;
      case 'CallFlowDeleted':
        return state.exists ? { ...state, deleted: true } : state;
      default:
        return assertNever(event, 'call flow event');
    }
  },
  decide: (command, state) => {
    const { principal } = command.metadata;
    switch (command.type) {
      case 'DefineCallFlow':
        if (state.exists) {
          if (state.tenant === command.data.tenant && state.name === command.data.name && !state.deleted) return [];
          throw ruleViolated(CallFlowRule.FLOW_EXISTS, `Call flow ${command.data.flowId} already exists`);
        }
        assertMayManage(principal, command.data.tenant, command.data.locked);
        return [{ type: 'CallFlowDefined', data: command.data }];
      case 'ChangeCallFlow':
        if (!state.exists || state.deleted) throw notFound(`Call flow ${command.data.flowId} does not exist`);
        assertMayManage(principal, state.tenant, state.locked);
        return [{ type: 'CallFlowChanged', data: { ...command.data, version: state.version + 1 } }];
      case 'DeleteCallFlow':
        if (!state.exists) throw notFound(`Call flow ${command.data.flowId} does not exist`);
        if (state.deleted) return [];
        assertMayManage(principal, state.tenant, state.locked);
        return [{ type: 'CallFlowDeleted', data: command.data }];
      default:
        return assertNever(command, 'call flow command');
    }
  },
};
