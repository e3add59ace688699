import type { RecordedEvent } from '@tnp/event-store';
import { cloudEventType, eventSchemaPath, parseCloudEventType } from '@tnp/kernel';

/**
 * CloudEvents 1.0 in structured JSON mode (ADR 0024), with the event store's coordinates as
 * extensions. `type` is reverse-DNS with the payload's version
 * (`com.telephony.number-inventory.NumberActivated.v1`); `dataschema` is the served JSON Schema of
 * that version.
 */
export type CloudEvent = {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly dataschemaversion: number;
  readonly streamrevision: number;
  readonly globalposition: number;
  /** With globalposition, the event's place in the log's commit order (absent on messages from before it was added). */
  readonly transactionid?: number;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly commandid: string;
  readonly tenantid?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly data: unknown;
};

/** `schemaBaseUrl`: the gateway's public URL, which serves every event version's JSON Schema. */
export const toCloudEvent = (service: string, event: RecordedEvent, schemaBaseUrl: string): CloudEvent => {
  const version = event.metadata.schemaVersion ?? 1;
  return {
    specversion: '1.0',
    id: event.id,
    source: `/telephony/${service}`,
    type: cloudEventType(service, event.type, version),
    subject: event.streamId,
    time: event.metadata.occurredAt,
    datacontenttype: 'application/json',
    dataschema: `${schemaBaseUrl}${eventSchemaPath(service, event.type, version)}`,
    dataschemaversion: version,
    streamrevision: event.streamRevision,
    globalposition: event.globalPosition,
    transactionid: event.logPosition.transactionId,
    correlationid: event.metadata.correlationId,
    ...(event.metadata.causationId ? { causationid: event.metadata.causationId } : {}),
    commandid: event.metadata.commandId,
    ...(event.metadata.tenantId ? { tenantid: event.metadata.tenantId } : {}),
    ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
    ...(event.metadata.tracestate ? { tracestate: event.metadata.tracestate } : {}),
    data: event.data,
  };
};

/**
 * A consumed CloudEvent as a handler reads it: `type` is the event's own name (`NumberActivated`)
 * and `version` its payload version, parsed from the CloudEvents type.
 */
export type ReceivedEvent = Omit<CloudEvent, 'type'> & { readonly type: string; readonly version: number; readonly cloudEventType: string };

export const receivedEvent = (cloudEvent: CloudEvent): ReceivedEvent => {
  const parsed = parseCloudEventType(cloudEvent.type);
  // Messages published before versioned types carried the bare name (and dataschemaversion).
  return {
    ...cloudEvent,
    type: parsed?.type ?? cloudEvent.type,
    version: parsed?.version ?? cloudEvent.dataschemaversion ?? 1,
    cloudEventType: cloudEvent.type,
  };
};
