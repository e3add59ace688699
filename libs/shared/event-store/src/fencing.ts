import { PlatformError } from '@tnp/kernel';

/**
 * Proof of leadership that travels with a follower's writes: `epoch` is the value the leader set
 * in `table` when it took the lead. A write carrying an older epoch than the table holds comes
 * from a replica that lost the lead, and is refused.
 */
export type FencingToken = { readonly table: string; readonly name: string; readonly epoch: number };

export class FencedOutError extends PlatformError {
  constructor(readonly token: FencingToken) {
    super('UNAVAILABLE', `${token.name}: this replica no longer leads (epoch ${token.epoch} was superseded)`);
    this.name = 'FencedOutError';
  }
}

/** What a follower holds while it leads: the token its writes carry, and a way to give up the lead. */
export type Lease = {
  readonly fence: FencingToken;
  /** The follower found it was fenced out (or cannot go on): its supervisor stops it and competes again. */
  readonly stepDown: (reason: Error) => void;
};
