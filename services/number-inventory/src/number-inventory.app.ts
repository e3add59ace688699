import { numberInventoryEvents, SERVICE } from '@tnp/number-inventory-contracts';
import type { Logger } from '@tnp/platform';
import { projectionDefinition, startService, type ServiceDefinition, type ServiceRuntime } from '@tnp/service-runtime';
import { AllocateNumbersHandler } from './allocate-numbers/allocate-numbers.handler';
import { allocateNumbersEndpoint } from './allocate-numbers/allocate-numbers.endpoint';
import { BulkChangeHandler } from './bulk-change/bulk-change.handler';
import { bulkChangeEndpoint } from './bulk-change/bulk-change.endpoint';
import { ImportNumbersHandler } from './import-numbers/import-numbers.handler';
import { importNumbersEndpoint } from './import-numbers/import-numbers.endpoint';
import { changeNumberStateEndpoints } from './change-number-state/change-number-state.endpoints';
import { NumberCommandProcessor } from './change-number-state/number-command.processor';
import { configureSiteEndpoint } from './configure-site/configure-site.endpoint';
import { nameOccupierEndpoint } from './name-occupier/name-occupier.endpoint';
import type { NumberInventoryConfig } from './number-inventory.config';
import { ProvisionNumbersHandler } from './provision-numbers/provision-numbers.handler';
import { provisionNumbersEndpoint } from './provision-numbers/provision-numbers.endpoint';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity } from './read-model/site-number.entity';
import { siteTelephonyProjection } from './read-model/site-telephony.projection';
import { siteTelephonyTable } from './read-model/site-telephony.table';
import { siteTelephonyQueryEndpoints } from './site-telephony-queries/site-telephony-queries.endpoints';
import { SiteTelephonyQueries } from './site-telephony-queries/site-telephony.queries';
import { inventoryNumberHistory } from './number-history/inventory-number-history';
import { numberHistoryEndpoints } from './number-history/number-history.endpoints';
import { NumberHistoryQueries } from './number-history/number-history.queries';
import { voiceServicesEndpoints } from './voice-services/voice-services.endpoints';
import { VoiceServicesHandler } from './voice-services/voice-services.handler';

export const numberInventoryService: ServiceDefinition = {
  name: SERVICE,
  events: numberInventoryEvents,
  numberHistory: inventoryNumberHistory,
  entities: [SiteNumberEntity],
  readModelSql: readModelSchemaSql(),
  endpoints: ({ store, orm, nc, endpointDeps, prefix }) => {
    const numbers = new NumberCommandProcessor(store);
    const allocations = new AllocateNumbersHandler(store, orm, numbers);
    return [
      provisionNumbersEndpoint(endpointDeps, new ProvisionNumbersHandler(store), prefix),
      allocateNumbersEndpoint(endpointDeps, allocations, prefix),
      ...voiceServicesEndpoints(endpointDeps, new VoiceServicesHandler(store, orm, allocations), prefix),
      configureSiteEndpoint(endpointDeps, store, prefix),
      nameOccupierEndpoint(endpointDeps, store, prefix),
      bulkChangeEndpoint(endpointDeps, new BulkChangeHandler(store, numbers), prefix),
      importNumbersEndpoint(endpointDeps, new ImportNumbersHandler(store), prefix),
      ...changeNumberStateEndpoints(endpointDeps, numbers, prefix),
      ...siteTelephonyQueryEndpoints(endpointDeps, new SiteTelephonyQueries(orm, store), prefix),
      ...numberHistoryEndpoints(endpointDeps, new NumberHistoryQueries(store, nc, prefix), prefix),
    ];
  },
  projections: () => [projectionDefinition(READ_MODEL_SCHEMA, siteTelephonyProjection, siteTelephonyTable)],
};

export const startNumberInventory = (config: NumberInventoryConfig, logger: Logger): Promise<ServiceRuntime> =>
  startService(numberInventoryService, config, logger);
