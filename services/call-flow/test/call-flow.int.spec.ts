import { randomUUID } from 'node:crypto';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { numberInventoryService } from '../../number-inventory/src/number-inventory.app';
import { schedulerService } from '../../scheduler/src/scheduler.app';
import { callFlowService } from '../src/call-flow.app';

let inventory: ServiceHarness;
let callFlow: ServiceHarness;
let scheduler: ServiceHarness;
const SITE = 'lon-7';
const n = (i: number) => `+44207555${String(1000 + i)}`;

type Reply = { ok: boolean; value: any; error?: { code: string; rule?: string; fields?: { path: string }[] } };
const admin = (name: string, data: unknown): Promise<Reply> =>
  callFlow.raw(
    `${callFlow.config.NATS_SUBJECT_PREFIX}.cmd.call-flow.${name}`,
    JSON.stringify({ commandId: randomUUID(), principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' }, data }),
  ) as Promise<Reply>;
const localIn = (ms: number, timeZone = 'Europe/London') => {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' })
    .format(new Date(Date.now() + ms))
    .split(' ');
  return { date: parts[0], time: parts[1] };
};

beforeAll(async () => {
  inventory = await startServiceHarness(numberInventoryService, { label: 'cf_int' });
  const shared = { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX };
  callFlow = await startServiceHarness(callFlowService, { label: 'cf_int', with: shared });
  scheduler = await startServiceHarness(schedulerService, { label: 'cf_int', with: shared });
  await inventory.command('provision-numbers', { siteId: SITE, rangeName: 'CF', range: { start: n(0), end: n(9) } });
  for (let i = 0; i < 5; i++) {
    await inventory.command('allocate-number', { siteId: SITE, number: n(i), owner: { type: 'occupier', occupierId: 'acme' } });
    await inventory.command('activate-number', { siteId: SITE, number: n(i) });
  }
  const parameters = [{ name: 'greeting', type: 'text', required: true, maxLength: 40 }];
  await callFlow.command('define-call-flow', { flowId: 'open', tenant: 'acme', name: 'Open', parameters });
  await callFlow.command('define-call-flow', { flowId: 'closed', tenant: 'acme', name: 'Closed', parameters });
  for (let i = 0; i < 5; i++) {
    await eventually(
      async () => expect((await callFlow.command('designate-service-number', { number: n(i), name: `Line ${i}` })).ok).toBe(true),
      { timeoutMs: 20_000 },
    );
    expect((await admin('assign-flow', { number: n(i), flowId: 'open', values: { greeting: 'Hello' } })).ok).toBe(true);
  }
}, 120_000);

afterAll(async () => {
  await scheduler?.stop();
  await callFlow?.stop();
  await inventory?.stop();
});

const switchedEvents = async (number: string) =>
  (await callFlow.service.store.readStream(`service-number-${number}`)).filter((e) => e.type === 'FlowSwitched');

describe('call-flow and scheduler', () => {
  test('a switch scheduled a moment ahead is applied once, on time', async () => {
    const at = localIn(3000);
    const scheduled = await admin('schedule-flow-switch', {
      number: n(0),
      scheduleId: 'soon',
      at,
      timeZone: 'Europe/London',
      flowId: 'closed',
      values: { greeting: 'Closed' },
    });
    expect(scheduled.ok).toBe(true);
    const timeline = await eventually(async () => {
      const t = await callFlow.query<{ entries: { scheduleId: string; dueAt: string; status: string }[] }>('timeline', { number: n(0) });
      expect(t.ok && t.value.entries).toHaveLength(1);
      return t;
    });
    const dueAt = Date.parse(timeline.ok ? (timeline.value.entries[0]?.dueAt ?? '') : '');
    expect(dueAt).toBeGreaterThan(Date.now());
    await eventually(async () => expect(await switchedEvents(n(0))).toHaveLength(1), { timeoutMs: 15_000, intervalMs: 100 });
    const [switched] = await switchedEvents(n(0));
    expect(switched?.data).toMatchObject({ flowId: 'closed', late: false });
    const applyDelay = Date.parse(switched?.recordedAt ?? '') - dueAt;
    expect(applyDelay).toBeGreaterThanOrEqual(0);
    const fired = await scheduler.db.query(`SELECT status, lateness_ms FROM scheduler.timers WHERE id = '${n(0)}/soon'`);
    expect(fired).toEqual([expect.objectContaining({ status: 'fired' })]);
  });

  test('a time in the past, a value that does not fit the flow and a locked flow are refused, each with its reason', async () => {
    const past = await admin('schedule-flow-switch', {
      number: n(1),
      scheduleId: 'p',
      at: { date: '2020-01-01', time: '09:00' },
      timeZone: 'Europe/London',
      flowId: 'closed',
      values: { greeting: 'x' },
    });
    expect(past.error?.rule).toBe('SCHEDULE_IN_PAST');
    const bad = await admin('assign-flow', { number: n(1), flowId: 'open', values: { greeting: 'x'.repeat(41), colour: 'red' } });
    expect(bad.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: 'values.colour' }), expect.objectContaining({ path: 'values.greeting' })],
    });
    await callFlow.command('define-call-flow', { flowId: 'basic', tenant: 'platform', name: 'Basic', locked: true, parameters: [] });
    expect((await callFlow.command('assign-flow', { number: n(2), flowId: 'basic', values: {} })).ok).toBe(true);
    expect((await admin('assign-flow', { number: n(2), flowId: 'open', values: { greeting: 'x' } })).error?.rule).toBe('FLOW_LOCKED');
  });

  test('a flow deleted while a switch to it is queued fails at its time with the reason; the number keeps its flow', async () => {
    await callFlow.command('define-call-flow', { flowId: 'doomed', tenant: 'acme', name: 'Doomed', parameters: [] });
    expect(
      (
        await admin('schedule-flow-switch', {
          number: n(3),
          scheduleId: 'd',
          at: { date: '2030-01-01', time: '09:00' },
          timeZone: 'Europe/London',
          flowId: 'doomed',
          values: {},
        })
      ).ok,
    ).toBe(true);
    await callFlow.command('delete-call-flow', { flowId: 'doomed' }, { tenantId: 'acme' });
    const applied = await callFlow.command('apply-scheduled-switch', { number: n(3), scheduleId: 'd' });
    expect(applied.ok).toBe(true);
    const events = await callFlow.service.store.readStream(`service-number-${n(3)}`);
    expect(events.at(-1)).toMatchObject({ type: 'FlowSwitchFailed', data: { reason: 'call flow doomed was deleted' } });
    const list = await callFlow.query<{ items: { number: string; flow: { flowId: string }; national: string }[] }>('list-service-numbers', {
      tenant: 'acme',
    });
    await eventually(async () => {
      const again = await callFlow.query<{ items: { number: string; flow: { flowId: string }; national: string }[] }>(
        'list-service-numbers',
        { tenant: 'acme' },
      );
      expect(again.ok && again.value.items.find((i) => i.number === n(3))).toMatchObject({
        flow: { flowId: 'open' },
        national: '020 7555 1003',
      });
    });
    expect(list.ok).toBe(true);
  });

  const orphanedTimer = async (scheduleId: string) => {
    const number = n(4);
    const scheduled = await admin('schedule-flow-switch', {
      number,
      scheduleId,
      at: localIn(2000),
      timeZone: 'Europe/London',
      flowId: scheduleId.length % 2 ? 'closed' : 'open',
      values: { greeting: scheduleId },
    });
    expect(scheduled.ok).toBe(true);
    const id = `${number}/${scheduleId}`;
    const row = async () =>
      (
        (await scheduler.db.query(
          `SELECT status, attempts, lateness_ms, extract(epoch FROM due_at) * 1000 AS due, extract(epoch FROM fired_at) * 1000 AS fired
             FROM scheduler.timers WHERE id = '${id}'`,
        )) as { status: string; attempts: number; lateness_ms: number; due: string; fired: string | null }[]
      )[0];
    await eventually(async () => expect(await row()).toBeDefined());
    // Another replica claims the timer, then dies: its heartbeat row stops being renewed.
    await scheduler.db.query(
      `INSERT INTO scheduler.replicas (id, heartbeat_at) VALUES ('doomed-${scheduleId}', now());
       UPDATE scheduler.timers SET status = 'firing', claimed_by = 'doomed-${scheduleId}', claimed_at = now(), attempts = 1 WHERE id = '${id}'`,
    );
    const due = Number((await row())?.due);
    const fired = () =>
      eventually(
        async () => {
          const r = await row();
          expect(r?.status).toBe('fired');
          return r;
        },
        { timeoutMs: 10_000, intervalMs: 50 },
      );
    const switches = async () => (await switchedEvents(number)).filter((e) => (e.data as { scheduleId: string }).scheduleId === scheduleId);
    return { id, due, fired, switches };
  };

  test('a claim left by a replica that died before sending is taken over within seconds, and reported as late as it was', async () => {
    const timer = await orphanedTimer('orphan');
    const fired = await timer.fired();
    // Taken over once the dead replica's heartbeat (3 s) ran out, not after a 30 s claim timeout.
    expect(Number(fired?.fired) - timer.due).toBeGreaterThan(1000);
    expect(Number(fired?.fired) - timer.due).toBeLessThan(6000);
    expect(fired?.attempts).toBe(2);
    expect(fired?.lateness_ms).toBeGreaterThan(1000);
    expect(await timer.switches()).toHaveLength(1);
  });

  test('a switch a dead replica sent on time is reported on time, though its timer is settled later', async () => {
    const timer = await orphanedTimer('sent');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, timer.due - Date.now())));
    const sent = await callFlow.command('apply-scheduled-switch', { number: n(4), scheduleId: 'sent' }, { commandId: `timer:${timer.id}` });
    expect(sent.ok).toBe(true);
    const fired = await timer.fired();
    expect(fired?.lateness_ms).toBeLessThan(1000);
    expect(await timer.switches()).toHaveLength(1);
  });
});
