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
    logHeadPosition: new Gauge({
      name: 'tnp_log_head_position',
      help: 'Global position of the newest event committed to the event store',
      registers: [registry],
    }),
    followerPosition: new Gauge({
      name: 'tnp_follower_position',
      help: 'Global position of the last event a follower of the log (relay, projection) processed',
      labelNames: ['follower'] as const,
      registers: [registry],
    }),
    followerLagEvents: new Gauge({
      name: 'tnp_follower_lag_events',
      help: 'Committed events a follower has not processed yet, including those a long transaction holds back from readers',
      labelNames: ['follower'] as const,
      registers: [registry],
    }),
    followerLagSeconds: new Gauge({
      name: 'tnp_follower_lag_seconds',
      help: 'Age of the oldest committed event a follower has not processed yet (0 when caught up)',
      labelNames: ['follower'] as const,
      registers: [registry],
    }),
    followerLeading: new Gauge({
      name: 'tnp_follower_leading',
      help: '1 while this replica holds the lead of a follower',
      labelNames: ['follower'] as const,
      registers: [registry],
    }),
    reactionRetries: new Counter({
      name: 'tnp_reaction_retries_total',
      help: 'Reaction deliveries that failed and were scheduled again',
      labelNames: ['durable'] as const,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'tnp_reaction_dead_lettered_total',
      help: 'Messages a reaction parked in the dead-letter stream',
      labelNames: ['durable'] as const,
      registers: [registry],
    }),
    deadLetters: new Gauge({
      name: 'tnp_reaction_dead_letters',
      help: 'Messages parked in the dead-letter stream, by reaction',
      labelNames: ['durable'] as const,
      registers: [registry],
    }),
    reactionPending: new Gauge({
      name: 'tnp_reaction_consumer_pending',
      help: 'Messages a reaction consumer has not acknowledged yet (its lag)',
      labelNames: ['durable'] as const,
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
