import { ServerNats, type NatsContext } from '@nestjs/microservices';
import type { Msg } from '@nats-io/transport-node';
import type { TraceCarrier } from '@tnp/platform';
import { MALFORMED_REQUEST, type NatsEndpoint } from './nats-endpoints';
import { resilientNatsOptions } from './nats-connection';
import type { NatsCredentials } from './nats-credentials';

type Packet = { pattern?: unknown; data?: unknown; id?: string };

/**
 * Accepts Nest's own envelope and plain JSON requests from other systems alike; a plain request
 * with a reply subject is answered with the bare reply, and undecodable JSON becomes a marker the
 * endpoint turns into VALIDATION_FAILED instead of silence.
 */
class RequestDeserializer {
  deserialize(msg: Msg, options?: { channel: string; replyTo?: string }): Packet {
    let value: unknown;
    try {
      value = msg.json();
    } catch (error) {
      value = { [MALFORMED_REQUEST]: (error as Error).message };
    }
    const packet = value as Packet;
    if (packet && typeof packet === 'object' && packet.pattern !== undefined && packet.id !== undefined) return packet;
    return { pattern: options?.channel, data: value, ...(options?.replyTo ? { id: `${PLAIN}${options.replyTo}` } : {}) };
  }
}

const PLAIN = 'plain:';

class ReplySerializer {
  serialize(packet: { id?: string; response?: unknown; err?: unknown }): { data: string; headers?: undefined } {
    if (typeof packet.id === 'string' && packet.id.startsWith(PLAIN)) {
      return { data: JSON.stringify(packet.response ?? { ok: false, error: { code: 'INTERNAL', message: String(packet.err) } }) };
    }
    return { data: JSON.stringify(packet) };
  }
}

export type NatsServerOptions = {
  readonly servers: string;
  readonly queue: string;
  readonly name: string;
  readonly gracePeriodMs?: number;
  readonly credentials?: NatsCredentials;
};

export const createNatsServer = (options: NatsServerOptions, endpoints: readonly NatsEndpoint[]): ServerNats => {
  const server = new ServerNats({
    ...resilientNatsOptions(options.servers, options.name, options.credentials),
    queue: options.queue,
    gracefulShutdown: true,
    gracePeriod: options.gracePeriodMs ?? 1000,
    deserializer: new RequestDeserializer(),
    serializer: new ReplySerializer(),
  } as ConstructorParameters<typeof ServerNats>[0]);
  for (const endpoint of endpoints) {
    server.addHandler(endpoint.subject, async (data: unknown, ctx: NatsContext) => endpoint.handle(data, traceOf(ctx)));
  }
  return server;
};

const traceOf = (ctx: NatsContext): TraceCarrier => {
  const headers = ctx.getHeaders() as Msg['headers'];
  const traceparent = headers?.get('traceparent');
  const tracestate = headers?.get('tracestate');
  return { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) };
};
