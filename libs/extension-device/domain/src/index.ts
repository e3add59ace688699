export * from './extension.types';
export * from './extension-rules';
export * from './extension.decider';
export * from './device-number.decider';
export * from './handset.decider';
export * from './usage.decider';
export * from './device-licence.decider';
export * from './outbound-rules.decider';
