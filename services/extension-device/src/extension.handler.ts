import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { notFound, PlatformError, ruleViolated, type CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import {
  deviceNumberDecider,
  deviceNumberStreamId,
  ExtensionRule,
  extensionDecider,
  extensionKeyClaimStreamId,
  extensionKeyOf,
  extensionKeyDecider,
  extensionStreamId,
  handsetDecider,
  handsetStreamId,
  pinRefusalOf,
  type ExtensionCommand,
  type ExtensionContext,
  type ExtensionSettings,
} from '@tnp/extension-device-domain';
import type { z } from 'zod';
import type {
  activateDeviceSchema,
  createExtensionSchema,
  deactivateDeviceSchema,
  loginHandsetSchema,
  updateExtensionInfoSchema,
} from '@tnp/extension-device-contracts';
import { generateDefaultPin, hashPin, openPin, pinMatches, sealPin } from './pins';
import { ED_SCHEMA } from './read-model';

export type Outcome = { readonly id: string; readonly eventIds: readonly string[] };

/** How default PINs are kept and how often one caller may guess. */
export type PinPolicy = { readonly key: Buffer; readonly failuresPerCaller: number; readonly windowSeconds: number };

export class ExtensionHandler {
  constructor(
    private readonly store: EventStore,
    private readonly orm: MikroORM,
    private readonly pins: PinPolicy,
  ) {}

  /**
   * A new extension: its key claimed per occupier, its number linked, a random default PIN kept
   * sealed for admins only (the reply, which the command log keeps, does not carry it).
   */
  async create(input: z.infer<typeof createExtensionSchema>, metadata: CommandMetadata): Promise<Outcome> {
    const known = await this.orm.em
      .fork()
      .execute<{ n: number }[]>(`SELECT 1 AS n FROM ${ED_SCHEMA}.known_users WHERE tenant = ? AND user_id = ? AND NOT removed`, [
        input.occupierId,
        input.assignee.userId,
      ]);
    if (known.length === 0)
      throw ruleViolated(ExtensionRule.USER_NOT_FOUND, `User ${input.assignee.userId} is not a user of ${input.occupierId}`);
    const pinKey = extensionKeyOf(input.occupierId, input.extensionId);
    const existingPin = await this.defaultPinOf(pinKey);
    const defaultPin = existingPin ?? generateDefaultPin();
    const defaultPinHash = await hashPin(defaultPin);
    const outcome = await this.run(metadata, input.extensionId, async (uow) => {
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
      await this.decide(uow, input.occupierId, {
        type: 'CreateExtension',
        data: {
          extensionId: input.extensionId,
          tenant: input.occupierId,
          key: input.key,
          info: { label: input.label, passcode: input.passcode, debugMode: input.debugMode },
          assignee: input.assignee,
          number: input.number,
          siteId,
          defaultPin: defaultPinHash,
        },
      });
    });
    if (outcome.eventIds.length > 0 && !existingPin) {
      await this.orm.em
        .fork()
        .execute(`INSERT INTO ${ED_SCHEMA}.default_pins (extension_id, pin) VALUES (?, ?) ON CONFLICT DO NOTHING`, [
          pinKey,
          sealPin(defaultPin, this.pins.key),
        ]);
    }
    return { id: outcome.id, eventIds: outcome.eventIds };
  }

  updateInfo(input: z.infer<typeof updateExtensionInfoSchema>, metadata: CommandMetadata): Promise<Outcome> {
    const { extensionId, ...info } = input;
    return this.answer(
      this.run(metadata, extensionId, (uow) =>
        this.decide(uow, tenantOf(metadata, extensionId), { type: 'UpdateExtensionInfo', data: { extensionId, info } }),
      ),
    );
  }

  /** Checks the typed PIN against the stored hash; a wrong one is recorded (three lock it) and then refused. */
  async changePin(input: { extensionId: string; currentPin: string; newPin: string }, metadata: CommandMetadata): Promise<Outcome> {
    const newPin = await hashPin(input.newPin);
    return this.pinCommand(metadata, input.extensionId, input.currentPin, {
      type: 'ChangePin',
      data: { extensionId: input.extensionId, newPin },
    });
  }

  verifyPin(input: { extensionId: string; pin: string }, metadata: CommandMetadata): Promise<Outcome> {
    return this.pinCommand(metadata, input.extensionId, input.pin, { type: 'RecordPinAttempt', data: { extensionId: input.extensionId } });
  }

  resetPin(extensionId: string, metadata: CommandMetadata): Promise<Outcome> {
    return this.answer(
      this.run(metadata, extensionId, (uow) =>
        this.decide(uow, tenantOf(metadata, extensionId), { type: 'ResetPin', data: { extensionId } }),
      ),
    );
  }

  activateDevice(input: z.infer<typeof activateDeviceSchema>, metadata: CommandMetadata): Promise<Outcome> {
    return this.answer(
      this.run(metadata, input.extensionId, (uow) =>
        this.decide(uow, tenantOf(metadata, input.extensionId), {
          type: 'ActivateDevice',
          data: { extensionId: input.extensionId, device: { type: input.type, deviceId: input.deviceId } },
        }),
      ),
    );
  }

  deactivateDevice(input: z.infer<typeof deactivateDeviceSchema>, metadata: CommandMetadata): Promise<Outcome> {
    return this.answer(
      this.run(metadata, input.extensionId, (uow) =>
        this.decide(uow, tenantOf(metadata, input.extensionId), { type: 'DeactivateDevice', data: input }),
      ),
    );
  }

  configure(input: { extensionId: string; changes: Partial<ExtensionSettings> }, metadata: CommandMetadata): Promise<Outcome> {
    return this.run(metadata, input.extensionId, async (uow) => {
      const tenant = tenantOf(metadata, input.extensionId);
      const state = await uow.load(extensionStreamId(tenant, input.extensionId), extensionDecider);
      const ownActiveNumbers = state.exists && input.changes.callerId ? await this.activeNumbersOf(state.tenant, state.siteId) : [];
      await this.decide(uow, tenant, { type: 'ConfigureExtension', data: input }, { ownActiveNumbers });
    });
  }

  /** One number per handset and one handset per number, taken together; eviction only when asked for. */
  login(input: z.infer<typeof loginHandsetSchema>, metadata: CommandMetadata): Promise<Outcome> {
    return this.run(metadata, input.number, async (uow) => {
      const numberStream = deviceNumberStreamId(input.number);
      await uow.load(numberStream, deviceNumberDecider);
      const events = uow.decide(
        numberStream,
        deviceNumberDecider,
        { type: 'LogInToHandset', data: { number: input.number, phoneId: input.phoneId } },
        undefined,
      );
      const loggedIn = events.find((e) => e.type === 'DeviceNumberLoggedIn');
      if (!loggedIn) return;
      const handsetStream = handsetStreamId(loggedIn.data.siteId, input.phoneId);
      await uow.load(handsetStream, handsetDecider);
      const handsetEvents = uow.decide(
        handsetStream,
        handsetDecider,
        { type: 'OccupyHandset', data: { siteId: loggedIn.data.siteId, phoneId: input.phoneId, number: input.number, evict: input.evict } },
        undefined,
      );
      for (const evicted of handsetEvents.filter((e) => e.type === 'HandsetLoginEvicted')) {
        const evictedStream = deviceNumberStreamId(evicted.data.number);
        await uow.load(evictedStream, deviceNumberDecider);
        uow.decide(
          evictedStream,
          deviceNumberDecider,
          { type: 'LogOutOfHandset', data: { number: evicted.data.number, reason: 'evicted' } },
          undefined,
        );
      }
    });
  }

  logout(
    number: string,
    metadata: CommandMetadata,
    reason: 'logged-out' | 'number-deactivated' | 'number-unassigned' | 'number-deallocated' = 'logged-out',
  ): Promise<Outcome> {
    return this.run(metadata, number, async (uow) => {
      const numberStream = deviceNumberStreamId(number);
      await uow.load(numberStream, deviceNumberDecider);
      const events = uow.decide(numberStream, deviceNumberDecider, { type: 'LogOutOfHandset', data: { number, reason } }, undefined);
      await releaseHandsets(uow, events);
    });
  }

  private async pinCommand(
    metadata: CommandMetadata,
    extensionId: string,
    typed: string,
    command: Omit<ExtensionCommand, 'metadata'>,
  ): Promise<Outcome> {
    const caller = `${metadata.principal.tenantId ?? ''}/${metadata.principal.role}/${metadata.principal.id}`;
    await this.assertMayGuess(caller, metadata);
    const outcome = await this.run(metadata, extensionId, async (uow) => {
      const tenant = tenantOf(metadata, extensionId);
      const state = await uow.load(extensionStreamId(tenant, extensionId), extensionDecider);
      if (!state.exists) throw notFound(`Extension ${extensionId} does not exist`);
      const events = await this.decide(uow, tenant, command, { pinMatches: await pinMatches(typed, state.pin.current) });
      return pinRefusalOf(events);
    });
    if (outcome.refusal) {
      if (outcome.eventIds.length > 0)
        await this.orm.em.fork().execute(`INSERT INTO ${ED_SCHEMA}.pin_failures (caller) VALUES (?)`, [caller]);
      throw outcome.refusal;
    }
    return { id: outcome.id, eventIds: outcome.eventIds };
  }

  /** A caller who typed too many wrong PINs lately, on any extensions, waits before trying again (systems excepted). */
  private async assertMayGuess(caller: string, metadata: CommandMetadata): Promise<void> {
    if (metadata.principal.role === 'system') return;
    const [row] = await this.orm.em.fork().execute<{ n: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS n, min(failed_at) AS oldest FROM ${ED_SCHEMA}.pin_failures
          WHERE caller = ? AND failed_at > now() - make_interval(secs => ?)`,
      [caller, this.pins.windowSeconds],
    );
    if (!row || row.n < this.pins.failuresPerCaller) return;
    const elapsed = row.oldest ? (Date.now() - new Date(row.oldest).getTime()) / 1000 : 0;
    const retryIn = Math.max(1, Math.ceil(this.pins.windowSeconds - elapsed));
    throw new PlatformError(
      'TOO_MANY_ATTEMPTS',
      `${row.n} wrong PINs in the last ${this.pins.windowSeconds} s; try again in ${retryIn} s`,
      {
        rule: 'PIN_ATTEMPTS_PER_CALLER',
      },
    );
  }

  private async decide(uow: UnitOfWork, tenant: string, command: Omit<ExtensionCommand, 'metadata'>, context: ExtensionContext = {}) {
    const streamId = extensionStreamId(tenant, command.data.extensionId);
    await uow.load(streamId, extensionDecider);
    return uow.decide(streamId, extensionDecider, command, context);
  }

  /** Only the outcome goes back to the caller (and into the command log): never the events decided, which may hold secrets. */
  private async answer(run: Promise<Outcome>): Promise<Outcome> {
    const { id, eventIds } = await run;
    return { id, eventIds };
  }

  private run<T>(metadata: CommandMetadata, id: string, decide: (uow: UnitOfWork) => Promise<T>): Promise<Outcome & { refusal: T }> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      const refusal = await decide(uow);
      return { id, eventIds: (await uow.commit()).flatMap((r) => r.eventIds), refusal };
    }, 5);
  }

  private async activeNumbersOf(tenant: string, siteId: string | null): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .execute<{ key: string }[]>(
        `SELECT key FROM ${ED_SCHEMA}.numbers WHERE tenant = ? AND site_id = ? AND status IN ('ACTIVE', 'ASSIGNED')`,
        [tenant, siteId ?? ''],
      );
    return rows.map((r) => r.key);
  }

  private async defaultPinOf(key: string): Promise<string | undefined> {
    const rows = await this.orm.em
      .fork()
      .execute<{ pin: string }[]>(`SELECT pin FROM ${ED_SCHEMA}.default_pins WHERE extension_id = ?`, [key]);
    return rows[0] ? openPin(rows[0].pin, this.pins.key) : undefined;
  }
}

/** An extension is looked up among the caller's tenant's own; with no tenant there is none to find. */
const tenantOf = (metadata: CommandMetadata, extensionId: string): string => {
  const tenant = metadata.principal.tenantId;
  if (!tenant) throw notFound(`Extension ${extensionId} does not exist`);
  return tenant;
};

/** Handsets give back the login of a number that left them. */
export const releaseHandsets = async (uow: UnitOfWork, events: readonly { type: string; data: unknown }[]): Promise<void> => {
  for (const event of events) {
    if (event.type !== 'DeviceNumberLoggedOut') continue;
    const { number, siteId, phoneId } = event.data as { number: string; siteId: string; phoneId: string };
    const stream = handsetStreamId(siteId, phoneId);
    await uow.load(stream, handsetDecider);
    uow.decide(stream, handsetDecider, { type: 'ReleaseHandset', data: { siteId, phoneId, number } }, undefined);
  }
};
