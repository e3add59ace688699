export type Principal = {
  readonly id: string;
  readonly role: 'platform' | 'operator' | 'occupier-admin' | 'user' | 'system';
  readonly tenantId?: string;
  readonly sites?: readonly string[];
};

/** Everything a decider needs from the outside world arrives here, so deciders stay pure. */
export type CommandMetadata = {
  readonly commandId: string;
  /**
   * Set by the command log for each run of a command id (kept by retries of that run, new once the
   * id expired and is used again): event ids derive from the command id and it, so a command id
   * reused after its idempotency window appends new events instead of looking like a replay.
   */
  readonly executionNonce?: string;
  readonly now: string;
  readonly principal: Principal;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  /** The command's type (AllocateNumber, ...), recorded with its events so a history says which command made them. */
  readonly commandType?: string;
};

export type Message<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data;
};

export type Command<Type extends string, Data> = Message<Type, Data> & {
  readonly metadata: CommandMetadata;
};

export type Decider<C, E, S, Ctx = undefined> = {
  readonly initialState: () => S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S, context: Ctx) => readonly E[];
};

export const foldEvents = <E, S>(evolve: (state: S, event: E) => S, initial: S, events: readonly E[]): S => events.reduce(evolve, initial);

export const assertNever = (value: never, what = 'value'): never => {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
};
