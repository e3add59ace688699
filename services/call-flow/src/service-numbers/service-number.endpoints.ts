import type { z } from 'zod';
import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import type { ServiceNumberCommand } from '@tnp/call-flow-domain';
import {
  assignFlowSchema,
  CallFlowCommands,
  callFlowCommandSubject,
  describeServiceNumberSchema,
  numberOnlySchema,
  overrideFlowSchema,
  rescheduleFlowSwitchSchema,
  scheduleFlowSwitchSchema,
  scheduleOnlySchema,
  setWeeklyScheduleSchema,
  type CallFlowCommandName,
} from '@tnp/call-flow-contracts';
import { scheduledSwitchesEndpoint } from '../scheduled-switches/scheduled-switches.endpoint';
import { decideOnServiceNumber, type NumberCommand } from './service-number.handler';

/** Every command on a service number: its description, flow, switches, weekly schedule and override. */
export const serviceNumberEndpoints = (store: EventStore, deps: EndpointDeps, prefix: string): NatsEndpoint[] => {
  const numberCommand = <S extends z.ZodType>(name: CallFlowCommandName, type: ServiceNumberCommand['type'], schema: S) =>
    commandEndpoint(deps, {
      subject: callFlowCommandSubject(name, prefix),
      commandType: type,
      schema,
      handle: (data, metadata) => decideOnServiceNumber(store, { type, data } as NumberCommand, metadata),
    });
  return [
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
  ];
};
