import { QUICK, runBench, toMarkdown } from './src/run-bench';

/**
 * Keeps the benchmark code from rotting: every scenario runs at small sizes against real
 * PostgreSQL and NATS. Figures are not asserted here; the full run reports them against targets.
 */
describe('benchmark suite (quick)', () => {
  test('every scenario runs and reports a figure beside its baseline and target', async () => {
    const report = await runBench(QUICK, 'quick');
    const scenarios = report.rows.map((r) => r.scenario.split(' ')[0]);
    expect(new Set(scenarios)).toEqual(new Set(['L1', 'L2', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']));
    for (const r of report.rows) {
      expect({ scenario: r.scenario, finite: Number.isFinite(r.figure), target: r.target.length > 0 }).toEqual({
        scenario: r.scenario,
        finite: true,
        target: true,
      });
    }
    expect(toMarkdown(report)).toContain(
      '| scenario | figure | baseline | ratio | target | result | errors | CPU during the measurement (cores) |',
    );
  }, 600_000);
});
