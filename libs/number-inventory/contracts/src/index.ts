export * from './common.schemas';
export * from './commands.schemas';
export * from './queries.schemas';
export * from './subjects';
export * from './events.schemas';
export * from './responses.schemas';
export * from './number-history.schemas';
