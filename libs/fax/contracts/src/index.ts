export * from './fax.schemas';
export * from './events.schemas';
