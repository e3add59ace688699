export * from './event-store.port';
export * from './command-log.port';
export * from './fencing';
export * from './postgres/postgres-event-store';
export * from './postgres/postgres-command-log';
export * from './event-ids';
export * from './postgres/postgres-leader-lock';
export * from './kurrentdb/kurrentdb-event-store';
