import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
import { headers } from '@nats-io/transport-node';
import { firstValueFrom, timeout } from 'rxjs';
import { PlatformError, type Principal, type Reply } from '@tnp/kernel';
import { currentTraceCarrier } from '@tnp/platform';

/** The gateway's one path to the services: NATS request/reply through @nestjs/microservices. */
export class ServiceClient {
  private readonly client: ClientNats;

  constructor(
    servers: string,
    private readonly timeoutMs: number,
  ) {
    this.client = new ClientNats({ servers, name: 'gateway' } as ConstructorParameters<typeof ClientNats>[0]);
  }

  connect(): Promise<unknown> {
    return this.client.connect();
  }

  unwrap<T>(): T {
    return this.client.unwrap<T>();
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

  private async request<T>(subject: string, body: unknown): Promise<Reply<T>> {
    const h = headers();
    const carrier = currentTraceCarrier();
    if (carrier.traceparent) h.set('traceparent', carrier.traceparent);
    if (carrier.tracestate) h.set('tracestate', carrier.tracestate);
    const record = new NatsRecordBuilder(body).setHeaders(h).build();
    try {
      return await firstValueFrom(this.client.send<Reply<T>>(subject, record).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      throw new PlatformError('UNAVAILABLE', `The service behind ${subject} did not answer: ${message}`);
    }
  }
}
