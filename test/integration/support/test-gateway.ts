import { createLogger } from '@tnp/platform';
import { startGateway, type Gateway } from '../../../services/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../../services/gateway/src/gateway.config';

/** The signing settings every end-to-end gateway and its test tokens share. */
export const E2E_JWT = { secret: 'e2e-secret-e2e-secret-e2e-secret-1234', issuer: 'telephony-platform', audience: 'telephony-api' };

/** A gateway in this process on the services' NATS and subject prefix, on a free port, logging nothing. */
export const startTestGateway = (
  services: { readonly config: { readonly NATS_URL: string; readonly NATS_SUBJECT_PREFIX: string } },
  settings: Record<string, string> = {},
): Promise<Gateway> =>
  startGateway(
    gatewayConfigSchema.parse({
      NATS_URL: services.config.NATS_URL,
      NATS_SUBJECT_PREFIX: services.config.NATS_SUBJECT_PREFIX,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      JWT_SECRET: E2E_JWT.secret,
      ...settings,
    }),
    createLogger('gateway', 'silent'),
  );
