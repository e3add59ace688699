export * from './number-routing/number-routing.types';
export * from './number-routing/assignment-rules';
export * from './number-routing/number-routing.decider';
export * from './destination/destination.decider';
export * from './occupier-user/occupier-user.decider';
export * from './number-routing/target-changes';
export * from './account-features/account-features.decider';
