// First: V8's start-only settings and what has to come before the platform's modules (ADR 0021).
import '../../../libs/shared/platform/src/lean-startup';
import 'reflect-metadata';
import { loadConfig, runService } from '@tnp/platform';

runService(
  'call-flow',
  async () => loadConfig((await import('./call-flow.config')).callFlowConfigSchema),
  async (config, logger) => (await import('./call-flow.app')).startCallFlow(config, logger),
);
