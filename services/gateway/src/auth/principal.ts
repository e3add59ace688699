import { z } from 'zod';

export const ROLES = ['platform', 'operator', 'occupier-admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

export const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  sites: z.array(z.string()).optional(),
  occupierId: z.string().optional(),
  tenant: z.string().optional(),
});

/** Who is calling, as the gateway knows it from the verified token. */
export type Caller = {
  readonly id: string;
  readonly role: Role;
  readonly sites: readonly string[];
  readonly occupierId: string | null;
  readonly tenant: string | null;
};

export const callerFromClaims = (claims: z.infer<typeof claimsSchema>): Caller => ({
  id: claims.sub,
  role: claims.role,
  sites: claims.sites ?? [],
  occupierId: claims.occupierId ?? null,
  tenant: claims.tenant ?? null,
});
