import { setTimeout as delay } from 'node:timers/promises';
import { LOG_START, compareLogPositions, type EventStore, type LogPosition } from '@tnp/event-store';
import { PlatformError, type ConsistencyToken, type FollowerLag } from '@tnp/kernel';
import type { CommandWrite, ConsistencyGate, JetStreamReaction } from '@tnp/messaging';
import type { ProjectionRunner } from '@tnp/read-models';

type Follower = {
  readonly name: string;
  /** Whether it has processed through the mark, and how many events it still has to (for the 503). */
  readonly check: () => Promise<{ readonly reached: boolean; readonly behind: number }>;
};

export type FollowerConsistencyGateOptions = {
  readonly service: string;
  readonly store: EventStore;
  /** The service's followers (asked for when a request comes, as the runtime builds them after its endpoints' dependencies). */
  readonly followers: () => {
    readonly projections: readonly ProjectionRunner<unknown>[];
    readonly reactions: readonly JetStreamReaction[];
  };
  /** The JetStream stream that carries a service's events (the reactions' sources). */
  readonly streamOf: (service: string) => string;
  readonly waitMs: number;
};

/**
 * The consistency gate of one service (ADR 0025), checked against what every replica shares:
 * projection checkpoints in PostgreSQL and reaction consumers in JetStream, so the replica that
 * answers need not be the one that runs the followers.
 *
 * A command waits for the reactions that follow the other services the token names (assignment
 * must have seen the activation before routing is set). A query waits for those too, then for
 * this service's projections: to the token's own entry, and, when a reaction was waited for, to
 * this service's head at that moment (what the reaction wrote).
 */
export class FollowerConsistencyGate implements ConsistencyGate {
  constructor(private readonly options: FollowerConsistencyGateOptions) {}

  async reach(token: ConsistencyToken, purpose: 'command' | 'query'): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    const { projections, reactions } = this.options.followers();
    const following = [...token]
      .filter(([service]) => service !== this.options.service)
      .flatMap(([service, mark]) =>
        reactions.filter((r) => r.source === this.options.streamOf(service)).map((r) => this.reactionAt(r, mark)),
      );
    await this.await(following, deadline);
    if (purpose === 'command' || projections.length === 0) return;
    const own = token.get(this.options.service);
    const mark = following.length > 0 ? laterOf(own, await this.committedHead()) : own;
    if (mark)
      await this.await(
        projections.map((p) => this.projectionAt(p, mark)),
        deadline,
      );
  }

  async tokenAfter(write: CommandWrite): Promise<string | undefined> {
    if (write.kind === 'nothing') return undefined;
    const position = write.kind === 'at' ? write.position : await this.committedHead();
    return compareLogPositions(position, LOG_START) > 0
      ? `${this.options.service}@${position.transactionId}.${position.position}`
      : undefined;
  }

  private committedHead(): Promise<LogPosition> {
    const { store } = this.options;
    return store.committedHead ? store.committedHead() : store.headPosition();
  }

  private reactionAt(reaction: JetStreamReaction, mark: LogPosition): Follower {
    return { name: reaction.name, check: () => reaction.hasProcessed(mark) };
  }

  private projectionAt(projection: ProjectionRunner<unknown>, mark: LogPosition): Follower {
    return {
      name: `projection:${projection.name}`,
      check: async () => {
        const at = await projection.checkpoint();
        if (compareLogPositions(at, mark) >= 0) return { reached: true, behind: 0 };
        return { reached: false, behind: (await this.options.store.lagBehind(at)).events };
      },
    };
  }

  /** Polls the followers still behind, more slowly the longer it takes, until all are there or time is up. */
  private async await(followers: readonly Follower[], deadline: number): Promise<void> {
    let behind = [...followers];
    for (let round = 0; behind.length > 0; round++) {
      const checks = await Promise.all(
        behind.map(async (f) => ({ follower: f, ...(await f.check().catch(() => ({ reached: false, behind: -1 }))) })),
      );
      const still = checks.filter((c) => !c.reached);
      if (still.length === 0) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw notReached(
          still.map((c) => ({ follower: c.follower.name, events: c.behind })),
          this.options.waitMs,
        );
      behind = still.map((c) => c.follower);
      await delay(Math.min(remaining, 5 * 2 ** Math.min(round, 4)));
    }
  }
}

const laterOf = (a: LogPosition | undefined, b: LogPosition): LogPosition => (a && compareLogPositions(a, b) >= 0 ? a : b);

const notReached = (lag: readonly FollowerLag[], waitMs: number): PlatformError =>
  new PlatformError(
    'UNAVAILABLE',
    `This context has not yet processed what the consistency token names (waited ${waitMs} ms): ${lag
      .map((l) => (l.events >= 0 ? `${l.follower} is ${l.events} events behind` : `${l.follower} cannot be checked`))
      .join('; ')}; retry shortly`,
    { rule: 'CONSISTENCY_NOT_REACHED', lag },
  );
