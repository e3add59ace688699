import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { routeCatalogue } from '../services/gateway/src/gateway.app';
import type { ServiceClient } from '../services/gateway/src/http/nats-client';
import { openApiDocument } from '../services/gateway/src/http/openapi';

export const API_CLIENT_TYPES_FILE = 'libs/api-client/src/openapi-types.ts';

/** The typed client's types, generated from the OpenAPI document the gateway serves (build time only). */
export const apiClientTypes = async (): Promise<string> => {
  const document = openApiDocument(routeCatalogue({} as ServiceClient, ''), 'http://127.0.0.1:3000');
  const ast = await openapiTS(document as never, { alphabetize: true });
  const header = "// Generated from the gateway's OpenAPI document by `npm run api:client`; do not edit.\n";
  const config = (await resolveConfig(API_CLIENT_TYPES_FILE)) ?? {};
  return format(`${header}${astToString(ast)}`, { ...config, parser: 'typescript' });
};
