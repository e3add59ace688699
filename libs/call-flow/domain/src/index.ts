export * from './zoned-time';
export * from './call-flow.decider';
export * from './weekly-schedule';
export * from './service-number.decider';
