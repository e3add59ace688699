import type { z } from 'zod';
import { PlatformError, type Principal, type Reply } from '@tnp/kernel';
import type { Scope } from '../auth/authorize';
import type { Caller, Role } from '../auth/principal';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteContext = {
  readonly caller: Caller;
  readonly principal: Principal;
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  readonly commandId: string;
  readonly correlationId: string;
};

export type RouteResult =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'stream'; readonly contentType: string; readonly filename: string; readonly stream: NodeJS.ReadableStream };

/**
 * One HTTP operation: who may call it, what it acts on, the schemas it accepts (which also
 * produce the OpenAPI document), and how it becomes a NATS message.
 */
export type RouteSpec = {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[];
  readonly scope: (params: Record<string, string>) => Scope;
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly successStatus?: number;
  /** The success body (JSON routes): the OpenAPI document states it and the conformance check holds real answers to it. */
  readonly response?: z.ZodType;
  /** Other statuses answered with the success body (provisioning: 207 PARTIAL, 409 FAILED). */
  readonly alsoAnswers?: readonly number[];
  /** The route counts wrong guesses (PINs): a caller over the limit is answered 429 TOO_MANY_ATTEMPTS. */
  readonly limitsGuesses?: boolean;
  readonly responseDescription: string;
  readonly produces?: 'application/json' | 'text/csv';
  /** Request body media types other than JSON (raw uploads). */
  readonly consumes?: readonly string[];
  readonly handle: (context: RouteContext) => Promise<RouteResult>;
};

export const fromReply = <T>(reply: Reply<T>, status = 200): RouteResult => {
  if (!reply.ok) throw PlatformError.fromBody(reply.error);
  return { kind: 'json', status, body: reply.value };
};
