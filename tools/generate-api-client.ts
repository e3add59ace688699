import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClientTypes, API_CLIENT_TYPES_FILE } from './api-client-types';

/**
 * Writes the typed REST client's types from the OpenAPI document (npm run api:client); with
 * --check, exits 1 when the committed ones differ (npm test runs that).
 */
const file = join(process.cwd(), API_CLIENT_TYPES_FILE);
void apiClientTypes().then((text) => {
  if (!process.argv.includes('--check')) {
    writeFileSync(file, text);
    console.log(`wrote ${API_CLIENT_TYPES_FILE}`);
    return;
  }
  if (readFileSync(file, 'utf8') === text) return console.log(`${API_CLIENT_TYPES_FILE} matches the OpenAPI document`);
  console.error(`${API_CLIENT_TYPES_FILE} differs from the OpenAPI document: run npm run api:client`);
  process.exit(1);
});
