// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';

runService(
  'extension-device',
  async () => {
    const { extensionDeviceConfigSchema, pinSettingsSchema } = await import('./extension-device.config');
    loadConfig(pinSettingsSchema);
    return loadConfig(extensionDeviceConfigSchema);
  },
  async (config, logger) => (await import('./extension-device.app')).startExtensionDevice(config, logger),
);
