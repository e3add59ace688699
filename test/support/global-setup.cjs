// Testcontainers when a Docker engine answers; otherwise the local PostgreSQL and NATS that
// infra/scripts/ensure-infrastructure.sh started.
const { execFileSync } = require('node:child_process');

const dockerEngineAnswers = () => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
};

module.exports = async () => {
  if (process.env.TEST_DATABASE_URL && process.env.TEST_NATS_URL) return;
  if (process.env.TESTCONTAINERS !== 'off' && dockerEngineAnswers()) {
    const { PostgreSqlContainer } = require('@testcontainers/postgresql');
    const { GenericContainer, Wait } = require('testcontainers');
    const pg = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
    const nats = await new GenericContainer('nats:2.10-alpine').withCommand(['-js']).withExposedPorts(4222).withWaitStrategy(Wait.forLogMessage(/Server is ready/)).start();
    globalThis.__containers = [pg, nats];
    process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/postgres`;
    process.env.TEST_NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
    console.log('[tests] using Testcontainers for PostgreSQL and NATS');
    return;
  }
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_NATS_URL ??= 'nats://127.0.0.1:4222';
  console.log(`\n[tests] no Docker engine: using local PostgreSQL and NATS (${process.env.TEST_DATABASE_URL}, ${process.env.TEST_NATS_URL})`);
  await checkConnectionBudget(process.env.TEST_DATABASE_URL);
};

// The suite's budget: two Jest workers, each running at most one service harness (about ten
// connections a service) or one end-to-end system of seven services, plus the suites' own clients.
const CONNECTION_BUDGET = Number(process.env.TEST_CONNECTION_BUDGET ?? 80);

/** Fails the run at once, with the reason, when PostgreSQL cannot give the suite its connections. */
const checkConnectionBudget = async (url) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'test budget check' });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`[tests] PostgreSQL at ${url} refused the connection: ${error.message}`);
  }
  try {
    const { rows } = await client.query(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS usable,
              (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS used`,
    );
    const { usable, used } = rows[0];
    if (usable - used < CONNECTION_BUDGET) {
      throw new Error(
        `[tests] PostgreSQL has ${usable - used} free connections (${used} of ${usable} in use); the suite needs ${CONNECTION_BUDGET}. ` +
          'Close other clients or raise max_connections.',
      );
    }
  } finally {
    await client.end();
  }
};
