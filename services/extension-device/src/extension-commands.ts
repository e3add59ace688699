import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { notFound, PlatformError, type CommandMetadata, type Principal } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import {
  deviceNumberDecider,
  deviceNumberStreamId,
  extensionDecider,
  extensionStreamId,
  NUMBER_BOUND_COMMANDS,
  type ExtensionCommand,
  type ExtensionContext,
} from '@tnp/extension-device-domain';

/** What a command answers: the id it acted on and the events it stored, never the events themselves. */
export type Outcome = { readonly id: string; readonly eventIds: readonly string[] };

/** How default PINs are kept and how often one caller may guess. */
export type PinPolicy = { readonly key: Buffer; readonly failuresPerCaller: number; readonly windowSeconds: number };

/** What every extension and device command works with. */
export type ExtensionDeps = { readonly store: EventStore; readonly orm: MikroORM; readonly pins: PinPolicy };

/** Decides in one unit of work and commits it, again from fresh state when another writer came first. */
export const runExtensionCommand = <T>(
  store: EventStore,
  metadata: CommandMetadata,
  id: string,
  decide: (uow: UnitOfWork) => Promise<T>,
): Promise<Outcome & { refusal: T }> =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const refusal = await decide(uow);
    return { id, eventIds: (await uow.commit()).flatMap((r) => r.eventIds), refusal };
  }, 5);

export const decideOnExtension = async (
  uow: UnitOfWork,
  tenant: string,
  command: Omit<ExtensionCommand, 'metadata'>,
  context: ExtensionContext = {},
) => {
  const streamId = extensionStreamId(tenant, command.data.extensionId);
  const state = await uow.load(streamId, extensionDecider);
  const linkedNumber =
    state.exists && state.number && NUMBER_BOUND_COMMANDS.has(command.type)
      ? (await uow.load(deviceNumberStreamId(state.number), deviceNumberDecider)).observed
      : undefined;
  return uow.decide(streamId, extensionDecider, command, linkedNumber === undefined ? context : { ...context, linkedNumber });
};

/** Only the outcome goes back to the caller (and into the command log): never the events decided, which may hold secrets. */
export const answer = async (run: Promise<Outcome>): Promise<Outcome> => {
  const { id, eventIds } = await run;
  return { id, eventIds };
};

/** A command naming its occupier: an occupier's admin acts for its own only; the platform, operators (scoped by the gateway) and internal systems for any. */
export const assertActsFor = (principal: Principal, occupierId: string, what: string): void => {
  if (principal.role === 'occupier-admin' && principal.tenantId !== occupierId) throw notFound(`${what} does not exist`);
  if (principal.role === 'user') throw new PlatformError('FORBIDDEN', `Users cannot do this`);
};

/** A query about an occupier: its own admins and users see it; the platform, operators (scoped by the gateway) and systems any. */
export const assertSeesOccupier = (principal: Principal | undefined, occupierId: string): void => {
  if ((principal?.role === 'occupier-admin' || principal?.role === 'user') && principal.tenantId !== occupierId)
    throw notFound(`Occupier ${occupierId} does not exist`);
};

/** A one-extension command from a system that names the extension's occupier (call events, provisioning). */
export const onOccupierExtension = (
  store: EventStore,
  metadata: CommandMetadata,
  occupierId: string,
  command: Omit<ExtensionCommand, 'metadata'>,
): Promise<Outcome> => {
  assertActsFor(metadata.principal, occupierId, `Extension ${command.data.extensionId}`);
  return answer(
    runExtensionCommand(store, metadata, command.data.extensionId, async (uow) => {
      const state = await uow.load(extensionStreamId(occupierId, command.data.extensionId), extensionDecider);
      if (!state.exists) throw notFound(`Extension ${command.data.extensionId} does not exist`);
      return decideOnExtension(uow, occupierId, command);
    }),
  );
};

/** An extension is looked up among the caller's tenant's own; with no tenant there is none to find. */
export const tenantOf = (metadata: CommandMetadata, extensionId: string): string => {
  const tenant = metadata.principal.tenantId;
  if (!tenant) throw notFound(`Extension ${extensionId} does not exist`);
  return tenant;
};

/** A one-extension command with no more to know than the extension's own state. */
export const onExtension = (
  deps: ExtensionDeps,
  metadata: CommandMetadata,
  command: Omit<ExtensionCommand, 'metadata'>,
): Promise<Outcome> =>
  answer(
    runExtensionCommand(deps.store, metadata, command.data.extensionId, (uow) =>
      decideOnExtension(uow, tenantOf(metadata, command.data.extensionId), command),
    ),
  );
