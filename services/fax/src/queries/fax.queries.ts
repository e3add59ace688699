import type { MikroORM } from '@mikro-orm/postgresql';
import { notFound } from '@tnp/kernel';
import { queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { faxNumberSchema, FaxQueries, faxQuerySubject, listFaxCallerIdsSchema } from '@tnp/fax-contracts';
import { FAX_SCHEMA, FaxNumberEntity } from '../read-model/fax.read-model';

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

/** A number's fax settings, and a company's outbound fax caller IDs. */
export const faxQueries = (orm: MikroORM, deps: EndpointDeps, prefix: string): NatsEndpoint[] => {
  const q = queries(orm);
  return [
    queryEndpoint(deps, {
      subject: faxQuerySubject(FaxQueries.getFaxSettings, prefix),
      queryType: 'GetFaxSettings',
      schema: faxNumberSchema,
      handle: (d) => q.get(d.number),
    }),
    queryEndpoint(deps, {
      subject: faxQuerySubject(FaxQueries.listOutboundCallerIds, prefix),
      queryType: 'ListOutboundCallerIds',
      schema: listFaxCallerIdsSchema,
      handle: (d) => q.callerIds(d.occupierId),
    }),
  ];
};
