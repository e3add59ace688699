export * from './test-infrastructure';
export * from './service-harness';
export * from './projection-properties';
export * from './private-infra';
export * from './captured-logger';
