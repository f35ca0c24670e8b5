/**
 * The merged report as a table: one row per product (its whole position: each pool's stock
 * counted once, the pools' plans rolled up) followed by one row per listing of it. Translated into the UI language; numbers stay
 * plain numbers and dates ISO, so spreadsheets read them as numbers and dates.
 */
import { t, type Language, type MessageKey } from '../i18n';
import type { MergedListing, MergedPlan, MergedProduct, MergedReport } from './merged-data';
import { CAPACITY_COLUMNS, capacityCells, type CapacityColumn } from './merged-capacity';
import { wholeDaysOfCover } from '../planning/cover';
import { daysLate, localIsoDate } from '../locale/dates';
import { poolLabel } from './pool-label';
import { clearanceText, healthCell, lifecycleText, reasonText, stockCell, stockSourceText } from './merged-text';
import type { Cell, Table } from './table';
import { FEE_COLUMNS, FEE_CURRENCY_COLUMN, FEE_MONEY_COLUMNS, feeCells, rollUpFees, type FeeColumn } from './merged-fees';

/** Stable column ids (JSON keys); the CSV/XLSX header is their translation. */
export const MERGED_COLUMNS = [
  'level',
  'productId',
  'name',
  'platform',
  'marketplace',
  'sku',
  'stockPerPool',
  'stockSource',
  'available',
  'inbound',
  'reserved',
  'heldReturns',
  'listedNow',
  'suggestedListed',
  'meanDaily',
  'daysOfCover',
  'stockoutDate',
  'inboundArrivalDate',
  'stockoutDateWithInbound',
  'reorderDate',
  'reorderDaysLate',
  'reorderQuantity',
  'safetyStock',
  'healthScore',
  'healthReasons',
  'abcClass',
  'lifecycleStage',
  'clearance',
  ...FEE_COLUMNS,
  ...CAPACITY_COLUMNS,
] as const;
export type MergedColumn = (typeof MERGED_COLUMNS)[number];
export type MergedRow = Record<MergedColumn, Cell>;

const ABC_RANK = { A: 0, B: 1, C: 2 } as const;

/**
 * A product's plans (one per pool) as one: demand, reorder quantities and safety stock add up
 * (each pool's reorder is counted once), the earliest stockout/reorder date, the most days late,
 * the lowest cover and the worst known health win (the product is as urgent as its most urgent
 * pool); the best ABC class, and the lifecycle stage of the pool that sells the most.
 * @example rollUpPlans([a, b]).meanDaily === a.meanDaily + b.meanDaily // true
 */
export function rollUpPlans(plans: readonly MergedPlan[]): MergedPlan | null {
  if (plans.length === 0) return null;
  if (plans.length === 1) return plans[0]!;
  const min = <T>(values: (T | null)[]): T | null => values.filter((v): v is T => v !== null).sort()[0] ?? null;
  const covers = plans.map((p) => p.daysOfCover).filter((v): v is number => v !== null);
  const worst = plans.reduce((a, b) => (b.healthScore !== null && (a.healthScore === null || b.healthScore < a.healthScore) ? b : a));
  const reorders = plans.filter((p) => p.reorderDate !== null);
  const classes = plans.map((p) => p.abcClass).filter((c): c is NonNullable<MergedPlan['abcClass']> => c !== null);
  const main = plans.reduce((a, b) => (b.meanDaily > a.meanDaily ? b : a));
  const fees = rollUpFees(plans.map((p) => p.fees));
  const capacity = plans.flatMap((p) => p.capacity ?? []);
  return {
    meanDaily: round3(plans.reduce((s, p) => s + p.meanDaily, 0)),
    daysOfCover: covers.length ? Math.min(...covers) : null,
    stockoutDate: min(plans.map((p) => p.stockoutDate)),
    inboundArrivalDate: min(plans.map((p) => p.inboundArrivalDate)),
    stockoutDateWithInbound: min(plans.map((p) => p.stockoutDateWithInbound)),
    reorderDate: min(plans.map((p) => p.reorderDate)),
    reorderDaysLate: Math.max(0, ...reorders.map((p) => p.reorderDaysLate)),
    reorderQuantity: reorders.length ? reorders.reduce((s, p) => s + (p.reorderQuantity ?? 0), 0) : null,
    safetyStock: round3(plans.reduce((s, p) => s + p.safetyStock, 0)),
    reorderPoint: round3(plans.reduce((s, p) => s + p.reorderPoint, 0)),
    healthScore: worst.healthScore,
    healthReasons: worst.healthReasons,
    abcClass: classes.sort((a, b) => ABC_RANK[a] - ABC_RANK[b])[0] ?? null,
    lifecycleStage: main.lifecycleStage,
    clearance: plans.find((p) => p.clearance?.action === 'exit')?.clearance ?? plans.find((p) => p.clearance)?.clearance ?? null,
    ...(fees ? { fees } : {}),
    ...(capacity.length ? { capacity } : {}),
  };
}

/**
 * A product's whole position: each pool counted once. Stock is the sum of the pools whose stock
 * is known (null when none is), with `unknownPools` saying how many are not.
 * @example productTotals(product) // { available: 156, inbound: 40, reserved: 3, heldReturns: 2, unknownPools: 0 }
 */
export function productTotals(product: Pick<MergedProduct, 'pools'>): {
  available: number | null;
  inbound: number;
  reserved: number | null;
  heldReturns: number;
  unknownPools: number;
} {
  const known = product.pools.filter((p) => p.stock !== null);
  const reserved = product.pools.filter((p) => p.reserved !== null);
  return {
    available: known.length ? known.reduce((s, p) => s + p.stock!, 0) : null,
    inbound: product.pools.reduce((s, p) => s + p.inbound, 0),
    reserved: reserved.length ? reserved.reduce((s, p) => s + p.reserved!, 0) : null,
    heldReturns: product.pools.reduce((s, p) => s + p.heldReturns, 0),
    unknownPools: product.pools.length - known.length,
  };
}

type PlanColumn =
  | 'meanDaily'
  | 'daysOfCover'
  | 'stockoutDate'
  | 'inboundArrivalDate'
  | 'stockoutDateWithInbound'
  | 'reorderDate'
  | 'reorderDaysLate'
  | 'reorderQuantity'
  | 'safetyStock'
  | 'healthScore'
  | 'healthReasons'
  | 'abcClass'
  | 'lifecycleStage'
  | 'clearance'
  | FeeColumn
  | CapacityColumn;

/** A plan's cells; an overdue reorder counted to `today` (the report's day), as every view counts it. */
function planCells(plan: MergedPlan | null, language: Language, today: string): Pick<MergedRow, PlanColumn> {
  if (!plan) {
    return {
      meanDaily: null,
      daysOfCover: null,
      stockoutDate: null,
      inboundArrivalDate: null,
      stockoutDateWithInbound: null,
      reorderDate: null,
      reorderDaysLate: null,
      reorderQuantity: null,
      safetyStock: null,
      healthScore: null,
      healthReasons: null,
      abcClass: null,
      lifecycleStage: null,
      clearance: null,
      ...feeCells(undefined, language),
      ...capacityCells([], language),
    };
  }
  return {
    meanDaily: plan.meanDaily,
    // Whole days, rounded down, as the panel, popup and options page show them: the file never says 92.6 where they say 92.
    daysOfCover: plan.daysOfCover === null ? null : wholeDaysOfCover(plan.daysOfCover),
    stockoutDate: plan.stockoutDate,
    inboundArrivalDate: plan.inboundArrivalDate,
    stockoutDateWithInbound: plan.stockoutDateWithInbound,
    reorderDate: plan.reorderDate,
    reorderDaysLate: plan.reorderDate ? daysLate(plan.reorderDate, today, plan.reorderDaysLate) : null,
    reorderQuantity: plan.reorderDate ? plan.reorderQuantity : null,
    safetyStock: round3(plan.safetyStock),
    healthScore: healthCell(plan.healthScore, language),
    healthReasons: plan.healthReasons.map((r) => reasonText(r, language, today)).join('; '),
    abcClass: plan.abcClass,
    lifecycleStage: lifecycleText(plan.lifecycleStage, language),
    clearance: clearanceText(plan.clearance, language),
    ...feeCells(plan.fees, language),
    ...capacityCells(plan.capacity ?? [], language),
  };
}

/**
 * The report's rows: each product, then its listings.
 * @example mergedRows(report, 'en')[0]!.level // 'Product'
 */
export function mergedRows(report: MergedReport, language: Language): MergedRow[] {
  const rows: MergedRow[] = [];
  const today = localIsoDate(new Date(report.generatedAt));
  for (const product of report.products) {
    rows.push(productRow(product, language, today));
    for (const l of product.listings) rows.push(listingRow(product, l, language, today));
  }
  return rows;
}

/** A listing: its own plan, which shows its pool's answer, and how much to list on its channel. */
function listingRow(product: MergedProduct, l: MergedListing, language: Language, today: string): MergedRow {
  const pool = product.pools.find((p) => p.listingKeys.includes(l.key));
  const poolId = l.poolId ?? pool?.poolId;
  return {
    level: t(language, 'options.export.level.listing'),
    productId: product.id,
    name: l.title ?? null,
    platform: l.platform,
    marketplace: l.marketplace,
    sku: l.sku,
    stockPerPool: poolId ? poolLabel(poolId, language) : null,
    stockSource: pool ? stockSourceText(pool.stockSource, pool.stockHint, language) : null,
    available: l.plan || l.available !== null ? stockCell(l.available, language) : null,
    inbound: l.inbound,
    reserved: null,
    heldReturns: null,
    listedNow: l.listed,
    suggestedListed: l.channel?.suggested ?? null,
    ...planCells(l.plan, language, today),
  };
}

/** A product: each pool's stock counted once, the pools' plans rolled up (each pool's reorder once). */
function productRow(product: MergedProduct, language: Language, today: string): MergedRow {
  const many = product.pools.length > 1;
  const stock = product.pools.map((p) => `${poolLabel(p.poolId, language)}: ${p.stock ?? t(language, 'options.stock.unknown')}`).join('; ');
  const sources = product.pools
    .map((p) => `${many ? `${poolLabel(p.poolId, language)}: ` : ''}${stockSourceText(p.stockSource, p.stockHint, language)}`)
    .join('; ');
  const totals = productTotals(product);
  const skus = [...new Set(product.listings.map((l) => l.sku))].join(' / ');
  return {
    level: t(language, 'options.export.level.product'),
    productId: product.id,
    name: product.name ?? product.listings.find((l) => l.title)?.title ?? null,
    platform: [...new Set(product.listings.map((l) => l.platform))].join(' / '),
    marketplace: [...new Set(product.listings.map((l) => l.marketplace))].join(' / '),
    sku: skus,
    stockPerPool: stock || null,
    stockSource: sources || null,
    available: product.pools.length ? stockCell(totals.available, language) : null,
    inbound: product.pools.length ? totals.inbound : null,
    reserved: totals.reserved,
    heldReturns: product.pools.length ? totals.heldReturns : null,
    listedNow: null,
    suggestedListed: null,
    ...planCells(rollUpPlans(product.pools.flatMap((p) => (p.plan ? [p.plan] : []))), language, today),
  };
}

/**
 * The rows as a table with a translated header (CSV; the XLSX splits it, see mergedSheets).
 * @example mergedTable(report, 'zh-CN').header[0] // '层级'
 */
export function mergedTable(report: MergedReport, language: Language): Table {
  const rows = mergedRows(report, language);
  return {
    header: MERGED_COLUMNS.map((c) => t(language, `options.export.column.${c}` as MessageKey)),
    rows: rows.map((r) => MERGED_COLUMNS.map((c) => r[c])),
  };
}

/** ISO dates (YYYY-MM-DD): date cells in the XLSX. */
export const MERGED_DATE_COLUMNS: readonly MergedColumn[] = [
  'stockoutDate',
  'inboundArrivalDate',
  'stockoutDateWithInbound',
  'reorderDate',
  'agedSnapshotDate',
];

/**
 * The XLSX sheets: the product rows, then the listing rows, each sheet with the columns of
 * MERGED_COLUMNS that can hold something there. Left out: the level (the sheet says it); on
 * Products, what a listing lists now and should list (always empty on a product row); on
 * Listings, reserved units and returns held (counted per pool, on the product row).
 */
const SHEETS = [
  { level: 'product', name: 'options.export.sheet.products', omit: ['level', 'listedNow', 'suggestedListed'] },
  { level: 'listing', name: 'options.export.sheet.listings', omit: ['level', 'reserved', 'heldReturns'] },
] as const satisfies readonly { level: 'product' | 'listing'; name: MessageKey; omit: readonly MergedColumn[] }[];

export interface MergedSheet {
  name: string;
  /** `money`: an amount column, written as currency cells in the currency its row holds in column `currencyColumn`. */
  columns: { id: MergedColumn; header: string; date: boolean; money?: { currencyColumn: number } }[];
  rows: Cell[][];
}

/**
 * The report as two sheets, Products and Listings (translated names and headers), for toXlsx:
 * dates as date cells, the fee amounts as currency cells.
 * @example mergedSheets(report, 'en').map((s) => s.name) // ['Products', 'Listings']
 */
export function mergedSheets(report: MergedReport, language: Language): MergedSheet[] {
  const today = localIsoDate(new Date(report.generatedAt));
  const rows = {
    product: report.products.map((p) => productRow(p, language, today)),
    listing: report.products.flatMap((p) => p.listings.map((l) => listingRow(p, l, language, today))),
  };
  return SHEETS.map((sheet) => {
    const omit: readonly MergedColumn[] = sheet.omit;
    const ids = MERGED_COLUMNS.filter((c) => !omit.includes(c));
    const currencyColumn = ids.indexOf(FEE_CURRENCY_COLUMN);
    const money = (id: MergedColumn) => (currencyColumn >= 0 && FEE_MONEY_COLUMNS.includes(id as FeeColumn) ? { money: { currencyColumn } } : {});
    return {
      name: t(language, sheet.name),
      columns: ids.map((id) => ({
        id,
        header: t(language, `options.export.column.${id}` as MessageKey),
        date: MERGED_DATE_COLUMNS.includes(id),
        ...money(id),
      })),
      rows: rows[sheet.level].map((r) => ids.map((c) => r[c])),
    };
  });
}

/**
 * The report as JSON text: stable keys, translated texts, plus the raw codes for machines.
 * @example JSON.parse(mergedJson(report, 'en')).rows.length
 */
export function mergedJson(report: MergedReport, language: Language): string {
  return JSON.stringify(
    {
      format: 'stock-copilot-merged-report',
      version: 2,
      language,
      generatedAt: report.generatedAt,
      rows: mergedRows(report, language),
      products: report.products,
    },
    null,
    2,
  );
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
