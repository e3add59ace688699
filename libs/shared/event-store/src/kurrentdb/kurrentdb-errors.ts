/** Apart from kurrentdb-event-store.ts so that importing it does not load the KurrentDB client. */
export const MULTI_STREAM_APPEND_UNSUPPORTED = 'appendMany across streams needs KurrentDB 25.1 multi-stream append';
