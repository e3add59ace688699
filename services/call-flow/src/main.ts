import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { callFlowConfigSchema } from './call-flow.config';

runService(
  'call-flow',
  () => loadConfig(callFlowConfigSchema),
  async (config, logger) => (await import('./call-flow.app')).startCallFlow(config, logger),
);
