import { z } from 'zod';
import type { SiteNumberView } from './responses.schemas';
import { e164Schema, numberStatusSchema, occupierIdSchema, siteIdSchema } from './common.schemas';

const statusList = z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(numberStatusSchema).max(4));

export const siteNumberFiltersSchema = z.strictObject({
  siteId: siteIdSchema,
  status: statusList.optional(),
  allocation: z.enum(['all', 'allocated', 'unallocated', 'operator', 'occupier']).default('all'),
  occupierId: occupierIdSchema.optional(),
  search: z
    .string()
    .regex(/^\+?\d{1,15}$/, 'digits only, no spaces')
    .optional(),
});

/** A keyset position in the site list: opaque to clients (base64url of the last number of a page). */
export const encodeSiteNumberCursor = (number: string): string => Buffer.from(number, 'utf8').toString('base64url');

/** The number a cursor stands for, or null if it is not one this list gave out. */
export const decodeSiteNumberCursor = (cursor: string): string | null => {
  const number = Buffer.from(cursor, 'base64url').toString('utf8');
  return e164Schema.safeParse(number).success && encodeSiteNumberCursor(number) === cursor ? number : null;
};

export const listSiteNumbersSchema = siteNumberFiltersSchema.extend({
  /** Offset paging, for existing clients; ignored when a cursor is given. */
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  /** The page after this position (a previous page's nextCursor): keyset paging, no offset. */
  cursor: z
    .string()
    .max(32)
    .refine((c) => decodeSiteNumberCursor(c) !== null, 'must be a nextCursor from an earlier page')
    .optional(),
});

export const exportSiteNumbersSchema = siteNumberFiltersSchema.extend({
  after: e164Schema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const listOccupierNumbersSchema = z.strictObject({ occupierId: occupierIdSchema });
/** The sites an occupier is based at: those where numbers are allocated to it. */
export type OccupierSites = { readonly occupierId: string; readonly siteIds: readonly string[] };
export const getNumberSchema = z.strictObject({ number: e164Schema });

export type SiteNumberFilters = z.infer<typeof siteNumberFiltersSchema>;
export type ListSiteNumbersInput = z.infer<typeof listSiteNumbersSchema>;
export type ExportSiteNumbersInput = z.infer<typeof exportSiteNumbersSchema>;

export type SiteNumberChunk = { readonly items: readonly SiteNumberView[]; readonly next: string | null };
