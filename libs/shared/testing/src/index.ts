export * from './test-infrastructure';
export * from './service-harness';
