export * from './number/number.types';
export * from './number/number-rules';
export * from './number/number.decider';
export * from './number/number-range';
export * from './main-number-claim/main-number-claim.decider';
export * from './site/site.decider';
export * from './occupier/occupier.decider';
export * from './voice-services/voice-services.decider';
