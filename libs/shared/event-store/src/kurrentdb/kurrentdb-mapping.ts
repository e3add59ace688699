import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  isCommandError,
  jsonEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  NO_STREAM_REVISION,
  type AppendRequest,
  type LogPosition,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StreamConflict,
} from '../event-store.port';

/** The fields of a client record this adapter reads; both read and subscription events fit it. */
export type KurrentRecord = {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: Position | undefined;
};

export type KurrentResolvedEvent = { readonly event?: KurrentRecord | undefined; readonly commitPosition?: bigint | undefined };

export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'stream_exists':
      return STREAM_EXISTS;
  }
  if (expected === NO_STREAM_REVISION) return NO_STREAM;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`Invalid expected revision: ${expected}`);
  return BigInt(expected);
};

export const fromStreamState = (state: AppendStreamState): ExpectedRevision => (typeof state === 'bigint' ? Number(state) : state);

export const fromCurrentState = (state: CurrentStreamState): number => (state === NO_STREAM ? NO_STREAM_REVISION : Number(state));

export const toStreamConflict = (
  error: { readonly streamName: string; readonly expectedState: AppendStreamState; readonly actualState: CurrentStreamState },
  requests: readonly AppendRequest[],
): StreamConflict => ({
  streamId: error.streamName,
  expected: requests.find((r) => r.streamId === error.streamName)?.expectedRevision ?? fromStreamState(error.expectedState),
  actual: fromCurrentState(error.actualState),
});

/**
 * KurrentDB positions are commit positions (byte offsets in its log); a Number holds them exactly
 * only up to 2^53 bytes (8 PiB), past which this throws rather than reorder the global log.
 */
export const toGlobalPosition = (commit: bigint): number => {
  if (commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`KurrentDB position ${commit} exceeds 2^53`);
  return Number(commit);
};

/** Gives the read start for "after `position`": KurrentDB reads from a position inclusively. */
export const toReadPosition = (position: LogPosition): ReadPosition => {
  if (position.transactionId <= 0 && position.position <= 0) return START;
  return { commit: BigInt(position.transactionId), prepare: BigInt(position.position) };
};

/** Multi-stream append only takes string values, so every metadata field is stored as a string. */
export const encodeMetadata = (metadata: EventMetadata): Record<string, string> =>
  Object.fromEntries(
    Object.entries(metadata)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, String(value)]),
  );

export const decodeMetadata = (raw: unknown): EventMetadata => {
  if (raw === null || typeof raw !== 'object' || raw instanceof Uint8Array || Array.isArray(raw)) return {} as EventMetadata;
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    // KurrentDB adds its own `$`-prefixed properties (schema name and format) to multi-stream appends.
    if (key.startsWith('$') || value === undefined || value === null) continue;
    metadata[key] = key === 'schemaVersion' ? Number(value) : value;
  }
  return metadata as EventMetadata;
};

export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: (event.data ?? null) as JSONType, metadata: encodeMetadata(event.metadata) });

export const toRecordedEvent = (resolved: KurrentResolvedEvent): RecordedEvent | undefined => {
  const record = resolved.event;
  if (!record) return undefined;
  const commit = record.position?.commit ?? resolved.commitPosition;
  const prepare = record.position?.prepare ?? commit;
  return {
    id: record.id,
    type: record.type,
    data: record.data,
    metadata: decodeMetadata(record.metadata),
    streamId: record.streamId,
    streamRevision: Number(record.revision),
    globalPosition: commit === undefined ? 0 : toGlobalPosition(commit),
    logPosition: {
      transactionId: commit === undefined ? 0 : toGlobalPosition(commit),
      position: prepare === undefined ? 0 : toGlobalPosition(prepare),
    },
    recordedAt: record.created.toISOString(),
  };
};

/** System events ($-prefixed types such as $metadata or links, or anything in $-prefixed streams). */
export const isSystemEvent = (event: { readonly type: string; readonly streamId: string }): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/**
 * KurrentDB answers an append whose event ids it already stored with the original write's position,
 * or with none, so only a write it really made lands after the log's head read before appending.
 */
export const isReplay = (headBefore: bigint, written: bigint | undefined): boolean => written === undefined || written <= headBefore;

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const UNREACHABLE_TYPES: ReadonlySet<ErrorType> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

/** Some client paths surface the raw gRPC status instead of a typed command error. */
export const isUnavailableError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) return UNREACHABLE_TYPES.has(error.type);
  const code = (error as { code?: unknown }).code;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED;
};
