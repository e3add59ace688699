export * from './catalogues';
export * from './compatibility';
