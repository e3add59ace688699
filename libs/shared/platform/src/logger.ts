import { pino, type Logger } from 'pino';
import { context, trace } from '@opentelemetry/api';

export type { Logger };

/** JSON logs; each line carries the active trace and span ids so logs join traces. */
export const createLogger = (service: string, level = 'info'): Logger =>
  pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const spanContext = trace.getSpan(context.active())?.spanContext();
      return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
    },
  });
