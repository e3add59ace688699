export * from './extension-device.schemas';
export * from './events.schemas';
export * from './responses.schemas';
