import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type PlatformMetrics = ReturnType<typeof createMetrics>;

export const createMetrics = (service: string) => {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    commands: new Counter({
      name: 'tnp_commands_total',
      help: 'Commands handled, by command and outcome code',
      labelNames: ['command', 'outcome'] as const,
      registers: [registry],
    }),
    commandDuration: new Histogram({
      name: 'tnp_command_duration_seconds',
      help: 'Time from receiving a command to replying',
      labelNames: ['command'] as const,
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'tnp_http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    queries: new Counter({
      name: 'tnp_queries_total',
      help: 'Queries answered, by query and outcome code',
      labelNames: ['query', 'outcome'] as const,
      registers: [registry],
    }),
    projectionLag: new Gauge({
      name: 'tnp_projection_lag_seconds',
      help: 'Age of the last event a projection applied, when it applied it',
      labelNames: ['projection'] as const,
      registers: [registry],
    }),
    projectionPosition: new Gauge({
      name: 'tnp_projection_position',
      help: 'Global position a projection has applied up to',
      labelNames: ['projection'] as const,
      registers: [registry],
    }),
    relayPosition: new Gauge({
      name: 'tnp_relay_position',
      help: 'Global position the relay has published up to',
      registers: [registry],
    }),
    relayPublished: new Counter({
      name: 'tnp_relay_published_total',
      help: 'Events the relay published to JetStream (including duplicates JetStream dropped)',
      labelNames: ['duplicate'] as const,
      registers: [registry],
    }),
  };
};
