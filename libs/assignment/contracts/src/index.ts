export * from './assignment.schemas';
export * from './events.schemas';
export * from './responses.schemas';
