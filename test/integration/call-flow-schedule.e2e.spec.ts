import { eventually } from '@tnp/testing';
import { startPlatform, type Platform } from './support/platform-harness';
import { startSchedulerProcess, type SchedulerProcess } from './support/scheduler-process';

const SITE = 'lon-9';
const n = (i: number) => `+44207666${String(1000 + i)}`;
const sn = (i: number, suffix = '') => `/v1/service-numbers/${encodeURIComponent(n(i))}${suffix}`;
const TZ = 'Europe/London';

let p: Platform;
const t: Record<string, string> = {};
const replicas: SchedulerProcess[] = [];

/** A local time in London this many milliseconds from now, to the second. */
const londonIn = (ms: number) => {
  const [date, time] = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'medium' })
    .format(new Date(Date.now() + ms))
    .split(' ');
  return { date, time };
};
const untilInstant = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));
const switched = async (i: number) =>
  (await p.callFlow.service.store.readStream(`service-number-${n(i)}`)).filter((e) => e.type === 'FlowSwitched');
const schedule = async (i: number, scheduleId: string, at: { date?: string; time?: string }) => {
  const reply = await p.call('POST', sn(i, '/scheduled-switches'), {
    token: t['acme'],
    body: { scheduleId, at, timeZone: TZ, flowId: 'closed', values: { greeting: 'Closed' } },
  });
  expect(reply.status).toBe(200);
  const timeline = await eventually(async () => {
    const view = await p.call('GET', sn(i, '/timeline'), { token: t['acme'] });
    const entry = view.body.entries.find((e: { scheduleId: string }) => e.scheduleId === scheduleId);
    expect(entry).toBeDefined();
    return entry as { dueAt: string; local: string; status: string };
  });
  return timeline;
};

beforeAll(async () => {
  p = await startPlatform('e2e_sched');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  const { call } = p;
  await call('POST', `/v1/sites/${SITE}/numbers/provision`, {
    token: t['platform'],
    body: { rangeName: 'Service', range: { start: n(0), end: n(19) } },
  });
  const parameters = [{ name: 'greeting', type: 'text', required: true, maxLength: 40 }];
  for (const flowId of ['open', 'closed']) {
    const defined = await call('POST', '/v1/call-flows', { token: t['acme'], body: { flowId, tenant: 'acme', name: flowId, parameters } });
    expect({ status: defined.status, body: defined.body }).toMatchObject({ status: 200 });
  }
  for (let i = 0; i < 12; i++) {
    await call('POST', `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/allocate`, {
      token: t['operator'],
      body: { owner: { type: 'occupier', occupierId: 'acme' } },
    });
    await call('POST', `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/activate`, { token: t['operator'] });
    await eventually(
      async () =>
        expect(
          (
            await call('PUT', `/v1/numbers/${encodeURIComponent(n(i))}/service-number`, {
              token: t['operator'],
              body: { name: `Line ${i}` },
            })
          ).status,
        ).toBe(200),
      {
        timeoutMs: 20_000,
      },
    );
    expect((await call('PUT', sn(i, '/flow'), { token: t['acme'], body: { flowId: 'open', values: { greeting: 'Hello' } } })).status).toBe(
      200,
    );
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.kill('SIGKILL')));
  await p?.stop();
});

describe('scheduled call-flow switches through the REST API', () => {
  test('a switch a few seconds ahead is applied once, on time', async () => {
    replicas.push(await startSchedulerProcess(p.callFlow));
    const entry = await schedule(0, 'soon', londonIn(3000));
    await eventually(async () => expect(await switched(0)).toHaveLength(1), { timeoutMs: 15_000, intervalMs: 50 });
    expect((await switched(0))[0]?.data).toMatchObject({ flowId: 'closed', late: false, dueAt: entry.dueAt });
    await eventually(async () =>
      expect((await p.call('GET', sn(0, '/timeline'), { token: t['acme'] })).body.entries[0]).toMatchObject({
        status: 'applied',
        late: false,
      }),
    );
    const list = await p.call('GET', '/v1/occupiers/acme/service-numbers', { token: t['acme'] });
    expect(list.body.items.find((i: { number: string }) => i.number === n(0))).toMatchObject({
      flow: { flowId: 'closed' },
      national: '020 7666 1000',
    });
  });

  test('a scheduler killed (SIGKILL) right before the due time applies the switch exactly once after restart, marked late', async () => {
    const entry = await schedule(1, 'crash', londonIn(4000));
    const dueAt = Date.parse(entry.dueAt);
    await untilInstant(dueAt - 500);
    await Promise.all(replicas.splice(0).map((r) => r.kill('SIGKILL')));
    await untilInstant(dueAt + 1500);
    expect(await switched(1)).toHaveLength(0);
    replicas.push(await startSchedulerProcess(p.callFlow));
    await eventually(async () => expect(await switched(1)).toHaveLength(1), { timeoutMs: 15_000, intervalMs: 50 });
    expect((await switched(1))[0]?.data).toMatchObject({ late: true });
    // Whatever the scheduler sends again, the switch stays applied once.
    const again = await p.callFlow.command(
      'apply-scheduled-switch',
      { number: n(1), scheduleId: 'crash' },
      { commandId: `timer:${n(1)}/crash` },
    );
    expect(again.ok).toBe(true);
    expect(await switched(1)).toHaveLength(1);
  });

  test('two scheduler replicas fire each due switch exactly once', async () => {
    replicas.push(await startSchedulerProcess(p.callFlow));
    expect(replicas).toHaveLength(2);
    const at = londonIn(3000);
    const numbers = [2, 3, 4, 5, 6, 7, 8, 9];
    for (const i of numbers) await schedule(i, 'burst', at);
    await eventually(
      async () => {
        for (const i of numbers) expect(await switched(i)).toHaveLength(1);
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    // A switch is applied before its replica records the timer fired: wait for every record.
    const timers = await eventually(
      async () => {
        const rows = (await p.callFlow.db.query(
          `SELECT id, status, attempts, outcome, claimed_by FROM scheduler.timers WHERE schedule_id = 'burst'`,
        )) as { status: string; attempts: number }[];
        expect(rows.map((row) => row.status)).toEqual(numbers.map(() => 'fired'));
        return rows;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    // Each timer claimed once, by one replica; what the replicas warned of is shown when one was not.
    const warnings = replicas.flatMap((r) =>
      r
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50)/.test(line)),
    );
    expect({ claimedMoreThanOnce: timers.filter((row) => row.attempts !== 1), warnings }).toEqual({
      claimedMoreThanOnce: [],
      warnings: expect.anything(),
    });
  });

  test('a service number allocated to another company keeps nothing of the previous one: name, flow, schedule, queued switches', async () => {
    const i = 9;
    await schedule(i, 'new-year', { date: '2027-01-01', time: '00:00' });
    const number = `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}`;
    expect((await p.call('PUT', `/v1/sites/${SITE}/settings`, { token: t['platform'], body: { coolingOffDays: 0 } })).status).toBe(200);
    expect((await p.call('POST', `${number}/deactivate`, { token: t['operator'] })).status).toBe(200);
    expect((await p.call('POST', `${number}/deallocate`, { token: t['operator'] })).status).toBe(200);
    const globex = await p.call('POST', `${number}/allocate`, {
      token: t['operator'],
      body: { owner: { type: 'occupier', occupierId: 'globex' } },
    });
    expect(globex.status).toBe(200);
    expect((await p.call('POST', `${number}/activate`, { token: t['operator'] })).status).toBe(200);

    await eventually(async () => {
      const types = (await p.callFlow.service.store.readStream(`service-number-${n(i)}`)).map((e) => e.type);
      // Deactivated, deallocated (its switch cancelled, the number released), allocated to globex, activated.
      expect(types.slice(-6)).toEqual([
        'ServiceNumberObserved',
        'ServiceNumberObserved',
        'FlowSwitchCancelled',
        'ServiceNumberReleased',
        'ServiceNumberObserved',
        'ServiceNumberObserved',
      ]);
    });
    const cancelled = (await p.callFlow.service.store.readStream(`service-number-${n(i)}`)).find((e) => e.type === 'FlowSwitchCancelled');
    expect(cancelled?.data).toEqual({ number: n(i), scheduleId: 'new-year', reason: 'number-left-company' });
    await eventually(async () => {
      const acme = await p.call('GET', '/v1/occupiers/acme/service-numbers', { token: t['acme'] });
      expect(acme.body.items.map((item: { number: string }) => item.number)).not.toContain(n(i));
    });
    const globexAdmin = await p.token({ sub: 'globex-admin', role: 'occupier-admin', occupierId: 'globex' });
    // Globex designates it afresh: no name, flow or schedule of acme's comes with it.
    const designated = await p.call('PUT', `/v1/numbers/${encodeURIComponent(n(i))}/service-number`, {
      token: t['operator'],
      body: { name: 'Globex line' },
    });
    expect(designated.status).toBe(200);
    await eventually(async () => {
      const list = await p.call('GET', '/v1/occupiers/globex/service-numbers', { token: globexAdmin });
      expect(list.body.items).toEqual([
        expect.objectContaining({ number: n(i), name: 'Globex line', flow: null, weekly: null, nextChangeAt: null }),
      ]);
    });
    // Nor does acme's cancelled switch show in the number's timeline for globex.
    const timeline = await p.call('GET', `/v1/service-numbers/${encodeURIComponent(n(i))}/timeline`, { token: globexAdmin });
    expect(timeline.body).toMatchObject({ tenant: 'globex', entries: [] });
  });

  test('the flows a company may use are listed with their parameters, its own and none of another company’s', async () => {
    await eventually(async () => {
      const flows = await p.call('GET', '/v1/occupiers/acme/call-flows', { token: t['acme'] });
      expect(flows.body.items).toEqual([
        expect.objectContaining({
          flowId: 'closed',
          tenant: 'acme',
          locked: false,
          version: 1,
          parameters: [expect.objectContaining({ name: 'greeting' })],
        }),
        expect.objectContaining({ flowId: 'open', tenant: 'acme', name: 'open' }),
      ]);
    });
    expect((await p.call('GET', '/v1/occupiers/globex/call-flows', { token: t['acme'] })).status).toBe(404);
  });

  test('a switch scheduled across the daylight-saving change keeps its local time', async () => {
    const before = await schedule(10, 'friday', { date: '2027-03-26', time: '09:00' });
    const after = await schedule(10, 'monday', { date: '2027-03-29', time: '09:00' });
    expect([before.dueAt, after.dueAt]).toEqual(['2027-03-26T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
    expect([before.local, after.local]).toEqual([`2027-03-26 09:00 ${TZ}`, `2027-03-29 09:00 ${TZ}`]);
    const gap = await schedule(10, 'in-the-gap', { date: '2027-03-28', time: '01:30' });
    expect(gap.dueAt).toBe('2027-03-28T01:30:00.000Z');
    const weekly = await p.call('PUT', sn(11, '/weekly-schedule'), {
      token: t['acme'],
      body: {
        schedule: {
          timeZone: TZ,
          periods: [
            { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', flowId: 'open', values: { greeting: 'Open' } },
            { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', flowId: 'closed', values: { greeting: 'Closed' } },
          ],
        },
      },
    });
    expect(weekly.status).toBe(200);
    await eventually(async () => {
      const view = await p.call('GET', sn(11, '/timeline'), { token: t['acme'] });
      expect(view.body.entries).toEqual([
        expect.objectContaining({ kind: 'weekly', status: 'pending', local: expect.stringMatching(/ (09|18):00 Europe\/London$/) }),
      ]);
    });
  });
});
