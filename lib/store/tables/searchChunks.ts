/**
 * Table `searchChunks` (schema v4): what the popup's list needs of each listing (lower-cased
 * SKU, title; with `shownChunks`, since v9 a table apart, the sort key, risk tags and, since
 * v8, the key of the plan it shows), one record per listing group (lib/store/groups.ts). A
 * list reads the 128 records of each (about 100 bytes a listing), filters and sorts in memory,
 * and then reads only the plans of the rows it shows;
 * v3's trigram index had to read every listing under a broad needle's trigrams (190 ms for
 * "item 1" over 15,000 listings in Chromium).
 *
 * Since schema v8 the entries are the only place that holds the sort key and risk tags of the
 * plan each listing shows, and the list takes a planned listing's identity from its entry (the
 * SKU as shown is in the key), so it reads one record per row, its plan. SKU and title follow
 * the indexed listing rows (listing-store.ts writeListings, only for listings whose indexed
 * row changed, so a page that only moves stock does not touch them); sort key, risk tags and
 * plan key follow the plans (plans.ts refreshListingPlans, only where they moved), in
 * `shownChunks`. Not backed up: rebuilt on restore.
 */
import { NO_PLAN_BASE, type ListingIndexRow } from './listings';
import { OWN_PLAN, type ShownChunkRow } from './shownChunks';

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
  /**
   * When it shows its own plan: that plan's answer (plans.ts planAnswerOf) as the save that
   * wrote it computed it; absent when unknown (the plan is then read back to be compared).
   */
  planAnswer?: string;
}

/**
 * One group's listings as the search reads them, as parallel columns of plain strings, in key
 * order: the browser deserialises arrays of primitives far faster than as many small objects
 * (the search reads every listing's entry). Since schema v9 only the listings' text: what each
 * shows of its plan is in `shownChunks` (tables/shownChunks.ts), which a re-plan rewrites
 * without these strings.
 */
export interface SearchChunkRow {
  group: number;
  keys: string[];
  skus: string[];
  /** '' when the title is unknown; as shown since v8 (lower-cased before). */
  titles: string[];
}

/**
 * The text part of a group's entries (sorted by key).
 * @example searchChunkOf(3, [entry]).keys // [entry.key]
 */
export function searchChunkOf(group: number, entries: Iterable<SearchEntry>): SearchChunkRow {
  const sorted = [...entries].sort(byKey);
  return { group, keys: sorted.map((e) => e.key), skus: sorted.map((e) => e.sku), titles: sorted.map((e) => e.title ?? '') };
}

/**
 * What a group's listings show of their plans, in key order (the order of searchChunkOf's keys
 * for the same entries).
 * @example shownChunkOf(3, [entry]).urgency // [entry.urgency]
 */
export function shownChunkOf(group: number, entries: Iterable<SearchEntry>): ShownChunkRow {
  const sorted = [...entries].sort(byKey);
  return {
    group,
    urgency: sorted.map((e) => e.urgency),
    risks: sorted.map((e) => e.riskTypes?.join(',') ?? ''),
    plans: sorted.map((e) => (e.planKey === undefined ? '' : e.planKey === e.key ? OWN_PLAN : e.planKey)),
    answers: sorted.map((e) => (e.planKey === e.key ? (e.planAnswer ?? '') : '')),
  };
}

/**
 * The entries of a group from its two stored parts (the inverse of searchChunkOf and
 * shownChunkOf). Without a shown chunk that follows the text's keys (none written yet, or one
 * out of step), every listing shows no plan (NO_PLAN_SHOWN) until the next save writes it.
 * @example entriesOf(searchChunkOf(3, [entry]), shownChunkOf(3, [entry])) // [entry]
 */
export function entriesOf(text: SearchChunkRow | undefined, shown: ShownChunkRow | undefined): SearchEntry[] {
  if (!text) return [];
  const aligned = shown && isAligned(text, shown) ? shown : undefined;
  return text.keys.map((key, i) => {
    const entry: SearchEntry = { key, sku: text.skus[i]!, urgency: aligned ? aligned.urgency[i]! : NO_PLAN_SHOWN.urgency };
    if (text.titles[i]) entry.title = text.titles[i];
    if (aligned?.risks[i]) entry.riskTypes = aligned.risks[i]!.split(',');
    const planKey = aligned ? planKeyOf(key, aligned.plans[i]!) : undefined;
    if (planKey !== undefined) entry.planKey = planKey;
    const answer = aligned?.answers?.length === text.keys.length ? aligned.answers[i] : undefined;
    if (answer && planKey === key) entry.planAnswer = answer;
    return entry;
  });
}

/** Whether a shown chunk's columns follow a search chunk's keys (one value per key). */
export function isAligned(text: SearchChunkRow, shown: ShownChunkRow): boolean {
  const n = text.keys.length;
  return shown.urgency.length === n && shown.risks.length === n && shown.plans.length === n;
}

/**
 * A stored plan-key column value as the listing's plan key (undefined: none).
 * @example planKeyOf('amazon|amazon.com|A', OWN_PLAN) // 'amazon|amazon.com|A'
 */
export function planKeyOf(listingKey: string, stored: string): string | undefined {
  return stored === '' ? undefined : stored === OWN_PLAN ? listingKey : stored;
}

/** In key order. */
function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** What a listing's search entry says of the plan it shows: its key, the at-risk sort key and risk tags, and its own plan's answer. */
export type ShownPlan = Pick<SearchEntry, 'urgency' | 'riskTypes' | 'planKey' | 'planAnswer'>;

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
  if (shown.planAnswer !== undefined && shown.planKey === row.key) entry.planAnswer = shown.planAnswer;
  return entry;
}

/**
 * Whether two entries hold the same text (so their search chunk need not be written again).
 * @example sameSearchText(entry, { ...entry, urgency: 1 }) // true
 */
export function sameSearchText(a: SearchEntry, b: SearchEntry): boolean {
  return a.key === b.key && a.sku === b.sku && a.title === b.title;
}

/**
 * Whether two entries show the same of their plans (so their shown chunk need not be written again).
 * @example sameShownPlan(entry, { ...entry, title: 'Mug' }) // true
 */
export function sameShownPlan(a: SearchEntry, b: SearchEntry): boolean {
  return (
    a.key === b.key &&
    a.urgency === b.urgency &&
    a.planKey === b.planKey &&
    a.planAnswer === b.planAnswer &&
    (a.riskTypes ?? []).join(',') === (b.riskTypes ?? []).join(',')
  );
}
