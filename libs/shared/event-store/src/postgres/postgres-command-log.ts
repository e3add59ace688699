import type { Pool } from 'pg';
import type { CommandReply } from '@tnp/kernel';
import type { CheckpointStore, CommandLog } from '../command-log.port';
import { LOG_START, type LogPosition } from '../event-store.port';
import { FencedOutError, type FencingToken } from '../fencing';

export class PostgresCommandLog implements CommandLog {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  async find(commandId: string): Promise<CommandReply | undefined> {
    const { rows } = await this.pool.query<{ reply: CommandReply }>(`SELECT reply FROM ${this.schema}.command_log WHERE command_id = $1`, [
      commandId,
    ]);
    return rows[0]?.reply;
  }

  async record(commandId: string, commandType: string, reply: CommandReply): Promise<CommandReply> {
    const { rows } = await this.pool.query<{ reply: CommandReply }>(
      `INSERT INTO ${this.schema}.command_log (command_id, command_type, reply) VALUES ($1, $2, $3)
       ON CONFLICT (command_id) DO UPDATE SET command_id = EXCLUDED.command_id
       RETURNING reply`,
      [commandId, commandType, JSON.stringify(reply)],
    );
    return rows[0]?.reply ?? reply;
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
