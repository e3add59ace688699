import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { ruleViolated, sniffAudioFormat, validationFailed, type CommandMetadata, type EventsOf } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, toNewEvents } from '@tnp/messaging';
import { MAX_ANNOUNCEMENT_BYTES, type announcementEvents } from '@tnp/extension-device-contracts';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';
import { assertActsFor } from '../extension-commands';

type AnnouncementEvent = EventsOf<typeof announcementEvents>;

const recorded = (_state: AnnouncementEvent['data'] | null, event: AnnouncementEvent): AnnouncementEvent['data'] => event.data;

export const announcementStreamId = (tenant: string, fileId: string): string => `announcement-${tenant}-${fileId}`;

export const announcementsSql = `
CREATE TABLE IF NOT EXISTS ${ED_SCHEMA}.announcements (
  tenant text NOT NULL, file_id text NOT NULL, sha256 text NOT NULL, bytes bytea NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant, file_id)
);`;

/**
 * The no-answer message as an MP3 file, checked from its content: the audio is stored in
 * PostgreSQL first, then AnnouncementUploaded records it by tenant, id and digest. An id keeps its
 * first content; the same upload again changes nothing.
 */
export const uploadAnnouncement = async (
  store: EventStore,
  orm: MikroORM,
  input: { occupierId: string; fileId: string; contentBase64: string },
  metadata: CommandMetadata,
) => {
  assertActsFor(metadata.principal, input.occupierId, `Occupier ${input.occupierId}`);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_ANNOUNCEMENT_BYTES)
    throw validationFailed([{ path: 'content', message: `must be 1 to ${MAX_ANNOUNCEMENT_BYTES} bytes; got ${bytes.length}` }]);
  if (sniffAudioFormat(bytes) !== 'audio/mpeg')
    throw validationFailed([{ path: 'content', message: 'must be an MP3 file (checked from its content)' }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const streamId = announcementStreamId(input.occupierId, input.fileId);
  const existing = await loadAggregate(store, streamId, recorded, null);
  if (existing.state) {
    if (existing.state.sha256 === sha256) return { ...existing.state, eventIds: [] };
    throw ruleViolated('ANNOUNCEMENT_EXISTS', `Message ${input.fileId} exists with other content; upload it under a new id`);
  }
  await orm.em.fork().execute(
    `INSERT INTO ${ED_SCHEMA}.announcements (tenant, file_id, sha256, bytes) VALUES (?, ?, ?, decode(?, 'base64'))
       ON CONFLICT (tenant, file_id) DO UPDATE SET sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes`,
    [input.occupierId, input.fileId, sha256, bytes.toString('base64')],
  );
  const data = { tenant: input.occupierId, fileId: input.fileId, contentType: 'audio/mpeg' as const, bytes: bytes.length, sha256 };
  const result = await store.append(
    streamId,
    toNewEvents(streamId, [{ type: 'AnnouncementUploaded', data }], metadata),
    expectedRevisionOf(existing.revision),
  );
  return { ...data, eventIds: result.eventIds };
};

/** Whether each named message was uploaded for the tenant (its event, not only its bytes, is what counts). */
export const uploadedAnnouncements = async (store: EventStore, tenant: string, fileIds: readonly string[]): Promise<string[]> => {
  const found: string[] = [];
  for (const fileId of fileIds) {
    const { state } = await loadAggregate(store, announcementStreamId(tenant, fileId), recorded, null);
    if (state) found.push(fileId);
  }
  return found;
};
