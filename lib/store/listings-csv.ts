/**
 * The listings export: every listing as one CSV row, with the days of cover of the plan it shows.
 */
import { DEFAULT_ACCOUNT } from '../records';
import { toCsv } from '../export/csv';
import { marketplaceById } from '../locale/markets';
import type { StoreDb } from './db';
import { listListings } from './queries';

const CSV_COLUMNS = [
  'platform',
  'marketplace',
  'sku',
  'productId',
  'linkRule',
  'asin',
  'gtin',
  'title',
  'status',
  'fulfillment',
  'poolId',
  'available',
  'inbound',
  'reserved',
  'unfulfillable',
  'price',
  'currency',
  'daysOfCover',
  'lastObservedAt',
  /** Seller account (`default` for stores from before accounts): two accounts may both have a `MUG-1`. */
  'account',
] as const;

/** A cell as the CSV writer takes it (dates and other objects as their text). */
function cellValue(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

/**
 * Every listing as CSV text (RFC 4180 quoting, CRLF; the caller adds a BOM for Excel).
 * @example (await exportListingsCsv(db)).csv.split('\r\n')[0] // 'platform,marketplace,sku,...'
 */
export async function exportListingsCsv(db: StoreDb, account?: string): Promise<{ csv: string; rowCount: number }> {
  const rows = (await listListings(db)).filter((r) => account === undefined || (r.account ?? DEFAULT_ACCOUNT) === account);
  const cover = await daysOfCoverOf(db);
  const table: (string | number | boolean | undefined)[][] = [];
  for (const r of rows) {
    const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      platform: r.platform,
      marketplace: r.marketplace,
      account: r.account ?? DEFAULT_ACCOUNT,
      sku: r.sku,
      productId: r.productId,
      linkRule: r.linkRule,
      asin: r.asin,
      gtin: r.gtin,
      title: r.title,
      status: r.status,
      fulfillment: r.fulfillment,
      poolId: r.poolId,
      available: r.available,
      inbound: r.inbound,
      reserved: r.reserved,
      unfulfillable: r.unfulfillable,
      price: r.price ? Number(formatMinor(r.price.amountMinor, marketplaceById(r.marketplace)?.minorDigits ?? 2)) : undefined,
      currency: r.price?.currency,
      daysOfCover: cover.get(r.key) ?? undefined,
      lastObservedAt: r.lastObservedAt,
    };
    table.push(CSV_COLUMNS.map((c) => cellValue(cells[c])));
  }
  return { csv: toCsv(CSV_COLUMNS, table), rowCount: rows.length };
}

/** Each listing's days of cover, from the plan its indexed row names (full rows carry no plan fields). */
async function daysOfCoverOf(db: StoreDb): Promise<Map<string, number | null | undefined>> {
  const [rows, plans] = await db.transaction('r', [db.listings, db.plans], () => Promise.all([db.listings.toArray(), db.plans.toArray()]));
  const cover = new Map(plans.map((p) => [p.key, p.daysOfCover]));
  return new Map(rows.map((r) => [r.key, r.planKey === undefined ? undefined : cover.get(r.planKey)]));
}

/**
 * Minor units as a plain decimal (dot separator, no grouping: machine-readable CSV).
 * @example formatMinor(-1234, 2) // '-12.34' ; formatMinor(1234, 0) // '1234'
 */
function formatMinor(amountMinor: number, digits: number): string {
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}
