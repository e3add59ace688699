import type { CommandReply } from '@tnp/kernel';
import type { LogPosition } from './event-store.port';
import type { FencingToken } from './fencing';

/** Remembers the reply to each command id, so a repeated command returns its first result. */
export interface CommandLog {
  find(commandId: string): Promise<CommandReply | undefined>;
  /** Returns the reply that is stored: the given one, or the one a concurrent duplicate stored first. */
  record(commandId: string, commandType: string, reply: CommandReply): Promise<CommandReply>;
}

/** Durable position of a follower of the global log (the relay). */
export interface CheckpointStore {
  load(name: string): Promise<LogPosition>;
  /** Refused with FencedOutError when `fence` is given and another replica has taken the lead since. */
  save(name: string, position: LogPosition, fence?: FencingToken): Promise<void>;
}
