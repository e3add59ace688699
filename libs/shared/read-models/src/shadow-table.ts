import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { qualifiedName, sqlQuery } from './sql';

/**
 * A table of the live table's shape in a schema of its own, where a rebuild writes while readers
 * keep the live table (ADR 0023). It starts with the live table's columns, defaults, checks and
 * key constraints only; the other indexes are built in bulk once the rows are in, under the live
 * indexes' own names (the schema differs, so the names are free), so after the swap the table
 * looks exactly as the boot SQL left it.
 */
export class ShadowTable {
  readonly schema: string;
  readonly name: string;
  private oid = '';
  private rows = 0;
  private analyzedAt = 0;

  constructor(readonly live: string) {
    const { schema, table } = qualifiedName(live);
    this.schema = `${schema}_rb_${randomBytes(4).toString('hex')}`;
    this.name = `${this.schema}.${table}`;
  }

  async create(em: EntityManager): Promise<void> {
    await em.transactional(async (tx) => {
      await sqlQuery(tx, `CREATE SCHEMA ${this.schema}`);
      await sqlQuery(
        tx,
        `CREATE TABLE ${this.name} (LIKE ${this.live} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED
           INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMPRESSION)`,
      );
      const keys = await sqlQuery<{ conname: string; def: string }>(
        tx,
        `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
          WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname`,
        [this.live],
      );
      for (const key of keys) await sqlQuery(tx, `ALTER TABLE ${this.name} ADD CONSTRAINT ${quote(key.conname)} ${key.def}`);
      const rows = await sqlQuery<{ oid: string }>(tx, `SELECT $1::regclass::oid::text AS oid`, [this.name]);
      this.oid = rows[0]?.oid ?? '';
    });
  }

  /**
   * After each page: planner statistics again whenever the rows have grown fourfold, so the
   * batch's lookup by key stays an index scan rather than a scan of a table thought to be empty.
   */
  async grew(em: EntityManager, rows: number): Promise<void> {
    this.rows += rows;
    if (this.rows < Math.max(1000, this.analyzedAt * 4)) return;
    this.analyzedAt = this.rows;
    await sqlQuery(em, `ANALYZE ${this.name}`);
  }

  /**
   * The live table's other indexes, built in bulk on the filled shadow (two at a time, each on its
   * own connection: a GIN build is one core's work), then fresh planner statistics.
   */
  async finish(fork: () => EntityManager): Promise<void> {
    const indexes = await sqlQuery<{ def: string }>(
      fork(),
      `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY i.indexrelid`,
      [this.live],
    );
    const on = ` ON ${this.live} USING `;
    const pending = indexes.map(({ def }) => {
      if (!def.includes(on)) throw new Error(`cannot copy index to the shadow table: ${def}`);
      return def.replace(on, ` ON ${this.name} USING `);
    });
    const builder = async (): Promise<void> => {
      for (let def = pending.shift(); def !== undefined; def = pending.shift()) {
        const statement = def;
        await fork().transactional(async (tx) => {
          await sqlQuery(tx, `SET LOCAL maintenance_work_mem = '256MB'`);
          await sqlQuery(tx, statement);
        });
      }
    };
    await Promise.all([builder(), builder()]);
    await sqlQuery(fork(), `ANALYZE ${this.name}`);
  }

  /**
   * Inside the swap's transaction: the live table goes (with its triggers, which are created again
   * on the rebuilt table) and the shadow takes its schema and so its name. Readers wait for the
   * lock and then read the rebuilt rows; a failure rolls all of it back.
   */
  async swap(tx: EntityManager): Promise<void> {
    const { schema } = qualifiedName(this.live);
    const current = await sqlQuery<{ oid: string | null }>(tx, `SELECT to_regclass($1)::oid::text AS oid`, [this.name]);
    if (current[0]?.oid !== this.oid) throw new Error(`shadow table ${this.name} is not the one this rebuild filled`);
    await sqlQuery(tx, `LOCK TABLE ${this.live} IN ACCESS EXCLUSIVE MODE`);
    const triggers = await sqlQuery<{ def: string }>(
      tx,
      `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`,
      [this.live],
    );
    await sqlQuery(tx, `DROP TABLE ${this.live}`);
    await sqlQuery(tx, `ALTER TABLE ${this.name} SET SCHEMA ${schema}`);
    await sqlQuery(tx, `DROP SCHEMA ${this.schema}`);
    for (const { def } of triggers) await sqlQuery(tx, def);
  }

  /** After a failed rebuild: the live table was never touched, the shadow goes. */
  async drop(em: EntityManager): Promise<void> {
    await sqlQuery(em, `DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
