import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the firer exports: pending timers, lateness to when call-flow applied each switch, failures, batch sizes. */
export const firingMetrics = (registry: Registry) => ({
  pending: new Gauge({ name: 'tnp_scheduler_pending_timers', help: 'Timers waiting to fire', registers: [registry] }),
  lateness: new Histogram({
    name: 'tnp_scheduler_firing_lateness_seconds',
    help: 'How long after its due instant a timer was fired',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
    registers: [registry],
  }),
  failures: new Counter({
    name: 'tnp_scheduler_failures_total',
    help: 'Timers whose switch was refused or could not be sent',
    labelNames: ['kind'] as const,
    registers: [registry],
  }),
  batches: new Histogram({
    name: 'tnp_scheduler_batch_size',
    help: 'Timers fired per request to call-flow',
    buckets: [1, 10, 50, 100, 250, 500, 1000],
    registers: [registry],
  }),
});
