import type { Logger } from '@tnp/platform';
import { jetStreamNameFor, startService, type ServiceConfig, type ServiceDefinition, type ServiceRuntime } from '@tnp/service-runtime';
import { reactToCallFlow } from './timers/timer-table.reaction';
import { timerFirer } from './firing/timer-firer';
import { timerOperations } from './operations/timer-operations';
import { schedulerSql, TimerEntity } from './timers/timers';

export const schedulerService: ServiceDefinition = {
  name: 'scheduler',
  // It stores no events of its own: its timers are a read model of call-flow's switches.
  events: { service: 'scheduler', title: 'Scheduler', aggregates: [] },
  entities: [TimerEntity],
  readModelSql: schedulerSql,
  endpoints: () => [],
  projections: () => [],
  reactions: ({ orm, prefix }) => [
    {
      stream: jetStreamNameFor('call-flow', prefix),
      durable: 'scheduler-timers',
      filterSubject: `${prefix ? `${prefix}.` : ''}evt.call-flow.service-number.>`,
      handle: reactToCallFlow(orm),
    },
  ],
  operations: ({ orm }) => timerOperations(orm),
  workers: ({ orm, nc, prefix, logger, metrics, config }) => [
    timerFirer({
      orm,
      nc,
      databaseUrl: config.DATABASE_URL,
      prefix,
      logger: logger.child({ component: 'timer-firer' }),
      registry: metrics.registry,
    }),
  ],
};

export const startScheduler = (config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> =>
  startService(schedulerService, config, logger);
