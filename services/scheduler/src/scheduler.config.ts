import { serviceConfigSchema } from '@tnp/service-runtime';

export const schedulerConfigSchema = serviceConfigSchema({ httpPort: 3106, eventStoreSchema: 'scheduler_events' });
