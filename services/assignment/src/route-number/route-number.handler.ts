import type { MikroORM } from '@mikro-orm/postgresql';
import parsePhoneNumberFromString from 'libphonenumber-js';
import type { EventStore } from '@tnp/event-store';
import { notFound, validationFailed, type CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import {
  accountFeaturesDecider,
  accountFeaturesStreamId,
  numberRoutingDecider,
  numberRoutingStreamId,
  tenantOf,
  type Destination,
  type RoutingContext,
} from '@tnp/assignment-domain';
import type { RouteNumberInput } from '@tnp/assignment-contracts';
import { ASSIGNMENT_SCHEMA } from '../read-model/read-model.entities';
import { catalogueTarget, decideRouting, userTarget } from './routing-writer';
import type { ExtensionDirectory } from './extension-directory';

export type CommandOutcome = { readonly number: string; readonly eventIds: readonly string[] };

/** A forwarding target in the site's national form (5557778888) or E.164, stored as E.164. */
export const normaliseForwardTo = (forwardTo: string, routedNumber: string): string => {
  const country = parsePhoneNumberFromString(routedNumber)?.country;
  const parsed = parsePhoneNumberFromString(forwardTo, country);
  if (!parsed?.isPossible()) {
    throw validationFailed([
      {
        path: 'destination.forwardTo',
        message: `not a possible ${country ?? 'international'} number; use the national form such as 5557778888, or E.164`,
      },
    ]);
  }
  return parsed.number;
};

export class RouteNumberHandler {
  constructor(
    private readonly store: EventStore,
    private readonly orm: MikroORM,
    private readonly extensions: ExtensionDirectory,
  ) {}

  handle(input: RouteNumberInput, metadata: CommandMetadata): Promise<CommandOutcome> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      const state = await uow.load(numberRoutingStreamId(input.number), numberRoutingDecider);
      if (!state.observed?.owner) throw notFound(`${input.number} is not allocated`);
      const tenant = tenantOf(state.observed.owner);
      const destination: Destination =
        input.destination.type === 'call-forwarding'
          ? { type: 'call-forwarding', forwardTo: normaliseForwardTo(input.destination.forwardTo, input.number) }
          : input.destination;
      const context: RoutingContext = {
        occupierSites: await this.sitesOf(tenant, state.observed.siteId),
        ...(destination.type === 'user'
          ? {
              destination: await userTarget(uow, tenant, destination.userId),
              userExtensions: await this.extensions.extensionsOf(tenant, destination.userId),
            }
          : {}),
        ...('destinationId' in destination ? { destination: await catalogueTarget(uow, tenant, destination.destinationId) } : {}),
        ...(input.settings.emergencyRouteId ? { emergencyRoute: await catalogueTarget(uow, tenant, input.settings.emergencyRouteId) } : {}),
        ...(destination.type === 'conference-room' && destination.greetingId
          ? { greeting: await this.greetingTarget(tenant, destination.greetingId) }
          : {}),
        ...(destination.type === 'conference-room'
          ? { conferenceBridge: (await uow.load(accountFeaturesStreamId(tenant), accountFeaturesDecider)).conferenceBridge }
          : {}),
      };
      await decideRouting(
        uow,
        input.number,
        { type: 'RouteNumber', data: { number: input.number, destination, settings: input.settings } },
        context,
      );
      const results = await uow.commit();
      return { number: input.number, eventIds: results.flatMap((r) => r.eventIds) };
    }, 5);
  }

  private async sitesOf(tenant: string, currentSite: string): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .execute<{ site_id: string }[]>(`SELECT DISTINCT site_id FROM ${ASSIGNMENT_SCHEMA}.occupier_numbers WHERE tenant = ?`, [tenant]);
    return [...new Set([currentSite, ...rows.map((r) => r.site_id)])];
  }

  private async greetingTarget(tenant: string, greetingId: string) {
    const rows = await this.orm.em
      .fork()
      .execute<{ n: number }[]>(`SELECT 1 AS n FROM ${ASSIGNMENT_SCHEMA}.greetings WHERE tenant = ? AND greeting_id = ?`, [
        tenant,
        greetingId,
      ]);
    return rows.length > 0
      ? { exists: true, occupierId: tenant, kind: 'greeting' as const }
      : { exists: false, occupierId: null, kind: null };
  }
}
