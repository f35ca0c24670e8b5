/**
 * Table `listings`: one row per platform + marketplace + seller SKU, holding the latest known
 * value of every field any page or report has shown for it, each with the time it was read.
 *
 * Latest is decided per field, by observation time: pages show different columns (Restock shows
 * sales, Manage Inventory shows stock), and "absent" means "not shown", so a newer reading
 * that lacks a column must not erase it, and an older reading (last week's report, a stale tab)
 * must not overwrite a newer value. Ties (same instant, different values) are broken by the
 * values themselves, so the state is a function of the SET of readings: merging them in any
 * order, any number of times, from any number of tabs, gives the same row.
 */
import { z } from 'zod';
import {
  accountIdSchema,
  DEFAULT_ACCOUNT,
  isoDateTimeSchema,
  listingKey,
  listingObservationSchema,
  platformSchema,
  type ListingObservation,
} from '../../records';
import { canonicalJson } from '../hash';

/** Fields of a listing reading that are identity or provenance, not state. */
const NON_STATE_FIELDS = ['kind', 'platform', 'marketplace', 'sku', 'account', 'source', 'observedAt', 'observedDate'] as const;

const listingStateSchema = listingObservationSchema.omit({
  kind: true,
  platform: true,
  marketplace: true,
  sku: true,
  account: true,
  source: true,
  observedAt: true,
  observedDate: true,
});
type ListingState = z.infer<typeof listingStateSchema>;
type ListingStateField = keyof ListingState;
export const LISTING_STATE_FIELDS = Object.keys(listingStateSchema.shape) as ListingStateField[];

/** How a listing came to belong to its product. 'none': it founded its own product, nothing matched. */
const LINK_RULES = ['none', 'sku', 'gtin', 'asin', 'manual'] as const;
export type LinkRule = (typeof LINK_RULES)[number];

export const listingRowSchema = listingStateSchema.extend({
  key: z.string().min(1),
  platform: platformSchema,
  marketplace: z.string().min(1),
  sku: z.string().min(1),
  /** Seller account (absent = the default account, whose keys are those of stores before accounts). */
  account: accountIdSchema.optional(),
  productId: z.string().min(1),
  /** 'manual' = the seller linked or unlinked it by hand; automatic linking never moves it again. */
  linkRule: z.enum(LINK_RULES),
  linkedAt: isoDateTimeSchema,
  /** Pool the listing draws from (undefined while its fulfilment channel is unknown). */
  poolId: z.string().optional(),
  /** 'manual' = the seller chose the pool; a change of fulfilment channel does not move it. */
  poolRule: z.enum(['auto', 'manual']),
  /** GTIN padded to 14 digits, so a UPC-12 and the same EAN-13 match. */
  gtinKey: z.string().optional(),
  /** When each state field was last read (UTC ISO). */
  fieldObservedAt: z.record(z.string(), isoDateTimeSchema),
  firstSeenAt: isoDateTimeSchema,
  /** Newest reading of any field. */
  lastObservedAt: isoDateTimeSchema,
  /** Identifiers automatic linking matches on, as one multi-entry index: see linkKeysOf. */
  linkKeys: z.array(z.string()).optional(),
});
export type ListingRow = z.infer<typeof listingRowSchema>;

/**
 * GTIN/UPC/EAN digits in one comparable form (GTIN-14).
 * @example gtinKeyOf('012345678905') // '00012345678905'
 */
function gtinKeyOf(gtin: string | undefined): string | undefined {
  return gtin === undefined ? undefined : gtin.padStart(14, '0');
}

/**
 * The keys a listing is found by when linking: its SKU, GTIN key and ASIN, prefixed by kind,
 * in one always-present multi-entry index (schema v3) instead of three indexes, two of them
 * usually empty: every index costs on every write of the row. A non-default account's keys
 * are prefixed by the account (`<account>/s:MUG-1`), so automatic linking never finds another
 * account's listings (only the seller links across accounts, by hand).
 * @example linkKeysOf({ sku: 'MUG-1', asin: 'B000000001' }) // ['s:MUG-1', 'a:B000000001']
 * @example linkKeysOf({ sku: 'MUG-1', account: 'amazon-b' }) // ['amazon-b/s:MUG-1']
 */
export function linkKeysOf(row: Pick<ListingRow, 'sku' | 'gtinKey' | 'asin'> & { account?: string | undefined }): string[] {
  const keys = [linkKeyOf('s', row.sku, row.account)];
  if (row.gtinKey !== undefined) keys.push(linkKeyOf('g', row.gtinKey, row.account));
  if (row.asin !== undefined) keys.push(linkKeyOf('a', row.asin, row.account));
  return keys;
}

/**
 * One link key: kind, identifier, and the account's prefix unless it is the default account.
 * @example linkKeyOf('s', 'MUG-1', 'amazon-b') // 'amazon-b/s:MUG-1'
 */
export function linkKeyOf(kind: 's' | 'g' | 'a', id: string, account: string | undefined): string {
  return account === undefined || account === DEFAULT_ACCOUNT ? `${kind}:${id}` : `${account}/${kind}:${id}`;
}

/** Above every rank of the urgency rule (lib/planning/urgency.ts): listings without a plan sort after those with one. */
export const NO_PLAN_BASE = 1e7;

/**
 * Fields only the full listing row holds (schema v4): values that change with almost every
 * page read. The indexed `listings` table holds the rest (identity, links, pool, plan and the
 * descriptive fields the popup shows and linking matches on), so a page read that only moves
 * stock, prices and sales counts rewrites no indexed row.
 */
const HOT_FIELDS = [
  'available',
  'inbound',
  'reserved',
  'reservedCustomerOrders',
  'unfulfillable',
  'price',
  'unitsSold',
  'cumulativeSold',
  'platformDaysOfSupply',
  'platformHistoricalDaysOfSupply',
  'ageBuckets',
  'recommendedAction',
  'recommendedQuantity',
  'recommendedShipDate',
  'alert',
  'estimatedStorageCost',
  'watchers',
  'fieldObservedAt',
  'lastObservedAt',
] as const satisfies readonly (keyof ListingRow)[];
export type HotField = (typeof HOT_FIELDS)[number];

/**
 * Which plan a listing shows, as its indexed row carries it: the plan's key only (savePlans
 * writes it; every other write of the indexed row carries it over). It changes only when the
 * listing's plan does (a first plan, a move between pools), so a re-plan that moves days of
 * cover rewrites no listing row: the plan itself is read from `plans` by this key, and the
 * at-risk sort key and risk types live in the shown chunks (tables/shownChunks.ts, schema v9;
 * in the search chunks in v8), which the popup's list reads. Never in the full row's chunk.
 */
export type ListingPlanFields = {
  planKey?: string;
};

/**
 * Plan fields earlier stores kept on listing rows (v2-v7 on the indexed rows; before v4 in the
 * full rows, whose chunks may still hold them): dropped wherever a row is read or copied.
 */
const PLAN_FIELDS = ['planKey', 'daysOfCover', 'riskTypes', 'urgency', 'plan'] as const;

/**
 * The plan fields of a listing without a plan (a new listing until its first re-plan).
 * @example noPlanFields().planKey // undefined
 */
export function noPlanFields(): ListingPlanFields {
  return {};
}

/**
 * The plan fields of an indexed row (those it carries over to its next version).
 * @example planFieldsOf(indexRow).planKey
 */
export function planFieldsOf(row: ListingPlanFields): ListingPlanFields {
  return row.planKey === undefined ? {} : { planKey: row.planKey };
}

/** A row of the indexed `listings` table: the full row without its hot fields, plus the plan it shows. */
export type ListingIndexRow = Omit<ListingRow, HotField> & ListingPlanFields;

/** Fields not copied from a full row to its indexed row: the hot ones, and plan fields older stores left in chunks. */
const NOT_INDEXED_FROM_FULL = new Set<string>([...HOT_FIELDS, ...PLAN_FIELDS]);

/**
 * The indexed row of a full listing row showing this plan.
 * @example indexRowOf(row, noPlanFields()).available // undefined
 */
export function indexRowOf(row: ListingRow, plan: ListingPlanFields): ListingIndexRow {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) if (!NOT_INDEXED_FROM_FULL.has(k)) out[k] = (row as unknown as Record<string, unknown>)[k];
  return { ...(out as Omit<ListingRow, HotField>), ...planFieldsOf(plan) };
}

/**
 * A full row as its chunk keeps it: without the plan fields stores from before left there
 * (the row itself when it has none).
 * @example 'urgency' in withoutPlanFields({ ...row, urgency: 3 } as ListingRow) // false
 */
export function withoutPlanFields(row: ListingRow): ListingRow {
  const fields = row as unknown as Record<string, unknown>;
  if (!PLAN_FIELDS.some((k) => k in fields)) return row;
  const out = { ...fields };
  for (const k of PLAN_FIELDS) delete out[k];
  return out as unknown as ListingRow;
}

/**
 * Whether two full rows have the same indexed projection, plan fields aside (so the indexed
 * row need not be rewritten).
 * @example sameIndexRow(row, { ...row, available: 3 }) // true
 */
export function sameIndexRow(a: ListingRow, b: ListingRow): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (NOT_INDEXED_FROM_FULL.has(k)) continue;
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (x === y) continue;
    if (x === undefined || y === undefined || typeof x !== 'object' || typeof y !== 'object') return false;
    if (canonicalJson(x) !== canonicalJson(y)) return false;
  }
  return true;
}

/**
 * A listing row before any field is applied (linking fills productId/linkRule later).
 * @example newListingRow({ platform: 'ebay', marketplace: 'ebay.com', sku: 'A' }, '2024-01-01T00:00:00.000Z').key // 'ebay|ebay.com|A'
 */
export function newListingRow(id: Pick<ListingObservation, 'platform' | 'marketplace' | 'sku' | 'account'>, firstSeenAt: string): ListingRow {
  const account = id.account === DEFAULT_ACCOUNT ? undefined : id.account;
  return {
    key: listingKey(id),
    platform: id.platform,
    marketplace: id.marketplace,
    sku: id.sku,
    ...(account === undefined ? {} : { account }),
    productId: '',
    linkRule: 'none',
    linkedAt: firstSeenAt,
    poolRule: 'auto',
    fieldObservedAt: {},
    firstSeenAt,
    lastObservedAt: firstSeenAt,
    linkKeys: linkKeysOf({ sku: id.sku, account }),
  };
}

interface ApplyOutcome {
  row: ListingRow;
  /** Some field's value changed. */
  valueChanged: boolean;
  /** Anything in the row changed (values or read times). */
  changed: boolean;
  /** The reading showed fields but every one of them had a newer reading already. */
  stale: boolean;
}

/**
 * Folds one reading into a listing row, field by field, newest reading winning.
 * `observedAt` must be normalised UTC ISO (toISOString) so string order is time order.
 * @example applyListingObservation(row, { ...obs, available: 3 }, '2024-05-02T10:00:00.000Z').row.available // 3 unless a newer reading showed available
 */
export function applyListingObservation(row: ListingRow, obs: ListingObservation, observedAt: string): ApplyOutcome {
  let next: ListingRow | undefined;
  let valueChanged = false;
  let shown = 0;
  let lost = 0;
  const source = obs as unknown as Record<string, unknown>;
  for (const field of LISTING_STATE_FIELDS) {
    const value = source[field];
    if (value === undefined) continue;
    shown++;
    const current = (next ?? row).fieldObservedAt[field];
    const currentValue = (row as unknown as Record<string, unknown>)[field];
    let wins: boolean;
    if (current === undefined || observedAt > current) wins = true;
    else if (observedAt < current) wins = false;
    else wins = canonicalJson(value) > canonicalJson(currentValue); // same instant: larger value wins, for any merge order
    if (!wins) {
      if (current !== observedAt) lost++;
      continue;
    }
    next ??= { ...row, fieldObservedAt: { ...row.fieldObservedAt } };
    if (canonicalJson(value) !== canonicalJson(currentValue)) valueChanged = true;
    (next as unknown as Record<string, unknown>)[field] = value;
    next.fieldObservedAt[field] = observedAt;
  }
  if (observedAt > (next ?? row).lastObservedAt) {
    next ??= { ...row };
    next.lastObservedAt = observedAt;
  }
  if (observedAt < (next ?? row).firstSeenAt) {
    next ??= { ...row };
    next.firstSeenAt = observedAt;
  }
  if (next && valueChanged) {
    next.gtinKey = gtinKeyOf(next.gtin);
    next.linkKeys = linkKeysOf(next);
  }
  return { row: next ?? row, valueChanged, changed: next !== undefined, stale: shown > 0 && lost === shown };
}

export { NON_STATE_FIELDS };
