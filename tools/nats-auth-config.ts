import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { natsPasswordVariable, platformNatsPermissions, renderNatsAuthorization } from '@tnp/service-runtime';

/**
 * The nats-server authorization block, rendered from the permission table (ADR 0015):
 *   node dist/tools/nats-auth-config.js [--prefix P]            print it
 *   node dist/tools/nats-auth-config.js --out FILE              write it
 *   node dist/tools/nats-auth-config.js --check FILE            exit 1 when FILE differs
 *   node dist/tools/nats-auth-config.js --users                 "user PASSWORD_VARIABLE" per line
 */
const { values } = parseArgs({
  options: {
    prefix: { type: 'string', default: '' },
    out: { type: 'string' },
    check: { type: 'string' },
    users: { type: 'boolean', default: false },
  },
});

const prefix = values.prefix ?? '';
if (values.users) {
  for (const user of platformNatsPermissions(prefix)) console.log(`${user.user} ${natsPasswordVariable(user.user)}`);
} else {
  const rendered = renderNatsAuthorization(prefix);
  if (values.check) {
    if (readFileSync(values.check, 'utf8') !== rendered) {
      console.error(`${values.check} differs from the permission table; regenerate it with --out`);
      process.exit(1);
    }
  } else if (values.out) {
    writeFileSync(values.out, rendered);
  } else {
    process.stdout.write(rendered);
  }
}
