import { parseArgs } from 'node:util';
import { loadConfig } from '@tnp/platform';
import { mintToken } from '../services/gateway/src/auth/jwt';
import { ROLES, type Role } from '../services/gateway/src/auth/principal';
import { gatewayConfigSchema } from '../services/gateway/src/gateway.config';

/** Prints a bearer token for the local gateway: npm run token -- --role operator --sites lon-1 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'platform' },
    sub: { type: 'string' },
    sites: { type: 'string' },
    occupier: { type: 'string' },
    tenant: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

const role = values.role as Role;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
const config = loadConfig(gatewayConfigSchema);
mintToken(
  {
    sub: values.sub ?? `${role}-dev`,
    role,
    ...(values.sites ? { sites: values.sites.split(',') } : {}),
    ...(values.occupier ? { occupierId: values.occupier } : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
    expiresIn: values.expires ?? '12h',
  },
  { secret: config.JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
)
  .then((token) => console.log(token))
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
