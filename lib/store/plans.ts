/**
 * Writing the planning core's results. Each listing also gets the key of the plan it shows on
 * its indexed row (and only there, never into the listing chunks: tables/listings.ts
 * ListingPlanFields), and that plan's sort key and risk tags in its search entry, which the
 * popup's list sorts and filters (schema v8: a re-plan that moves days of cover writes no
 * listing row, only the plans and the search chunks that moved).
 */
import { safeParseFast } from '../exact-check';
import { POOL_PLAN_PREFIX, skuPlanSchema, type SkuPlan } from '../planning/types';
import { searchTables, type StoreDb } from './db';
import { urgencyOf } from '../planning/urgency';
import type { ListingIndexRow } from './tables/listings';
import { NO_PLAN_SHOWN, type ShownPlan } from './tables/searchChunks';
import { planRowOf, type PlanRow } from './tables/plans';
import { readSearchEntries, writeSearchEntries, type SearchEntriesByGroup } from './listing-store';
import { sameData } from './same-data';
import { versionHash } from './hash';
import { groupOf } from './groups';
import { wantsMostOf } from './whole-table';

export interface SavePlansResult {
  saved: number;
  /** Plans saved under a key no plan had before (the number of plans grew by added - deleted). */
  added: number;
  deleted: number;
  /** Plans refused because they did not match the SkuPlan schema (a planner bug: reported, not stored). */
  invalid: { key: string; reason: string }[];
}

/**
 * Stores plans (replacing those with the same key). With `replaceAll`, plans not in `plans`
 * are deleted too (a full recompute), so listings that lost their plan lose its risk.
 * @example await savePlans(db, [plan], new Date())
 */
export async function savePlans(
  db: StoreDb,
  plans: readonly SkuPlan[],
  options: {
    replaceAll?: boolean;
    /** Listings re-planned whole: their old plans not in `plans` go. */
    replaceFor?: readonly string[];
    /**
     * The products whose listings `replaceFor` names (all of them): their old plans are then
     * found as oldPlanAnswers finds them (listing plans by their search entries' answers, pool
     * plans by key), not read through `poolListingKeys`. What this does not find: a pool plan of
     * another product still naming a re-planned listing (the listing moved product and that
     * product was not re-planned with it; linking by hand re-plans both), which stays until its
     * product or the daily whole re-plan.
     */
    replaceProducts?: readonly string[];
    /**
     * How many plans the store held when the caller counted them: a hint that only chooses how
     * the old plans are read (plansCovering), so no second count (~13 ms per 10,000 plans in Chromium).
     */
    planCount?: number;
  } = {},
): Promise<SavePlansResult> {
  return db.transaction('rw', [db.plans, db.listings, ...searchTables(db)], async () => {
    const answers = new Map(plans.map((p) => [p.key, planAnswerOf(p)]));
    // The search entries oldPlanAnswers reads are the ones the refresh below reads again: read once.
    const entries: SearchEntriesByGroup = new Map();
    const old: OldPlan[] = options.replaceAll
      ? await db.plans.toArray()
      : options.replaceProducts && options.replaceFor?.length
        ? await oldPlanAnswers(db, plans, options.replaceFor, options.replaceProducts, entries)
        : await oldPlansOf(db, plans, options);
    // A re-plan gives most plans of a product again unchanged (a page moved one channel's
    // stock, not the others'): those are not written again, and their listings keep the plan
    // fields they carry. A whole re-plan still looks at every listing, so a row out of step
    // with its plans is put right at least daily.
    const before = new Map(old.map((p) => [p.key, p]));
    const { rows, moved, invalid } = validMovedRows(plans, before, answers);
    const keep = new Set(rows.map((r) => r.key));
    const replanned = new Set(options.replaceFor);
    const gone = old.filter((p) => !keep.has(p.key) && (options.replaceAll || p.listingKeys.some((k) => replanned.has(k))));
    const released = old.filter((p) => keep.has(p.key));
    const affected = new Set<string>();
    const touching = options.replaceAll ? [...gone, ...released, ...rows] : [...gone, ...moved.flatMap((r) => [r, before.get(r.key) ?? r])];
    for (const p of touching) for (const k of p.listingKeys) affected.add(k);
    // An unchanged own plan that had to be read back (its entry held no answer): its entry gets the answer now.
    for (const r of rows) if (!options.replaceAll && r.scope === 'listing' && isStoredRow(before.get(r.key))) affected.add(r.key);
    await db.plans.bulkDelete(gone.map((p) => p.key));
    await db.plans.bulkPut(moved);
    // After a whole re-plan the saved plans are all there is; after a partial one, a re-planned listing's plans are exactly the saved ones covering it.
    await refreshListingPlans(
      db,
      [...affected],
      { saved: rows, complete: options.replaceAll ? () => true : (k) => replanned.has(k), answers },
      { fromEntries: !options.replaceAll, entries },
    );
    return { saved: rows.length, added: rows.filter((r) => !before.has(r.key)).length, deleted: gone.length, invalid };
  });
}

/**
 * The rows of the plans to save, and which of them moved from the stored ones. A plan giving
 * its stored plan's answer again keeps the stored row (it is not written, so it is not
 * validated again: the stored one was when it was saved); every other plan is checked against
 * the SkuPlan schema, and one that fails is refused (a planner bug: reported, not stored). The
 * planner's plans are what the schema gives back (safeParseFast: neither zod's parse, 31–63 µs a
 * plan without eval, nor its copy).
 */
function validMovedRows(
  plans: readonly SkuPlan[],
  before: ReadonlyMap<string, OldPlan>,
  answers: ReadonlyMap<string, string>,
): { rows: PlanRow[]; moved: PlanRow[]; invalid: SavePlansResult['invalid'] } {
  const rows: PlanRow[] = [];
  const moved: PlanRow[] = [];
  const invalid: SavePlansResult['invalid'] = [];
  for (const plan of plans) {
    const old = typeof plan.key === 'string' ? before.get(plan.key) : undefined;
    if (isStoredRow(old) && samePlanAnswer(old.plan, plan)) {
      rows.push(old);
      continue;
    }
    // Known by its answer alone (its listing's search entry): the stored row is this plan's row but for when it was computed.
    if (old && !isStoredRow(old) && old.answer === answers.get(plan.key)) {
      rows.push(planRowOf(plan));
      continue;
    }
    const parsed = safeParseFast(skuPlanSchema, plan);
    if (!parsed.success) {
      invalid.push({ key: String((plan as { key?: unknown }).key), reason: parsed.error.issues[0]?.message ?? 'invalid' });
      continue;
    }
    const row = planRowOf(parsed.data);
    rows.push(row);
    // A plan whose parsed form gives the stored answer (the planner's plan carried a field the schema drops) is not written either.
    if (!isStoredRow(old) || !samePlanAnswer(old.plan, row.plan)) moved.push(row);
  }
  return { rows, moved, invalid };
}

/**
 * Whether two plans give the same answer: equal as data (same-data.ts) in everything but when
 * they were computed.
 * @example samePlanAnswer(plan, { ...plan, computedAt: '2026-12-04T10:00:00.000Z' }) // true
 */
export function samePlanAnswer(a: SkuPlan | undefined, b: SkuPlan): boolean {
  if (!a || a.key !== b.key) return false;
  return sameData({ ...a, computedAt: '' }, { ...b, computedAt: '' });
}

/**
 * A plan's answer as one short text: a hash of the plan as the planner gave it, without when it
 * was computed. Kept in the search entry of a listing showing its own plan, so the next re-plan
 * tells an unchanged plan by it without reading the stored one back (a 5,000-row page's re-plan
 * read 10,000 plans, about 0.5 s in Chromium). Equal texts mean equal plans; a plan whose
 * fields come in another order only reads as moved, and is written again.
 * @example planAnswerOf(plan) === planAnswerOf({ ...plan, computedAt: '2026-12-05T10:00:00.000Z' }) // true
 */
export function planAnswerOf(plan: SkuPlan): string {
  return versionHash(JSON.stringify({ ...plan, computedAt: '' }));
}

/**
 * A stored plan as a save compares with it: the row itself, or (a listing's own plan whose
 * search entry holds its answer) only its key, listings and answer.
 */
type OldPlan = PlanRow | { key: string; listingKeys: readonly string[]; answer: string };

function isStoredRow(old: OldPlan | undefined): old is PlanRow {
  return old !== undefined && 'plan' in old;
}

/**
 * The stored plans a re-plan of whole products may replace, read as little as it can: the keys
 * of every stored plan (one request, no values), then each re-planned listing's own plan known
 * by the answer its search entry holds (read back only when the entry has none: written before
 * answers were kept, or out of step), a plan to save under a stored key no entry answers for
 * (a listing relinked), and the products' pool plans (`pool:<product>@<pool>`). What it does
 * not find: a pool plan of another product still naming a re-planned listing (savePlans'
 * `replaceProducts`).
 */
async function oldPlanAnswers(
  db: StoreDb,
  plans: readonly SkuPlan[],
  replaceFor: readonly string[],
  replaceProducts: readonly string[],
  entries: SearchEntriesByGroup,
): Promise<OldPlan[]> {
  const [, storedKeys] = await Promise.all([readSearchEntries(db, replaceFor, entries), db.plans.toCollection().primaryKeys()]);
  const stored = new Set(storedKeys);
  const out: OldPlan[] = [];
  const read = new Set<string>();
  for (const key of replaceFor) {
    if (!stored.has(key)) continue;
    const entry = entries.get(groupOf(key))?.get(key);
    if (entry?.planKey === key && entry.planAnswer) out.push({ key, listingKeys: [key], answer: entry.planAnswer });
    else read.add(key);
  }
  const answered = new Set(out.map((p) => p.key));
  for (const p of plans) if (stored.has(p.key) && !answered.has(p.key)) read.add(p.key);
  const products = new Set(replaceProducts);
  for (const key of stored) if (isPoolPlanOf(key, products)) read.add(key);
  for (const row of await db.plans.bulkGet([...read])) if (row) out.push(row);
  return out;
}

/**
 * Whether a plan key is a pool plan of one of these products: `pool:<product>@<pool>`, the
 * product's id ending at one of the key's '@' (an account's product id holds one too).
 * @example isPoolPlanOf('pool:p:A|@shop2@fba:NA/shop2', new Set(['p:A|@shop2'])) // true
 */
export function isPoolPlanOf(key: string, productIds: ReadonlySet<string>): boolean {
  if (!key.startsWith(POOL_PLAN_PREFIX)) return false;
  for (let at = key.indexOf('@', POOL_PLAN_PREFIX.length); at >= 0; at = key.indexOf('@', at + 1))
    if (productIds.has(key.slice(POOL_PLAN_PREFIX.length, at))) return true;
  return false;
}

/**
 * The stored plans a partial save of listings (not of whole products: oldPlanAnswers) may
 * replace: those covering the re-planned listings (`replaceFor`: any not saved again goes, as a
 * pool plan whose stock emptied, its listings moved to another pool or product, is not made
 * again), and the stored versions of the plans being saved (compared, so unchanged ones are not written).
 */
async function oldPlansOf(
  db: StoreDb,
  plans: readonly SkuPlan[],
  { replaceFor = [], planCount }: { replaceFor?: readonly string[]; planCount?: number },
): Promise<PlanRow[]> {
  const count = replaceFor.length > WHOLE_TABLE_PAST_LISTINGS ? (planCount ?? (await db.plans.count())) : planCount;
  const covering = replaceFor.length === 0 ? [] : await plansCovering(db, replaceFor, count);
  const read = new Set(covering.map((p) => p.key));
  const keys = plans.map((p) => p.key).filter((k) => typeof k === 'string' && k !== '' && !read.has(k));
  const older = await db.plans.bulkGet([...new Set(keys)]);
  return [...covering, ...older.filter((p): p is PlanRow => p !== undefined)];
}

/**
 * The plan a listing shows: its own listing plan if there is one (a member of a shared pool
 * carries the pool's answer plus its channel line), else its pooled plan (the most urgent,
 * should it somehow be in several).
 * @example pickPlan([poolPlan, listingPlan]) === listingPlan // true
 */
export function pickPlan<P extends Pick<PlanRow, 'scope' | 'daysOfCover'>>(plans: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of plans) {
    if (!best) best = p;
    else if (p.scope !== best.scope) best = p.scope === 'listing' ? p : best;
    else if ((p.daysOfCover ?? Infinity) < (best.daysOfCover ?? Infinity)) best = p;
  }
  return best;
}

/**
 * Puts right what each listing shows of its plans (inside a transaction over plans + listings +
 * searchChunks): the plan's key on its indexed row, written only when the listing shows another
 * plan (or none); the plan's key, sort key and risk tags in its search entry, written only
 * where they moved. No listing chunk is read or written, and a re-plan that only moves days of
 * cover writes no listing row (schema v8). `known`: plans just saved, and the listings whose
 * only plans they are (their plans are not read back). `fromEntries`: a listing's search entry
 * stands for its indexed row (it holds the row's SKU, title and plan key: writeListings and this
 * function keep them in step), so only the rows whose plan key changes are read; without it
 * every row is read and its entry rewritten from it (the whole re-plan puts both right daily).
 */
export async function refreshListingPlans(
  db: StoreDb,
  listingKeys: readonly string[],
  known?: {
    saved: readonly PlanRow[];
    complete: (listingKey: string) => boolean;
    /** The saved plans' answers (planAnswerOf of the plans as the planner gave them), kept in the entries of listings showing their own. */
    answers?: ReadonlyMap<string, string>;
  },
  {
    fromEntries = false,
    entries: readBefore,
  }: {
    fromEntries?: boolean;
    /** Search entries already read in this transaction (readSearchEntries' `known`). */
    entries?: SearchEntriesByGroup;
  } = {},
): Promise<void> {
  if (listingKeys.length === 0) return;
  const unknown = known ? listingKeys.filter((k) => !known.complete(k)) : listingKeys;
  const savedCovering = known ? known.saved.filter((p) => p.listingKeys.some((k) => known.complete(k))) : [];
  // In key order: which of two equally urgent plans a listing shows never depends on how they were found.
  const plans = distinctInKeyOrder([...savedCovering, ...(unknown.length > 0 ? await plansCovering(db, unknown) : [])]);
  const byListing = new Map<string, PlanRow[]>();
  for (const p of plans) for (const k of p.listingKeys) (byListing.get(k) ?? byListing.set(k, []).get(k)!).push(p);
  const shownBy = new Map(listingKeys.map((k) => [k, pickPlan(byListing.get(k) ?? [])]));
  const entries = await readSearchEntries(db, listingKeys, readBefore);
  const entryOf = (k: string) => entries.get(groupOf(k))?.get(k);
  const rowKeys = fromEntries
    ? listingKeys.filter((k) => {
        const entry = entryOf(k);
        return !entry || entry.planKey !== shownBy.get(k)?.key;
      })
    : listingKeys;
  const rows = new Map((await db.listings.bulkGet(rowKeys as string[])).flatMap((r) => (r ? [[r.key, r] as const] : [])));
  const rekeyed: ListingIndexRow[] = [];
  const shown: Parameters<typeof writeSearchEntries>[2][number][] = [];
  for (const key of listingKeys) {
    const plan = shownBy.get(key);
    const row = rows.get(key);
    // A plan may name a listing the store has not seen (or deleted): it has neither row nor entry.
    const listing = row ?? (fromEntries ? entryOf(key) : undefined);
    if (!listing) continue;
    if (row && row.planKey !== plan?.key) rekeyed.push(withPlanKey(row, plan?.key));
    shown.push({ listing, shown: plan ? shownPlanOf(plan, known?.answers?.get(plan.key)) : NO_PLAN_SHOWN });
  }
  if (rekeyed.length) await db.listings.bulkPut(rekeyed);
  await writeSearchEntries(db, entries, shown);
}

/**
 * What a listing's search entry says of the plan it shows: its key, the one urgency rule's sort key
 * and the plan's risk tags, and when it is the listing's own plan, its answer (`answer`: planAnswerOf
 * of the plan as the planner gave it; without it, of the stored plan).
 * @example shownPlanOf(planRowOf(plan)).urgency === urgencyOf(plan).rank // true
 */
export function shownPlanOf(plan: PlanRow, answer?: string): ShownPlan {
  const shown: ShownPlan = { urgency: urgencyOf(plan.plan).rank, riskTypes: plan.riskTypes, planKey: plan.key };
  // Without the planner's own plan (a restore, a listing refreshed alone), the stored one's answer: equal texts are equal plans either way.
  if (plan.scope === 'listing') shown.planAnswer = answer ?? planAnswerOf(plan.plan);
  return shown;
}

/** An indexed row showing the plan with this key (or none). */
function withPlanKey(row: ListingIndexRow, planKey: string | undefined): ListingIndexRow {
  const { planKey: _planKey, ...rest } = row;
  return planKey === undefined ? rest : { ...rest, planKey };
}

/**
 * The plans that cover any of these listings, in key order (inside a transaction over plans):
 * each listing's own plan by its key (a listing plan's key is its listing's), and the pool plans
 * through the `poolListingKeys` index (schema v8). anyOf walks the index with a cursor, a round
 * trip per step in Chromium: past a few hundred keys, one request per listing is faster, and
 * past a third of the table, one scan (whole-table.ts). `planCount`: the table's size when the caller already
 * counted it (only this choice reads it, so a count taken a moment before is good enough).
 * @example (await plansCovering(db, ['amazon|amazon.com|A'])).map((p) => p.key) // ['amazon|amazon.com|A', 'pool:p@own:main']
 */
export async function plansCovering(db: StoreDb, listingKeys: readonly string[], planCount?: number): Promise<PlanRow[]> {
  if (listingKeys.length === 0) return [];
  const wanted = new Set(listingKeys);
  const covers = (p: PlanRow) => p.listingKeys.some((k) => wanted.has(k));
  if (listingKeys.length > WHOLE_TABLE_PAST_LISTINGS && readsWhole(listingKeys.length, planCount ?? (await db.plans.count())))
    return (await db.plans.toArray()).filter(covers);
  const [own, pooled] = await Promise.all([
    db.plans.bulkGet([...wanted]),
    listingKeys.length <= 200
      ? db.plans
          .where('poolListingKeys')
          .anyOf([...wanted])
          .toArray()
      : Promise.all([...wanted].map((k) => db.plans.where('poolListingKeys').equals(k).toArray())).then((lists) => lists.flat()),
  ]);
  // Found by key or by index, a plan is kept only if it covers a wanted listing (bulkGet gives undefined for the rest).
  return distinctInKeyOrder([...own, ...pooled].filter((p): p is PlanRow => p !== undefined && covers(p)));
}

/** Past this many listings, plans covering them may be read by one scan of the table (readsWhole). */
const WHOLE_TABLE_PAST_LISTINGS = 200;

/**
 * Whether the plans covering `listingCount` listings are read by one scan of the plans table:
 * past WHOLE_TABLE_PAST_LISTINGS listings that are a third of the plans or more (whole-table.ts).
 * @example readsWhole(5_000, 10_000) // true
 */
function readsWhole(listingCount: number, planCount: number | undefined): boolean {
  return listingCount > WHOLE_TABLE_PAST_LISTINGS && planCount !== undefined && wantsMostOf(listingCount, planCount);
}

/**
 * The plans covering a listing of a marketplace (listing keys starting with `prefix`, as
 * `amazon|amazon.de|`), in key order: listing plans by a range of their keys, pool plans by a
 * range of the `poolListingKeys` index.
 * @example await plansCoveringPrefix(db, 'amazon|amazon.de|')
 */
export async function plansCoveringPrefix(db: StoreDb, prefix: string): Promise<PlanRow[]> {
  const [own, pooled] = await Promise.all([
    db.plans.where(':id').between(prefix, `${prefix}\uffff`, true, true).toArray(),
    db.plans.where('poolListingKeys').between(prefix, `${prefix}\uffff`, true, true).toArray(),
  ]);
  return distinctInKeyOrder([...own, ...pooled]);
}

/** Plans found more than once (by key and by index, or by several listings) kept once (the last found), in key order. */
function distinctInKeyOrder(rows: readonly PlanRow[]): PlanRow[] {
  const byKey = new Map(rows.map((p) => [p.key, p]));
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** @example (await getPlans(db, ['amazon|amazon.com|A']))[0]?.plan.daysOfCover */
export async function getPlans(db: StoreDb, keys: readonly string[]): Promise<(PlanRow | undefined)[]> {
  return db.plans.bulkGet(keys as string[]);
}
