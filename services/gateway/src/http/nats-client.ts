import { ClientNats } from '@nestjs/microservices';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { PlatformError, validationFailed, type Principal, type Reply } from '@tnp/kernel';
import { NatsStatusWatch, resilientNatsOptions, type NatsCredentials } from '@tnp/messaging';
import { currentTraceCarrier, inSpan, SpanKind } from '@tnp/platform';
import { requestConsistency } from './request-consistency';

/**
 * The request as NATS carries it. A request that cannot be one message is the caller's to fix
 * (400), not an outage: NATS refuses a message over the server's max_payload (1 MiB by default)
 * and the gateway takes bodies of up to 2 MiB (greeting uploads).
 */
export const encodeRequest = (body: unknown, maxPayload: number | undefined): string => {
  let payload: string;
  try {
    payload = JSON.stringify(body);
  } catch (error) {
    throw validationFailed([{ path: '(body)', message: `cannot be encoded: ${(error as Error).message}` }]);
  }
  const bytes = Buffer.byteLength(payload);
  if (maxPayload !== undefined && bytes > maxPayload)
    throw validationFailed([
      { path: '(body)', message: `is too large: ${bytes} bytes once encoded for the service, at most ${maxPayload}` },
    ]);
  return payload;
};

/**
 * The gateway's one path to the services: core NATS request/reply on the connection of
 * @nestjs/microservices' client, which reconnects for ever. While NATS is unreachable a request
 * is answered UNAVAILABLE at once, and a subject no replica serves answers "no responders" at
 * once instead of waiting out the request timeout.
 */
export class ServiceClient {
  private readonly client: ClientNats;
  private status: NatsStatusWatch | undefined;

  constructor(
    servers: string,
    private readonly timeoutMs: number,
    credentials?: NatsCredentials,
  ) {
    this.client = new ClientNats(resilientNatsOptions(servers, 'gateway', credentials) as ConstructorParameters<typeof ClientNats>[0]);
  }

  async connect(): Promise<void> {
    await this.client.connect();
    this.status = new NatsStatusWatch(this.connection);
  }

  get connection(): NatsConnection {
    return this.client.unwrap<NatsConnection>();
  }

  /** For readiness: connected now, without waiting on a round trip that an outage would stall. */
  check(): Promise<void> {
    if (!this.status) return Promise.reject(new Error('NATS not connected yet'));
    return this.status.check();
  }

  get isClosed(): boolean {
    return this.status?.isClosed ?? false;
  }

  close(): Promise<unknown> {
    return this.client.close();
  }

  command<T>(subject: string, body: { commandId: string; principal: Principal; correlationId: string; data: unknown }): Promise<Reply<T>> {
    return this.request<T>(subject, body);
  }

  query<T>(subject: string, principal: Principal, data: unknown): Promise<Reply<T>> {
    return this.request<T>(subject, { principal, data });
  }

  private async request<T>(subject: string, body: object): Promise<Reply<T>> {
    if (!this.status?.isConnected) throw new PlatformError('UNAVAILABLE', 'The messaging system is unreachable; retry shortly');
    const consistency = requestConsistency();
    const after = consistency?.forServices;
    const payload = encodeRequest(after ? { ...body, consistency: after } : body, this.client.unwrap<NatsConnection>().info?.max_payload);
    const reply = await inSpan(
      `nats request ${subject}`,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.operation.type': 'send' },
      },
      async () => {
        const h = headers();
        const carrier = currentTraceCarrier();
        if (carrier.traceparent) h.set('traceparent', carrier.traceparent);
        if (carrier.tracestate) h.set('tracestate', carrier.tracestate);
        try {
          const message = await this.client.unwrap<NatsConnection>().request(subject, payload, { timeout: this.timeoutMs, headers: h });
          return message.json<Reply<T>>();
        } catch (error) {
          const message = (error as Error).message ?? String(error);
          if (/no responders/i.test(message))
            throw new PlatformError('UNAVAILABLE', `No replica serves ${subject} right now; retry shortly`);
          throw new PlatformError('UNAVAILABLE', `The service behind ${subject} did not answer: ${message}`);
        }
      },
    );
    if (reply.consistency) consistency?.record(reply.consistency);
    return reply;
  }
}
