/**
 * What a report parser knows about one report type: its columns (by every header text the
 * sites print for them), which columns identify it, and how one row becomes a record.
 * The engine (parser.ts) does the rest: tokenizing, header matching, common fields,
 * validation, duplicate handling and diagnostics.
 */
import type { ProblemCode } from './diagnostics';
import type { Marketplace } from '../locale/markets';
import type { Diagnostic, ListingObservation, OrderObservation, Platform } from '../records';

export const REPORT_IDS = [
  'amazon/fba-myi',
  'amazon/fba-inventory-planning',
  'amazon/restock',
  'amazon/all-listings',
  'amazon/orders',
  'amazon/business-report-child',
  'amazon/fee-preview',
  'walmart/items',
  'walmart/wfs-inventory-health',
  'walmart/orders',
  'ebay/active-listings',
  'ebay/orders',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

type Common = 'kind' | 'platform' | 'marketplace' | 'source' | 'observedAt' | 'observedDate';
export type ListingDraft = Omit<ListingObservation, Common> & { kind: 'listing' };
type OrderDraft = Omit<OrderObservation, Common> & { kind: 'order' };
export type Draft = (ListingDraft | OrderDraft) & {
  /** Snapshot instant taken from the row (e.g. snapshot-date), overriding `now`. */
  snapshotAt?: number;
  /** The row's own marketplace when the file names it (`marketplaceColumn`), overriding the import's. */
  marketplace?: string;
};

export interface AgeBucketColumn {
  index: number;
  minDays: number;
  maxDays: number | null;
  header: string;
}

/**
 * The period a windowed report covers when the file itself carries no dates (Business Reports):
 * chosen by the seller at import, checked by the engine before any row is read.
 */
export interface ReportWindow {
  /** First and last calendar day of the range (YYYY-MM-DD, marketplace zone), both included. */
  from: string;
  to: string;
  /** to - from + 1. */
  days: number;
  /** The instant the window's counts are observed at: the end of `to`, or the import time if earlier. */
  observedAt: number;
}

/** Cell access for one row; readers record a warning for cells that are there but unreadable. */
export interface RowReader<K extends string> {
  readonly line: number;
  readonly market: Marketplace;
  /** The marketplace this row names in the report's `marketplaceColumn`, else `market`. */
  readonly rowMarket: Marketplace;
  /** The import's date range, for reports with `needsDateRange` (always set for them). */
  readonly window: ReportWindow | undefined;
  /** The SKUs of known listings with this ASIN (from the import options), when any. */
  skusForAsin(asin: string): readonly string[] | undefined;
  /** True when the file has this column. */
  has(key: K): boolean;
  /** Trimmed cell text, undefined when blank or absent. */
  raw(key: K): string | undefined;
  text(key: K, max: number): string | undefined;
  quantity(key: K): number | undefined;
  decimal(key: K): number | undefined;
  /** Money in the currency of `currencyKey`'s cell when present, else the marketplace's. */
  money(key: K, currencyKey?: K): { amountMinor: number; currency: string } | undefined;
  /** Calendar day (marketplace zone) and instant of a date cell. */
  date(key: K): { date: string; instant: number } | undefined;
  yesNo(key: K): boolean | undefined;
  /** Age-bucket columns of the file (planning and WFS health reports), non-overlapping. */
  ageBuckets(): { minDays: number; maxDays: number | null; units: number }[] | undefined;
  /** Records an unreadable cell (the field is left out, the row kept). */
  warn(key: K, code: ProblemCode, params?: Record<string, string | number>): void;
  /** Rejects the row with a reason (an error diagnostic at this line). */
  reject(code: ProblemCode, params?: Record<string, string | number>): undefined;
  /** Skips a row that is not data (summary or parent rows), with an info note. */
  skip(code: ProblemCode, params?: Record<string, string | number>): undefined;
}

export interface SequencedDraft {
  draft: Draft;
  line: number;
}
export interface Sequencer {
  accept(item: SequencedDraft): SequencedDraft[];
  flush(): SequencedDraft[];
}

export interface ReportDefinition<K extends string = string> {
  id: ReportId;
  platform: Platform;
  kind: 'listing' | 'order';
  /** Human name used in messages, e.g. "Manage FBA Inventory". */
  title: string;
  /** Column key -> header texts (any language; compared after headerWords, lib/locale/headers.ts). */
  columns: Record<K, readonly string[]>;
  /** Without these, the file cannot be read at all. */
  required: readonly K[];
  /** The report is this one when all keys of any group are present. */
  signatures: readonly (readonly K[])[];
  /** One row per SKU: a later duplicate replaces an earlier one, with a warning. */
  snapshot: boolean;
  /** Reads age-bucket columns by pattern ("inv-age-0-to-90-days"). */
  ageBuckets?: boolean;
  /**
   * Cells may use either number convention whatever the marketplace (German Business Reports
   * print counts US-style, "3,218", next to German money, "17.510,95 €"): counts read any
   * group separator as grouping, and money takes its decimal separator and currency symbol
   * from the cell itself, the marketplace deciding only what the cell leaves open.
   */
  perCellNumbers?: boolean;
  /**
   * The file carries no dates: the import must name the date range its counts cover
   * (ReportParseOptions.dateRange), or the file is refused with a `missing-date-range` error.
   */
  needsDateRange?: boolean;
  /**
   * The column naming each row's marketplace (Amazon's `sales-channel`: "Amazon.de"). A row
   * that names a known marketplace of the report's platform is stored under it, its dates read
   * in that marketplace's time zone; other rows ("Non-Amazon") keep the import's marketplace.
   * One All Orders file of a European account then fills .de, .fr and .it at once.
   */
  marketplaceColumn?: NoInfer<K>;
  map(row: RowReader<K>): Draft | undefined;
  /**
   * Optional stateful pass over mapped rows in file order (eBay variation parents): returns
   * the drafts to emit now; `flush` returns what is held at the end.
   */
  createSequencer?(note: (d: Diagnostic) => void): Sequencer;
}

/** Helper so each definition keeps its column keys typed. */
export function defineReport<K extends string>(
  def: Omit<ReportDefinition<K>, 'required' | 'signatures' | 'map' | 'createSequencer'> & {
    required: readonly NoInfer<K>[];
    signatures: readonly (readonly NoInfer<K>[])[];
    map(row: RowReader<NoInfer<K>>): Draft | undefined;
    createSequencer?(note: (d: Diagnostic) => void): Sequencer;
  },
): ReportDefinition<K> {
  return def;
}
