import { serviceConfigSchema, type ServiceConfig } from '@tnp/service-runtime';

export const numberInventoryConfigSchema = serviceConfigSchema({ httpPort: 3101, eventStoreSchema: 'number_inventory_events' });

export type NumberInventoryConfig = ServiceConfig;
