import type { RecordedEvent } from '@tnp/event-store';

/** CloudEvents 1.0, structured JSON mode, with the event store's coordinates as extensions. */
export type CloudEvent = {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschemaversion: number;
  readonly streamrevision: number;
  readonly globalposition: number;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly commandid: string;
  readonly tenantid?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: unknown;
};

export const toCloudEvent = (service: string, event: RecordedEvent): CloudEvent => ({
  specversion: '1.0',
  id: event.id,
  source: `/telephony/${service}`,
  type: event.type,
  subject: event.streamId,
  time: event.metadata.occurredAt,
  datacontenttype: 'application/json',
  dataschemaversion: event.metadata.schemaVersion ?? 1,
  streamrevision: event.streamRevision,
  globalposition: event.globalPosition,
  correlationid: event.metadata.correlationId,
  ...(event.metadata.causationId ? { causationid: event.metadata.causationId } : {}),
  commandid: event.metadata.commandId,
  ...(event.metadata.tenantId ? { tenantid: event.metadata.tenantId } : {}),
  ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
  ...(event.metadata.tracestate ? { tracestate: event.metadata.tracestate } : {}),
  data: event.data,
});
