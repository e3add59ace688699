import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';
import { faxConfigSchema } from './fax.config';

runService(
  'fax',
  () => loadConfig(faxConfigSchema),
  async (config, logger) => (await import('./fax.app')).startFax(config, logger),
);
