import { SERVICE_PORTS } from '@tnp/platform';
import { serviceConfigSchema } from '@tnp/service-runtime';

export const schedulerConfigSchema = serviceConfigSchema({ httpPort: SERVICE_PORTS.scheduler, eventStoreSchema: 'scheduler_events' });
