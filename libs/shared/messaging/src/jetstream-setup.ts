import { jetstreamManager, RetentionPolicy, StorageType, type StreamInfo } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';

export type EventStreamSpec = {
  readonly name: string;
  readonly subjects: readonly string[];
  /** Longer than the relay's retry horizon, so a republish after a crash is dropped. */
  readonly duplicateWindowMs: number;
  readonly replicas: number;
  /** 0: no age limit. */
  readonly maxAgeMs: number;
  /** -1: no size limit. */
  readonly maxBytes: number;
};

/**
 * Creates or updates the service's JetStream stream and checks what the server really applied:
 * older servers ignore options they do not know rather than refusing them, and a cluster smaller
 * than the replica count asked for must stop the service, not quietly hold fewer copies.
 */
export const ensureEventStream = async (nc: NatsConnection, spec: EventStreamSpec): Promise<StreamInfo> => {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: spec.name,
    subjects: [...spec.subjects],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: spec.replicas,
    max_age: nanos(spec.maxAgeMs),
    max_bytes: spec.maxBytes,
  };
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(spec.name);
    info = await jsm.streams.update(spec.name, {
      subjects: config.subjects,
      duplicate_window: config.duplicate_window,
      max_age: config.max_age,
      max_bytes: config.max_bytes,
      num_replicas: config.num_replicas,
    });
  } catch (error) {
    if (
      !String((error as Error).message)
        .toLowerCase()
        .includes('not found')
    )
      throw error;
    info = await jsm.streams.add(config);
  }
  const problems = streamConfigProblems(info, config);
  if (problems.length > 0) throw new Error(`JetStream stream ${spec.name} was not configured as asked: ${problems.join('; ')}`);
  return info;
};

export const streamConfigProblems = (
  info: StreamInfo,
  wanted: { storage: StorageType; duplicate_window: number; num_replicas: number; max_age: number; max_bytes: number },
): string[] => {
  const applied = info.config;
  const problems: string[] = [];
  if (applied.storage !== wanted.storage) problems.push(`storage is ${applied.storage}`);
  if (Number(applied.duplicate_window) !== Number(wanted.duplicate_window)) {
    problems.push(`duplicate_window is ${applied.duplicate_window} ns, wanted ${wanted.duplicate_window}`);
  }
  if ((applied.num_replicas ?? 1) < wanted.num_replicas)
    problems.push(`replicas is ${applied.num_replicas}, wanted ${wanted.num_replicas}`);
  const serving = 1 + (info.cluster?.replicas?.length ?? 0);
  if (wanted.num_replicas > 1 && serving < wanted.num_replicas)
    problems.push(`only ${serving} of ${wanted.num_replicas} replicas are placed`);
  if (Number(applied.max_age) !== Number(wanted.max_age)) problems.push(`max_age is ${applied.max_age} ns, wanted ${wanted.max_age}`);
  if (Number(applied.max_bytes) !== Number(wanted.max_bytes))
    problems.push(`max_bytes is ${applied.max_bytes}, wanted ${wanted.max_bytes}`);
  return problems;
};
