/**
 * Table `searchChunks` (schema v4): what the popup's list needs of each listing (lower-cased
 * SKU, title, sort key, risk tags and, since v8, the key of the plan it shows), one record per
 * listing group (lib/store/groups.ts). A list reads the 128 records (about 100 bytes a
 * listing), filters and sorts in memory, and then reads only the plans of the rows it shows;
 * v3's trigram index had to read every listing under a broad needle's trigrams (190 ms for
 * "item 1" over 15,000 listings in Chromium).
 *
 * Since schema v8 the entries are the only place that holds the sort key and risk tags of the
 * plan each listing shows, and the list takes a planned listing's identity from its entry (the
 * SKU as shown is in the key), so it reads one record per row, its plan. SKU and title follow
 * the indexed listing rows (listing-store.ts writeListings, only for listings whose indexed
 * row changed, so a page that only moves stock does not touch them); sort key, risk tags and
 * plan key follow the plans (plans.ts refreshListingPlans, only where they moved). Not backed
 * up: rebuilt on restore.
 */
import { NO_PLAN_BASE, type ListingIndexRow } from './listings';

export interface SearchEntry {
  key: string;
  /** Lower-cased SKU. */
  sku: string;
  /** The title as shown, when known (a search lower-cases it). */
  title?: string;
  /** The listing's at-risk sort key (lib/planning/urgency.ts rank; NO_PLAN_BASE without a plan). */
  urgency: number;
  riskTypes?: string[];
  /** The plan the listing shows (as its indexed row's planKey). */
  planKey?: string;
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
  /** '' when the title is unknown; as shown since v8 (lower-cased before). */
  titles: string[];
  urgency: number[];
  /** Risk types joined with ',' ('' for none). */
  risks: string[];
  /** Plan keys ('' for none). Since v8: the v3 -> v4 upgrade wrote chunks without them, the v7 -> v8 upgrade adds them. */
  plans?: string[];
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
    plans: sorted.map((e) => e.planKey ?? ''),
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
    if (chunk.plans?.[i]) entry.planKey = chunk.plans[i];
    return entry;
  });
}

/** What a listing's search entry says of the plan it shows: its key, the at-risk sort key and risk tags. */
export type ShownPlan = Pick<SearchEntry, 'urgency' | 'riskTypes' | 'planKey'>;

/** The shown plan of a listing without one (new until its first re-plan): after every planned listing. */
export const NO_PLAN_SHOWN: ShownPlan = { urgency: NO_PLAN_BASE };

/**
 * The search entry of a listing showing this plan.
 * @example searchEntryOf({ key: 'k', sku: 'MUG-1', title: 'Blue Mug' }, { urgency: 3, planKey: 'k' }) // { key: 'k', sku: 'mug-1', title: 'Blue Mug', urgency: 3, planKey: 'k' }
 */
export function searchEntryOf(row: Pick<ListingIndexRow, 'key' | 'sku' | 'title'>, shown: ShownPlan): SearchEntry {
  const entry: SearchEntry = { key: row.key, sku: row.sku.toLowerCase(), urgency: shown.urgency };
  if (row.title !== undefined) entry.title = row.title;
  if (shown.riskTypes?.length) entry.riskTypes = shown.riskTypes;
  if (shown.planKey !== undefined) entry.planKey = shown.planKey;
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
    a.planKey === b.planKey &&
    (a.riskTypes ?? []).join(',') === (b.riskTypes ?? []).join(',')
  );
}
