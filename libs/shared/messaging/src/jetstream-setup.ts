import { jetstreamManager, StorageType, type StreamInfo } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';

export type EventStreamSpec = {
  readonly name: string;
  readonly subjects: readonly string[];
  /** Longer than the relay's retry horizon, so a republish after a crash is dropped. */
  readonly duplicateWindowMs: number;
  readonly replicas?: number;
};

/**
 * Creates or updates the service's JetStream stream and checks what the server really applied:
 * older servers ignore options they do not know rather than refusing them.
 */
export const ensureEventStream = async (nc: NatsConnection, spec: EventStreamSpec): Promise<StreamInfo> => {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: spec.name,
    subjects: [...spec.subjects],
    storage: StorageType.File,
    duplicate_window: nanos(spec.duplicateWindowMs),
    num_replicas: spec.replicas ?? 1,
  };
  let info: StreamInfo;
  try {
    info = await jsm.streams.info(spec.name);
    info = await jsm.streams.update(spec.name, { subjects: config.subjects, duplicate_window: config.duplicate_window });
  } catch (error) {
    if (
      !String((error as Error).message)
        .toLowerCase()
        .includes('not found')
    )
      throw error;
    info = await jsm.streams.add(config);
  }
  const applied = info.config;
  const problems: string[] = [];
  if (applied.storage !== StorageType.File) problems.push(`storage is ${applied.storage}`);
  if (Number(applied.duplicate_window) !== Number(config.duplicate_window)) {
    problems.push(`duplicate_window is ${applied.duplicate_window} ns, wanted ${config.duplicate_window}`);
  }
  if (problems.length > 0) throw new Error(`JetStream stream ${spec.name} was not configured as asked: ${problems.join('; ')}`);
  return info;
};
