import { SERVICE_PORTS } from '@tnp/platform';
import { z } from 'zod';
import { serviceConfigSchema } from '@tnp/service-runtime';

export const extensionDeviceConfigSchema = serviceConfigSchema({
  httpPort: SERVICE_PORTS['extension-device'],
  eventStoreSchema: 'extension_device_events',
});

/** Development only: a fixed key, refused in production. */
export const DEVELOPMENT_PIN_KEY = Buffer.alloc(32, 7).toString('base64');

/** The PIN settings of this service, validated at boot with the rest of its configuration. */
export const pinSettingsSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** AES-256-GCM key (32 bytes, base64) that encrypts default PINs at rest. */
    PIN_ENCRYPTION_KEY: z
      .string()
      .default(DEVELOPMENT_PIN_KEY)
      .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes, base64'),
    /** Wrong PINs one caller may type, over all extensions, within the window before it must wait. */
    PIN_FAILURES_PER_CALLER: z.coerce.number().int().min(1).max(1000).default(5),
    PIN_FAILURE_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.PIN_ENCRYPTION_KEY !== DEVELOPMENT_PIN_KEY, {
    path: ['PIN_ENCRYPTION_KEY'],
    message: 'must be set in production',
  });

export type PinSettings = z.infer<typeof pinSettingsSchema>;
