import { jetstreamManager } from '@nats-io/jetstream';
import { jetStreamNameFor } from '@tnp/service-runtime';
import type { FaultPlatform } from './fault-platform';
import { EVENT_SOURCED, eventSchemaOf, type EventSourcedService, type ServiceProcess } from './service-process';
import type { WorkloadRecord } from './workload';

export type Consistency = {
  /** Acknowledged commands with no event in the store. */
  readonly lost: number;
  /** Commands (or reactions to an event) whose effect was appended more than once, plus events on a stream twice. */
  readonly doubled: number;
  /** Scheduled switches acknowledged but never applied, and applied more than once. */
  readonly switchesLost: number;
  readonly switchesDoubled: number;
  readonly maxSwitchLatenessMs: number | null;
  readonly readModelEqualsRebuild: boolean;
  readonly storeEqualsStream: boolean;
  /** Why a check did not hold, for the report. */
  readonly problems: readonly string[];
  readonly convergedInMs: number;
};

type Verification = { projections: { projection: string; differing: number; differences: unknown[] }[] };
type Audit = { audited: number; onStream: number; missing: number };

const running = (platform: FaultPlatform, service: EventSourcedService): ServiceProcess[] =>
  (platform.replicas.get(service) ?? []).filter((r) => r.running);

/** Followers still behind the head of their log: on each follower's best replica (the leader). */
const followersBehind = async (platform: FaultPlatform): Promise<string[]> => {
  const behind: string[] = [];
  for (const service of EVENT_SOURCED) {
    const byFollower = new Map<string, number>();
    for (const replica of running(platform, service)) {
      const text = await (await fetch(`${replica.base}/metrics`, { signal: AbortSignal.timeout(2000) })).text();
      for (const line of text.split('\n').filter((l) => l.startsWith('tnp_follower_lag_events{'))) {
        const follower = /follower="([^"]+)"/.exec(line)?.[1] ?? '?';
        const lag = Number(line.split(' ').at(-1));
        byFollower.set(follower, Math.min(lag, byFollower.get(follower) ?? Number.POSITIVE_INFINITY));
      }
    }
    for (const [follower, lag] of byFollower) if (lag > 0) behind.push(`${service} ${follower} ${lag} behind`);
  }
  return behind;
};

const storeChecks = async (platform: FaultPlatform, record: WorkloadRecord) => {
  let lost = 0;
  let doubled = 0;
  const problems: string[] = [];
  for (const service of EVENT_SOURCED) {
    const schema = eventSchemaOf(service);
    const acked = record.acknowledged.get(service) ?? [];
    const { rows } = await platform.db.query<{ command_id: string; appends: number }>(
      `SELECT metadata->>'commandId' AS command_id, count(DISTINCT transaction_id)::int AS appends
         FROM ${schema}.events WHERE metadata->>'commandId' = ANY($1) GROUP BY 1`,
      [acked],
    );
    const missing = acked.length - rows.length;
    const twice = rows.reduce((n, r) => n + r.appends - 1, 0);
    // Reactions derive their command id from the event they react to ("<source>:<event id>").
    const reactions = await platform.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${schema}.events WHERE metadata->>'commandId' LIKE '%:%'
         GROUP BY metadata->>'commandId' HAVING count(DISTINCT transaction_id) > 1) d`,
    );
    const reactedTwice = reactions.rows[0]?.n ?? 0;
    if (missing > 0) problems.push(`${service}: ${missing} acknowledged commands have no event`);
    if (twice + reactedTwice > 0) problems.push(`${service}: ${twice} commands and ${reactedTwice} reactions appended twice`);
    lost += missing;
    doubled += twice + reactedTwice;
  }
  return { lost, doubled, problems };
};

const switchChecks = async (platform: FaultPlatform, record: WorkloadRecord) => {
  const acked = record.acknowledged.get('call-flow') ?? [];
  const { rows } = await platform.db.query<{ schedule_id: string; applied: number; lateness_ms: number | null; due: boolean }>(
    `SELECT s.data->>'scheduleId' AS schedule_id,
            count(a.*)::int AS applied,
            max(extract(epoch FROM a.recorded_at - (s.data->>'dueAt')::timestamptz) * 1000)::int AS lateness_ms,
            bool_or((s.data->>'dueAt')::timestamptz < now() - interval '1 second') AS due
       FROM call_flow_events.events s
       LEFT JOIN call_flow_events.events a
         ON a.stream_id = s.stream_id AND a.event_type IN ('FlowSwitched', 'FlowSwitchFailed') AND a.data->>'scheduleId' = s.data->>'scheduleId'
      WHERE s.event_type = 'FlowSwitchScheduled' AND s.metadata->>'commandId' = ANY($1)
      GROUP BY 1`,
    [acked],
  );
  const notYetDue = rows.filter((r) => !r.due && r.applied === 0).length;
  const lost = rows.filter((r) => r.due && r.applied === 0).length;
  const doubled = rows.reduce((n, r) => n + Math.max(0, r.applied - 1), 0);
  const lateness = rows.map((r) => r.lateness_ms).filter((l): l is number => l !== null);
  return { lost, doubled, notYetDue, maxLatenessMs: lateness.length ? Math.max(...lateness) : null };
};

const followerChecks = async (platform: FaultPlatform) => {
  const problems: string[] = [];
  let readModel = true;
  let stream = true;
  const jsm = await jetstreamManager(platform.nc);
  for (const service of EVENT_SOURCED) {
    const replica = running(platform, service)[0];
    if (!replica) {
      problems.push(`${service}: no replica running`);
      readModel = stream = false;
      continue;
    }
    const verification = await replica.get<Verification>('/operations/projections/verify');
    for (const p of verification.projections.filter((p) => p.differing > 0)) {
      readModel = false;
      problems.push(`${service} ${p.projection}: ${p.differing} rows differ from a rebuild, e.g. ${JSON.stringify(p.differences[0])}`);
    }
    const audit = await replica.post<Audit>('/operations/relay/audit');
    const stored =
      (await platform.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${eventSchemaOf(service)}.events`)).rows[0]?.n ?? 0;
    const onStream = (await jsm.streams.info(jetStreamNameFor(service, ''))).state.messages;
    if (audit.missing > 0 || audit.audited !== stored || onStream !== audit.onStream) {
      stream = false;
      problems.push(
        `${service}: ${stored} events stored, ${audit.audited} relayed, ${audit.missing} missing from the stream, ${onStream - audit.onStream} on it twice`,
      );
    }
  }
  return { readModel, stream, problems };
};

/**
 * Holds the platform to the workload's own record once the load has stopped: polls until every
 * check holds or the deadline passes, and reports what still differs then.
 */
export const checkConsistency = async (platform: FaultPlatform, record: WorkloadRecord, deadlineMs = 90_000): Promise<Consistency> => {
  const started = Date.now();
  for (;;) {
    const behind = await followersBehind(platform).catch((error: unknown) => [`metrics: ${(error as Error).message}`]);
    const store = await storeChecks(platform, record);
    const switches = await switchChecks(platform, record);
    const followers =
      behind.length === 0 && switches.notYetDue === 0
        ? await followerChecks(platform).catch((error: unknown) => ({
            readModel: false,
            stream: false,
            problems: [(error as Error).message],
          }))
        : { readModel: false, stream: false, problems: [...behind, `${switches.notYetDue} switches not yet due`] };
    const result: Consistency = {
      lost: store.lost,
      doubled: store.doubled,
      switchesLost: switches.lost,
      switchesDoubled: switches.doubled,
      maxSwitchLatenessMs: switches.maxLatenessMs,
      readModelEqualsRebuild: followers.readModel,
      storeEqualsStream: followers.stream,
      problems: [...store.problems, ...followers.problems, ...(switches.lost ? [`${switches.lost} due switches not applied`] : [])],
      convergedInMs: Date.now() - started,
    };
    const holds =
      result.lost === 0 &&
      result.doubled === 0 &&
      result.switchesLost === 0 &&
      result.switchesDoubled === 0 &&
      result.readModelEqualsRebuild &&
      result.storeEqualsStream;
    if (holds || Date.now() - started > deadlineMs) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};
