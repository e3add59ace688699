import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { gatewayConfigSchema } from './gateway.config';

runService(
  'gateway',
  () => loadConfig(gatewayConfigSchema),
  async (config, logger) => (await import('./gateway.app')).startGateway(config, logger),
);
