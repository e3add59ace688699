import { parseArgs } from 'node:util';
import { loadConfig } from '@tnp/platform';
import { mintToken } from '../services/gateway/src/auth/jwt';
import { durationSeconds } from '../services/gateway/src/auth/keys';
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
    /** Sign with the HS256 key of this kid from JWT_KEYS instead of JWT_SECRET (rotation). */
    kid: { type: 'string' },
  },
});

const role = values.role as Role;
if (!ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(2);
}
const config = loadConfig(gatewayConfigSchema);
const lifetime = durationSeconds.safeParse(values.expires ?? '12h');
if (!lifetime.success || lifetime.data > config.JWT_MAX_LIFETIME) {
  console.error(
    `--expires must be a duration ('12h', '30m') of at most JWT_MAX_LIFETIME (${config.JWT_MAX_LIFETIME} s): the gateway refuses longer-lived tokens`,
  );
  process.exit(2);
}
const key = values.kid ? config.JWT_KEYS.find((k) => k.kid === values.kid) : undefined;
if (values.kid && key?.alg !== 'HS256') {
  console.error(`--kid ${values.kid}: JWT_KEYS has no HS256 key of that kid (asymmetric tokens come from the identity provider)`);
  process.exit(2);
}
mintToken(
  {
    sub: values.sub ?? `${role}-dev`,
    role,
    ...(values.sites ? { sites: values.sites.split(',') } : {}),
    ...(values.occupier ? { occupierId: values.occupier } : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
    expiresIn: values.expires ?? '12h',
  },
  {
    secret: key ? new Uint8Array(key.key.export()) : config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ...(key ? { kid: key.kid } : {}),
  },
)
  .then((token) => console.log(token))
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
