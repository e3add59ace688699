import { setBasedReaction } from '@tnp/messaging';
import type { Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import { faxEvents, SERVICE } from '@tnp/fax-contracts';
import { configureFaxEndpoints } from './configure-fax/configure-fax.endpoints';
import { reactTo } from './number-reactions/number.reactions';
import { faxQueries } from './queries/fax.queries';
import { FAX_SCHEMA, FaxNumberEntity, faxNumbersProjection, faxNumbersTable, faxReadModelSql } from './read-model/fax.read-model';
import { faxNumberHistory } from './number-history/fax-number-history';

export const faxService: ServiceDefinition = {
  name: SERVICE,
  events: faxEvents,
  numberHistory: faxNumberHistory,
  entities: [FaxNumberEntity],
  readModelSql: faxReadModelSql,
  endpoints: ({ store, orm, endpointDeps, prefix }) => [
    ...configureFaxEndpoints(store, endpointDeps, prefix),
    ...faxQueries(orm, endpointDeps, prefix),
  ],
  projections: () => [projectionDefinition(FAX_SCHEMA, faxNumbersProjection, faxNumbersTable)],
  reactions: ({ store, prefix }) => {
    const p = prefix ? `${prefix}.` : '';
    return [
      {
        stream: jetStreamNameFor('number-inventory', prefix),
        durable: 'fax-number-lifecycle',
        filterSubject: `${p}evt.number-inventory.number.>`,
        handle: setBasedReaction(store, (batch) => reactTo(batch, 'number-inventory')),
      },
      {
        stream: jetStreamNameFor('assignment', prefix),
        durable: 'fax-number-routing',
        filterSubject: `${p}evt.assignment.number-routing.>`,
        handle: setBasedReaction(store, (batch) => reactTo(batch, 'assignment')),
      },
    ];
  },
};

export const startFax = (config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> => startService(faxService, config, logger);
