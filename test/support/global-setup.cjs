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
};
