export * from './fax.schemas';
