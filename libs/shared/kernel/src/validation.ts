import type { z } from 'zod';
import { validationFailed, type FieldError } from './errors';

/** Parses untrusted input with a message's schema; every edge (HTTP, NATS) goes through here. */
export const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
  throw validationFailed(fields);
};
