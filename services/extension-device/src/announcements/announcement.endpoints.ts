import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { ExtensionCommands, extensionCommandSubject, uploadAnnouncementSchema } from '@tnp/extension-device-contracts';
import { uploadAnnouncement } from './announcement.handler';

export const announcementEndpoints = (store: EventStore, orm: MikroORM, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.uploadAnnouncement, prefix),
    commandType: 'UploadAnnouncement',
    schema: uploadAnnouncementSchema,
    handle: (d, m) => uploadAnnouncement(store, orm, d, m),
  }),
];
