import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import { EventContract, notFound, type CommandMetadata, type EventsOf } from '@tnp/kernel';
import { commandEndpoint, queryEndpoint, retryOnConflict, setBasedReaction, UnitOfWork, type ReceivedEvent } from '@tnp/messaging';
import type { Logger } from '@tnp/platform';
import {
  jetStreamNameFor,
  projectionDefinition,
  startService,
  type ServiceConfig,
  type ServiceDefinition,
  type ServiceRuntime,
} from '@tnp/service-runtime';
import { faxNumberDecider, faxNumberStreamId, type FaxNumberCommand } from '@tnp/fax-domain';
import {
  configureFaxSchema,
  FaxCommands,
  faxCommandSubject,
  faxNumberSchema,
  FaxQueries,
  faxQuerySubject,
  listFaxCallerIdsSchema,
  faxEvents,
  SERVICE,
} from '@tnp/fax-contracts';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import { assignmentEvents, numberRoutingEvents } from '@tnp/assignment-contracts';
import { FAX_SCHEMA, FaxNumberEntity, faxNumbersProjection, faxNumbersTable, faxReadModelSql } from './fax-read-model';

const decideFax = (store: EventStore, command: Omit<FaxNumberCommand, 'metadata'>, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = faxNumberStreamId(command.data.number);
    await uow.load(streamId, faxNumberDecider);
    uow.decide(streamId, faxNumberDecider, command, undefined);
    return { number: command.data.number, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
  }, 8);

/** Inventory's lifecycle and assignment's routing, as facts about the number's fax use. */
const reactTo =
  (store: EventStore, source: string) =>
  async (event: ReceivedEvent): Promise<void> => {
    const metadata: CommandMetadata = {
      commandId: `${source}:${event.id}`,
      now: event.time,
      principal: { id: source, role: 'system' },
      correlationId: event.correlationid,
      causationId: event.id,
    };
    if (source === 'number-inventory') {
      const fact = inventoryFactOf(event);
      if (fact) await decideFax(store, { type: 'ObserveInventory', data: { number: fact.data.number, fact } }, metadata);
      return;
    }
    const routing = routingEventOf(event);
    if (routing?.type === 'NumberRouted' || routing?.type === 'NumberRoutingCleared') {
      const routedToFax = routing.type === 'NumberRouted' && routing.data.destination.type === 'fax';
      await decideFax(store, { type: 'ObserveRouting', data: { number: routing.data.number, routedToFax } }, metadata);
    }
  };

const assignmentContract = new EventContract(assignmentEvents);
type RoutingEvent = EventsOf<typeof numberRoutingEvents>;

/** An assignment event of the number-routing aggregate, checked against assignment's published schema. */
const routingEventOf = (event: ReceivedEvent): RoutingEvent | undefined =>
  event.type in numberRoutingEvents
    ? (assignmentContract.decode(event.type, event.version, event.data) as RoutingEvent | undefined)
    : undefined;

const queries = (orm: MikroORM) => ({
  get: async (number: string) => {
    const row = await orm.em.fork().findOne(FaxNumberEntity, { number });
    if (!row?.tenant) throw notFound(`${number} has no fax settings here`);
    return row;
  },
  callerIds: async (occupierId: string) => ({
    numbers: (
      await orm.em
        .fork()
        .execute<{ number: string; site_id: string }[]>(
          `SELECT number, site_id FROM ${FAX_SCHEMA}.fax_numbers WHERE tenant = ? AND outbound_caller_id ORDER BY number`,
          [occupierId],
        )
    ).map((r) => ({ number: r.number, siteId: r.site_id })),
  }),
});

export const faxService: ServiceDefinition = {
  name: SERVICE,
  events: faxEvents,
  entities: [FaxNumberEntity],
  readModelSql: faxReadModelSql,
  endpoints: ({ store, orm, endpointDeps, prefix }) => {
    const q = queries(orm);
    return [
      commandEndpoint(endpointDeps, {
        subject: faxCommandSubject(FaxCommands.configureFax, prefix),
        commandType: 'ConfigureFax',
        schema: configureFaxSchema,
        handle: (d, m) => decideFax(store, { type: 'ConfigureFax', data: d }, m),
      }),
      commandEndpoint(endpointDeps, {
        subject: faxCommandSubject(FaxCommands.clearFax, prefix),
        commandType: 'ClearFax',
        schema: faxNumberSchema,
        handle: (d, m) => decideFax(store, { type: 'ClearFax', data: d }, m),
      }),
      queryEndpoint(endpointDeps, {
        subject: faxQuerySubject(FaxQueries.getFaxSettings, prefix),
        queryType: 'GetFaxSettings',
        schema: faxNumberSchema,
        handle: (d) => q.get(d.number),
      }),
      queryEndpoint(endpointDeps, {
        subject: faxQuerySubject(FaxQueries.listOutboundCallerIds, prefix),
        queryType: 'ListOutboundCallerIds',
        schema: listFaxCallerIdsSchema,
        handle: (d) => q.callerIds(d.occupierId),
      }),
    ];
  },
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
