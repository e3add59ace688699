export * from './extension-device.schemas';
