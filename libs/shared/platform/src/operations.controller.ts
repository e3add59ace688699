import { Controller, Get, Header, Inject, Res, type DynamicModule } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { HealthChecks } from './health';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Liveness, readiness and Prometheus metrics, the same on every service. */
@Controller()
export class OperationsController {
  constructor(
    @Inject(HealthChecks) private readonly health: HealthChecks,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  @Get('health/live')
  live(@Res({ passthrough: true }) reply: { status: (code: number) => unknown }): unknown {
    const report = this.health.liveness();
    reply.status(report.ready ? 200 : 503);
    return { status: report.ready ? 'ok' : 'dead', checks: report.checks };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: { status: (code: number) => unknown }): Promise<unknown> {
    const report = await this.health.readiness();
    reply.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Readiness as a metric, read at each scrape: the readiness alert needs no other exporter. */
const exportReadiness = (health: HealthChecks, registry: Registry): void => {
  if (registry.getSingleMetric('tnp_ready')) return;
  new Gauge({
    name: 'tnp_ready',
    help: '1 while the replica answers ready (the same checks as /health/ready), else 0',
    registers: [registry],
    async collect() {
      this.set((await health.readiness()).ready ? 1 : 0);
    },
  });
};

export const operationsModule = (health: HealthChecks, registry: Registry): DynamicModule => {
  exportReadiness(health, registry);
  return operationsModuleOf(health, registry);
};

const operationsModuleOf = (health: HealthChecks, registry: Registry): DynamicModule => ({
  module: class OperationsModule {},
  controllers: [OperationsController],
  providers: [
    { provide: HealthChecks, useValue: health },
    { provide: METRICS_REGISTRY, useValue: registry },
  ],
});
