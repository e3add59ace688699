import { notFound, PlatformError, type CommandMetadata } from '@tnp/kernel';
import { extensionDecider, extensionStreamId, pinRefusalOf, type ExtensionCommand } from '@tnp/extension-device-domain';
import { decideOnExtension, onExtension, runExtensionCommand, tenantOf, type ExtensionDeps, type Outcome } from '../extension-commands';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';
import { hashPin, pinMatches } from './pins';

/** Checks the typed PIN against the stored hash; a wrong one is recorded (three lock it) and then refused. */
export const changePin = async (
  deps: ExtensionDeps,
  input: { extensionId: string; currentPin: string; newPin: string },
  metadata: CommandMetadata,
): Promise<Outcome> => {
  const newPin = await hashPin(input.newPin);
  return pinCommand(deps, metadata, input.extensionId, input.currentPin, {
    type: 'ChangePin',
    data: { extensionId: input.extensionId, newPin },
  });
};

export const verifyPin = (deps: ExtensionDeps, input: { extensionId: string; pin: string }, metadata: CommandMetadata): Promise<Outcome> =>
  pinCommand(deps, metadata, input.extensionId, input.pin, { type: 'RecordPinAttempt', data: { extensionId: input.extensionId } });

export const resetPin = (deps: ExtensionDeps, extensionId: string, metadata: CommandMetadata): Promise<Outcome> =>
  onExtension(deps, metadata, { type: 'ResetPin', data: { extensionId } });

const pinCommand = async (
  deps: ExtensionDeps,
  metadata: CommandMetadata,
  extensionId: string,
  typed: string,
  command: Omit<ExtensionCommand, 'metadata'>,
): Promise<Outcome> => {
  const caller = `${metadata.principal.tenantId ?? ''}/${metadata.principal.role}/${metadata.principal.id}`;
  await assertMayGuess(deps, caller, metadata);
  const outcome = await runExtensionCommand(deps.store, metadata, extensionId, async (uow) => {
    const tenant = tenantOf(metadata, extensionId);
    const state = await uow.load(extensionStreamId(tenant, extensionId), extensionDecider);
    if (!state.exists) throw notFound(`Extension ${extensionId} does not exist`);
    const events = await decideOnExtension(uow, tenant, command, { pinMatches: await pinMatches(typed, state.pin.current) });
    return pinRefusalOf(events);
  });
  if (outcome.refusal) {
    if (outcome.eventIds.length > 0)
      await deps.orm.em.fork().execute(`INSERT INTO ${ED_SCHEMA}.pin_failures (caller) VALUES (?)`, [caller]);
    throw outcome.refusal;
  }
  return { id: outcome.id, eventIds: outcome.eventIds };
};

/** A caller who typed too many wrong PINs lately, on any extensions, waits before trying again (systems excepted). */
const assertMayGuess = async (deps: ExtensionDeps, caller: string, metadata: CommandMetadata): Promise<void> => {
  if (metadata.principal.role === 'system') return;
  const [row] = await deps.orm.em.fork().execute<{ n: number; oldest: Date | null }[]>(
    `SELECT count(*)::int AS n, min(failed_at) AS oldest FROM ${ED_SCHEMA}.pin_failures
        WHERE caller = ? AND failed_at > now() - make_interval(secs => ?)`,
    [caller, deps.pins.windowSeconds],
  );
  if (!row || row.n < deps.pins.failuresPerCaller) return;
  const elapsed = row.oldest ? (Date.now() - new Date(row.oldest).getTime()) / 1000 : 0;
  const retryIn = Math.max(1, Math.ceil(deps.pins.windowSeconds - elapsed));
  throw new PlatformError('TOO_MANY_ATTEMPTS', `${row.n} wrong PINs in the last ${deps.pins.windowSeconds} s; try again in ${retryIn} s`, {
    rule: 'PIN_ATTEMPTS_PER_CALLER',
  });
};
