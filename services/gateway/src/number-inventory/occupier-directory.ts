import { PlatformError } from '@tnp/kernel';
import { NumberInventoryQueries, querySubject, type OccupierSites as Sites } from '@tnp/number-inventory-contracts';
import type { OccupierSites } from '../auth/authorize';
import type { ServiceClient } from '../http/nats-client';

const GATEWAY = { id: 'gateway', role: 'system' } as const;

/** Where an occupier is based, as number inventory knows it from its allocations; asked afresh on every request. */
export const occupierDirectory =
  (client: ServiceClient, prefix: string): OccupierSites =>
  async (occupierId) => {
    const reply = await client.query<Sites>(querySubject(NumberInventoryQueries.occupierSites, prefix), GATEWAY, { occupierId });
    if (!reply.ok) throw PlatformError.fromBody(reply.error);
    return reply.value.siteIds;
  };
