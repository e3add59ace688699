import type { z } from 'zod';
import { notFound, ruleViolated, type CommandMetadata } from '@tnp/kernel';
import {
  deviceNumberDecider,
  deviceNumberStreamId,
  ExtensionRule,
  extensionKeyClaimStreamId,
  extensionKeyOf,
  extensionKeyDecider,
} from '@tnp/extension-device-domain';
import type { createExtensionSchema } from '@tnp/extension-device-contracts';
import { decideOnExtension, runExtensionCommand, type ExtensionDeps, type Outcome } from '../extension-commands';
import { generateDefaultPin, hashPin, openPin, sealPin } from '../pins/pins';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';

/**
 * A new extension: its key claimed per occupier, its number linked, a random default PIN kept
 * sealed for admins only (the reply, which the command log keeps, does not carry it).
 */
export const createExtension = async (
  deps: ExtensionDeps,
  input: z.infer<typeof createExtensionSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> => {
  const known = await deps.orm.em
    .fork()
    .execute<{ n: number }[]>(`SELECT 1 AS n FROM ${ED_SCHEMA}.known_users WHERE tenant = ? AND user_id = ? AND NOT removed`, [
      input.occupierId,
      input.assignee.userId,
    ]);
  if (known.length === 0)
    throw ruleViolated(ExtensionRule.USER_NOT_FOUND, `User ${input.assignee.userId} is not a user of ${input.occupierId}`);
  const pinKey = extensionKeyOf(input.occupierId, input.extensionId);
  const existingPin = await defaultPinOf(deps, pinKey);
  const defaultPin = existingPin ?? generateDefaultPin();
  const defaultPinHash = await hashPin(defaultPin);
  const outcome = await runExtensionCommand(deps.store, metadata, input.extensionId, async (uow) => {
    let siteId: string | null = null;
    if (input.number) {
      const numberStream = deviceNumberStreamId(input.number);
      const number = await uow.load(numberStream, deviceNumberDecider);
      if (number.observed?.owner?.type !== 'occupier' || number.observed.owner.occupierId !== input.occupierId) {
        throw notFound(`${input.number} is not a number of ${input.occupierId}`);
      }
      siteId = number.observed.siteId;
      uow.decide(
        numberStream,
        deviceNumberDecider,
        { type: 'LinkExtension', data: { number: input.number, tenant: input.occupierId, extensionId: input.extensionId } },
        undefined,
      );
    }
    const keyStream = extensionKeyClaimStreamId(input.occupierId, input.key);
    await uow.load(keyStream, extensionKeyDecider);
    uow.decide(
      keyStream,
      extensionKeyDecider,
      { type: 'ClaimExtensionKey', data: { tenant: input.occupierId, key: input.key, extensionId: input.extensionId } },
      undefined,
    );
    await decideOnExtension(uow, input.occupierId, {
      type: 'CreateExtension',
      data: {
        extensionId: input.extensionId,
        tenant: input.occupierId,
        key: input.key,
        info: {
          label: input.label,
          passcode: input.passcode,
          debugMode: input.debugMode,
          hotDesking: input.hotDesking,
          registeredMobile: input.registeredMobile,
        },
        assignee: input.assignee,
        number: input.number,
        siteId,
        defaultPin: defaultPinHash,
      },
    });
  });
  if (outcome.eventIds.length > 0 && !existingPin) {
    await deps.orm.em
      .fork()
      .execute(`INSERT INTO ${ED_SCHEMA}.default_pins (extension_id, pin) VALUES (?, ?) ON CONFLICT DO NOTHING`, [
        pinKey,
        sealPin(defaultPin, deps.pins.key),
      ]);
  }
  return { id: outcome.id, eventIds: outcome.eventIds };
};

const defaultPinOf = async (deps: ExtensionDeps, key: string): Promise<string | undefined> => {
  const rows = await deps.orm.em
    .fork()
    .execute<{ pin: string }[]>(`SELECT pin FROM ${ED_SCHEMA}.default_pins WHERE extension_id = ?`, [key]);
  return rows[0] ? openPin(rows[0].pin, deps.pins.key) : undefined;
};
