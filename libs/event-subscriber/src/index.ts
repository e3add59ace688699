export * from './event-subscriber';
export * from './postgres-inbox';
