/**
 * The records that page readers and report parsers produce, and the only shape the store
 * and the planning core accept from them. Every record crosses a boundary (content script
 * -> background message, imported file -> store), so each is a zod schema, validated there.
 *
 * Conventions (DEVELOPERS.md): quantities are integers; money is integer minor units plus an
 * ISO 4217 code; calendar days are ISO dates (YYYY-MM-DD) in the marketplace's time zone;
 * instants are ISO date-times in UTC.
 */
import { z } from 'zod';

export const PLATFORMS = ['amazon', 'walmart', 'ebay'] as const;
export const platformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;

/** Where the units ship from: Amazon FBA, Walmart WFS, or the seller's own warehouse (FBM, seller-fulfilled, eBay). */
export const FULFILLMENT_CHANNELS = ['FBA', 'WFS', 'SELLER'] as const;
export const fulfillmentChannelSchema = z.enum(FULFILLMENT_CHANNELS);
export type FulfillmentChannel = z.infer<typeof fulfillmentChannelSchema>;

export const LISTING_STATUSES = ['active', 'inactive', 'suppressed', 'incomplete', 'out_of_stock', 'ended', 'unknown'] as const;
const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof listingStatusSchema>;

/**
 * Amazon's product size tiers, as the fee schedules (lib/fees) price them: shared/reference/fees.md
 * names these four US tiers. Declared here because records carry a tier a report showed.
 */
export const SIZE_TIERS = ['small-standard', 'large-standard', 'large-bulky', 'extra-large'] as const;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const isoDateTimeSchema = z.string().datetime({ offset: true });

/** A non-negative integer count of units. Readers must round-trip only what the page showed. */
export const quantitySchema = z.number().int().nonnegative().max(1e9);

export const moneySchema = z.object({
  /** Integer minor units (cents; yen have no minor unit, so 1234 = ¥1,234). */
  amountMinor: z.number().int().min(-1e12).max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof moneySchema>;

/** Units sold in the `windowDays` days up to and including `asOf` (e.g. "units sold last 30 days"). */
const windowedSalesSchema = z.object({
  windowDays: z.number().int().min(1).max(400),
  units: quantitySchema,
});

/** Units of a given age in the fulfilment centre (maxDays null = open-ended "365+"). */
const ageBucketSchema = z.object({
  minDays: z.number().int().nonnegative(),
  maxDays: z.number().int().nonnegative().nullable(),
  units: quantitySchema,
});

const text = (max: number) => z.string().max(max);

/**
 * The store's id of a seller account: `default` (every store made before accounts existed, and
 * the first account seen on each platform), else made from the platform and the seller id the
 * page showed (lib/accounts). Absent on a record = the default account.
 */
export const DEFAULT_ACCOUNT = 'default';
export const ACCOUNT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, 'expected an account id (a-z, 0-9, -)');

const commonFields = {
  platform: platformSchema,
  /**
   * Seller account the reading belongs to (absent = the default account). Set by the background
   * from the account the page showed, never taken from a page's rows (lib/background/page-handlers.ts).
   */
  account: accountIdSchema.optional(),
  /** Marketplace id from lib/locale/markets.ts, e.g. "amazon.com", "amazon.de", "walmart.com", "ebay.co.uk". */
  marketplace: text(40).min(1),
  /** Reader or report that produced the record, e.g. "amazon/manage-inventory", "report:amazon/fba-myi". */
  source: text(80).min(1),
  /** When the reading was taken (page read time, or report snapshot time). */
  observedAt: isoDateTimeSchema,
  /** The calendar day of observedAt in the marketplace's time zone. */
  observedDate: isoDateSchema,
};

/**
 * What one page row or report row showed about one listing at one moment. Every measured
 * field is optional: a page shows what it shows, and absent means "not shown", never 0.
 */
export const listingObservationSchema = z.object({
  kind: z.literal('listing'),
  ...commonFields,
  sku: text(200).min(1),
  asin: z
    .string()
    .regex(/^[A-Z0-9]{10}$/)
    .optional(),
  fnsku: text(20).optional(),
  /** Walmart item id / eBay item number. */
  itemId: text(40).optional(),
  /** GTIN, UPC or EAN digits. */
  gtin: z
    .string()
    .regex(/^\d{8,14}$/)
    .optional(),
  title: text(2000).optional(),
  status: listingStatusSchema.optional(),
  fulfillment: fulfillmentChannelSchema.optional(),
  /** Set on variation children: the parent's SKU (or item number on eBay). */
  parentSku: text(200).optional(),
  /** Variation details as shown, e.g. "Color=Red; Size=M". */
  variation: text(500).optional(),
  /** Sellable units on hand (FBA fulfillable / FBM quantity / WFS available / eBay available). */
  available: quantitySchema.optional(),
  inbound: quantitySchema.optional(),
  reserved: quantitySchema.optional(),
  /** Units already sold and waiting to ship (part of reserved when the page splits it). */
  reservedCustomerOrders: quantitySchema.optional(),
  unfulfillable: quantitySchema.optional(),
  price: moneySchema.optional(),
  /** Windowed sales counts shown on the page (t7/t30/t90). */
  unitsSold: z.array(windowedSalesSchema).max(10).optional(),
  /** Cumulative sold count over the listing's life (eBay "Sold quantity"). */
  cumulativeSold: quantitySchema.optional(),
  /** The marketplace's own days-of-supply figure, kept for comparison. */
  platformDaysOfSupply: z.number().nonnegative().max(1e6).optional(),
  /** Amazon's "Historical days of supply" (FBA Inventory, inventory health report): the figure the low-inventory fee uses. */
  platformHistoricalDaysOfSupply: z.number().nonnegative().max(1e6).optional(),
  /** One unit's volume in cubic feet, where a report shows it (per-unit-volume, item-volume): the storage fees' volume. */
  unitCubicFeet: z.number().positive().max(1000).optional(),
  /** Amazon's size tier for the fees, where a report shows it (Fee Preview's product-size-tier). */
  sizeTier: z.enum(SIZE_TIERS).optional(),
  /** One unit's shipping weight in ounces (the low-inventory fee's rate rows go by it), where a report shows the unit's weight. */
  shippingWeightOz: z.number().positive().max(1e6).optional(),
  ageBuckets: z.array(ageBucketSchema).max(20).optional(),
  recommendedAction: text(200).optional(),
  recommendedQuantity: quantitySchema.optional(),
  recommendedShipDate: isoDateSchema.optional(),
  alert: text(200).optional(),
  estimatedStorageCost: moneySchema.optional(),
  watchers: quantitySchema.optional(),
  /** Listing creation / start date. */
  startDate: isoDateSchema.optional(),
});
export type ListingObservation = z.infer<typeof listingObservationSchema>;

export const ORDER_STATUSES = ['pending', 'unshipped', 'shipped', 'cancelled'] as const;
export const orderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** One order line (one SKU within one order) as seen on an orders page or report. */
export const orderObservationSchema = z.object({
  kind: z.literal('order'),
  ...commonFields,
  orderId: text(60).min(1),
  sku: text(200).min(1),
  quantity: quantitySchema,
  status: orderStatusSchema,
  /** Purchase day in the marketplace's time zone. */
  orderDate: isoDateSchema,
  itemPrice: moneySchema.optional(),
  fulfillment: fulfillmentChannelSchema.optional(),
});
export type OrderObservation = z.infer<typeof orderObservationSchema>;

export const observationSchema = z.discriminatedUnion('kind', [listingObservationSchema, orderObservationSchema]);
export type Observation = z.infer<typeof observationSchema>;

/** Something a reader could not understand, shown to the seller (never silently dropped). */
export const diagnosticSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, e.g. "missing-column", "unknown-language", "bad-number". */
  code: text(60),
  /** English message; the UI may translate by code with `params`. */
  message: text(500),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Row key (SKU) or 1-based line number in a report, when the problem is in one row. */
  row: z.union([z.string(), z.number()]).optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** What every page adapter and report parser returns. */
export interface ReadResult<T = Observation> {
  rows: T[];
  diagnostics: Diagnostic[];
}

/**
 * A listing key's platform, marketplace and SKU (listingKey below; an account suffix `|@id` is dropped).
 * @example listingKeyParts('amazon|amazon.com|MUG-1|@amazon-b') // { platform: 'amazon', marketplace: 'amazon.com', sku: 'MUG-1' }
 */
export function listingKeyParts(listingKey: string): { platform: string; marketplace: string; sku: string } {
  const parts = listingKey.split('|');
  if (parts.length > 3 && parts.at(-1)!.startsWith('@')) parts.pop();
  return { platform: parts[0] ?? '', marketplace: parts[1] ?? '', sku: parts.slice(2).join('|') };
}

/** Stable identity of a listing across readings. */
export function listingKey(o: { platform: Platform; marketplace: string; sku: string; account?: string | undefined }): string {
  return withAccount(`${o.platform}|${o.marketplace}|${o.sku}`, o.account);
}

/**
 * A key in an account's namespace: the default account's keys are the keys stores had before
 * accounts existed (so old stores and backups need no rewrite); another account's get `|@<id>`
 * appended (platform and marketplace stay the first two `|` fields, which code reads back).
 * @example withAccount('amazon|amazon.com|MUG-1', 'amazon-a2b') // 'amazon|amazon.com|MUG-1|@amazon-a2b'
 * @example withAccount('amazon|amazon.com|MUG-1', undefined) // 'amazon|amazon.com|MUG-1'
 */
export function withAccount(key: string, account: string | undefined): string {
  return account === undefined || account === DEFAULT_ACCOUNT ? key : `${key}|@${account}`;
}

/**
 * The account a key made by withAccount belongs to.
 * @example accountOfKey('amazon|amazon.com|MUG-1|@amazon-a2b') // 'amazon-a2b'
 * @example accountOfKey('amazon|amazon.com|MUG-1') // 'default'
 */
export function accountOfKey(key: string): string {
  const at = key.lastIndexOf('|@');
  if (at < 0) return DEFAULT_ACCOUNT;
  const id = key.slice(at + 2);
  return accountIdSchema.safeParse(id).success ? id : DEFAULT_ACCOUNT;
}
