import type { CommandReply } from '@tnp/kernel';

/** Remembers the reply to each command id, so a repeated command returns its first result. */
export interface CommandLog {
  find(commandId: string): Promise<CommandReply | undefined>;
  /** Returns the reply that is stored: the given one, or the one a concurrent duplicate stored first. */
  record(commandId: string, commandType: string, reply: CommandReply): Promise<CommandReply>;
}

/** Durable position of a follower of the global log (the relay, a reaction). */
export interface CheckpointStore {
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}
