// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { createLogger, endLeanStartup, exitOnStartupFailure, loadConfig, runService } from '@tnp/platform';
import { numberInventoryConfigSchema } from './number-inventory.config';

if (process.argv[2] === 'rebuild') {
  endLeanStartup();
  const config = loadConfig(numberInventoryConfigSchema);
  const logger = createLogger('number-inventory', config.LOG_LEVEL);
  import('./read-model/rebuild')
    .then(({ rebuildSiteTelephony }) => rebuildSiteTelephony(config, logger))
    .then(() => logger.info('site-telephony read model reset; the running projection replays into it'))
    .catch(exitOnStartupFailure);
} else {
  runService(
    'number-inventory',
    () => loadConfig(numberInventoryConfigSchema),
    async (config, logger) => (await import('./number-inventory.app')).startNumberInventory(config, logger),
  );
}
