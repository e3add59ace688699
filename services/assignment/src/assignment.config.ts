import { SERVICE_PORTS } from '@tnp/platform';
import { serviceConfigSchema } from '@tnp/service-runtime';

export const assignmentConfigSchema = serviceConfigSchema({ httpPort: SERVICE_PORTS.assignment, eventStoreSchema: 'assignment_events' });
