import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { extensionDeviceConfigSchema, pinSettingsSchema } from './extension-device.config';

runService(
  'extension-device',
  () => {
    loadConfig(pinSettingsSchema);
    return loadConfig(extensionDeviceConfigSchema);
  },
  async (config, logger) => (await import('./extension-device.app')).startExtensionDevice(config, logger),
);
