import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { ruleViolated, sniffAudioFormat, validationFailed, type CommandMetadata, type EventsOf } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, toNewEvents } from '@tnp/messaging';
import { MAX_GREETING_BYTES, type greetingEvents } from '@tnp/assignment-contracts';
import { ASSIGNMENT_SCHEMA } from '../read-model/read-model.entities';

type GreetingEvent = EventsOf<typeof greetingEvents>;

export const greetingStreamId = (tenant: string, greetingId: string): string => `greeting-${tenant}-${greetingId}`;

/**
 * Stores the audio durably in PostgreSQL first, then records GreetingUploaded, which references
 * it by tenant, id and digest. Events never carry the audio itself.
 */
export class GreetingHandler {
  constructor(
    private readonly store: EventStore,
    private readonly orm: MikroORM,
  ) {}

  async upload(input: { occupierId: string; greetingId: string; contentBase64: string }, metadata: CommandMetadata) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_GREETING_BYTES) {
      throw validationFailed([{ path: 'content', message: `must be 1 to ${MAX_GREETING_BYTES} bytes; got ${bytes.length}` }]);
    }
    const contentType = sniffAudioFormat(bytes);
    if (!contentType) throw validationFailed([{ path: 'content', message: 'must be a WAV or MP3 file (checked from its content)' }]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const streamId = greetingStreamId(input.occupierId, input.greetingId);
    const existing = await loadAggregate<GreetingEvent['data'] | null, GreetingEvent>(this.store, streamId, (_s, e) => e.data, null);
    if (existing.state) {
      if (existing.state.sha256 === sha256) return { ...existing.state, eventIds: [] };
      throw ruleViolated('GREETING_EXISTS', `Greeting ${input.greetingId} exists with other content; upload it under a new id`);
    }
    await this.orm.em.fork().execute(
      `INSERT INTO ${ASSIGNMENT_SCHEMA}.greetings (tenant, greeting_id, content_type, sha256, bytes) VALUES (?, ?, ?, ?, decode(?, 'base64'))
         ON CONFLICT (tenant, greeting_id) DO UPDATE SET content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes`,
      [input.occupierId, input.greetingId, contentType, sha256, bytes.toString('base64')],
    );
    const data = { tenant: input.occupierId, greetingId: input.greetingId, contentType, bytes: bytes.length, sha256 };
    const result = await this.store.append(
      streamId,
      toNewEvents(streamId, [{ type: 'GreetingUploaded', data }], metadata),
      expectedRevisionOf(existing.revision),
    );
    return { ...data, eventIds: result.eventIds };
  }
}
