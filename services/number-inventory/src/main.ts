// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { createLogger, endLeanStartup, exitOnStartupFailure, loadConfig, runService } from '@tnp/platform';

if (process.argv[2] === 'rebuild') {
  endLeanStartup();
  const rebuild = async (): Promise<void> => {
    const config = loadConfig((await import('./number-inventory.config')).numberInventoryConfigSchema);
    const logger = createLogger('number-inventory', config.LOG_LEVEL);
    await (await import('./read-model/rebuild')).rebuildSiteTelephony(config, logger);
    logger.info('site-telephony read model reset; the running projection replays into it');
  };
  rebuild().catch(exitOnStartupFailure);
} else {
  runService(
    'number-inventory',
    async () => loadConfig((await import('./number-inventory.config')).numberInventoryConfigSchema),
    async (config, logger) => (await import('./number-inventory.app')).startNumberInventory(config, logger),
  );
}
