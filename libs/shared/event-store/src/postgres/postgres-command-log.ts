import { randomUUID } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { PlatformError, type CommandReply } from '@tnp/kernel';
import type {
  CheckpointStore,
  CommandBinding,
  CommandClaim,
  CommandCommit,
  CommandCommitOutcome,
  CommandCommitter,
  CommandLog,
  CommandRun,
} from '../command-log.port';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import { isConnectionFailure } from './connection-failure';
import { LOG_START, type LogPosition } from '../event-store.port';
import { FencedOutError, type FencingToken } from '../fencing';

export type CommandLogOptions = {
  /** How long a command id stays bound to its command and reply after it finished (the idempotency window). */
  readonly ttlMs?: number;
  /**
   * How long a run holds its claim: a repeat meanwhile is told the command is in progress; after
   * it (the replica died mid-command) a repeat takes the claim over and runs with the same nonce,
   * so whatever the dead run appended is recognised, not written twice.
   */
  readonly leaseMs?: number;
  /** Its own group commit with these options (the store's is shared otherwise). */
  readonly groupCommit?: GroupCommitOptions;
};

export const DEFAULT_COMMAND_ID_TTL_MS = 24 * 3600 * 1000;
export const DEFAULT_COMMAND_LEASE_MS = 10_000;

type HeldRow = { command_type: string; fingerprint: string | null; reply: CommandReply | null };

export class PostgresCommandLog implements CommandLog, CommandCommitter {
  private readonly ttlMs: number;
  private readonly leaseMs: number;
  private readonly groupCommit: GroupCommit;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    options: CommandLogOptions = {},
    groupCommit?: GroupCommit,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_COMMAND_ID_TTL_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_COMMAND_LEASE_MS;
    this.groupCommit = groupCommit ?? new GroupCommit(pool, schema, options.groupCommit);
  }

  /** A command's appends and its reply in one transaction, grouped with concurrent ones (see GroupCommit). */
  commit(commit: CommandCommit): Promise<CommandCommitOutcome> {
    return this.groupCommit.commit(commit, this.ttlMs);
  }

  async claim(commandId: string, binding: CommandBinding): Promise<CommandClaim> {
    for (let attempt = 0; ; attempt++) {
      const claimToken = randomUUID();
      // A new row, an expired one (a new run, new nonce), or a run of the same command whose lease
      // ran out (the same run taken over: its nonce is kept).
      const { rows: claimed } = await this.query<{ execution_nonce: string }>(
        `INSERT INTO ${this.schema}.command_log AS l
                (command_id, command_type, fingerprint, reply, execution_nonce, claim_token, lease_until, expires_at, recorded_at)
         VALUES ($1, $2, $3, NULL, $4, $5, now() + $6 * interval '1 millisecond', now() + $7 * interval '1 millisecond', now())
         ON CONFLICT (command_id) DO UPDATE SET
                command_type = EXCLUDED.command_type,
                fingerprint = EXCLUDED.fingerprint,
                reply = NULL,
                execution_nonce = CASE WHEN l.expires_at <= now() THEN EXCLUDED.execution_nonce ELSE l.execution_nonce END,
                claim_token = EXCLUDED.claim_token,
                lease_until = EXCLUDED.lease_until,
                expires_at = CASE WHEN l.expires_at <= now() THEN EXCLUDED.expires_at ELSE l.expires_at END,
                recorded_at = now()
          WHERE l.expires_at <= now()
             OR (l.reply IS NULL AND l.lease_until <= now()
                 AND l.command_type = EXCLUDED.command_type AND l.fingerprint = EXCLUDED.fingerprint)
         RETURNING l.execution_nonce`,
        [commandId, binding.commandType, binding.fingerprint, randomUUID().slice(0, 8), claimToken, this.leaseMs, this.ttlMs],
      );
      if (claimed[0]) return { kind: 'run', commandId, executionNonce: claimed[0].execution_nonce, claimToken };

      const { rows } = await this.query<HeldRow>(
        `SELECT command_type, fingerprint, reply FROM ${this.schema}.command_log WHERE command_id = $1`,
        [commandId],
      );
      const held = rows[0];
      // Released or pruned between the two statements: claim again.
      if (!held && attempt < 3) continue;
      if (!held) throw new PlatformError('CONCURRENCY_CONFLICT', `Command ${commandId} is being claimed concurrently; retry`);
      // Rows stored before commands were fingerprinted match any data of their type.
      const sameCommand =
        held.command_type === binding.commandType && (held.fingerprint === null || held.fingerprint === binding.fingerprint);
      if (!sameCommand) return { kind: 'mismatch', commandType: held.command_type };
      return held.reply ? { kind: 'replay', reply: held.reply } : { kind: 'in-flight' };
    }
  }

  async complete(run: CommandRun, reply: CommandReply): Promise<CommandReply> {
    // Also when another replica took the claim over meanwhile (same run, same nonce): the first
    // reply stored is the one every repeat gets.
    const { rows } = await this.query<{ reply: CommandReply }>(
      `UPDATE ${this.schema}.command_log
          SET reply = $3, claim_token = NULL, lease_until = NULL, recorded_at = now(),
              expires_at = now() + $4 * interval '1 millisecond'
        WHERE command_id = $1 AND reply IS NULL AND execution_nonce = $2
        RETURNING reply`,
      [run.commandId, run.executionNonce, JSON.stringify(reply), this.ttlMs],
    );
    if (rows[0]) return rows[0].reply;
    const { rows: stored } = await this.query<{ reply: CommandReply | null }>(
      `SELECT reply FROM ${this.schema}.command_log WHERE command_id = $1 AND execution_nonce = $2`,
      [run.commandId, run.executionNonce],
    );
    return stored[0]?.reply ?? reply;
  }

  async release(run: CommandRun): Promise<void> {
    // The row stays, with its nonce: if the failed run did append, its retry is recognised.
    await this.query(
      `UPDATE ${this.schema}.command_log SET claim_token = NULL, lease_until = now()
        WHERE command_id = $1 AND claim_token = $2 AND reply IS NULL`,
      [run.commandId, run.claimToken],
    );
  }

  async prune(limit = 5000): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.schema}.command_log WHERE command_id IN (
         SELECT command_id FROM ${this.schema}.command_log
          WHERE expires_at <= now() AND (reply IS NOT NULL OR lease_until IS NULL OR lease_until <= now())
          LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit],
    );
    return rowCount ?? 0;
  }

  private async query<R extends QueryResultRow>(sql: string, params: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      throw new PlatformError('UNAVAILABLE', `Command log unreachable: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}

export class PostgresCheckpointStore implements CheckpointStore {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  async load(name: string): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text, position FROM ${this.schema}.checkpoints WHERE name = $1`,
      [name],
    );
    return rows[0] ? { transactionId: Number(rows[0].transaction_id), position: Number(rows[0].position) } : LOG_START;
  }

  async save(name: string, at: LogPosition, fence?: FencingToken): Promise<void> {
    // The fence row is read FOR SHARE: a new leader bumping the epoch waits for this write, and
    // every write after its bump sees the new epoch and is refused.
    const guard = fence ? `EXISTS (SELECT 1 FROM ${fence.table} f WHERE f.name = $4 AND f.epoch = $5 FOR SHARE)` : 'true';
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.schema}.checkpoints AS c (name, transaction_id, position, updated_at)
       SELECT $1, $2::xid8, $3, now() WHERE ${guard}
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()
        WHERE (c.transaction_id, c.position) < (EXCLUDED.transaction_id, EXCLUDED.position)`,
      [name, String(at.transactionId), at.position, ...(fence ? [fence.name, fence.epoch] : [])],
    );
    if (fence && rowCount === 0 && !(await this.fenceHolds(fence))) throw new FencedOutError(fence);
  }

  private async fenceHolds(fence: FencingToken): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${fence.table} WHERE name = $1 AND epoch = $2`, [fence.name, fence.epoch]);
    return rows.length > 0;
  }
}
