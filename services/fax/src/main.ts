// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';

runService(
  'fax',
  async () => loadConfig((await import('./fax.config')).faxConfigSchema),
  async (config, logger) => (await import('./fax.app')).startFax(config, logger),
);
