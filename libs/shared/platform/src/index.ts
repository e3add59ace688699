export * from './config';
export * from './tracing';
export * from './logger';
export * from './metrics';
export * from './health';
export * from './operations.controller';
export * from './process-lifecycle';
export * from './startup-flags';
