import { serviceConfigSchema } from '@tnp/service-runtime';

export const faxConfigSchema = serviceConfigSchema({ httpPort: 3103, eventStoreSchema: 'fax_events' });
