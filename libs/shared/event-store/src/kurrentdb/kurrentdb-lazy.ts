import type { KurrentDbEventStore as KurrentDbEventStoreImplementation } from './kurrentdb-event-store';

export { MULTI_STREAM_APPEND_UNSUPPORTED } from './kurrentdb-errors';

export type KurrentDbEventStore = KurrentDbEventStoreImplementation;

/**
 * KurrentDbEventStore.connect without loading @kurrent/kurrentdb-client (gRPC, the protobuf
 * protocol, a native bridge: about 35 MB of an idle service's resident memory, ADR 0021) until
 * a service is configured with EVENT_STORE=kurrentdb and connects.
 */
export const KurrentDbEventStore = {
  connect: async (options: { connectionString: string }): Promise<KurrentDbEventStore> =>
    (await import('./kurrentdb-event-store')).KurrentDbEventStore.connect(options),
};
