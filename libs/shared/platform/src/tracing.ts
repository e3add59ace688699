import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  osDetector,
  processDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import { BatchSpanProcessor, NoopSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type * as OtlpHttpTraceExporter from '@opentelemetry/exporter-trace-otlp-http';
import type * as OpenTelemetryNodeSdk from '@opentelemetry/sdk-node';
import { otelEnvironmentKeys } from './config';

export type TracingOptions = {
  readonly serviceName: string;
  readonly otlpEndpoint?: string | undefined;
  readonly extraSpanProcessors?: readonly SpanProcessor[];
};

/**
 * OTEL_* variables the no-exporter start honours the same way the NodeSDK does: the resource
 * detectors read them. Any other OTEL_* variable (exporters, sampler, propagators, limits,
 * OTEL_SDK_DISABLED, ...) is the NodeSDK's to interpret, so the full SDK starts.
 */
const RESOURCE_ONLY_VARIABLES = new Set(['OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES']);

/**
 * Starts tracing; without an OTLP endpoint, spans still get ids so logs and events carry them.
 *
 * With an exporter configured (an OTLP endpoint, or any OTEL_* setting beyond the resource's), the
 * OpenTelemetry NodeSDK starts as it always did. It loads every exporter it knows (OTLP over
 * gRPC, protobuf and JSON for traces, metrics and logs, Zipkin, Prometheus; @grpc/grpc-js, a
 * JSON-schema validator for file configuration), about 20 MB of an idle service's resident
 * memory (ADR 0021), so it is required only then. Without one, the same components the NodeSDK
 * would register for traces start directly: the instrumentations, the AsyncLocalStorage context
 * manager, the W3C trace-context and baggage propagators, and a tracer provider with the same
 * resource, default sampler and limits. What is left out is what had nowhere to go: the NodeSDK's
 * default OTLP metric reader and log provider, which would send to localhost:4318.
 */
export const startTracing = (options: TracingOptions): (() => Promise<void>) => {
  const spanProcessors: SpanProcessor[] = [...(options.extraSpanProcessors ?? [])];
  const instrumentations = [new HttpInstrumentation(), new PgInstrumentation()];
  const exporterConfigured = !!options.otlpEndpoint || otelEnvironmentKeys().some((key) => !RESOURCE_ONLY_VARIABLES.has(key));
  if (exporterConfigured) {
    if (options.otlpEndpoint) {
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttpTraceExporter;
      spanProcessors.push(
        new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }) }),
      );
    }
    // Without any processor the SDK registers no tracer provider and every span id is zeros: logs
    // and x-trace-id would carry no trace id at all.
    if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());
    const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof OpenTelemetryNodeSdk;
    const sdk = new NodeSDK({ serviceName: options.serviceName, spanProcessors, instrumentations });
    sdk.start();
    return () => sdk.shutdown();
  }
  if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());
  // The order and the parts of NodeSDK.start() for traces (@opentelemetry/sdk-node 0.301).
  registerInstrumentations({ instrumentations });
  const contextManager = new AsyncLocalStorageContextManager();
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  const resource = defaultResource()
    .merge(detectResources({ detectors: [serviceInstanceIdDetector, processDetector, hostDetector, osDetector, envDetector] }))
    .merge(resourceFromAttributes({ 'service.name': options.serviceName }));
  const provider = new TracerProvider({ resource, spanProcessors });
  trace.setGlobalTracerProvider(provider);
  return () => provider.shutdown();
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
