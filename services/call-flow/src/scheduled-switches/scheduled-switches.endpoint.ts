import { AsyncLocalStorage } from 'node:async_hooks';
import { isDeepStrictEqual } from 'node:util';
import { commandEnvelopeSchema, parseOrThrow, validationFailed, type CommandMetadata, type Principal, type Reply } from '@tnp/kernel';
import {
  commandEndpoint,
  isFinalAnswer,
  logFailure,
  MALFORMED_REQUEST,
  toErrorBody,
  type EndpointDeps,
  type NatsEndpoint,
} from '@tnp/messaging';
import { currentTraceCarrier, inSpan, SpanKind } from '@tnp/platform';
import {
  applyScheduledSwitchesSchema,
  scheduleOnlySchema,
  type AppliedScheduledSwitch,
  type AppliedScheduledSwitches,
  type ScheduledSwitchResult,
} from '@tnp/call-flow-contracts';

export type ScheduledSwitchesOptions = {
  readonly subject: string;
  /** Applies one due switch: the same handler as apply-scheduled-switch. */
  readonly apply: (data: { number: string; scheduleId: string }, metadata: CommandMetadata) => Promise<AppliedScheduledSwitch>;
  /** Switches of one request applied at once, at most. */
  readonly concurrency?: number;
};

const batchEnvelopeSchema = commandEnvelopeSchema(applyScheduledSwitchesSchema);
type Item = { readonly index: number; readonly commandId: string; readonly data: unknown };

/**
 * apply-scheduled-switches: many due switches in one request, each still its own command. Every
 * switch goes through the apply-scheduled-switch command path (its envelope and data checked, then
 * executeCommand under its own id with the same command type and data binding), so it is applied
 * once by its timer id whichever way it comes, alone or in a batch, and a resend is answered with
 * the first result. Switches run with bounded concurrency; a batch's duplicates run one after the
 * other, so the first applies and the next ones get its result. The batch itself keeps nothing.
 */
export const scheduledSwitchesEndpoint = (deps: EndpointDeps, options: ScheduledSwitchesOptions): NatsEndpoint => {
  // What the handler returned in this request, to tell a switch applied now from a first result replayed.
  const ran = new AsyncLocalStorage<{ value?: AppliedScheduledSwitch }>();
  const single = commandEndpoint(deps, {
    subject: options.subject,
    commandType: 'ApplyScheduledSwitch',
    schema: scheduleOnlySchema,
    handle: async (data, metadata) => {
      const value = await options.apply(data, metadata);
      const run = ran.getStore();
      if (run) run.value = value;
      return value;
    },
  });

  const applyOne = async (item: Item, principal: Principal, batchId: string): Promise<ScheduledSwitchResult> => {
    const run: { value?: AppliedScheduledSwitch } = {};
    const envelope = { commandId: item.commandId, principal, causationId: batchId, data: item.data };
    // Each switch's answer as apply-scheduled-switch stores it: the scheduler reads no consistency token.
    const answered = (await ran.run(run, () => single.handle(envelope, currentTraceCarrier()))) as Reply<AppliedScheduledSwitch>;
    const reply: Reply<AppliedScheduledSwitch> = answered.ok ? { ok: true, value: answered.value } : { ok: false, error: answered.error };
    const status: ScheduledSwitchResult['status'] = reply.ok
      ? run.value !== undefined && (run.value === reply.value || isDeepStrictEqual(run.value, reply.value))
        ? 'applied'
        : 'already-applied'
      : isFinalAnswer(reply.error)
        ? 'refused'
        : 'failed';
    return { commandId: item.commandId, status, reply };
  };

  return {
    subject: options.subject,
    handle: (payload, trace) =>
      inSpan('command ApplyScheduledSwitches', { parent: trace, kind: SpanKind.SERVER }, async (span) => {
        try {
          if (payload && typeof payload === 'object' && MALFORMED_REQUEST in payload) {
            throw validationFailed([{ path: '(body)', message: 'malformed JSON' }]);
          }
          const envelope = parseOrThrow(batchEnvelopeSchema, payload);
          const items: Item[] = envelope.data.switches.map((s, index) => ({ index, commandId: s.commandId, data: s.data }));
          span.setAttribute('tnp.switches', items.length);
          // One lane per command id: a duplicate waits for the switch before it, then gets its result.
          const lanes = new Map<string, Item[]>();
          for (const item of items) {
            const lane = lanes.get(item.commandId);
            if (lane) lane.push(item);
            else lanes.set(item.commandId, [item]);
          }
          const queue = [...lanes.values()];
          const results: ScheduledSwitchResult[] = new Array(items.length);
          await Promise.all(
            Array.from({ length: Math.min(options.concurrency ?? 16, queue.length) }, async () => {
              for (let lane = queue.shift(); lane; lane = queue.shift()) {
                for (const item of lane) results[item.index] = await applyOne(item, envelope.principal, envelope.commandId);
              }
            }),
          );
          const value: AppliedScheduledSwitches = { results };
          return { ok: true, value } satisfies Reply<AppliedScheduledSwitches>;
        } catch (error) {
          const reply: Reply = { ok: false, error: toErrorBody(error) };
          logFailure(deps.logger, error, reply.error, { span, command: 'ApplyScheduledSwitches' });
          return reply;
        }
      }),
  };
};
