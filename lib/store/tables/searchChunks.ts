/**
 * Table `searchChunks` (schema v4): what the popup's search and filters need of each listing
 * (lower-cased SKU and title, sort key, risk types), one record per listing group
 * (lib/store/groups.ts). A search reads the 128 records (about 60 bytes a listing), filters and
 * sorts in memory, and then reads only the rows it shows; v3's trigram index had to read every
 * listing under a broad needle's trigrams (190 ms for "item 1" over 15,000 listings in Chromium).
 *
 * Since schema v8 the entries are the only place that holds the sort key and risk tags of the
 * plan each listing shows: the popup's list, its filters and the notifier read them here. SKU
 * and title follow the indexed listing rows (listing-store.ts writeListings, only for listings
 * whose indexed row changed, so a page that only moves stock does not touch them); sort key
 * and risk tags follow the plans (plans.ts refreshListingPlans, only where they moved). Not
 * backed up: rebuilt on restore.
 */
import { NO_PLAN_BASE, type ListingIndexRow } from './listings';

export interface SearchEntry {
  key: string;
  /** Lower-cased SKU. */
  sku: string;
  /** Lower-cased title, when known. */
  title?: string;
  /** The listing's at-risk sort key (tables/listings.ts urgencyOf). */
  urgency: number;
  riskTypes?: string[];
}

/**
 * One group's entries as parallel columns of plain strings and numbers, in key order: the
 * browser deserialises arrays of primitives far faster than as many small objects (the search
 * reads every listing's entry).
 */
export interface SearchChunkRow {
  group: number;
  keys: string[];
  skus: string[];
  /** '' when the title is unknown. */
  titles: string[];
  urgency: number[];
  /** Risk types joined with ',' ('' for none). */
  risks: string[];
}

/**
 * The stored form of a group's entries (sorted by key).
 * @example searchChunkOf(3, [entry]).keys // [entry.key]
 */
export function searchChunkOf(group: number, entries: Iterable<SearchEntry>): SearchChunkRow {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    group,
    keys: sorted.map((e) => e.key),
    skus: sorted.map((e) => e.sku),
    titles: sorted.map((e) => e.title ?? ''),
    urgency: sorted.map((e) => e.urgency),
    risks: sorted.map((e) => e.riskTypes?.join(',') ?? ''),
  };
}

/**
 * The entries of a stored chunk (the inverse of searchChunkOf).
 * @example entriesOf(searchChunkOf(3, [entry])) // [entry]
 */
export function entriesOf(chunk: SearchChunkRow | undefined): SearchEntry[] {
  if (!chunk) return [];
  return chunk.keys.map((key, i) => {
    const entry: SearchEntry = { key, sku: chunk.skus[i]!, urgency: chunk.urgency[i]! };
    if (chunk.titles[i]) entry.title = chunk.titles[i];
    if (chunk.risks[i]) entry.riskTypes = chunk.risks[i]!.split(',');
    return entry;
  });
}

/** What a listing's search entry says of the plan it shows: the at-risk sort key and risk tags. */
export type ShownPlan = Pick<SearchEntry, 'urgency' | 'riskTypes'>;

/** The shown plan of a listing without one (new until its first re-plan): after every planned listing. */
export const NO_PLAN_SHOWN: ShownPlan = { urgency: NO_PLAN_BASE };

/**
 * The search entry of a listing showing this plan.
 * @example searchEntryOf({ key: 'k', sku: 'MUG-1', title: 'Blue Mug' }, { urgency: 3 }) // { key: 'k', sku: 'mug-1', title: 'blue mug', urgency: 3 }
 */
export function searchEntryOf(row: Pick<ListingIndexRow, 'key' | 'sku' | 'title'>, shown: ShownPlan): SearchEntry {
  const entry: SearchEntry = { key: row.key, sku: row.sku.toLowerCase(), urgency: shown.urgency };
  if (row.title !== undefined) entry.title = row.title.toLowerCase();
  if (shown.riskTypes?.length) entry.riskTypes = shown.riskTypes;
  return entry;
}

/**
 * Whether two entries are the same (so their chunk need not be written again).
 * @example sameSearchEntry(entry, { ...entry }) // true
 */
export function sameSearchEntry(a: SearchEntry | undefined, b: SearchEntry): boolean {
  return (
    a !== undefined &&
    a.key === b.key &&
    a.sku === b.sku &&
    a.title === b.title &&
    a.urgency === b.urgency &&
    (a.riskTypes ?? []).join(',') === (b.riskTypes ?? []).join(',')
  );
}
