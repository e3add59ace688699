import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { z } from 'zod';
import { EventSubscriber, PostgresInbox, type SubscriberLogger } from '@tnp/event-subscriber';
import { numberEvents } from '@tnp/number-inventory-contracts';
import { billActivation, billingSchemaSql, stopBilling } from './billing';

/**
 * An example of a team's own service on the platform's events: billing follows number
 * activations and deactivations through the subscriber SDK and keeps, in its own database, one
 * charge per activation and the numbers billable now.
 */
const config = z
  .object({
    DATABASE_URL: z.url(),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    NATS_USER: z.string().optional(),
    NATS_PASSWORD: z.string().optional(),
    NATS_SUBJECT_PREFIX: z.string().default(''),
    BILLING_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('billing'),
    BILLING_DURABLE: z.string().min(1).default('billing'),
  })
  .parse(process.env);

const log =
  (level: string) =>
  (fields: object, message: string): void => {
    process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'billing', ...fields, msg: message })}\n`);
  };
const logger: SubscriberLogger = { info: log('info'), warn: log('warn'), error: log('error') };

const main = async (): Promise<void> => {
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 4, application_name: 'billing' });
  const schema = config.BILLING_SCHEMA;
  await pool.query(billingSchemaSql(schema));
  const inbox = new PostgresInbox(pool, { schema, subscriber: config.BILLING_DURABLE });
  await inbox.migrate();
  const nc = await connect({
    servers: config.NATS_URL,
    name: 'billing',
    maxReconnectAttempts: -1,
    ...(config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD ?? '', inboxPrefix: `_INBOX.${config.NATS_USER}` } : {}),
  });
  const subscriber = new EventSubscriber({
    nc,
    service: 'number-inventory',
    aggregate: 'number',
    events: numberEvents,
    durable: config.BILLING_DURABLE,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
    deadLetters: {
      stream: `${config.NATS_SUBJECT_PREFIX ? `${config.NATS_SUBJECT_PREFIX.toUpperCase()}_` : ''}BILLING_DEAD_LETTERS`,
      subject: `${config.NATS_SUBJECT_PREFIX ? `${config.NATS_SUBJECT_PREFIX}.` : ''}billing.dead-letters`,
    },
    resumeAfter: () => inbox.checkpoint(),
    logger,
  })
    .on('NumberActivated', async (event) => {
      await inbox.once(event, (tx) => billActivation(tx, schema, event));
    })
    .on('NumberDeactivated', async (event) => {
      await inbox.once(event, (tx) => stopBilling(tx, schema, event));
    });
  await subscriber.start();
  logger.info({ durable: config.BILLING_DURABLE }, 'billing started');
  const stop = async (): Promise<void> => {
    await subscriber.stop();
    await nc.drain();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
};

main().catch((error: unknown) => {
  logger.error({ err: String((error as Error).stack ?? error) }, 'billing failed to start');
  process.exit(1);
});
