export * from './fax.schemas';
export * from './events.schemas';
export * from './responses.schemas';
