export * from './call-flow.schemas';
export * from './events.schemas';
export * from './responses.schemas';
