// One Jest run for the whole workspace; the tier is in each spec's suffix.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const swcOptions = { ...swc, swcrc: false, jsc: { ...swc.jsc, baseUrl: __dirname } };
const tier = process.env.TEST_TIER;
const suffix = tier ? `${tier}.spec.ts` : '{unit,int,e2e}.spec.ts';

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/{libs,services,test,bench,faults}/**/*.${suffix}`],
  // NestJS 12 and MikroORM 7 ship as ES modules; SWC turns them into CommonJS for Jest.
  transform: { '^.+\\.(t|j|mj)s$': [require.resolve('@swc/jest'), swcOptions] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@mikro-orm|jose|kysely|@kurrent|@event-driven-io)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  testTimeout: 60_000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
