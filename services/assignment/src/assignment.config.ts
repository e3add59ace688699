import { serviceConfigSchema } from '@tnp/service-runtime';

export const assignmentConfigSchema = serviceConfigSchema({ httpPort: 3102, eventStoreSchema: 'assignment_events' });
