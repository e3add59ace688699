import { queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  ExtensionQueries as Queries,
  extensionQuerySubject,
  getExtensionSchema,
  listExtensionsSchema,
  listSiteHandsetsSchema,
  myProfileSchema,
} from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { ExtensionQueries } from './extension.queries';

export const extensionQueryEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => {
  const q = new ExtensionQueries(deps.orm, deps.pins.key);
  return [
    queryEndpoint(endpointDeps, {
      subject: extensionQuerySubject(Queries.getExtension, prefix),
      queryType: 'GetExtension',
      schema: getExtensionSchema,
      handle: (d) => q.extension(d.tenant, d.extensionId),
    }),
    queryEndpoint(endpointDeps, {
      subject: extensionQuerySubject(Queries.defaultPin, prefix),
      queryType: 'DefaultPin',
      schema: getExtensionSchema,
      handle: (d) => q.defaultPin(d.tenant, d.extensionId),
    }),
    queryEndpoint(endpointDeps, {
      subject: extensionQuerySubject(Queries.listSiteHandsets, prefix),
      queryType: 'ListSiteHandsets',
      schema: listSiteHandsetsSchema,
      handle: (d) => q.handsets(d.siteId),
    }),
    queryEndpoint(endpointDeps, {
      subject: extensionQuerySubject(Queries.myProfile, prefix),
      queryType: 'MyProfile',
      schema: myProfileSchema,
      handle: (d) => q.profile(d.occupierId, d.userId),
    }),
    queryEndpoint(endpointDeps, {
      subject: extensionQuerySubject(Queries.listExtensions, prefix),
      queryType: 'ListExtensions',
      schema: listExtensionsSchema,
      handle: (d) => q.forOccupier(d.occupierId),
    }),
  ];
};
