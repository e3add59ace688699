import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { PrivateNats, PrivatePostgres, until } from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { EVENT_SOURCED, JWT_SECRET, ServiceProcess, type EventSourcedService, type ServiceName } from './service-process';
import { sendUntilAnswered, emptyRecord, type Command } from './workload';

export const SITE = 'faults-1';
export const TZ = 'Europe/London';
const FIRST = 442079460000;
export const numberAt = (i: number): string => `+${FIRST + i}`;

/** Numbers each worker of a service owns, so a worker's commands never collide with another's. */
export const LOCK_POOL = (worker: number, k: number): string => numberAt(worker * 4 + k);
export const ACTIVE_POOL = (worker: number, k: number): string => numberAt(200 + worker * 2 + k);
export const WORKERS_PER_SERVICE = 3;

/** A local time in London this many milliseconds from now, to the second. */
export const londonIn = (ms: number): { date: string; time: string } => {
  const [date = '', time = ''] = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'medium' })
    .format(new Date(Date.now() + ms))
    .split(' ');
  return { date, time };
};

/**
 * Every service as its own OS process on a PostgreSQL cluster and a nats-server of the suite's
 * own, so faults can be injected without touching the shared services.
 */
export class FaultPlatform {
  readonly replicas = new Map<ServiceName, ServiceProcess[]>();

  private constructor(
    readonly pg: PrivatePostgres,
    readonly nats: PrivateNats,
    readonly nc: NatsConnection,
    readonly db: Pool,
    readonly token: string,
  ) {}

  static async start(log: (line: string) => void): Promise<FaultPlatform> {
    const pg = await PrivatePostgres.start();
    const nats = await PrivateNats.start();
    log(`private PostgreSQL on ${pg.port}, private nats-server on ${nats.port}`);
    const nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100, name: 'fault-suite' });
    const db = new Pool({ connectionString: pg.url, max: 3, application_name: 'fault-suite' });
    // The restart scenario cuts these connections too; the pool opens new ones.
    db.on('error', () => undefined);
    const token = await mintToken(
      { sub: 'fault-suite', role: 'platform' },
      { secret: JWT_SECRET, issuer: 'telephony-platform', audience: 'telephony-api' },
    );
    const platform = new FaultPlatform(pg, nats, nc, db, token);
    // number-inventory first: the others follow its stream.
    await platform.add('number-inventory');
    await Promise.all(EVENT_SOURCED.filter((s) => s !== 'number-inventory').map((s) => platform.add(s)));
    await platform.add('scheduler');
    await platform.add('gateway');
    log('services started: ' + [...platform.replicas].map(([s, r]) => `${s}×${r.length}`).join(', '));
    await platform.seed();
    log('seeded numbers, flows, service numbers, users and extensions');
    return platform;
  }

  get env(): Record<string, string> {
    return {
      DATABASE_URL: this.pg.url,
      NATS_URL: this.nats.url,
      JWT_SECRET,
      DB_POOL_SIZE: '4',
      REACTION_BACKOFF_MS: '200,500,1000',
      LOG_LEVEL: process.env['FAULTS_SERVICE_LOG_LEVEL'] ?? 'warn',
    };
  }

  async add(service: ServiceName): Promise<ServiceProcess> {
    const replica = await ServiceProcess.start(service, this.env);
    this.replicas.set(service, [...(this.replicas.get(service) ?? []), replica]);
    return replica;
  }

  all(): ServiceProcess[] {
    return [...this.replicas.values()].flat();
  }

  first(service: ServiceName): ServiceProcess {
    const replica = this.replicas.get(service)?.[0];
    if (!replica) throw new Error(`no ${service} replica`);
    return replica;
  }

  /** Milliseconds until every running replica answers ready. */
  allReady(timeoutMs: number): Promise<number> {
    return until(
      'every service to be ready',
      async () => (await Promise.all(this.all().map((r) => r.isReady()))).every(Boolean),
      timeoutMs,
    );
  }

  private async must(command: Command, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = emptyRecord();
      if (await sendUntilAnswered(this.nc, command, record, deadline)) return;
      // A reaction may not have told this service of the number yet: try again until the deadline.
      if (Date.now() > deadline) throw new Error(`seeding ${command.service} ${command.name} failed: ${JSON.stringify(record.refused)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async seed(): Promise<void> {
    await this.must({
      service: 'number-inventory',
      name: 'provision-numbers',
      data: { siteId: SITE, rangeName: 'Faults', range: { start: numberAt(0), end: numberAt(299) } },
    });
    const active = Array.from({ length: WORKERS_PER_SERVICE }, (_, w) => [ACTIVE_POOL(w, 0), ACTIVE_POOL(w, 1)]).flat();
    for (const number of active) {
      await this.must({
        service: 'number-inventory',
        name: 'allocate-number',
        data: { siteId: SITE, number, owner: { type: 'occupier', occupierId: 'acme' } },
      });
      await this.must({ service: 'number-inventory', name: 'activate-number', data: { siteId: SITE, number } });
    }
    const parameters = [{ name: 'greeting', type: 'text', required: true, maxLength: 40 }];
    for (const flowId of ['open', 'closed']) {
      await this.must({ service: 'call-flow', name: 'define-call-flow', data: { flowId, tenant: 'acme', name: flowId, parameters } });
    }
    for (const number of active) {
      await this.must({ service: 'call-flow', name: 'designate-service-number', data: { number, name: `Line ${number.slice(-4)}` } });
      await this.must({ service: 'call-flow', name: 'assign-flow', data: { number, flowId: 'open', values: { greeting: 'Hello' } } });
    }
    for (let w = 0; w < WORKERS_PER_SERVICE; w++) {
      await this.must({
        service: 'assignment',
        name: 'register-user',
        data: { occupierId: 'acme', userId: `user-${w}`, firstName: 'Fault', lastName: `Worker${w}` },
      });
      await this.must({
        service: 'extension-device',
        name: 'create-extension',
        data: {
          occupierId: 'acme',
          extensionId: `ext-${w}`,
          key: String(300 + w),
          label: `Worker ${w}`,
          assignee: { userId: `user-${w}` },
        },
      });
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.all().map((r) => r.kill('SIGTERM')));
    await this.nc.close().catch(() => undefined);
    await this.db.end().catch(() => undefined);
    await this.nats.destroy();
    this.pg.destroy();
  }
}

export type { EventSourcedService };
