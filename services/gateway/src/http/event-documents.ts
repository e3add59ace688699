import type { FastifyInstance } from 'fastify';
import { asyncApiDocument, eventSchemaDocuments } from '@tnp/messaging';
import { PLATFORM_EVENT_CATALOGUES } from '@tnp/platform-events';

/**
 * The event contract beside the OpenAPI document: `/asyncapi.json` (AsyncAPI 3, every channel)
 * and each event version's JSON Schema, where every CloudEvent's `dataschema` points.
 */
export const registerEventDocuments = (
  fastify: FastifyInstance,
  options: { readonly baseUrl: string; readonly natsHost: string },
): void => {
  const asyncApi = asyncApiDocument(PLATFORM_EVENT_CATALOGUES, options);
  const schemas = eventSchemaDocuments(PLATFORM_EVENT_CATALOGUES, options.baseUrl);
  fastify.get('/asyncapi.json', async () => asyncApi);
  fastify.get<{ Params: { service: string; file: string } }>('/schemas/events/:service/:file', async (request, reply) => {
    const schema = schemas.get(`/schemas/events/${request.params.service}/${request.params.file}`);
    if (!schema) return reply.code(404).send({ code: 'NOT_FOUND', message: 'no such event schema' });
    return reply.type('application/schema+json').send(schema);
  });
};
