import { parse } from 'csv-parse/sync';
import type { EventStore } from '@tnp/event-store';
import { isPlatformError, PlatformError, validationFailed, type CommandMetadata } from '@tnp/kernel';
import { loadAggregate, retryOnConflict } from '@tnp/messaging';
import { evolveNumber, initialNumberState, numberStreamId, ownerKey, type NumberCommand, type Owner } from '@tnp/number-inventory-domain';
import {
  IMPORT_COLUMNS,
  importRowSchema,
  MAX_NUMBERS_PER_CALL,
  type ImportNumbersInput,
  type ImportNumbersResult,
  type ImportRow,
} from '@tnp/number-inventory-contracts';
import { NumberCommandProcessor } from '../change-number-state/number-command.processor';
import { StagedEventStore } from './staged-event-store';

type Result = ImportNumbersResult['results'][number];
type Change = Result['changes'][number];
type Step = { readonly change: Change; readonly command: Omit<NumberCommand, 'metadata'> };

/**
 * A CSV of numbers: each row provisions its number if the site does not have it, then brings its
 * owner, status and main flag to what the row says, in that order, with the rules of the single
 * commands. A row is done, unchanged, or refused as a whole (its earlier steps undone). Every row
 * decided is written in one atomic append with the reply; a dry run writes nothing and answers
 * the same.
 */
export class ImportNumbersHandler {
  constructor(private readonly store: EventStore) {}

  handle(input: ImportNumbersInput, metadata: CommandMetadata): Promise<ImportNumbersResult> {
    const rows = parseRows(input.csv);
    return retryOnConflict(() => this.attempt(input, rows, metadata), 5);
  }

  private async attempt(input: ImportNumbersInput, rows: readonly Row[], metadata: CommandMetadata) {
    const staged = new StagedEventStore(this.store);
    const processor = new NumberCommandProcessor(staged);
    const results: Result[] = [];
    for (const [index, { cells, extraCells }] of rows.entries()) {
      const row = index + 1;
      const badCell = (field: string, message: string): Result => ({
        row,
        number: cells['number'] || null,
        outcome: 'refused',
        changes: [],
        code: 'VALIDATION_FAILED',
        field,
        message,
      });
      if (extraCells > 0) {
        results.push(badCell('(row)', `${extraCells} more cell(s) than the header has columns`));
        continue;
      }
      const parsed = importRowSchema.safeParse(withoutEmptyCells(cells));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        results.push(badCell(String(issue?.path[0] ?? ''), issue?.message ?? 'invalid'));
        continue;
      }
      const mark = staged.mark();
      const changes: Change[] = [];
      try {
        for (const [i, step] of (await stepsFor(staged, input.siteId, parsed.data, metadata)).entries()) {
          // Several steps may write one stream under one command: each gets event ids of its own.
          const executionNonce = [metadata.executionNonce, `row-${row}-${i}`].filter(Boolean).join('.');
          const outcome = await processor.execute({ ...step.command, metadata: { ...metadata, executionNonce } } as NumberCommand);
          if (outcome.eventIds.length > 0) changes.push(step.change);
        }
        results.push({ row, number: parsed.data.number, outcome: changes.length > 0 ? 'done' : 'unchanged', changes });
      } catch (error) {
        if (!isPlatformError(error) || error.code === 'UNAVAILABLE' || error.code === 'CONCURRENCY_CONFLICT') throw error;
        staged.rollback(mark);
        const rule = error.details.rule;
        const bad = error.details.fields?.[0];
        results.push({
          row,
          number: parsed.data.number,
          outcome: 'refused',
          changes: [],
          code: error.code,
          ...(rule ? { rule } : {}),
          ...(bad ? { field: bad.path, message: bad.message } : {}),
        });
      }
    }
    const written = input.dryRun ? [] : await staged.commit();
    const count = (outcome: Result['outcome']) => results.filter((r) => r.outcome === outcome).length;
    const refused = count('refused');
    return {
      status: refused === 0 ? 'COMPLETE' : refused === results.length ? 'FAILED' : 'PARTIAL',
      dryRun: input.dryRun,
      counts: { done: count('done'), unchanged: count('unchanged'), refused },
      results,
      events: written.reduce((sum, r) => sum + r.eventIds.length, 0),
    } satisfies ImportNumbersResult;
  }
}

/** A row's cells by column; a row may leave its last cells out, but not have more than the header. */
type Row = { readonly cells: Record<string, string>; readonly extraCells: number };
type Parsed = { readonly record: Record<string, string>; readonly info: { readonly error?: { readonly record?: readonly string[] } } };

/** The rows under a header naming known columns (number among them); too many rows or an unknown column refuse the file. */
const parseRows = (csv: string): Row[] => {
  let parsed: Parsed[];
  let header: string[] = [];
  try {
    parsed = parse(csv, {
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      relax_column_count: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as Parsed[];
  } catch (error) {
    throw validationFailed([{ path: 'csv', message: `not a CSV file: ${(error as Error).message}` }]);
  }
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as string[]).includes(h));
  if (unknown.length > 0)
    throw validationFailed([
      { path: 'csv', message: `unknown columns ${unknown.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}` },
    ]);
  if (!header.includes('number')) throw validationFailed([{ path: 'csv', message: 'the header needs a number column' }]);
  if (parsed.length === 0) throw validationFailed([{ path: 'csv', message: 'no rows under the header' }]);
  if (parsed.length > MAX_NUMBERS_PER_CALL)
    throw validationFailed([{ path: 'csv', message: `at most ${MAX_NUMBERS_PER_CALL} rows; got ${parsed.length}` }]);
  return parsed.map(({ record, info }) => ({ cells: record, extraCells: Math.max(0, (info.error?.record?.length ?? 0) - header.length) }));
};

const withoutEmptyCells = (cells: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== ''));

const ownerOf = (cell: string): Owner | null =>
  cell === 'none' ? null : cell === 'operator' ? { type: 'operator' } : { type: 'occupier', occupierId: cell.slice('occupier:'.length) };

/** What the row asks of the number as it stands (staged steps of earlier rows included). */
const stepsFor = async (store: EventStore, siteId: string, row: ImportRow, metadata: CommandMetadata): Promise<Step[]> => {
  const { state } = await loadAggregate(store, numberStreamId(row.number), evolveNumber, initialNumberState());
  const at = { number: row.number, siteId };
  const steps: Step[] = [];
  let owner = state.exists ? state.owner : null;
  let status = state.exists ? state.status : 'AVAILABLE';
  let isMain = state.exists && state.isMain;
  if (!state.exists) {
    if (!row.range_name)
      throw validationFailed([{ path: 'range_name', message: 'a number the site does not have yet needs its range name' }]);
    if (metadata.principal.role !== 'platform') throw new PlatformError('FORBIDDEN', 'Only the platform provisions numbers');
    const provision = {
      ...at,
      ext: row.ext ?? null,
      kind: row.kind ?? 'standard',
      rangeName: row.range_name,
      portedIn: false,
      portedFrom: null,
    };
    steps.push({ change: 'provisioned', command: { type: 'ProvisionNumber', data: provision } });
  }
  if (row.owner !== undefined) {
    const wanted = ownerOf(row.owner);
    if (wanted === null && owner !== null) {
      if (isMain) steps.push({ change: 'main-removed', command: { type: 'RemoveMainNumberNomination', data: at } });
      if (status === 'ACTIVE' || status === 'ASSIGNED')
        steps.push({ change: 'deactivated', command: { type: 'DeactivateNumber', data: at } });
      steps.push({ change: 'deallocated', command: { type: 'DeallocateNumber', data: at } });
      [owner, status, isMain] = [null, 'AVAILABLE', false];
    } else if (wanted !== null && (owner === null || ownerKey(owner) !== ownerKey(wanted))) {
      steps.push({ change: 'allocated', command: { type: 'AllocateNumber', data: { ...at, owner: wanted } } });
      [owner, status] = [wanted, 'RESERVED'];
    }
  }
  // A main number is nominated while reserved, so the main flag comes before activation.
  if (row.main === 'yes' && !isMain) steps.push({ change: 'made-main', command: { type: 'NominateMainNumber', data: at } });
  if (row.main === 'no' && isMain) steps.push({ change: 'main-removed', command: { type: 'RemoveMainNumberNomination', data: at } });
  if (row.status === 'active' && status !== 'ACTIVE' && status !== 'ASSIGNED')
    steps.push({ change: 'activated', command: { type: 'ActivateNumber', data: at } });
  if (row.status === 'reserved' && (status === 'ACTIVE' || status === 'ASSIGNED'))
    steps.push({ change: 'deactivated', command: { type: 'DeactivateNumber', data: at } });
  return steps;
};
