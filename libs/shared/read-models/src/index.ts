export * from './projection';
export * from './projection-runner';
export * from './keyed-table';
export * from './sql';
export * from './shadow-table';
