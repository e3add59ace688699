import { queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { NumberInventoryQueries, numberHistorySchema, numberStateAtSchema, querySubject } from '@tnp/number-inventory-contracts';
import type { NumberHistoryQueries } from './number-history.queries';

export const numberHistoryEndpoints = (deps: EndpointDeps, queries: NumberHistoryQueries, prefix: string): NatsEndpoint[] => [
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.numberHistory, prefix),
    queryType: 'NumberHistory',
    schema: numberHistorySchema,
    handle: (data, principal) => queries.history(data, principal),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.numberStateAt, prefix),
    queryType: 'NumberStateAt',
    schema: numberStateAtSchema,
    handle: (data, principal) => queries.stateAt(data, principal),
  }),
];
