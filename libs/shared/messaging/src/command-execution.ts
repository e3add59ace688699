import { isConnectionFailure, type CommandLog } from '@tnp/event-store';
import { PlatformError, type Reply } from '@tnp/kernel';
import { isFinalAnswer, toErrorBody } from './error-body';

export type ExecuteCommandOptions<T> = {
  readonly commandId: string;
  readonly commandType: string;
  readonly commandLog: CommandLog;
  readonly run: () => Promise<T>;
  /** Optimistic-concurrency conflicts are retried with a fresh load this many times. */
  readonly conflictRetries?: number;
  readonly onUnexpectedError?: (error: unknown) => void;
};

/**
 * Runs a command once per command id: a repeat gets the first reply and appends nothing.
 * Conflicts with concurrent writers are retried against fresh state before they are reported.
 */
export const executeCommand = async <T>(options: ExecuteCommandOptions<T>): Promise<Reply<T>> => {
  const prior = await options.commandLog.find(options.commandId);
  if (prior) return prior as Reply<T>;

  let reply: Reply<T>;
  try {
    reply = { ok: true, value: await retryOnConflict(options.run, options.conflictRetries ?? 5) };
  } catch (error) {
    if (!(error instanceof PlatformError) && !isConnectionFailure(error)) options.onUnexpectedError?.(error);
    reply = { ok: false, error: toErrorBody(error) };
  }
  if (reply.ok || isFinalAnswer(reply.error)) {
    return (await options.commandLog.record(options.commandId, options.commandType, reply)) as Reply<T>;
  }
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
