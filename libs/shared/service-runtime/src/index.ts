export * from './service-config';
export * from './service-runtime';
export * from './nats-permissions';
export * from './consistency-gate';
export * from './operations-routes';
export * from './schema-migrations';
export * from './number-history-part';
