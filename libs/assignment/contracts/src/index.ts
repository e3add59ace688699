export * from './assignment.schemas';
