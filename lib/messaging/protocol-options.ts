/**
 * Messages of the options page (settings, import, products, charts, export, data).
 * Merged into the one protocol map in protocol.ts. They change or reveal all of the seller's
 * data, so only the extension's own pages may send them (`senders: ['extension']`), and only the
 * options page deleting everything (`['options']`); the chart is the exception, since the
 * in-page panel asks for it too.
 */
import { z } from 'zod';
import { chartSeriesSchema } from '../charts/series';
import { mergedProductSchema, mergedReportSchema } from '../export/merged-data';
import { newestFeeFactsSchema } from '../import/fee-facts';
import { packedRowsSchema } from '../import/packed-rows';
import { accountIdSchema, isoDateTimeSchema, observationSchema, platformSchema, quantitySchema, type Observation } from '../records';
import { URGENCY_LEVELS } from '../planning/urgency';

/** A listing key (platform|marketplace|sku) or product id, as the store writes them. */
const storeKey = z.string().min(1).max(400);

const productChartRequestSchema = z
  .object({
    /** Chart of one listing (the in-page panel's case)... */
    listingKey: storeKey.optional(),
    /** ...or of a product: its listings' demand pooled, stock summed over its pools. */
    productId: storeKey.optional(),
    /** Days of history to return (the most recent). */
    historyDays: z.number().int().min(7).max(1100).default(90),
    /** Days of forecast to return. */
    horizonDays: z.number().int().min(7).max(365).default(60),
  })
  .refine((r) => (r.listingKey === undefined) !== (r.productId === undefined), { message: 'Give either listingKey or productId' });

/**
 * Rows per `import/commit` message: large enough to be quick, small enough to keep each message
 * and transaction short (a 10,000-line batch of order history is about 1 MB and 0.1 s of the
 * background's time). 5,000 spent a tenth of a 500,000-line import more on IndexedDB round trips
 * and on rewriting the day chunks two batches share (import bench, Chromium, 2026-12-04:
 * storing 5.5-5.7 s against 6.3-6.7 s; 20,000 was no faster).
 */
export const IMPORT_BATCH_ROWS = 10_000;

/** One batch of confirmed report rows (`import/commit`). */
const importCommitRequestSchema = z.object({
  importId: z.string().min(1).max(80),
  /** 0 for the first batch of an import. */
  batchIndex: z.number().int().min(0),
  rows: z.array(observationSchema).max(IMPORT_BATCH_ROWS),
  last: z.boolean(),
  /**
   * The seller account the seller chose for the files (absent: the default account). Every
   * row is stored under it, whatever account a row names: a file does not say its account.
   */
  account: accountIdSchema.optional(),
});

/**
 * Characters of one packed batch (lib/import/packed-rows.ts) at most: 10,000 rows of about 3,000
 * characters each (a 2,000-character title, every other text near its limit) fit; an order
 * history's batch is about 1 MB.
 */
const PACKED_BATCH_CHARS = 32 * 1024 * 1024;

/**
 * One batch of confirmed report rows as the options page keeps them after its preview
 * (`import/commit-packed`): the rows packed into a string, read and checked row by row with
 * observationSchema by the dispatcher, so the handler gets what `import/commit` gets.
 */
const importCommitPackedRequestSchema = importCommitRequestSchema.omit({ rows: true }).extend({
  packed: packedRowsSchema(IMPORT_BATCH_ROWS, PACKED_BATCH_CHARS),
});

const importCommitResponseSchema = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  rejected: z.number().int(),
  newListings: z.number().int(),
  replanned: z.boolean(),
});

const linkRuleSchema = z.enum(['none', 'sku', 'gtin', 'asin', 'manual']);

const productListingSchema = z.object({
  key: z.string(),
  platform: platformSchema,
  marketplace: z.string(),
  sku: z.string(),
  title: z.string().optional(),
  /** The rule that put the listing in its product: sku / gtin / asin automatically, manual by hand, none = founded it. */
  linkRule: linkRuleSchema,
  available: z.number().int().nullable(),
  poolId: z.string().nullable(),
});
export type ProductListing = z.infer<typeof productListingSchema>;

/** The orders the product list can be sorted in (lib/background/product-order.ts says how). */
export const PRODUCT_SORTS = ['urgency', 'cover', 'name'] as const;

const productSummarySchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  listings: z.array(productListingSchema),
  /** Whether any of the product's stocks has a plan yet. */
  planned: z.boolean(),
  /** The most urgent level of its stocks' plans under the one urgency rule ('unknown' until planned). */
  urgency: z.enum(URGENCY_LEVELS),
  /** Lowest health score of the product's pools (null = not planned yet, or not enough data: see `planned`). */
  healthScore: z.number().int().nullable(),
  daysOfCover: z.number().nullable(),
  /** Units on hand over the product's pools, each pool counted once (sum of the known ones; null = none known). */
  available: z.number().int().nullable(),
  /** Units inbound over the product's pools. */
  inbound: z.number().int(),
  /** Physical stocks (pools) the product's listings sell from, each once with its units on hand (null = unknown), as the position's pools. */
  pools: z.array(z.object({ poolId: z.string(), stock: z.number().int().nullable() })),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

const calibrationEntrySchema = z.object({
  id: z.number().int().optional(),
  listingKey: z.string(),
  onHand: z.number().int(),
  previous: z.number().int().nullable(),
  reason: z.string(),
  by: z.string(),
  at: isoDateTimeSchema,
});
const returnEntrySchema = z.object({
  id: z.number().int(),
  listingKey: z.string(),
  units: z.number().int(),
  orderId: z.string().optional(),
  reason: z.string().optional(),
  receivedAt: isoDateTimeSchema,
  status: z.enum(['held', 'sellable', 'disposed']),
  resolvedAt: isoDateTimeSchema.optional(),
  resolvedBy: z.string().optional(),
});

export type CalibrationEntry = z.infer<typeof calibrationEntrySchema>;
export type ReturnEntry = z.infer<typeof returnEntrySchema>;

const done = z.object({ ok: z.literal(true) });
const person = z.string().trim().min(1).max(200);

/** An own warehouse (stock pool `own:main` or a seller-made `own:<name>`) as the options page lists it. */
const warehouseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Listings drawing from it now. */
  listings: z.number().int().min(0),
  /** `own:main`, every seller-fulfilled listing's automatic pool: renamed, never deleted. */
  isDefault: z.boolean(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;
/**
 * Same limits as the store's (lib/store/adjustments.ts createWarehouse). The options page checks a
 * name before sending it and says why in the seller's language, so these English words reach no seller.
 */
const warehouseNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'A warehouse needs a name' })
  .max(200, { message: 'A warehouse name can be at most 200 characters' });
const warehouseId = z.string().startsWith('own:', { message: 'Not one of your warehouses' }).max(400);

export const optionsProtocol = {
  /**
   * The series a product chart draws (lib/charts): reconstructed daily demand (censored days
   * null), forecast mean and cumulative p50/p90 per day, stock and reorder point from the plan.
   * Used by the options page and the in-page expanded panel.
   */
  'product/chart': {
    senders: ['content', 'extension'],
    request: productChartRequestSchema,
    response: chartSeriesSchema,
  },

  /** Products with their listings, in product id order; `search` matches SKU, title or product name. */
  'products/list': {
    senders: ['extension'],
    request: z.object({
      search: z.string().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      sort: z.enum(PRODUCT_SORTS).default('urgency'),
    }),
    response: z.object({ products: z.array(productSummarySchema), total: z.number().int() }),
  },
  /**
   * A product's whole position (each pool once: on-hand and its source, inbound, reserved,
   * returns held, the pool's plan, and each listing's channel line), its stock calibration
   * history (newest first) and returns.
   */
  'products/detail': {
    senders: ['extension'],
    request: z.object({ productId: storeKey }),
    response: z.object({
      product: productSummarySchema,
      position: mergedProductSchema,
      calibrations: z.array(calibrationEntrySchema),
      returns: z.array(returnEntrySchema),
    }),
  },
  /** Moves a listing into another product by hand (rule becomes 'manual'); re-plans both. */
  'products/link': {
    senders: ['extension'],
    request: z.object({ listingKey: storeKey, productId: storeKey }),
    response: done,
  },
  /** Takes a listing out of its product by hand; it stays apart on later readings. */
  'products/unlink': {
    senders: ['extension'],
    request: z.object({ listingKey: storeKey }),
    response: done,
  },
  /** The seller's count of on-hand stock for a listing (who, why); holds until the page shows stock again. */
  'products/calibrate': {
    senders: ['extension'],
    request: z.object({ listingKey: storeKey, onHand: quantitySchema, reason: z.string().trim().min(1).max(500), by: person }),
    response: done,
  },
  /** Returned units held apart, awaiting inspection. */
  'returns/record': {
    senders: ['extension'],
    request: z.object({ listingKey: storeKey, units: quantitySchema.min(1), orderId: z.string().max(60).optional(), reason: z.string().max(500).optional() }),
    response: done,
  },
  /** Inspected: back to sellable stock, or unsellable (disposed). */
  'returns/resolve': {
    senders: ['extension'],
    request: z.object({ id: z.number().int().positive(), status: z.enum(['sellable', 'disposed']), by: person }),
    response: done,
  },

  /** The seller's own warehouses (`own:main` first) with how many listings draw from each. */
  'warehouses/list': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({ warehouses: z.array(warehouseSchema) }),
  },
  /** A new own warehouse named by the seller (id `own:<slug of the name>`). */
  'warehouses/create': {
    senders: ['extension'],
    request: z.object({ name: warehouseNameSchema }),
    response: warehouseSchema,
  },
  /** Renames an own warehouse (`own:main` too); assignments keep its id. */
  'warehouses/rename': {
    senders: ['extension'],
    request: z.object({ id: warehouseId, name: warehouseNameSchema }),
    response: warehouseSchema,
  },
  /** Deletes an own warehouse no listing draws from (never `own:main`). */
  'warehouses/delete': {
    senders: ['extension'],
    request: z.object({ id: warehouseId }),
    response: done,
  },
  /**
   * Moves a seller-fulfilled listing to one of the seller's own warehouses (null = back to the
   * automatic pool of its fulfilment channel) and re-plans its product. FBA/WFS listings (stock
   * at Amazon/Walmart) are refused.
   */
  'listings/assign-pool': {
    senders: ['extension'],
    request: z.object({ listingKey: storeKey, poolId: warehouseId.nullable() }),
    response: z.object({ ok: z.literal(true), poolId: z.string().nullable() }),
  },

  /** The newest size tier, shipping weight and unit volume the readings show per SKU, with where and when (the SKU editor shows them under its fields). */
  'fee-facts/read': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({ facts: z.array(newestFeeFactsSchema) }),
  },
  /**
   * The SKUs stored under each ASIN of a marketplace, so a report without a SKU column
   * (Business Reports) is joined to known listings instead of refused.
   */
  'listings/sku-by-asin': {
    senders: ['extension'],
    /** `account`: the seller account the import goes to (absent: the default account). */
    request: z.object({ marketplace: z.string().min(1).max(40), account: accountIdSchema.optional() }),
    response: z.object({ pairs: z.array(z.object({ asin: z.string(), sku: z.string() })) }),
  },

  /**
   * Stores one batch of confirmed report rows. Batches of one import share `importId`; the
   * last one (`last: true`) re-plans every product the import touched.
   */
  'import/commit': {
    senders: ['extension'],
    request: importCommitRequestSchema,
    // The options page's rows come from its own report parser, and the dispatcher parses each
    // one (observationSchema): parsing every row in the page as well was about a sixth of the
    // messaging time of a 500,000-line import (issue 13). The page still checks the batch's fields.
    clientRequest: importCommitRequestSchema.extend({ rows: z.array(z.custom<Observation>()).max(IMPORT_BATCH_ROWS) }),
    response: importCommitResponseSchema,
  },

  /**
   * `import/commit` with the batch's rows packed as the options page's preview kept them (lib/import
   * pipeline): the storing pass neither parses the file again nor sends 5,000 objects per batch.
   * The page sends the string as it is; the dispatcher unpacks it and checks every row.
   */
  'import/commit-packed': {
    senders: ['extension'],
    request: importCommitPackedRequestSchema,
    clientRequest: importCommitPackedRequestSchema.extend({ packed: z.string().max(PACKED_BATCH_CHARS) }),
    response: importCommitResponseSchema,
  },

  /** Everything the merged report shows, language-neutral (reason codes, not text): lib/export builds CSV/XLSX/JSON. */
  'export/merged': {
    senders: ['extension'],
    request: z.object({}),
    response: mergedReportSchema,
  },

  /** Deletes every row; the confirmation word guards against a stray call. */
  'data/delete-all': {
    senders: ['options'],
    request: z.object({ confirm: z.literal('delete-all') }),
    response: done,
  },
  /** Rows per table and an approximate size. */
  'data/storage': {
    senders: ['extension'],
    request: z.object({}),
    response: z.object({
      tables: z.record(z.string(), z.object({ rows: z.number().int(), approxBytes: z.number() })),
      totalRows: z.number().int(),
      approxBytes: z.number(),
      browser: z.object({ usage: z.number().optional(), quota: z.number().optional() }).optional(),
    }),
  },
} as const;
