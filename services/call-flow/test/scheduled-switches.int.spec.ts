import { randomUUID } from 'node:crypto';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import type { AppliedScheduledSwitch, AppliedScheduledSwitches, ScheduledSwitchResult } from '@tnp/call-flow-contracts';
import type { Reply } from '@tnp/kernel';
import { numberInventoryService } from '../../number-inventory/src/number-inventory.app';
import { callFlowService } from '../src/call-flow.app';

/** call-flow's apply-scheduled-switches, driven as the scheduler drives it (no scheduler runs here). */
let inventory: ServiceHarness;
let callFlow: ServiceHarness;
const SITE = 'lon-8';
const n = (i: number) => `+44207556${String(1000 + i)}`;
const timer = (i: number, scheduleId: string) => ({ commandId: `timer:${n(i)}/${scheduleId}`, data: { number: n(i), scheduleId } });

const admin = async (name: string, data: unknown): Promise<Reply> =>
  (await callFlow.raw(
    `${callFlow.config.NATS_SUBJECT_PREFIX}.cmd.call-flow.${name}`,
    JSON.stringify({ commandId: randomUUID(), principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' }, data }),
  )) as Reply;

const batch = async (switches: readonly { commandId: string; data: unknown }[]): Promise<Reply<AppliedScheduledSwitches>> =>
  (await callFlow.raw(
    `${callFlow.config.NATS_SUBJECT_PREFIX}.cmd.call-flow.apply-scheduled-switches`,
    JSON.stringify({ commandId: `timers:${randomUUID()}`, principal: { id: 'scheduler', role: 'system' }, data: { switches } }),
  )) as Reply<AppliedScheduledSwitches>;

const results = async (switches: readonly { commandId: string; data: unknown }[]): Promise<readonly ScheduledSwitchResult[]> => {
  const reply = await batch(switches);
  if (!reply.ok) throw new Error(`batch refused: ${JSON.stringify(reply.error)}`);
  expect(reply.value.results.map((r) => r.commandId)).toEqual(switches.map((s) => s.commandId));
  return reply.value.results;
};

/** Each scheduleId's switch events on a number: one applied switch is one FlowSwitched or FlowSwitchFailed. */
const applied = async (i: number, scheduleId: string) =>
  (await callFlow.service.store.readStream(`service-number-${n(i)}`)).filter(
    (e) => (e.type === 'FlowSwitched' || e.type === 'FlowSwitchFailed') && (e.data as { scheduleId: string }).scheduleId === scheduleId,
  );

const schedule = async (i: number, scheduleId: string, flowId = 'closed') =>
  expect(
    await admin('schedule-flow-switch', {
      number: n(i),
      scheduleId,
      at: { date: '2031-01-01', time: '09:00' },
      timeZone: 'Europe/London',
      flowId,
      values: { greeting: scheduleId },
    }),
  ).toMatchObject({ ok: true });

beforeAll(async () => {
  inventory = await startServiceHarness(numberInventoryService, { label: 'cf_batch' });
  callFlow = await startServiceHarness(callFlowService, {
    label: 'cf_batch',
    with: { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX },
  });
  await inventory.command('provision-numbers', { siteId: SITE, rangeName: 'CFB', range: { start: n(0), end: n(9) } });
  const parameters = [{ name: 'greeting', type: 'text', required: true, maxLength: 40 }];
  for (const flowId of ['open', 'closed', 'doomed'])
    await callFlow.command('define-call-flow', { flowId, tenant: 'acme', name: flowId, parameters });
  for (let i = 0; i < 8; i++) {
    await inventory.command('allocate-number', { siteId: SITE, number: n(i), owner: { type: 'occupier', occupierId: 'acme' } });
    await inventory.command('activate-number', { siteId: SITE, number: n(i) });
    await eventually(
      async () => expect((await callFlow.command('designate-service-number', { number: n(i), name: `Line ${i}` })).ok).toBe(true),
      { timeoutMs: 20_000 },
    );
    expect(await admin('assign-flow', { number: n(i), flowId: 'open', values: { greeting: 'Hello' } })).toMatchObject({ ok: true });
  }
}, 120_000);

afterAll(async () => {
  await callFlow?.stop();
  await inventory?.stop();
});

describe('apply-scheduled-switches: many due switches per request, each applied once by its timer id', () => {
  let first: readonly ScheduledSwitchResult[];

  test('a batch applies each switch; a duplicate later in the batch gets the first result and applies nothing', async () => {
    await schedule(0, 'a');
    await schedule(1, 'a');
    first = await results([timer(0, 'a'), timer(1, 'a'), timer(0, 'a')]);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'already-applied']);
    expect(first[2]?.reply).toEqual(first[0]?.reply);
    expect(first[0]?.reply).toMatchObject({ ok: true, value: { number: n(0), events: ['FlowSwitched'] } });
    const [switched] = await applied(0, 'a');
    expect(first[0]?.reply.ok && first[0].reply.value.eventIds).toEqual([switched?.id]);
    expect(await applied(0, 'a')).toHaveLength(1);
    expect(await applied(1, 'a')).toHaveLength(1);
  });

  test('a resend after a crash (sent, never recorded) is answered with the first results; only what is new applies', async () => {
    await schedule(2, 'a');
    const again = await results([timer(1, 'a'), timer(2, 'a'), timer(0, 'a')]);
    expect(again.map((r) => r.status)).toEqual(['already-applied', 'applied', 'already-applied']);
    expect(again[0]?.reply).toEqual(first[1]?.reply);
    expect(again[2]?.reply).toEqual(first[0]?.reply);
    // The first result carries when the switch was applied, so lateness is reported to then.
    expect((again[2]?.reply as { value: AppliedScheduledSwitch }).value.decidedAt).toBe(
      (first[0]?.reply as { value: AppliedScheduledSwitch }).value.decidedAt,
    );
    // The single-switch subject answers from the same record, and the other way round.
    const single = await callFlow.command<AppliedScheduledSwitch>('apply-scheduled-switch', timer(0, 'a').data, {
      commandId: timer(0, 'a').commandId,
      role: 'system',
    });
    // The same answer (the single endpoint adds its consistency token, which the batch leaves out).
    expect({ ...(single as object), consistency: undefined }).toEqual(first[0]?.reply);
    await schedule(3, 'a');
    const alone = await callFlow.command('apply-scheduled-switch', timer(3, 'a').data, {
      commandId: timer(3, 'a').commandId,
      role: 'system',
    });
    expect((await results([timer(3, 'a')]))[0]).toEqual({
      commandId: timer(3, 'a').commandId,
      status: 'already-applied',
      reply: { ...(alone as object), consistency: undefined },
    });
    for (const i of [0, 1, 2, 3]) expect(await applied(i, 'a')).toHaveLength(1);
  });

  test('refused switches are refused alone, with their reason, every time; the rest of the batch applies', async () => {
    await schedule(4, 'a');
    await schedule(5, 'a');
    const switches = [
      timer(4, 'a'),
      // A timer id bound to another switch: the id's first command keeps it.
      { commandId: timer(0, 'a').commandId, data: timer(5, 'a').data },
      // Data call-flow cannot read: not an answer, nothing kept under the id.
      { commandId: 'timer:bad/1', data: { number: '020 7556', scheduleId: 'a' } },
    ];
    const refused = await results(switches);
    expect(refused.map((r) => r.status)).toEqual(['applied', 'refused', 'failed']);
    expect(refused[1]?.reply).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(refused[2]?.reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'data.number' }] } });
    const again = await results(switches);
    expect(again.map((r) => r.status)).toEqual(['already-applied', 'refused', 'failed']);
    expect(again[0]?.reply).toEqual(refused[0]?.reply);
    expect(again[1]?.reply).toEqual(refused[1]?.reply);
    expect(await applied(4, 'a')).toHaveLength(1);
    expect(await applied(5, 'a')).toHaveLength(0);
    expect(await applied(0, 'a')).toHaveLength(1);
  });

  test('a switch whose flow was deleted is applied as failed, once, and reported applied with its events', async () => {
    await schedule(6, 'a', 'doomed');
    await callFlow.command('delete-call-flow', { flowId: 'doomed' }, { tenantId: 'acme' });
    const [failed] = await results([timer(6, 'a')]);
    expect(failed).toMatchObject({ status: 'applied', reply: { ok: true, value: { events: ['FlowSwitchFailed'] } } });
    expect(await results([timer(6, 'a')])).toEqual([{ ...failed, status: 'already-applied' }]);
    expect(await applied(6, 'a')).toHaveLength(1);
  });

  test('two batches carrying the same switch at once (two replicas resending) apply it once', async () => {
    await schedule(7, 'a');
    const [one, other] = await Promise.all([results([timer(7, 'a')]), results([timer(7, 'a')])]);
    const outcomes = [one[0], other[0]].map((r) => (r?.status === 'failed' && !r.reply.ok ? r.reply.error.rule : r?.status)).sort();
    expect([
      ['COMMAND_IN_PROGRESS', 'applied'],
      ['already-applied', 'applied'],
    ]).toContainEqual(outcomes);
    expect(await applied(7, 'a')).toHaveLength(1);
    const settled = await results([timer(7, 'a')]);
    expect(settled[0]?.status).toBe('already-applied');
    expect(settled[0]?.reply).toEqual([one[0], other[0]].find((r) => r?.status === 'applied')?.reply);
  });

  test('an empty batch, one of more than 1,000 switches and a malformed one are refused as a whole', async () => {
    expect(await batch([])).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const many = Array.from({ length: 1001 }, (_, i) => ({ commandId: `timer:many/${i}`, data: {} }));
    expect(await batch(many)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'data.switches' }] } });
    expect(await batch([{ commandId: 'short', data: {} }])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'data.switches.0.commandId' }] },
    });
  });
});
