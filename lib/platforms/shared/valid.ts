/**
 * A fast, allocation-free check that a record satisfies its zod schema (lib/records.ts), used
 * before falling back to `schema.safeParse`. Reading a 5,000-row page validates 5,000 records,
 * and zod's parse allocates several objects per field; in Chromium that garbage, collected
 * next to a large page DOM, cost more than the reading itself.
 *
 * Contract: `fastValidListing(r)` / `fastValidOrder(r)` return true only for records the
 * schema accepts (each rule is as strict as or stricter than the schema's); on false the caller
 * runs `safeParse`, which decides (and names the problem). So the outcome is always the
 * schema's. valid.test.ts pins every rule to the schema with generated records, and fails when
 * the schema gains a field this file has no rule for.
 */
import { ACCOUNT_ID_PATTERN, FULFILLMENT_CHANNELS, LISTING_STATUSES, ORDER_STATUSES, PLATFORMS, SIZE_TIERS, isoDateTimeSchema } from '../../records';

type Rule = (v: unknown) => boolean;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ASIN = /^[A-Z0-9]{10}$/;
const GTIN = /^\d{8,14}$/;
const CURRENCY = /^[A-Z]{3}$/;

const oneOf = (values: readonly string[]): Rule => {
  const set = new Set<unknown>(values);
  return (v) => set.has(v);
};
const text =
  (min: number, max: number): Rule =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
const pattern =
  (re: RegExp): Rule =>
  (v) =>
    typeof v === 'string' && re.test(v);
const int =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const quantity = int(0, 1e9);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
// Rules are built once: a rule built inside another would be a new closure for every row read.
const amountMinor = int(-1e12, 1e12);
const currencyCode = pattern(CURRENCY);
const windowDays = int(1, 400);
const dayCount = int(0, Number.MAX_SAFE_INTEGER);
const money: Rule = (v) => isPlain(v) && amountMinor(v.amountMinor) && currencyCode(v.currency);
const arrayOf =
  (max: number, item: Rule): Rule =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    for (const x of v) if (!item(x)) return false;
    return true;
  };

/**
 * What `Date.prototype.toISOString` writes for years 0000–9999, the only form readers give
 * observedAt. A string of this form that round-trips through Date is a real instant, which the
 * schema's datetime rule accepts; checking that by hand spares the first read of a page zod's
 * cold first parse (about 1 ms in Chromium).
 */
const TO_ISO_STRING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isoInstant = (v: string): boolean => {
  if (!TO_ISO_STRING.test(v)) return false;
  const time = Date.parse(v);
  return !Number.isNaN(time) && new Date(time).toISOString() === v;
};

/** observedAt is the same string for every record of a read: the verdict is memoised. */
let lastDateTime: unknown;
let lastDateTimeOk = false;
const isoDateTime: Rule = (v) => {
  if (typeof v !== 'string') return false;
  if (v !== lastDateTime) {
    lastDateTime = v;
    lastDateTimeOk = isoInstant(v) || isoDateTimeSchema.safeParse(v).success;
  }
  return lastDateTimeOk;
};

const COMMON: Record<string, Rule> = {
  platform: oneOf(PLATFORMS),
  marketplace: text(1, 40),
  source: text(1, 80),
  observedAt: isoDateTime,
  observedDate: pattern(ISO_DATE),
  // Set by the background from the account the page showed.
  account: pattern(ACCOUNT_ID_PATTERN),
};

/** One rule per field of listingObservationSchema. */
export const LISTING_RULES: Record<string, Rule> = {
  kind: (v) => v === 'listing',
  ...COMMON,
  sku: text(1, 200),
  asin: pattern(ASIN),
  fnsku: text(0, 20),
  itemId: text(0, 40),
  gtin: pattern(GTIN),
  title: text(0, 2000),
  status: oneOf(LISTING_STATUSES),
  fulfillment: oneOf(FULFILLMENT_CHANNELS),
  parentSku: text(0, 200),
  variation: text(0, 500),
  available: quantity,
  inbound: quantity,
  reserved: quantity,
  reservedCustomerOrders: quantity,
  unfulfillable: quantity,
  price: money,
  unitsSold: arrayOf(10, (s) => isPlain(s) && windowDays(s.windowDays) && quantity(s.units)),
  cumulativeSold: quantity,
  platformDaysOfSupply: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e6,
  platformHistoricalDaysOfSupply: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e6,
  unitCubicFeet: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1000,
  sizeTier: oneOf(SIZE_TIERS),
  shippingWeightOz: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1e6,
  ageBuckets: arrayOf(20, (b) => isPlain(b) && dayCount(b.minDays) && (b.maxDays === null || dayCount(b.maxDays)) && quantity(b.units)),
  recommendedAction: text(0, 200),
  recommendedQuantity: quantity,
  recommendedShipDate: pattern(ISO_DATE),
  alert: text(0, 200),
  estimatedStorageCost: money,
  watchers: quantity,
  startDate: pattern(ISO_DATE),
};
export const LISTING_REQUIRED = ['kind', 'platform', 'marketplace', 'source', 'observedAt', 'observedDate', 'sku'];

/** One rule per field of orderObservationSchema. */
export const ORDER_RULES: Record<string, Rule> = {
  kind: (v) => v === 'order',
  ...COMMON,
  orderId: text(1, 60),
  sku: text(1, 200),
  quantity,
  status: oneOf(ORDER_STATUSES),
  orderDate: pattern(ISO_DATE),
  itemPrice: money,
  fulfillment: oneOf(FULFILLMENT_CHANNELS),
};
export const ORDER_REQUIRED = ['kind', 'platform', 'marketplace', 'source', 'observedAt', 'observedDate', 'orderId', 'sku', 'quantity', 'status', 'orderDate'];

function check(record: object, rules: Record<string, Rule>, required: readonly string[]): boolean {
  if (!isPlain(record)) return false;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) return false;
    const rule = rules[key];
    // Unknown or undefined fields: leave the verdict to the schema.
    if (!rule || !rule(record[key])) return false;
  }
  for (const key of required) if (!(key in record)) return false;
  return true;
}

/** True only if listingObservationSchema accepts `record` (false: ask the schema). */
export const fastValidListing = (record: object): boolean => check(record, LISTING_RULES, LISTING_REQUIRED);
/** True only if orderObservationSchema accepts `record` (false: ask the schema). */
export const fastValidOrder = (record: object): boolean => check(record, ORDER_RULES, ORDER_REQUIRED);
