import { runFaults, toMarkdown } from './src/run-faults';
import { passed, QUICK } from './src/scenarios';

/**
 * The fault suite, short: every service as its own process on a private PostgreSQL cluster and
 * nats-server (built by `npm test` into dist/), under a mixed load, through each fault.
 */
describe('fault suite (quick)', () => {
  test('every fault heals with nothing lost or doubled, read models equal to a rebuild and the store equal to JetStream', async () => {
    const report = await runFaults(QUICK, 'quick', () => undefined);
    const failed = report.results.filter((r) => !passed(r));
    expect({ failed: failed.map((r) => r.scenario), table: failed.length ? toMarkdown(report) : '' }).toEqual({ failed: [], table: '' });
    expect(report.results.map((r) => r.scenario)).toHaveLength(11);
  }, 900_000);
});
