import { z } from 'zod';
import { loadConfig, SERVICE_PORTS } from '@tnp/platform';

/**
 * The image's HEALTHCHECK: liveness of the service the image runs (SERVICE), on HTTP_PORT or the
 * service's own port. Exits 0 when /health/live answers 200.
 */
const settings = loadConfig(
  z.object({
    SERVICE: z.enum(Object.keys(SERVICE_PORTS) as [keyof typeof SERVICE_PORTS]),
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  }),
);
const port = settings.HTTP_PORT ?? SERVICE_PORTS[settings.SERVICE];
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
