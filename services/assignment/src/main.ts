import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { assignmentConfigSchema } from './assignment.config';

runService(
  'assignment',
  () => loadConfig(assignmentConfigSchema),
  async (config, logger) => (await import('./assignment.app')).startAssignment(config, logger),
);
