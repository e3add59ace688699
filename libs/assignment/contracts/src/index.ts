export * from './assignment.schemas';
export * from './events.schemas';
