import type { ConsistencyToken } from '@tnp/kernel';
import type { CommandWrite } from './command-execution';

/**
 * Read-your-writes at a service's door (ADR 0025): a request carrying a consistency token waits
 * here until this context has processed what the token names, and a command's answer is given
 * the token of where it left this service's log.
 */
export interface ConsistencyGate {
  /**
   * Resolves once every follower of a named log in this context has processed that far (for a
   * command, the reactions to other contexts; for a query, its projections too); past the wait's
   * bound, throws UNAVAILABLE (retryable) with who is behind and by how much.
   */
  reach(token: ConsistencyToken, purpose: 'command' | 'query'): Promise<void>;
  /** This service's token entry once a command is answered; undefined when it wrote nothing. */
  tokenAfter(write: CommandWrite): Promise<string | undefined>;
}
