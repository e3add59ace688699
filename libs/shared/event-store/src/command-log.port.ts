import type { CommandReply } from '@tnp/kernel';
import type { AppendRequest, AppendResult, LogPosition, StreamConflict } from './event-store.port';
import type { FencingToken } from './fencing';

/**
 * What a command id is bound to when a command claims it: the command's type and a fingerprint of
 * its data. Another command under the same id is refused, never answered with the first reply.
 */
export type CommandBinding = { readonly commandType: string; readonly fingerprint: string };

/** This caller runs the command; `executionNonce` goes into its metadata (event ids derive from it). */
export type CommandRun = { readonly kind: 'run'; readonly commandId: string; readonly executionNonce: string; readonly claimToken: string };

export type CommandClaim =
  | CommandRun
  /** The command ran already under this id with the same binding: its stored reply. */
  | { readonly kind: 'replay'; readonly reply: CommandReply }
  /** The same command is running under this id right now (another request, another replica). */
  | { readonly kind: 'in-flight' }
  /** The id is bound to another command (another type, or other data) until it expires. */
  | { readonly kind: 'mismatch'; readonly commandType: string };

/**
 * Remembers each command id with what it was bound to and its final reply, for a stated time
 * (the idempotency window): a repeat gets the first reply and appends nothing, a repeat while the
 * first still runs is told so, another command under the same id is refused. Once the window has
 * passed, the id may be used again.
 */
export interface CommandLog {
  /** Claims the id for this command, or tells what already holds it. */
  claim(commandId: string, binding: CommandBinding): Promise<CommandClaim>;
  /**
   * Stores the final reply of a run and starts its idempotency window; returns the reply stored
   * (another run's, when one that took the claim over finished first).
   */
  complete(run: CommandRun, reply: CommandReply): Promise<CommandReply>;
  /** Gives a claim up after a transient failure: a retry of the same command may run at once. */
  release(run: CommandRun): Promise<void>;
  /** Deletes entries whose window has passed, up to `limit` of them; returns how many. */
  prune(limit?: number): Promise<number>;
}

/** Durable position of a follower of the global log (the relay). */
export interface CheckpointStore {
  load(name: string): Promise<LogPosition>;
  /** Refused with FencedOutError when `fence` is given and another replica has taken the lead since. */
  save(name: string, position: LogPosition, fence?: FencingToken): Promise<void>;
}

/**
 * A command's whole outcome, committed in one transaction: its appends, the revisions of the
 * streams it decided on without writing them (each must still hold), and its reply under its id.
 */
export type CommandCommit = {
  readonly commandId: string;
  readonly binding: CommandBinding;
  readonly executionNonce: string;
  readonly reply: CommandReply;
  readonly appends: readonly AppendRequest[];
  /** Streams read but not written, at the revision the decision saw. */
  readonly reads: ReadonlyMap<string, number>;
};

export type CommandCommitOutcome =
  | { readonly kind: 'committed'; readonly results: readonly AppendResult[] }
  /** A stream moved since the decision (or was created meanwhile): nothing was written; decide again. */
  | { readonly kind: 'conflict'; readonly conflicts: readonly StreamConflict[] }
  /** The id is held already: its reply, a run still in progress, or another command. Nothing was written. */
  | Exclude<CommandClaim, CommandRun>;

/** Commits commands with their replies in one round trip each, concurrent ones grouped into one transaction. */
export interface CommandCommitter {
  commit(commit: CommandCommit): Promise<CommandCommitOutcome>;
}
