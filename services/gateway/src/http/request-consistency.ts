import { AsyncLocalStorage } from 'node:async_hooks';
import { formatConsistencyToken, mergeConsistencyTokens, parseConsistencyToken, type ConsistencyToken } from '@tnp/kernel';

/**
 * One HTTP request's consistency token (ADR 0025): the one the client sent goes with every
 * request the gateway makes to a service while it handles the call, and what each service's
 * answer adds is merged into the token the client gets back.
 */
export class RequestConsistency {
  private readonly answers: ConsistencyToken[] = [];

  constructor(readonly sent: ConsistencyToken | undefined) {}

  static fromHeader(value: string | undefined): RequestConsistency {
    return new RequestConsistency(value === undefined || value.trim() === '' ? undefined : parseConsistencyToken(value));
  }

  /** What a service is asked to wait for. */
  get forServices(): string | undefined {
    return this.sent ? formatConsistencyToken(this.sent) : undefined;
  }

  record(answer: string): void {
    this.answers.push(parseConsistencyToken(answer, 'consistency (a service answer)'));
  }

  /** The token to hand back: the one sent, moved on by every answer; undefined when there is none. */
  get token(): string | undefined {
    const merged = mergeConsistencyTokens(this.sent, ...this.answers);
    return merged.size > 0 ? formatConsistencyToken(merged) : undefined;
  }
}

const current = new AsyncLocalStorage<RequestConsistency>();

export const withRequestConsistency = <T>(consistency: RequestConsistency, work: () => Promise<T>): Promise<T> =>
  current.run(consistency, work);

export const requestConsistency = (): RequestConsistency | undefined => current.getStore();
