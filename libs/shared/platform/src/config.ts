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
