import type { MikroORM } from '@mikro-orm/postgresql';
import { queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  CallFlowQueries,
  callFlowQuerySubject,
  listCallFlowsSchema,
  listServiceNumbersSchema,
  numberOnlySchema,
  type CallFlowList,
} from '@tnp/call-flow-contracts';
import { PLATFORM_TENANT } from '@tnp/call-flow-domain';
import { displayForms, ServiceNumberViewEntity, TimelineEntryEntity } from '../read-model/call-flow.read-model';
import { CallFlowViewEntity, type CallFlowRow } from '../read-model/call-flows.projection';

/** A company's service numbers, one number's timeline of switches, and the flows the company may use. */
export const serviceNumberQueries = (orm: MikroORM, deps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  queryEndpoint(deps, {
    subject: callFlowQuerySubject(CallFlowQueries.listServiceNumbers, prefix),
    queryType: 'ListServiceNumbers',
    schema: listServiceNumbersSchema,
    handle: async (d) => {
      const rows = await orm.em.fork().find(ServiceNumberViewEntity, { tenant: d.tenant, designated: true }, { orderBy: { key: 'asc' } });
      return {
        items: rows.map((r) => ({
          number: r.key,
          siteId: r.state.observed?.siteId ?? null,
          ...displayForms(r.key),
          name: r.state.name,
          description: r.state.description,
          flow: r.state.flow,
          nextChangeAt: r.nextChangeAt,
          weekly: r.state.weekly,
          override: r.state.override,
        })),
      };
    },
  }),
  queryEndpoint(deps, {
    subject: callFlowQuerySubject(CallFlowQueries.timeline, prefix),
    queryType: 'Timeline',
    schema: numberOnlySchema,
    handle: async (d) => {
      const view = await orm.em.fork().findOne(ServiceNumberViewEntity, { key: d.number });
      // Only the current company's switches: those scheduled after the number was last released.
      const rows = await orm.em
        .fork()
        .find(
          TimelineEntryEntity,
          { number: d.number, scheduledRevision: { $gt: view?.releasedRevision ?? -1 } },
          { orderBy: { dueAt: 'asc' } },
        );
      return {
        number: d.number,
        tenant: view?.tenant ?? null,
        siteId: view?.state.observed?.siteId ?? null,
        entries: rows.map(({ key: _key, scheduledRevision: _revision, ...rest }) => rest),
      };
    },
  }),
  queryEndpoint(deps, {
    subject: callFlowQuerySubject(CallFlowQueries.listCallFlows, prefix),
    queryType: 'ListCallFlows',
    schema: listCallFlowsSchema,
    handle: async (d): Promise<CallFlowList> => {
      const rows = (await orm.em
        .fork()
        .find(
          CallFlowViewEntity,
          { tenant: { $in: [d.tenant, PLATFORM_TENANT] }, deleted: false },
          { orderBy: { tenant: 'asc', flowId: 'asc' } },
        )) as CallFlowRow[];
      return {
        items: rows.map((r) => ({
          flowId: r.flowId,
          tenant: r.tenant,
          name: r.name,
          locked: r.locked,
          version: r.version,
          parameters: r.parameters,
        })),
      };
    },
  }),
];
