import type { z } from 'zod';

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * The only place that reads the environment. A bad value stops the process at boot with every
 * problem listed, instead of failing on first use.
 */
export const loadConfig = <S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> => {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
  throw new ConfigurationError(`Invalid configuration:\n${problems}`);
};

/** The names of the OpenTelemetry variables set (OTEL_*), which the OpenTelemetry SDK reads itself. */
export const otelEnvironmentKeys = (env: Record<string, string | undefined> = process.env): string[] =>
  Object.keys(env).filter((key) => key.startsWith('OTEL_') && env[key] !== undefined && env[key] !== '');

/** NODE_OPTIONS as the process was started with: flags given there are left as they are (ADR 0021). */
export const nodeOptions = (env: Record<string, string | undefined> = process.env): string => env['NODE_OPTIONS'] ?? '';
