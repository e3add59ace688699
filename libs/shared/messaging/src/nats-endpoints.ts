import type { z } from 'zod';
import type { CommandCommitter, CommandLog } from '@tnp/event-store';
import {
  commandEnvelopeSchema,
  parseConsistencyToken,
  parseOrThrow,
  queryEnvelopeSchema,
  validationFailed,
  type CommandMetadata,
  type ErrorBody,
  type Principal,
  type Reply,
} from '@tnp/kernel';
import type { Span } from '@opentelemetry/api';
import { inSpan, SpanKind, type Logger, type PlatformMetrics, type TraceCarrier } from '@tnp/platform';
import { executeCommand, type CommandWrite } from './command-execution';
import type { ConsistencyGate } from './consistency-gate';
import type { CommandStore } from './command-store';
import { toErrorBody } from './error-body';

/** A request that could not be decoded as JSON reaches its endpoint as this marker. */
export const MALFORMED_REQUEST = '__malformedRequest';

export type NatsEndpoint = {
  readonly subject: string;
  readonly handle: (payload: unknown, trace: TraceCarrier) => Promise<Reply>;
};

type CommandEnvelope<D> = {
  readonly commandId: string;
  readonly principal: Principal;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly consistency?: string;
  readonly data: D;
};

export type EndpointDeps = {
  readonly commandLog: CommandLog & Partial<CommandCommitter>;
  /** The store handlers append through; with it, a command commits with its reply in one transaction. */
  readonly store?: CommandStore;
  readonly logger: Logger;
  readonly metrics?: PlatformMetrics;
  readonly clock?: () => Date;
  readonly newId: () => string;
  /** Waits for the consistency tokens requests carry, and gives answers theirs. */
  readonly consistency?: ConsistencyGate;
};

const rejectMalformed = (payload: unknown): void => {
  if (payload && typeof payload === 'object' && MALFORMED_REQUEST in payload) {
    throw validationFailed([
      { path: '(body)', message: `malformed JSON: ${String((payload as Record<string, unknown>)[MALFORMED_REQUEST])}` },
    ]);
  }
};

const traceIdOf = (span: Span): string | undefined => {
  const id = span.spanContext().traceId;
  return /^0+$/.test(id) ? undefined : id;
};

/**
 * Failures that are not answers never go unseen: a bug (INTERNAL, 500 at the gateway) is logged
 * with its stack, a backing store out of reach (UNAVAILABLE, 503 retryable) with its cause; both
 * with the trace id, so the caller's x-trace-id leads to the line.
 */
export const logFailure = (
  logger: Logger,
  error: unknown,
  body: ErrorBody,
  context: { readonly span: Span; readonly [key: string]: unknown },
): void => {
  const { span, ...fields } = context;
  const traceId = traceIdOf(span);
  const line = { err: error, code: body.code, ...fields, ...(traceId ? { trace_id: traceId } : {}) };
  if (body.code === 'INTERNAL') logger.error(line, 'request failed unexpectedly (a bug): answered INTERNAL');
  else if (body.code === 'UNAVAILABLE')
    logger.warn(line, 'request failed: a backing store is unavailable; answered UNAVAILABLE (retryable)');
};

/** The span of a request served over NATS, a child of the caller's. */
const serverSpan = (parent: TraceCarrier | undefined, subject: string) => ({
  parent,
  kind: SpanKind.SERVER,
  attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
});

/**
 * A command over NATS: the envelope and its data are validated with the message's schema, then
 * the handler runs once per command id.
 */
export const commandEndpoint = <S extends z.ZodType, R>(
  deps: EndpointDeps,
  definition: {
    readonly subject: string;
    readonly commandType: string;
    readonly schema: S;
    readonly handle: (data: z.infer<S>, metadata: CommandMetadata) => Promise<R>;
    /**
     * The handler writes as it goes (it spans another context, or reads what it wrote): the
     * command id is claimed first and each append is written at once, instead of one commit.
     */
    readonly inSteps?: boolean;
  },
): NatsEndpoint => {
  const envelopeSchema = commandEnvelopeSchema(definition.schema);
  return {
    subject: definition.subject,
    handle: (payload, trace) =>
      inSpan(`command ${definition.commandType}`, serverSpan(trace, definition.subject), async (span) => {
        const started = process.hrtime.bigint();
        let reply: Reply<R>;
        let write: CommandWrite = { kind: 'nothing' };
        let envelope: CommandEnvelope<z.infer<S>> | undefined;
        try {
          rejectMalformed(payload);
          envelope = parseOrThrow(envelopeSchema, payload) as CommandEnvelope<z.infer<S>>;
          if (envelope.consistency && deps.consistency)
            await deps.consistency.reach(parseConsistencyToken(envelope.consistency), 'command');
          const spanContext = span.spanContext();
          const metadata: CommandMetadata = {
            commandId: envelope.commandId,
            commandType: definition.commandType,
            now: (deps.clock?.() ?? new Date()).toISOString(),
            principal: envelope.principal,
            correlationId: envelope.correlationId ?? envelope.commandId,
            ...(envelope.causationId ? { causationId: envelope.causationId } : {}),
            traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-0${spanContext.traceFlags.toString(16)}`,
          };
          const data = envelope.data;
          reply = await executeCommand({
            commandId: envelope.commandId,
            commandType: definition.commandType,
            data,
            commandLog: deps.commandLog,
            ...(deps.store && !definition.inSteps ? { store: deps.store } : {}),
            run: (executionNonce) => definition.handle(data, { ...metadata, executionNonce }),
            onFailure: (error, body) => logFailure(deps.logger, error, body, { span, command: definition.commandType }),
            onAnswered: (answered) => {
              write = answered;
            },
          });
          const consistency = await deps.consistency?.tokenAfter(write).catch(() => undefined);
          if (consistency) reply = { ...reply, consistency };
        } catch (error) {
          // Outside the handler: the command log could not be read or written, or a bug.
          reply = { ok: false, error: toErrorBody(error) };
          logFailure(deps.logger, error, reply.error, { span, command: definition.commandType });
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const outcome = reply.ok ? 'OK' : reply.error.code;
        deps.metrics?.commands.inc({ command: definition.commandType, outcome });
        deps.metrics?.commandDuration.observe({ command: definition.commandType }, seconds);
        deps.logger.info(
          {
            command: definition.commandType,
            ...(envelope
              ? {
                  commandId: envelope.commandId,
                  correlationId: envelope.correlationId ?? envelope.commandId,
                  principal: { id: envelope.principal.id, role: envelope.principal.role },
                }
              : {}),
            outcome,
            durationMs: Math.round(seconds * 10_000) / 10,
            ...(traceIdOf(span) ? { trace_id: traceIdOf(span) } : {}),
          },
          'command handled',
        );
        return reply;
      }),
  };
};

export const queryEndpoint = <S extends z.ZodType, R>(
  deps: Pick<EndpointDeps, 'logger' | 'metrics' | 'consistency'>,
  definition: {
    readonly subject: string;
    readonly queryType: string;
    readonly schema: S;
    /** The principal is the caller's, as the gateway authenticated it (absent for internal callers that send none). */
    readonly handle: (data: z.infer<S>, principal: Principal | undefined) => Promise<R>;
  },
): NatsEndpoint => {
  const envelopeSchema = queryEnvelopeSchema(definition.schema);
  return {
    subject: definition.subject,
    handle: (payload, trace) =>
      inSpan(`query ${definition.queryType}`, serverSpan(trace, definition.subject), async (span) => {
        let reply: Reply<R>;
        try {
          rejectMalformed(payload);
          const envelope = parseOrThrow(envelopeSchema, payload) as { principal?: Principal; consistency?: string; data: z.infer<S> };
          if (envelope.consistency && deps.consistency) await deps.consistency.reach(parseConsistencyToken(envelope.consistency), 'query');
          reply = { ok: true, value: await definition.handle(envelope.data, envelope.principal) };
        } catch (error) {
          reply = { ok: false, error: toErrorBody(error) };
          logFailure(deps.logger, error, reply.error, { span, query: definition.queryType });
        }
        deps.metrics?.queries.inc({ query: definition.queryType, outcome: reply.ok ? 'OK' : reply.error.code });
        return reply;
      }),
  };
};
