import type { NatsConnection } from '@nats-io/transport-node';
import { ACTIVE_POOL, LOCK_POOL, londonIn, SITE, WORKERS_PER_SERVICE } from './fault-platform';
import type { EventSourcedService } from './service-process';
import { emptyRecord, Workload, type CommandSource, type WorkloadRecord } from './workload';

let run = 0;
/** Lock commands sent per number over every run, so each one toggles: lock, unlock, lock... */
const lockToggles = new Map<string, number>();
const nextLockToggle = (number: string): boolean => {
  const n = lockToggles.get(number) ?? 0;
  lockToggles.set(number, n + 1);
  return n % 2 === 0;
};

/**
 * What each service's workers send: every command changes state, so each acknowledged one
 * appends events. Call-flow's are switches due a few seconds ahead, which the scheduler fires.
 */
const sources = (runId: number): Partial<Record<EventSourcedService, CommandSource>> => ({
  'number-inventory': (w, i) => {
    const number = LOCK_POOL(w, i % 4);
    const lock = nextLockToggle(number);
    return {
      service: 'number-inventory',
      name: lock ? 'lock-number' : 'unlock-number',
      data: { siteId: SITE, number, ...(lock ? { reason: `fault run ${runId}` } : {}) },
    };
  },
  fax: (w, i) => ({
    service: 'fax',
    name: 'configure-fax',
    data: { number: ACTIVE_POOL(w, i % 2), settings: { detectionWaitSeconds: (Math.floor(i / 2) % 30) + 1, t38: runId % 2 === 0 } },
  }),
  assignment: (w, i) => ({
    service: 'assignment',
    name: 'set-display-name',
    data: { number: ACTIVE_POOL(w, i % 2), first: `R${runId}W${w}I${i}` },
  }),
  'extension-device': (w, i) => ({
    service: 'extension-device',
    name: 'update-extension-info',
    data: { extensionId: `ext-${w}`, label: `R${runId} I${i}` },
  }),
  'call-flow': (w, i) => ({
    service: 'call-flow',
    name: 'schedule-flow-switch',
    data: {
      number: ACTIVE_POOL(w, i % 2),
      scheduleId: `r${runId}-w${w}-i${i}`,
      at: londonIn(6000),
      timeZone: 'Europe/London',
      flowId: i % 2 === 0 ? 'closed' : 'open',
      values: { greeting: `R${runId}` },
    },
  }),
});

/** Workers on every service at once, sharing one record of what was acknowledged. */
export class MixedLoad {
  readonly record: WorkloadRecord = emptyRecord();
  readonly runId = ++run;
  private readonly workloads: Workload[];

  constructor(nc: NatsConnection) {
    this.workloads = Object.values(sources(this.runId)).map((source) => new Workload(nc, source, WORKERS_PER_SERVICE, this.record));
  }

  start(): this {
    for (const w of this.workloads) w.start();
    return this;
  }

  async stop(): Promise<WorkloadRecord> {
    await Promise.all(this.workloads.map((w) => w.stop()));
    return this.record;
  }

  acknowledged(): number {
    return [...this.record.acknowledged.values()].reduce((n, ids) => n + ids.length, 0);
  }
}
