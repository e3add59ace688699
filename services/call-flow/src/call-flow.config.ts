import { serviceConfigSchema } from '@tnp/service-runtime';

export const callFlowConfigSchema = serviceConfigSchema({ httpPort: 3105, eventStoreSchema: 'call_flow_events' });
