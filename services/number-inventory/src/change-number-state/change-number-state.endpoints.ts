import type { z } from 'zod';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import type { NumberCommand } from '@tnp/number-inventory-domain';
import {
  allocateNumberSchema,
  commandSubject,
  lockNumberSchema,
  markNumberAssignedSchema,
  numberAtSiteSchema,
  NumberInventoryCommands,
  type NumberInventoryCommandName,
} from '@tnp/number-inventory-contracts';
import type { NumberCommandProcessor } from './number-command.processor';

type Transition = { readonly name: NumberInventoryCommandName; readonly type: NumberCommand['type']; readonly schema: z.ZodType };

/** The single-number commands: each validates its own message and goes through the processor. */
const TRANSITIONS: readonly Transition[] = [
  { name: NumberInventoryCommands.allocateNumber, type: 'AllocateNumber', schema: allocateNumberSchema },
  { name: NumberInventoryCommands.deallocateNumber, type: 'DeallocateNumber', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.activateNumber, type: 'ActivateNumber', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.deactivateNumber, type: 'DeactivateNumber', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.nominateMainNumber, type: 'NominateMainNumber', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.removeMainNumberNomination, type: 'RemoveMainNumberNomination', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.lockNumber, type: 'LockNumber', schema: lockNumberSchema },
  { name: NumberInventoryCommands.unlockNumber, type: 'UnlockNumber', schema: numberAtSiteSchema },
  { name: NumberInventoryCommands.markNumberAssigned, type: 'MarkNumberAssigned', schema: markNumberAssignedSchema },
  { name: NumberInventoryCommands.markNumberUnassigned, type: 'MarkNumberUnassigned', schema: numberAtSiteSchema },
];

export const changeNumberStateEndpoints = (deps: EndpointDeps, processor: NumberCommandProcessor, subjectPrefix: string): NatsEndpoint[] =>
  TRANSITIONS.map(({ name, type, schema }) =>
    commandEndpoint(deps, {
      subject: commandSubject(name, subjectPrefix),
      commandType: type,
      schema,
      handle: (data, metadata) => {
        const withDefaults = type === 'LockNumber' ? { reason: null, ...(data as object) } : data;
        return processor.execute({ type, data: withDefaults, metadata } as NumberCommand);
      },
    }),
  );
