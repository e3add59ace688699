import { row, type Row } from './bench-kit';
import { reactionFigures } from './reactions';
import {
  describeStops,
  SERVICES,
  startServiceProcess,
  stopServiceProcesses,
  type ServiceEnvironment,
  type ServiceProcess,
} from './service-processes';

/**
 * 9: each service as its own process (from dist/), as it runs in production, started one after
 * another on a fresh database: time from spawn to ready and resident memory idle; then the
 * whole platform's idle memory with all seven running. Then 10, the reactions, on that platform.
 * (number-inventory's and the gateway's memory under load come from scenarios 2/3.)
 */
export const platformFigures = async (
  environment: ServiceEnvironment,
  reactionNumbers: number,
  log: (message: string) => void,
): Promise<Row[]> => {
  const rows: Row[] = [];
  const processes: ServiceProcess[] = [];
  try {
    for (const service of SERVICES) {
      const started = await startServiceProcess(service, environment);
      processes.push(started);
      rows.push(
        row({
          scenario: `9 ${service}: cold start to ready`,
          figure: started.coldStartMs,
          unit: 'ms',
          baseline: '-',
          baselineValue: null,
          target: 'report',
          pass: null,
        }),
      );
      rows.push(
        row({
          scenario: `9 ${service}: resident memory idle`,
          figure: started.rssMb(),
          unit: 'MB',
          baseline: '-',
          baselineValue: null,
          target: 'report',
          pass: null,
        }),
      );
    }
    const total = processes.reduce((sum, p) => sum + p.rssMb(), 0);
    rows.push(
      row({
        scenario: `9 platform: resident memory idle, all ${processes.length} services`,
        figure: total,
        unit: 'MB',
        baseline: '-',
        baselineValue: null,
        target: '<= 700 MB',
        pass: total <= 700,
      }),
    );
    log('10 reactions (number-inventory and each downstream context in its own process)');
    rows.push(...(await reactionFigures({ ...environment, processes, numbers: reactionNumbers, log })));
  } finally {
    log(`  stopped (SIGTERM): ${describeStops(await stopServiceProcesses(processes))}`);
  }
  return rows;
};
