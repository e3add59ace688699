import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TOOL = join(ROOT, 'dist', 'tools', 'generate-api-client.js');

describe('the typed REST client', () => {
  test('its types are generated from the OpenAPI document as it is now (npm run api:client writes them)', () => {
    // openapi-typescript loads ES modules Jest cannot: the built tool checks in its own Node process.
    if (!existsSync(TOOL)) throw new Error(`${TOOL} is missing: run the suite through "npm test", which builds dist/ first`);
    const run = spawnSync(process.execPath, [TOOL, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}`.trim() }).toEqual({
      status: 0,
      output: 'libs/api-client/src/openapi-types.ts matches the OpenAPI document',
    });
  });
});
