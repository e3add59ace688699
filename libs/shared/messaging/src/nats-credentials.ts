import { z } from 'zod';

/**
 * A NATS client's own user (ADR 0015). None by default, for a server without authentication (the
 * shared development and test server); production always authenticates.
 */
export const natsCredentialsShape = {
  /** Also the connection's inbox prefix (`_INBOX.<user>`), so a single subject token. */
  NATS_USER: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, dash, underscore')
    .optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
};

type WithNatsCredentials = {
  readonly NODE_ENV: string;
  readonly NATS_USER?: string | undefined;
  readonly NATS_PASSWORD?: string | undefined;
};

/** Both or neither, and never neither in production. */
export const natsCredentialsRefinement = (c: WithNatsCredentials, ctx: z.RefinementCtx): void => {
  if (c.NATS_USER && !c.NATS_PASSWORD) ctx.addIssue({ code: 'custom', path: ['NATS_PASSWORD'], message: 'required with NATS_USER' });
  if (c.NATS_PASSWORD && !c.NATS_USER) ctx.addIssue({ code: 'custom', path: ['NATS_USER'], message: 'required with NATS_PASSWORD' });
  if (c.NODE_ENV === 'production' && !c.NATS_USER) {
    ctx.addIssue({ code: 'custom', path: ['NATS_USER'], message: 'must be set in production (with NATS_PASSWORD)' });
  }
};

export type NatsCredentials = { readonly user: string; readonly password: string };

/** The credentials a configuration carries, if any. */
export const natsCredentialsOf = (c: Omit<WithNatsCredentials, 'NODE_ENV'>): NatsCredentials | undefined =>
  c.NATS_USER && c.NATS_PASSWORD ? { user: c.NATS_USER, password: c.NATS_PASSWORD } : undefined;
