export * from './fax-number.decider';
