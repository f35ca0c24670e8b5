/**
 * Messages of columns the seller teaches the page readers ("Show me the column" in the summary
 * bar; listed and removed in the options page). A content script teaches and reads only its own
 * page type and marketplace: the background takes both from the sender's URL, never from the page.
 * Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
import { HEADER_FIELDS } from '../locale/headers';
import { isoDateTimeSchema } from '../records';

/** Most columns kept in all (a seller teaches a few per page type; a hostile page cannot fill the store). */
export const MAX_TAUGHT_COLUMNS = 200;

/** One taught column: on this page type and marketplace, the column headed `header` holds `field`. */
export const taughtColumnSchema = z.object({
  /** Adapter id (lib/platforms), e.g. 'ebay/active-listings'. */
  pageType: z.string().min(1).max(80),
  /** Marketplace id (lib/locale/markets), e.g. 'ebay.com'. */
  marketplace: z.string().min(1).max(40),
  field: z.enum(HEADER_FIELDS),
  /** The header text as the page showed it (compared after normalizeHeader). */
  header: z.string().min(1).max(300),
  /**
   * A machine hint of the column's header cell, `name=value` (lib/platforms/shared/grid.ts
   * machineHints), that no other header cell carried: finds the column when its header is renamed.
   * Absent in columns taught before hints were kept.
   */
  hint: z.string().min(3).max(120).optional(),
  taughtAt: isoDateTimeSchema,
});
export type TaughtColumn = z.infer<typeof taughtColumnSchema>;

const columnsResponse = z.object({ columns: z.array(taughtColumnSchema).max(MAX_TAUGHT_COLUMNS) });

export const teachingProtocol = {
  /** Summary bar: the columns taught for the sender's own page type and marketplace. */
  'teaching/page-columns': {
    senders: ['content'],
    request: z.object({}),
    response: columnsResponse,
  },
  /** Summary bar: the seller showed which column holds a field on this page (replaces an earlier choice for that field or header). */
  'teaching/teach': {
    senders: ['content'],
    request: z.object({ field: z.enum(HEADER_FIELDS), header: z.string().trim().min(1).max(300), hint: z.string().trim().min(3).max(120).optional() }),
    response: columnsResponse,
  },
  /** Options: every taught column. */
  'teaching/list': {
    senders: ['extension'],
    request: z.object({}),
    response: columnsResponse,
  },
  /** Options: forget one taught column (the readers go back to the header synonyms for it). */
  'teaching/remove': {
    senders: ['extension'],
    request: z.object({ pageType: z.string().min(1).max(80), marketplace: z.string().min(1).max(40), field: z.enum(HEADER_FIELDS) }),
    response: columnsResponse,
  },
} as const;
