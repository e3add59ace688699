import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { schedulerConfigSchema } from './scheduler.config';

runService(
  'scheduler',
  () => loadConfig(schedulerConfigSchema),
  async (config, logger) => (await import('./scheduler.app')).startScheduler(config, logger),
);
