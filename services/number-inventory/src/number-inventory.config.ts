import { SERVICE_PORTS } from '@tnp/platform';
import { serviceConfigSchema, type ServiceConfig } from '@tnp/service-runtime';

export const numberInventoryConfigSchema = serviceConfigSchema({
  httpPort: SERVICE_PORTS['number-inventory'],
  eventStoreSchema: 'number_inventory_events',
});

export type NumberInventoryConfig = ServiceConfig;
