import { SERVICE_PORTS } from '@tnp/platform';
import { serviceConfigSchema } from '@tnp/service-runtime';

export const faxConfigSchema = serviceConfigSchema({ httpPort: SERVICE_PORTS.fax, eventStoreSchema: 'fax_events' });
