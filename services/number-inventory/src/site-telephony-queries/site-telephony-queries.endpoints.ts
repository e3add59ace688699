import { queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  exportSiteNumbersSchema,
  getNumberSchema,
  listOccupierNumbersSchema,
  listSiteNumbersSchema,
  NumberInventoryQueries,
  querySubject,
} from '@tnp/number-inventory-contracts';
import type { SiteTelephonyQueries } from './site-telephony.queries';

export const siteTelephonyQueryEndpoints = (deps: EndpointDeps, queries: SiteTelephonyQueries, prefix: string): NatsEndpoint[] => [
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.listSiteNumbers, prefix),
    queryType: 'ListSiteNumbers',
    schema: listSiteNumbersSchema,
    handle: (data) => queries.list(data),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.exportSiteNumbers, prefix),
    queryType: 'ExportSiteNumbers',
    schema: exportSiteNumbersSchema,
    handle: (data) => queries.exportChunk(data),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.listOccupierNumbers, prefix),
    queryType: 'ListOccupierNumbers',
    schema: listOccupierNumbersSchema,
    handle: (data) => queries.forOccupier(data.occupierId),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.occupierSites, prefix),
    queryType: 'OccupierSites',
    schema: listOccupierNumbersSchema,
    handle: (data) => queries.sitesOf(data.occupierId),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.getNumber, prefix),
    queryType: 'GetNumber',
    schema: getNumberSchema,
    handle: (data) => queries.get(data.number),
  }),
];
