/**
 * The merged report as a table: one row per product (stock per pool, the product's plans rolled
 * up) followed by one row per listing of it. Translated into the UI language; numbers stay
 * plain numbers and dates ISO, so spreadsheets read them as numbers and dates.
 */
import { formatDate, formatNumber, t, type Language, type MessageKey } from '../i18n';
import type { MergedPlan, MergedProduct, MergedReport } from './merged-data';

export type Cell = string | number | null;
export interface Table {
  header: string[];
  rows: Cell[][];
}

/** Stable column ids (JSON keys); the CSV/XLSX header is their translation. */
export const MERGED_COLUMNS = [
  'level', 'productId', 'name', 'platform', 'marketplace', 'sku', 'stockPerPool', 'available', 'inbound',
  'meanDaily', 'daysOfCover', 'stockoutDate', 'reorderDate', 'reorderQuantity', 'healthScore', 'healthReasons', 'clearance',
] as const;
export type MergedColumn = (typeof MERGED_COLUMNS)[number];
export type MergedRow = Record<MergedColumn, Cell>;

/**
 * A product's plans (one per pool) as one: demand adds up, the earliest stockout/reorder date
 * and the lowest cover and health win (the product is as urgent as its most urgent pool).
 * @example rollUpPlans([a, b]).meanDaily === a.meanDaily + b.meanDaily // true
 */
export function rollUpPlans(plans: readonly MergedPlan[]): MergedPlan | null {
  if (plans.length === 0) return null;
  if (plans.length === 1) return plans[0]!;
  const min = <T>(values: (T | null)[]): T | null => values.filter((v): v is T => v !== null).sort()[0] ?? null;
  const covers = plans.map((p) => p.daysOfCover).filter((v): v is number => v !== null);
  const worst = plans.reduce((a, b) => (b.healthScore < a.healthScore ? b : a));
  const reorders = plans.filter((p) => p.reorderDate !== null);
  return {
    meanDaily: round3(plans.reduce((s, p) => s + p.meanDaily, 0)),
    daysOfCover: covers.length ? Math.min(...covers) : null,
    stockoutDate: min(plans.map((p) => p.stockoutDate)),
    reorderDate: min(plans.map((p) => p.reorderDate)),
    reorderQuantity: reorders.length ? reorders.reduce((s, p) => s + (p.reorderQuantity ?? 0), 0) : null,
    healthScore: worst.healthScore,
    healthReasons: worst.healthReasons,
    clearance: plans.find((p) => p.clearance?.action === 'exit')?.clearance ?? plans.find((p) => p.clearance)?.clearance ?? null,
  };
}

const REASON_KEYS: Record<string, MessageKey> = {
  'no-sales-30d': 'options.reason.no-sales-30d',
  'overstock-90d': 'options.reason.overstock-90d',
  'stockout-soon': 'options.reason.stockout-soon',
  'pending-above-stock': 'options.reason.pending-above-stock',
  'oversold-pool': 'options.reason.oversold-pool',
  'aged-inventory': 'options.reason.aged-inventory',
  'out-of-stock': 'options.reason.out-of-stock',
  'reorder-overdue': 'options.reason.reorder-overdue',
  'unfulfillable-units': 'options.reason.unfulfillable-units',
};

/**
 * A health reason in words, its numbers and dates formatted for the language; an unknown code
 * (added by a newer planner) is shown as the code itself rather than dropped.
 * @example reasonText({ code: 'out-of-stock', points: 30, params: {} }, 'en') // 'Out of stock (-30)'
 */
export function reasonText(reason: MergedPlan['healthReasons'][number], language: Language): string {
  const key = REASON_KEYS[reason.code];
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    if (v === null) params[k] = t(language, 'common.none');
    else if (typeof v === 'number') params[k] = formatNumber(language, v, 1);
    else params[k] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(language, v) : v;
  }
  const text = key ? t(language, key, params) : reason.code;
  return `${text} (-${formatNumber(language, reason.points)})`;
}

/**
 * @example clearanceText({ action: 'markdown', discountPct: 20, excessUnits: 40 }, 'en') // 'Mark down 20% (40 excess units)'
 */
export function clearanceText(clearance: MergedPlan['clearance'], language: Language): string | null {
  if (!clearance) return null;
  const params = { pct: formatNumber(language, clearance.discountPct ?? 0), units: formatNumber(language, clearance.excessUnits) };
  if (clearance.action === 'exit') return t(language, 'options.clearance.exit', params);
  if (clearance.action === 'markdown') return t(language, 'options.clearance.markdown', params);
  return t(language, 'options.clearance.hold', params);
}

function planCells(plan: MergedPlan | null, language: Language): Pick<MergedRow, 'meanDaily' | 'daysOfCover' | 'stockoutDate' | 'reorderDate' | 'reorderQuantity' | 'healthScore' | 'healthReasons' | 'clearance'> {
  return {
    meanDaily: plan ? plan.meanDaily : null,
    daysOfCover: plan?.daysOfCover ?? null,
    stockoutDate: plan?.stockoutDate ?? null,
    reorderDate: plan?.reorderDate ?? null,
    reorderQuantity: plan?.reorderDate ? plan.reorderQuantity : null,
    healthScore: plan ? plan.healthScore : null,
    healthReasons: plan ? plan.healthReasons.map((r) => reasonText(r, language)).join('; ') : null,
    clearance: plan ? clearanceText(plan.clearance, language) : null,
  };
}

/**
 * The report's rows: each product, then its listings.
 * @example mergedRows(report, 'en')[0]!.level // 'product'
 */
export function mergedRows(report: MergedReport, language: Language): MergedRow[] {
  const rows: MergedRow[] = [];
  for (const product of report.products) {
    rows.push(productRow(product, language));
    for (const l of product.listings) {
      rows.push({
        level: t(language, 'options.export.level.listing'), productId: product.id, name: l.title ?? null, platform: l.platform,
        marketplace: l.marketplace, sku: l.sku, stockPerPool: l.poolId, available: l.available, inbound: l.inbound,
        ...planCells(l.plan, language),
      });
    }
  }
  return rows;
}

function productRow(product: MergedProduct, language: Language): MergedRow {
  const stock = product.pools.map((p) => `${p.poolId}: ${p.stock ?? t(language, 'common.none')}`).join('; ');
  const known = product.pools.filter((p) => p.stock !== null);
  const skus = [...new Set(product.listings.map((l) => l.sku))].join(' / ');
  return {
    level: t(language, 'options.export.level.product'), productId: product.id,
    name: product.name ?? product.listings.find((l) => l.title)?.title ?? null,
    platform: [...new Set(product.listings.map((l) => l.platform))].join(' / '),
    marketplace: [...new Set(product.listings.map((l) => l.marketplace))].join(' / '),
    sku: skus, stockPerPool: stock || null,
    available: known.length ? known.reduce((s, p) => s + (p.stock ?? 0), 0) : null,
    inbound: null,
    ...planCells(rollUpPlans(product.pools.flatMap((p) => (p.plan ? [p.plan] : []))), language),
  };
}

/**
 * The rows as a table with a translated header (CSV and XLSX).
 * @example mergedTable(report, 'zh-CN').header[0] // '层级'
 */
export function mergedTable(report: MergedReport, language: Language): Table {
  const rows = mergedRows(report, language);
  return {
    header: MERGED_COLUMNS.map((c) => t(language, `options.export.column.${c}` as MessageKey)),
    rows: rows.map((r) => MERGED_COLUMNS.map((c) => r[c])),
  };
}

/**
 * The report as JSON text: stable keys, translated texts, plus the raw codes for machines.
 * @example JSON.parse(mergedJson(report, 'en')).rows.length
 */
export function mergedJson(report: MergedReport, language: Language): string {
  return JSON.stringify({ format: 'stock-copilot-merged-report', version: 1, language, generatedAt: report.generatedAt, rows: mergedRows(report, language), products: report.products }, null, 2);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
