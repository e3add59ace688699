import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger, nestLogger } from './logger';

const captured = () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('spec', 'debug', { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, logger };
};

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});

describe('the platform logger', () => {
  test('a line carries trace and span ids inside a recorded span only, never the all-zero ids', () => {
    const { lines, logger } = captured();
    logger.info('outside');
    const valid = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED };
    context.with(trace.setSpanContext(context.active(), valid), () => logger.info('inside'));
    const zeros = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: TraceFlags.NONE };
    context.with(trace.setSpanContext(context.active(), zeros), () => logger.info('unrecorded'));
    expect(lines.map((l) => [l['msg'], l['trace_id'], l['span_id']])).toEqual([
      ['outside', undefined, undefined],
      ['inside', 'a'.repeat(32), 'b'.repeat(16)],
      ['unrecorded', undefined, undefined],
    ]);
  });

  test("Nest's lines come out as JSON: errors with their stack and context, start-up chatter at debug", () => {
    const { lines, logger } = captured();
    const nest = nestLogger(logger);
    nest.log('Mapped {/health, GET} route', 'RouterExplorer');
    nest.warn('slow', 'Scheduler');
    nest.error('Exception thrown', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(
      lines.map((l) => ({ level: l['level'], msg: l['msg'], context: l['context'], stack: l['stack'], service: l['service'] })),
    ).toEqual([
      { level: 'debug', msg: 'Mapped {/health, GET} route', context: 'RouterExplorer', stack: undefined, service: 'spec' },
      { level: 'warn', msg: 'slow', context: 'Scheduler', stack: undefined, service: 'spec' },
      { level: 'error', msg: 'Exception thrown', context: 'ExceptionsHandler', stack: 'Error: boom\n    at x', service: 'spec' },
    ]);
  });
});
