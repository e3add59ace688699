import { execFileSync } from 'node:child_process';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { eventStoreContract } from '../testing/event-store.contract';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const dockerEngineAnswers = (): boolean => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
};

const configuredUrl = process.env['KURRENTDB_URL'];
const useDocker = !configuredUrl && process.env['TESTCONTAINERS'] !== 'off' && dockerEngineAnswers();
const available = Boolean(configuredUrl) || useDocker;
const reason = available ? '' : 'KURRENTDB_URL is not set and no Docker engine answers `docker info`';

if (available) {
  describe('KurrentDbEventStore contract', () => {
    let container: StartedTestContainer | undefined;
    let connectionString = configuredUrl ?? '';

    beforeAll(async () => {
      if (!useDocker) return;
      container = await new GenericContainer('docker.kurrent.io/kurrent-latest/kurrentdb:25.1')
        .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None' })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHealthCheck())
        .withStartupTimeout(120_000)
        .start();
      connectionString = `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    }, 180_000);

    eventStoreContract(() => KurrentDbEventStore.connect({ connectionString }));

    // Declared after the contract so the store closes before its server goes away.
    afterAll(async () => {
      await container?.stop();
    });
  });
} else {
  // The reason is printed (straight to stderr: Jest drops the console output of a suite that
  // runs no test) and names the skipped suite, so the report shows why it did not run.
  process.stderr.write(`[kurrentdb] contract suite skipped: ${reason}\n`);
  describe.skip(`KurrentDbEventStore contract (skipped: ${reason})`, () => {
    eventStoreContract(() => Promise.reject(new Error(reason)));
  });
}
