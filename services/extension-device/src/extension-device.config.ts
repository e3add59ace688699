import { serviceConfigSchema } from '@tnp/service-runtime';

export const extensionDeviceConfigSchema = serviceConfigSchema({ httpPort: 3104, eventStoreSchema: 'extension_device_events' });
