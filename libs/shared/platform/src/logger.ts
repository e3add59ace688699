import type { LoggerService } from '@nestjs/common';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs; a line written inside a span carries its trace and span ids so logs join traces
 * (none outside one, and none for the all-zero context of a span nothing records).
 */
export const createLogger = (service: string, level = 'info', destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const spanContext = trace.getSpan(context.active())?.spanContext();
        return spanContext && isSpanContextValid(spanContext) ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
      },
    },
    destination,
  );

const contextOf = (params: readonly unknown[]): string | undefined => {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
};

/**
 * Nest's own lines through the service's logger, as JSON like every other line: its errors and
 * warnings at their level, its start-up chatter (routes mapped, modules loaded) at debug.
 */
export const nestLogger = (logger: Logger): LoggerService => {
  const at =
    (level: 'debug' | 'trace' | 'warn' | 'fatal') =>
    (message: unknown, ...params: unknown[]): void => {
      const nestContext = contextOf(params);
      logger[level]({ ...(nestContext ? { context: nestContext } : {}) }, String(message));
    };
  return {
    log: at('debug'),
    debug: at('debug'),
    verbose: at('trace'),
    warn: at('warn'),
    fatal: at('fatal'),
    error: (message: unknown, ...params: unknown[]): void => {
      const nestContext = params.length > 1 ? contextOf(params) : undefined;
      const stack = params.find((p): p is string => typeof p === 'string' && p.includes('\n'));
      const err = message instanceof Error ? message : undefined;
      logger.error(
        { ...(nestContext ? { context: nestContext } : {}), ...(stack ? { stack } : {}), ...(err ? { err } : {}) },
        err ? err.message : String(message),
      );
    },
  };
};
