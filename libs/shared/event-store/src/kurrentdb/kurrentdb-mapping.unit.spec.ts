import { START, UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '../event-store.port';
import {
  decodeMetadata,
  encodeMetadata,
  fromCurrentState,
  isReplay,
  isSystemEvent,
  isUnavailableError,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamConflict,
  toStreamState,
  type KurrentRecord,
} from './kurrentdb-mapping';

const metadata: EventMetadata = {
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 2,
};

const record = (overrides: Partial<KurrentRecord> = {}): KurrentRecord => ({
  streamId: 'thing-1',
  id: '5f0c9e8e-8f0e-4a53-9d6a-0b0b8e1f2a01',
  type: 'ThingHappened',
  revision: 3n,
  data: { n: 1 },
  metadata: encodeMetadata(metadata),
  created: new Date('2026-01-02T03:04:05.000Z'),
  position: { commit: 4242n, prepare: 4242n },
  ...overrides,
});

describe('expected revision mapping', () => {
  test('maps revisions to BigInt and the named states to the client constants', () => {
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState('stream_exists')).toBe('stream_exists');
  });

  test('treats revision -1 as no stream and rejects other invalid revisions', () => {
    expect(toStreamState(-1)).toBe('no_stream');
    expect(() => toStreamState(-2)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
  });

  test('maps the current stream state back to a revision', () => {
    expect(fromCurrentState('no_stream')).toBe(-1);
    expect(fromCurrentState(7n)).toBe(7);
  });

  test('turns a wrong expected version into a conflict carrying the requested revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'b', expected: 0n, current: 4n });
    const requests = [
      { streamId: 'a', events: [], expectedRevision: 'no_stream' as const },
      { streamId: 'b', events: [], expectedRevision: 'no_stream' as const },
    ];
    expect(toStreamConflict(error, requests)).toEqual({ streamId: 'b', expected: 'no_stream', actual: 4 });
    expect(toStreamConflict(error, [])).toEqual({ streamId: 'b', expected: 0, actual: 4 });
  });
});

describe('event mapping', () => {
  test('writes events as JSON with our metadata as string-valued event metadata', () => {
    const data = toEventData({ id: 'e-1', type: 'ThingHappened', data: { n: 1 }, metadata });
    expect(data).toEqual({
      id: 'e-1',
      contentType: 'application/json',
      type: 'ThingHappened',
      data: { n: 1 },
      metadata: { commandId: 'cmd-1', correlationId: 'corr-1', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: '2' },
    });
  });

  test('reads metadata back, restoring numbers and dropping KurrentDB properties', () => {
    expect(decodeMetadata({ ...encodeMetadata(metadata), '$schema.name': 'ThingHappened' })).toEqual(metadata);
    expect(decodeMetadata(undefined)).toEqual({});
    expect(decodeMetadata(new Uint8Array([1]))).toEqual({});
  });

  test('maps a recorded event, taking the commit position as the global position', () => {
    expect(toRecordedEvent({ event: record() })).toEqual({
      id: '5f0c9e8e-8f0e-4a53-9d6a-0b0b8e1f2a01',
      type: 'ThingHappened',
      data: { n: 1 },
      metadata,
      streamId: 'thing-1',
      streamRevision: 3,
      globalPosition: 4242,
      logPosition: { transactionId: 4242, position: 4242 },
      recordedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  test('falls back to the resolved commit position and skips entries without an event', () => {
    expect(toRecordedEvent({ event: record({ position: undefined }), commitPosition: 99n })?.globalPosition).toBe(99);
    expect(toRecordedEvent({ commitPosition: 99n })).toBeUndefined();
  });

  test('refuses positions a Number cannot hold exactly', () => {
    expect(toGlobalPosition(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toGlobalPosition(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
  });

  test('reads the global log from the start or from an event position', () => {
    expect(toReadPosition({ transactionId: 0, position: 0 })).toBe(START);
    expect(toReadPosition({ transactionId: 4242, position: 4100 })).toEqual({ commit: 4242n, prepare: 4100n });
  });
});

describe('system event filtering', () => {
  test('flags $-prefixed event types and streams', () => {
    expect(isSystemEvent({ type: '$metadata', streamId: '$$thing-1' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamId: '$ce-thing' })).toBe(true);
    expect(isSystemEvent({ type: 'ThingHappened', streamId: '$projections-x' })).toBe(true);
    expect(isSystemEvent({ type: 'ThingHappened', streamId: 'thing-1' })).toBe(false);
  });
});

describe('replay detection', () => {
  test('an append answered at or before the earlier head of the log wrote nothing', () => {
    expect(isReplay(100n, 101n)).toBe(false);
    expect(isReplay(100n, 100n)).toBe(true);
    expect(isReplay(100n, 40n)).toBe(true);
    expect(isReplay(100n, -1n)).toBe(true);
    expect(isReplay(100n, undefined)).toBe(true);
  });
});

describe('unavailability', () => {
  test('recognises typed and raw gRPC connection failures only', () => {
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    expect(isUnavailableError(raw)).toBe(true);
    expect(isUnavailableError(new UnavailableError())).toBe(true);
    expect(isUnavailableError(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n }))).toBe(false);
    expect(isUnavailableError(new Error('boom'))).toBe(false);
  });
});
