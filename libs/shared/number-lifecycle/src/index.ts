export * from './observed-number';
