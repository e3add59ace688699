export * from './decider';
export * from './errors';
export * from './validation';
export * from './envelope';
export * from './equality';
export * from './text';
export * from './event-contracts';
export * from './consistency-token';
