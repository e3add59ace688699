import type { Pool } from 'pg';
import type { CommandReply } from '@tnp/kernel';
import type { CheckpointStore, CommandLog } from '../command-log.port';

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

  async load(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.schema}.checkpoints WHERE name = $1`, [name]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async save(name: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.checkpoints (name, position, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(${this.schema}.checkpoints.position, EXCLUDED.position), updated_at = now()`,
      [name, position],
    );
  }
}
