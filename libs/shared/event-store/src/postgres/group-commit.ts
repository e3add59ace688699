import { SpanKind, trace } from '@opentelemetry/api';
import type { Pool } from 'pg';
import { PlatformError, type CommandReply } from '@tnp/kernel';
import type { CommandCommit, CommandCommitOutcome } from '../command-log.port';
import {
  ConcurrencyConflictError,
  NO_STREAM_REVISION,
  type AppendRequest,
  type AppendResult,
  type NewEvent,
  type StreamConflict,
} from '../event-store.port';
import { isConnectionFailure } from './connection-failure';

export type GroupCommitOptions = {
  /** Transactions in flight at once; commands arriving meanwhile wait and go together in the next. */
  readonly maxInFlight?: number;
  /** Upper bound on the events of one transaction (a bulk command may exceed it alone). */
  readonly maxEvents?: number;
  readonly maxCommands?: number;
};

/** What one transaction member writes: a command (with its id and reply), or a plain append (no id). */
type Unit = Omit<CommandCommit, 'commandId'> & { readonly commandId: string | null; readonly ttlMs: number };

type Waiting = {
  readonly commit: Unit;
  readonly streams: readonly string[];
  readonly events: number;
  readonly resolve: (outcome: CommandCommitOutcome) => void;
  readonly reject: (error: unknown) => void;
};

type OutcomeRow = {
  o_cmd: number;
  o_status: 'committed' | 'conflict' | 'held';
  o_stream_id: string | null;
  o_revision: string | null;
  o_position: string | null;
  o_held_type: string | null;
  o_held_fingerprint: string | null;
  o_held_reply: CommandReply | null;
  /** The transaction's id once it wrote (every member of a group commit shares it). */
  o_txid: string | null;
};

const SERIALIZATION_OR_DEADLOCK = new Set(['40001', '40P01']);
const tracer = trace.getTracer('event-store');

/**
 * Group commit: commands that finish deciding while a transaction is in flight wait for it, then
 * go together in one call of commit_commands, each with its own expected revisions and its own
 * outcome. No stream (and no command id) appears twice in one transaction: a later command on the
 * same stream waits for the next one, where it meets the revision the earlier one left.
 */
export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxEvents: number;
  private readonly maxCommands: number;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxEvents = options.maxEvents ?? 20_000;
    this.maxCommands = options.maxCommands ?? 500;
  }

  /** A command with its reply, kept under its id for `ttlMs`. */
  commit(commit: CommandCommit, ttlMs: number): Promise<CommandCommitOutcome> {
    return this.enqueue({ ...commit, ttlMs });
  }

  /** Appends with exact or no_stream expectations, grouped like commands; a stale one is refused alone. */
  async append(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const outcome = await this.enqueue({
      commandId: null,
      binding: { commandType: '', fingerprint: '' },
      executionNonce: '',
      reply: { ok: true, value: null },
      appends: requests,
      reads: new Map(),
      ttlMs: 0,
    });
    if (outcome.kind === 'committed') return outcome.results;
    if (outcome.kind === 'conflict') {
      const stale = outcome.conflicts.filter((c) => c.actual !== c.expected && !(c.expected === 'no_stream' && c.actual === -1));
      throw outcome.conflicts.length > 0
        ? new ConcurrencyConflictError(stale.length > 0 ? stale : outcome.conflicts)
        : new PlatformError('CONCURRENCY_CONFLICT', 'Concurrent append, retry');
    }
    throw new Error(`an append without a command id came back ${outcome.kind}`);
  }

  private enqueue(commit: Unit): Promise<CommandCommitOutcome> {
    const streams = [
      ...commit.appends.map((a) => a.streamId),
      ...[...commit.reads.keys()].filter((s) => !commit.appends.some((a) => a.streamId === s)),
    ];
    if (new Set(commit.appends.map((a) => a.streamId)).size !== commit.appends.length) {
      return Promise.reject(new Error(`command ${commit.commandId} appends to a stream twice`));
    }
    const events = commit.appends.reduce((n, a) => n + a.events.length, 0);
    return tracer.startActiveSpan(
      'eventstore commit',
      {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system.name': 'postgresql', 'eventstore.streams': streams.length, 'eventstore.events': events },
      },
      (span) =>
        new Promise<CommandCommitOutcome>((resolve, reject) => {
          this.waiting.push({ commit, streams, events, resolve, reject });
          this.drain();
        })
          .then((outcome) => {
            span.setAttribute('eventstore.outcome', outcome.kind);
            return outcome;
          })
          .catch((error: unknown) => {
            span.recordException(error as Error);
            throw error;
          })
          .finally(() => span.end()),
    );
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const streams = new Set<string>();
    const ids = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.waiting.length && batch.length < this.maxCommands;) {
      const candidate = this.waiting[i]!;
      const fits = batch.length === 0 || events + candidate.events <= this.maxEvents;
      const id = candidate.commit.commandId;
      const collides = (id !== null && ids.has(id)) || candidate.streams.some((s) => streams.has(s));
      if (!fits) break;
      if (collides) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      batch.push(candidate);
      events += candidate.events;
      if (id !== null) ids.add(id);
      for (const s of candidate.streams) streams.add(s);
    }
    return batch;
  }

  private async run(batch: readonly Waiting[]): Promise<void> {
    let rows: OutcomeRow[];
    try {
      rows = (
        await this.pool.query<OutcomeRow>(
          `SELECT *, pg_current_xact_id_if_assigned()::text AS o_txid FROM ${this.schema}.commit_commands(${PARAMS})`,
          parametersOf(batch),
        )
      ).rows;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (SERIALIZATION_OR_DEADLOCK.has(code)) {
        // The whole transaction gave way: every command in it decides again.
        for (const w of batch) w.resolve({ kind: 'conflict', conflicts: allStreamsOf(w.commit) });
        return;
      }
      if (isConnectionFailure(error)) {
        const failure = new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`, {}, { cause: error });
        for (const w of batch) w.reject(failure);
        return;
      }
      // One command's failure (a bug, an event id stored already) must not be its batchmates': each goes again alone.
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((w) => this.run([w])));
      return;
    }
    const byCommand = new Map<number, OutcomeRow[]>();
    for (const row of rows) byCommand.set(row.o_cmd, [...(byCommand.get(row.o_cmd) ?? []), row]);
    batch.forEach((w, index) => w.resolve(outcomeOf(w.commit, byCommand.get(index + 1) ?? [])));
  }
}

const PARAMS = Array.from({ length: 16 }, (_, i) => `$${i + 1}`).join(', ');

/** Reads travel as requests with no events: the stream must still be at the revision read (-1: still absent). */
const parametersOf = (batch: readonly Waiting[]): unknown[] => {
  const streams = batch.flatMap((w, index) => [
    ...w.commit.appends.map((a) => ({
      cmd: index + 1,
      id: a.streamId,
      expected: expectedCode(a.expectedRevision, a.streamId),
      count: a.events.length,
    })),
    ...[...w.commit.reads]
      .filter(([streamId]) => !w.commit.appends.some((a) => a.streamId === streamId))
      .map(([streamId, revision]) => ({ cmd: index + 1, id: streamId, expected: revision, count: 0 })),
  ]);
  const events = batch.flatMap((w) =>
    w.commit.appends.flatMap((a) => a.events.map((event, index) => ({ streamId: a.streamId, index, event }))),
  );
  return [
    batch.map((w) => w.commit.commandId),
    batch.map((w) => w.commit.binding.commandType),
    batch.map((w) => w.commit.binding.fingerprint),
    batch.map((w) => w.commit.executionNonce),
    batch.map((w) => (w.commit.commandId === null ? null : JSON.stringify(w.commit.reply))),
    batch.map((w) => w.commit.ttlMs),
    streams.map((s) => s.cmd),
    streams.map((s) => s.id),
    streams.map((s) => s.expected),
    streams.map((s) => s.count),
    ...eventColumns(events),
  ];
};

/** Events as the store's functions take them: one array per column, in order. */
export const eventColumns = (events: readonly { streamId: string; index: number; event: NewEvent }[]): unknown[] => [
  events.map((e) => e.streamId),
  events.map((e) => e.index),
  events.map((e) => e.event.id),
  events.map((e) => e.event.type),
  events.map((e) => JSON.stringify(e.event.data)),
  events.map((e) => JSON.stringify(e.event.metadata)),
];

const expectedCode = (expected: CommandCommit['appends'][number]['expectedRevision'], streamId: string): number => {
  if (typeof expected === 'number') return expected;
  if (expected === 'no_stream') return NO_STREAM_REVISION;
  throw new Error(`a command appends to ${streamId} with an exact revision or no_stream, not ${expected}`);
};

const outcomeOf = (commit: Unit, rows: readonly OutcomeRow[]): CommandCommitOutcome => {
  const conflicts = rows.filter((r) => r.o_status === 'conflict');
  if (conflicts.length > 0) {
    const expected = new Map<string, StreamConflict['expected']>([
      ...[...commit.reads].map(([s, r]) => [s, r] as const),
      ...commit.appends.map((a) => [a.streamId, a.expectedRevision] as const),
    ]);
    return {
      kind: 'conflict',
      conflicts: conflicts.map((r) => ({
        streamId: r.o_stream_id ?? '',
        expected: expected.get(r.o_stream_id ?? '') ?? 'any',
        actual: Number(r.o_revision),
      })),
    };
  }
  const held = rows.find((r) => r.o_status === 'held');
  if (held) {
    const sameCommand =
      held.o_held_type === commit.binding.commandType &&
      (held.o_held_fingerprint === null || held.o_held_fingerprint === commit.binding.fingerprint);
    if (!sameCommand) return { kind: 'mismatch', commandType: held.o_held_type ?? '' };
    return held.o_held_reply ? { kind: 'replay', reply: held.o_held_reply } : { kind: 'in-flight' };
  }
  if (!rows.some((r) => r.o_status === 'committed')) {
    // The id was held when the transaction looked, and gone (pruned) when it read it: decide again.
    return { kind: 'conflict', conflicts: [] };
  }
  const results = appendResultsOf(
    commit.appends,
    rows.filter((r) => r.o_stream_id !== null),
  );
  return { kind: 'committed', results };
};

type WrittenRow = { o_stream_id: string | null; o_revision: string | null; o_position: string | null; o_txid?: string | null };

/** Each request's result from the rows the store returned for its stream. */
export const appendResultsOf = (requests: readonly AppendRequest[], rows: readonly WrittenRow[]): AppendResult[] => {
  const written = new Map(rows.map((row) => [row.o_stream_id, row]));
  return requests.map((r) => {
    const row = written.get(r.streamId);
    return {
      streamId: r.streamId,
      nextExpectedRevision: row ? Number(row.o_revision) : NO_STREAM_REVISION,
      lastGlobalPosition: row ? Number(row.o_position) : 0,
      ...(row?.o_txid && row.o_position !== null && r.events.length > 0
        ? { logPosition: { transactionId: Number(row.o_txid), position: Number(row.o_position) } }
        : {}),
      eventIds: r.events.map((e) => e.id),
      replayed: false,
    };
  });
};

const allStreamsOf = (commit: Unit): StreamConflict[] => [
  ...commit.appends.map((a) => ({ streamId: a.streamId, expected: a.expectedRevision, actual: -1 })),
  ...[...commit.reads].map(([streamId, revision]) => ({ streamId, expected: revision, actual: -1 })),
];
