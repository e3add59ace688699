export * from './error-body';
export * from './aggregate';
export * from './command-execution';
export * from './cloud-event';
export * from './jetstream-setup';
export * from './jetstream-relay';
export * from './nats-endpoints';
export * from './nest-nats-server';
