export * from './call-flow.schemas';
