import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

export type TracingOptions = {
  readonly serviceName: string;
  readonly otlpEndpoint?: string | undefined;
  readonly extraSpanProcessors?: readonly SpanProcessor[];
};

/** Starts the SDK; without an OTLP endpoint, spans still get ids so logs and events carry them. */
export const startTracing = (options: TracingOptions): (() => Promise<void>) => {
  const spanProcessors: SpanProcessor[] = [...(options.extraSpanProcessors ?? [])];
  if (options.otlpEndpoint) {
    spanProcessors.push(
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }) }),
    );
  }
  // Without any processor the SDK registers no tracer provider and every span id is zeros: logs
  // and x-trace-id would carry no trace id at all.
  if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors,
    instrumentations: [new HttpInstrumentation(), new PgInstrumentation()],
  });
  sdk.start();
  return () => sdk.shutdown();
};

const tracer = () => trace.getTracer('telephony-platform');

export type TraceCarrier = { traceparent?: string; tracestate?: string };

export const contextFromCarrier = (carrier: TraceCarrier | undefined): Context =>
  carrier?.traceparent ? propagation.extract(context.active(), carrier) : context.active();

export const currentTraceCarrier = (): TraceCarrier => {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...(carrier['traceparent'] ? { traceparent: carrier['traceparent'] } : {}),
    ...(carrier['tracestate'] ? { tracestate: carrier['tracestate'] } : {}),
  };
};

export const currentTraceId = (): string | undefined => {
  const span = trace.getSpan(context.active());
  const id = span?.spanContext().traceId;
  return id && id !== '00000000000000000000000000000000' ? id : undefined;
};

/** Runs `fn` in a span whose parent is `parent` (a traceparent carried by a message or event). */
export const inSpan = async <T>(
  name: string,
  options: { parent?: TraceCarrier | undefined; kind?: SpanKind; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<T>,
): Promise<T> => {
  const parentContext = options.parent ? contextFromCarrier(options.parent) : context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) },
    parentContext,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
};

export { SpanKind };
