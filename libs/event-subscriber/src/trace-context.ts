import { context, createTraceState, trace, type Context } from '@opentelemetry/api';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The context a handler runs in: the W3C trace context the event carries, so the handler's
 * spans (SQL, HTTP) continue the trace of the command that caused it. Parsed here rather than
 * through a registered propagator, so it works whatever the subscriber's telemetry set-up.
 */
export const contextOf = (traceparent: string | undefined, tracestate: string | undefined): Context => {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]!)) return context.active();
  return trace.setSpanContext(context.active(), {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16),
    isRemote: true,
    ...(tracestate ? { traceState: createTraceState(tracestate) } : {}),
  });
};
