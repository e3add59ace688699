import { SERVICE_PORTS } from '@tnp/platform';
import { serviceConfigSchema } from '@tnp/service-runtime';

export const callFlowConfigSchema = serviceConfigSchema({ httpPort: SERVICE_PORTS['call-flow'], eventStoreSchema: 'call_flow_events' });
