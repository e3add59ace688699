import type { z } from 'zod';
import type { CommandMetadata } from '@tnp/kernel';
import {
  extensionDecider,
  extensionKeyClaimStreamId,
  extensionKeyDecider,
  extensionStreamId,
  type ExtensionSettings,
} from '@tnp/extension-device-domain';
import type { UnitOfWork } from '@tnp/messaging';
import type { updateExtensionInfoSchema, requestCallerIdSchema } from '@tnp/extension-device-contracts';
import {
  answer,
  decideOnExtension,
  onExtension,
  runExtensionCommand,
  tenantOf,
  type ExtensionDeps,
  type Outcome,
} from '../extension-commands';
import { uploadedAnnouncements } from '../announcements/announcement.handler';
import { outboundRulesOf } from '../outbound-rules/outbound-rules.handler';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';

export const updateExtensionInfo = (
  deps: ExtensionDeps,
  input: z.infer<typeof updateExtensionInfoSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> => {
  const { extensionId, ...info } = input;
  return answer(
    runExtensionCommand(deps.store, metadata, extensionId, async (uow) => {
      const tenant = tenantOf(metadata, extensionId);
      // Clearing the passcode is checked against the extension's outbound rule.
      const outboundRules = info.passcode ? [] : await outboundRulesOf(uow, tenant);
      return decideOnExtension(uow, tenant, { type: 'UpdateExtensionInfo', data: { extensionId, info } }, { outboundRules });
    }),
  );
};

/** A caller ID must be one of the occupier's own active numbers at the extension's site. */
export const configureExtension = (
  deps: ExtensionDeps,
  input: { extensionId: string; changes: Partial<ExtensionSettings> },
  metadata: CommandMetadata,
): Promise<Outcome> =>
  runExtensionCommand(deps.store, metadata, input.extensionId, async (uow) => {
    const tenant = tenantOf(metadata, input.extensionId);
    const state = await uow.load(extensionStreamId(tenant, input.extensionId), extensionDecider);
    const ownActiveNumbers = state.exists && input.changes.callerId ? await activeNumbersOf(deps, state.tenant, state.siteId) : [];
    const callGroupKeys = input.changes.forwarding ? await callGroupKeysAmong(uow, tenant, input.changes.forwarding) : [];
    const outboundRules = input.changes.outboundRule ? await outboundRulesOf(uow, tenant) : [];
    const noAnswer = input.changes.noAnswer;
    const mp3 = noAnswer && 'message' in noAnswer && noAnswer.message?.type === 'mp3' ? [noAnswer.message.fileId] : [];
    const announcements = await uploadedAnnouncements(deps.store, tenant, mp3);
    await decideOnExtension(
      uow,
      tenant,
      { type: 'ConfigureExtension', data: input },
      { ownActiveNumbers, callGroupKeys, outboundRules, announcements },
    );
  });

/** The forwarding targets' extension keys that belong to call-group extensions of the tenant. */
const callGroupKeysAmong = async (uow: UnitOfWork, tenant: string, forwarding: ExtensionSettings['forwarding']): Promise<string[]> => {
  const keys = new Set([forwarding.always, forwarding.busy, forwarding.noAnswer].flatMap((t) => t?.extensions ?? []));
  const groups: string[] = [];
  for (const key of keys) {
    const { holder } = await uow.load(extensionKeyClaimStreamId(tenant, key), extensionKeyDecider);
    if (!holder) continue;
    const target = await uow.load(extensionStreamId(tenant, holder), extensionDecider);
    if (target.exists && target.assignee.type === 'call-group') groups.push(key);
  }
  return groups;
};

const activeNumbersOf = async (deps: ExtensionDeps, tenant: string, siteId: string | null): Promise<string[]> => {
  const rows = await deps.orm.em
    .fork()
    .execute<{ key: string }[]>(
      `SELECT key FROM ${ED_SCHEMA}.numbers WHERE tenant = ? AND site_id = ? AND status IN ('ACTIVE', 'ASSIGNED')`,
      [tenant, siteId ?? ''],
    );
  return rows.map((r) => r.key);
};

/** A number the user wants as a new caller ID (rebranding): recorded for support to follow up, the settings unchanged. */
export const requestCallerId = (
  deps: ExtensionDeps,
  input: z.infer<typeof requestCallerIdSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> => onExtension(deps, metadata, { type: 'RequestCallerId', data: input });
