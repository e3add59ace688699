export * from './extension-device.schemas';
export * from './events.schemas';
