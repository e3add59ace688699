import { join } from 'node:path';
import { startChildService, type ChildService } from './child-service';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'examples', 'billing', 'src', 'main.js');

export type BillingProcess = ChildService;

/** The billing example in its own OS process (built by `npm test`), as a team would run it. */
export const startBillingProcess = (env: {
  DATABASE_URL: string;
  NATS_URL: string;
  NATS_SUBJECT_PREFIX: string;
  BILLING_SCHEMA: string;
}): Promise<BillingProcess> => startChildService(MAIN, { ...env, BILLING_DURABLE: 'billing' }, '"billing started"', 'billing');
