// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';

runService(
  'gateway',
  async () => loadConfig((await import('./gateway.config')).gatewayConfigSchema),
  async (config, logger) => (await import('./gateway.app')).startGateway(config, logger),
);
