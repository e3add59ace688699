import { z } from 'zod';
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

export type SiteNumberView = {
  readonly number: string;
  readonly siteId: string;
  readonly ext: string | null;
  readonly status: 'AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED';
  readonly kind: string;
  readonly allocatedTo: { readonly type: 'operator' } | { readonly type: 'occupier'; readonly occupierId: string } | null;
  readonly coolingOffUntil: string | null;
  readonly isMain: boolean;
  readonly rangeName: string;
  readonly locked: boolean;
  readonly portedIn: boolean;
  readonly portedFrom: string | null;
  readonly assignedUserId: string | null;
  readonly revision: number;
};

export type SiteNumberPage = {
  readonly items: readonly SiteNumberView[];
  /** Rows matching the filters, in the same snapshot as the items; a lower bound when totalExact is false. */
  readonly total: number;
  /**
   * False when a filter the site counts cannot answer (search, occupier) matched more rows than
   * the list counts one by one: total is then that cap, read as "at least total".
   */
  readonly totalExact: boolean;
  readonly page: number;
  readonly pageSize: number;
  /** Pass as cursor for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** Statuses present in the site's unfiltered list: the only ones worth offering as filters. */
  readonly statusesPresent: readonly string[];
};

export type SiteNumberChunk = { readonly items: readonly SiteNumberView[]; readonly next: string | null };

export type OccupierNumbers = {
  readonly occupierId: string;
  readonly sites: readonly { readonly siteId: string; readonly numbers: readonly SiteNumberView[] }[];
};
