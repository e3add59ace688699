import { randomUUID } from 'node:crypto';
import {
  compareLogPositions,
  ConcurrencyConflictError,
  type AppendResult,
  type CommandCommitter,
  type CommandLog,
  type CommandRun,
  type LogPosition,
} from '@tnp/event-store';
import { PlatformError, type ErrorBody, type Reply } from '@tnp/kernel';
import { CommandScope, inCommandScope, type CommandStore } from './command-store';
import { isFinalAnswer, toErrorBody } from './error-body';
import { requestFingerprint } from './fingerprint';

export type ExecuteCommandOptions<T> = {
  readonly commandId: string;
  readonly commandType: string;
  /** What the command asks for (its validated data): the command id is bound to it. */
  readonly data: unknown;
  readonly commandLog: CommandLog & Partial<CommandCommitter>;
  /**
   * The store the command's handler appends through. With a command log that commits (PostgreSQL),
   * the appends are held back and committed with the reply in one transaction.
   */
  readonly store?: CommandStore;
  /** Runs the command; event ids must derive from the command id and `executionNonce` (see eventIdSeed). */
  readonly run: (executionNonce: string) => Promise<T>;
  /** Optimistic-concurrency conflicts are retried with a fresh load this many times. */
  readonly conflictRetries?: number;
  /** A failure that is not an answer: a bug (INTERNAL) or a backing store out of reach (UNAVAILABLE). */
  readonly onFailure?: (error: unknown, body: ErrorBody) => void;
  /** Where the answered command left the log (for its consistency token); not called when there is no answer. */
  readonly onAnswered?: (write: CommandWrite) => void;
};

/**
 * Where an answered command left the event log: at its last event's position, with nothing
 * written, or not known here (a repeat answered from the log, a handler that wrote in steps).
 */
export type CommandWrite =
  { readonly kind: 'at'; readonly position: LogPosition } | { readonly kind: 'nothing' } | { readonly kind: 'unknown' };

const writeOf = (results: readonly AppendResult[]): CommandWrite => {
  const written = results.filter((r) => r.eventIds.length > 0);
  if (written.length === 0) return { kind: 'nothing' };
  const positions = written.map((r) => r.logPosition);
  if (positions.some((p) => p === undefined)) return { kind: 'unknown' };
  const last = (positions as LogPosition[]).reduce((a, b) => (compareLogPositions(a, b) >= 0 ? a : b));
  return { kind: 'at', position: last };
};

export const commandInProgress = (commandId: string): PlatformError =>
  new PlatformError('CONCURRENCY_CONFLICT', `Command ${commandId} is still running; retry shortly to get its answer`, {
    rule: 'COMMAND_IN_PROGRESS',
  });

export const commandIdReused = (commandId: string, boundTo: string, commandType: string): PlatformError =>
  new PlatformError(
    'IDEMPOTENCY_KEY_REUSED',
    boundTo === commandType
      ? `Command id ${commandId} was used for a ${boundTo} command with other data; use a new Idempotency-Key for a new request`
      : `Command id ${commandId} was used for a ${boundTo} command, not ${commandType}; use a new Idempotency-Key for a new request`,
  );

/**
 * Runs a command once per command id. The id is bound to the command's type and a fingerprint of
 * its data: a repeat gets the first reply and appends nothing; a repeat while the first still
 * runs is told to retry (409, retryable); another command under the same id is refused (422).
 * Conflicts with concurrent writers are retried against fresh state before they are reported.
 */
export const executeCommand = async <T>(options: ExecuteCommandOptions<T>): Promise<Reply<T>> => {
  const { commandLog, store } = options;
  if (commandLog.commit && store) return executeInOneTransaction(options, commandLog as CommandLog & CommandCommitter, store);
  const claim = await options.commandLog.claim(options.commandId, {
    commandType: options.commandType,
    fingerprint: requestFingerprint(options.commandType, options.data),
  });
  switch (claim.kind) {
    case 'replay':
      options.onAnswered?.({ kind: 'unknown' });
      return claim.reply as Reply<T>;
    case 'in-flight':
      return { ok: false, error: commandInProgress(options.commandId).toBody() };
    case 'mismatch':
      return { ok: false, error: commandIdReused(options.commandId, claim.commandType, options.commandType).toBody() };
    case 'run':
      return runClaimed(options, claim);
  }
};

const runClaimed = async <T>(options: ExecuteCommandOptions<T>, claim: CommandRun): Promise<Reply<T>> => {
  let reply: Reply<T>;
  try {
    reply = { ok: true, value: await retryOnConflict(() => options.run(claim.executionNonce), options.conflictRetries ?? 5) };
  } catch (error) {
    reply = { ok: false, error: toErrorBody(error) };
    if (reply.error.code === 'INTERNAL' || reply.error.code === 'UNAVAILABLE') options.onFailure?.(error, reply.error);
  }
  if (reply.ok || isFinalAnswer(reply.error)) {
    const stored = (await options.commandLog.complete(claim, reply)) as Reply<T>;
    options.onAnswered?.({ kind: 'unknown' });
    return stored;
  }
  // Transient (or a bug): not an answer to keep. The claim is given up so a retry runs at once; if
  // that fails too (the store is down), the retry takes it over when its lease ends.
  await options.commandLog.release(claim).catch(() => undefined);
  return reply;
};

export const retryOnConflict = async <T>(run: () => Promise<T>, retries: number): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof PlatformError && error.code === 'CONCURRENCY_CONFLICT';
      if (!conflict || attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
    }
  }
};

/**
 * One round trip in steady state: the handler decides on states this replica holds (or loads),
 * its appends are staged, and the appends, the revisions it decided on and its reply are
 * committed together. A repeat of a command finds its id held there and gets the first reply; a
 * stale state refuses the commit, is dropped, and the command decides again on fresh state.
 */
const executeInOneTransaction = async <T>(
  options: ExecuteCommandOptions<T>,
  committer: CommandCommitter,
  store: CommandStore,
): Promise<Reply<T>> => {
  const binding = { commandType: options.commandType, fingerprint: requestFingerprint(options.commandType, options.data) };
  const executionNonce = randomUUID().slice(0, 8);
  const retries = options.conflictRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const scope = new CommandScope();
    let reply: Reply<T>;
    try {
      reply = { ok: true, value: await inCommandScope(scope, () => options.run(executionNonce)) };
    } catch (error) {
      reply = { ok: false, error: toErrorBody(error) };
      if (reply.error.code === 'CONCURRENCY_CONFLICT' && attempt < retries) {
        store.forgetAfter(error, scope.streams);
        await pause(attempt);
        continue;
      }
      if (!isFinalAnswer(reply.error)) {
        if (reply.error.code === 'INTERNAL' || reply.error.code === 'UNAVAILABLE') options.onFailure?.(error, reply.error);
        return reply;
      }
    }
    // A refusal commits its reply with what the handler appended before refusing (a failed PIN
    // attempt is recorded, then refused), and holds only if the states it saw still hold.
    const appends = scope.appends;
    const reads = scope.reads;
    const outcome = await committer.commit({ commandId: options.commandId, binding, executionNonce, reply, appends, reads });
    switch (outcome.kind) {
      case 'committed':
        store.appended(appends);
        options.onAnswered?.(writeOf(outcome.results));
        return reply;
      case 'replay':
        options.onAnswered?.({ kind: 'unknown' });
        return outcome.reply as Reply<T>;
      case 'in-flight':
        return { ok: false, error: commandInProgress(options.commandId).toBody() };
      case 'mismatch':
        return { ok: false, error: commandIdReused(options.commandId, outcome.commandType, options.commandType).toBody() };
      case 'conflict': {
        store.forget([...scope.streams, ...outcome.conflicts.map((c) => c.streamId)]);
        if (attempt >= retries) {
          const error =
            outcome.conflicts.length > 0
              ? new ConcurrencyConflictError(outcome.conflicts)
              : new PlatformError('CONCURRENCY_CONFLICT', 'Concurrent writers kept moving the streams this command decides on; retry');
          return { ok: false, error: error.toBody() };
        }
        await pause(attempt);
      }
    }
  }
};

const pause = (attempt: number): Promise<void> =>
  attempt === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
