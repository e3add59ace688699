import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { FaultPlatform } from './fault-platform';
import { ALL_SCENARIOS, FULL, passed, QUICK, type ScenarioResult, type Sizes } from './scenarios';

export type FaultReport = {
  readonly kind: 'full' | 'quick';
  readonly date: string;
  readonly machine: string;
  readonly results: ScenarioResult[];
};

const yesNo = (b: boolean): string => (b ? 'yes' : 'NO');
const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'never');

export const toMarkdown = (report: FaultReport): string => {
  const lines = [
    `Fault suite (${report.kind}), ${report.date}, ${report.machine}`,
    '',
    '| fault | acknowledged | lost | doubled | read model == rebuild | event store == JetStream | recovery (target) | result |',
    '|---|---|---|---|---|---|---|---|',
    ...report.results.map((r) => {
      const c = r.consistency;
      const switches =
        c.maxSwitchLatenessMs === null
          ? ''
          : `; switches lost ${c.switchesLost}, doubled ${c.switchesDoubled}, max lateness ${seconds(c.maxSwitchLatenessMs)}`;
      const recovery = r.recoveries.map((x) => `${x.what} ${seconds(x.ms)} (≤ ${seconds(x.targetMs)})`).join('; ');
      return `| ${r.scenario} | ${r.acknowledged} | ${c.lost} | ${c.doubled} | ${yesNo(c.readModelEqualsRebuild)} | ${yesNo(c.storeEqualsStream)} | ${recovery}${switches} | ${passed(r) ? 'pass' : 'FAIL'} |`;
    }),
    '',
    ...report.results.flatMap((r) => [
      `- ${r.scenario}: ${[...r.notes, ...r.consistency.problems].join('; ') || 'no notes'} (checks converged in ${seconds(r.consistency.convergedInMs)})`,
    ]),
  ];
  return lines.join('\n');
};

/** A scenario that could not finish is a failed row, and the run goes on with the next. */
const failedRun = (scenario: string, error: unknown): ScenarioResult => ({
  scenario: `${scenario} (stopped: ${(error as Error).message.split('\n')[0]})`,
  acknowledged: 0,
  consistency: {
    lost: 0,
    doubled: 0,
    switchesLost: 0,
    switchesDoubled: 0,
    maxSwitchLatenessMs: null,
    readModelEqualsRebuild: false,
    storeEqualsStream: false,
    problems: [(error as Error).stack ?? String(error)],
    convergedInMs: 0,
  },
  recoveries: [],
  notes: [],
});

export const runFaults = async (sizes: Sizes, kind: 'full' | 'quick', log: (line: string) => void = console.log): Promise<FaultReport> => {
  const platform = await FaultPlatform.start(log);
  // Stopped from outside (timeout, Ctrl-C): stop what this run started, by pid, before leaving.
  const onSignal = () => void platform.stop().finally(() => process.exit(1));
  process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
  const results: ScenarioResult[] = [];
  try {
    const only = process.env['FAULTS_ONLY'];
    for (const scenario of ALL_SCENARIOS(sizes).filter((_, i) => !only || only.split(',').includes(String(i)))) {
      const result = await scenario.run(platform).catch((error: unknown) => failedRun(scenario.name, error));
      log(
        `${passed(result) ? 'pass' : 'FAIL'} ${result.scenario}: ${result.acknowledged} acknowledged, ${result.consistency.lost} lost, ${result.consistency.doubled} doubled; ${[
          ...result.recoveries.map((r) => `${r.what} ${Math.round(r.ms)} ms`),
          ...result.notes,
          ...result.consistency.problems,
        ].join('; ')}`,
      );
      results.push(result);
    }
  } finally {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    if (process.env['FAULTS_KEEP'] === '1') {
      log(
        `FAULTS_KEEP=1: left running: ${platform.pg.url}, ${platform.nats.url}, ${platform
          .all()
          .map((r) => `${r.service} ${r.base} pid ${r.pid}`)
          .join(', ')}`,
      );
    } else await platform.stop();
  }
  return {
    kind,
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    results,
  };
};

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const kind = quick ? 'quick' : 'full';
  runFaults(quick ? QUICK : FULL, kind)
    .then((report) => {
      const markdown = toMarkdown(report);
      console.log(`\n${markdown}`);
      const dir = join(process.cwd(), 'faults', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `faults-${kind}.md`), `${markdown}\n`);
      writeFileSync(join(dir, `faults-${kind}.json`), JSON.stringify(report, null, 2));
      process.exit(report.results.every(passed) ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
