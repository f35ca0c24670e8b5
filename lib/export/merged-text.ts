/**
 * The merged report's words for a pool's and a plan's facts (where the stock figure comes from,
 * the lifecycle stage, health and its reasons, the clearance), in the UI language: the report's
 * cells and the options page's product view say them the same way.
 */
import { formatDate, formatNumber, t, type Language, type MessageKey } from '../i18n';
import { lateness, localIsoDate } from '../locale/dates';
import type { MergedPlan, MergedPool } from './merged-data';
import type { Cell } from './table';

const SOURCE_KEYS: Record<MergedPool['stockSource'], MessageKey> = {
  count: 'options.stock.source.count',
  reading: 'options.stock.source.reading',
  listed: 'options.stock.source.listed',
  unknown: 'options.stock.source.unknown',
};

const HINT_KEYS: Record<string, MessageKey> = {
  'open:amazon/fba-inventory': 'options.stock.hint.amazonFbaInventory',
  'open:walmart/wfs-inventory': 'options.stock.hint.walmartWfsInventory',
  'open:amazon/manage-inventory': 'options.stock.hint.amazonManageInventory',
  'open:walmart/manage-items': 'options.stock.hint.walmartItems',
  'open:ebay/active-listings': 'options.stock.hint.ebayActiveListings',
  count: 'options.stock.hint.count',
  'import:orders': 'options.stock.hint.importOrders',
};

/**
 * Where a pool's on-hand figure comes from, with what would make it known or exact.
 * @example stockSourceText('unknown', 'open:amazon/fba-inventory', 'en') // 'Unknown (next: open FBA Inventory in Seller Central)'
 */
export function stockSourceText(source: MergedPool['stockSource'], hint: string | null, language: Language): string {
  const text = t(language, SOURCE_KEYS[source]);
  if (hint === null) return text;
  const next = HINT_KEYS[hint] ? t(language, HINT_KEYS[hint]!) : hint;
  return t(language, 'options.stock.sourceWithHint', { source: text, hint: next });
}

/** @example stockCell(null, 'en') // 'Unknown' */
export function stockCell(stock: number | null, language: Language): Cell {
  return stock === null ? t(language, 'options.stock.unknown') : stock;
}

/** @example lifecycleText('growth', 'zh-CN') // '成长期' */
export function lifecycleText(stage: MergedPlan['lifecycleStage'], language: Language): string {
  return t(language, `options.lifecycle.${stage}`);
}

/** @example healthCell(null, 'en') // 'Not enough data' */
export function healthCell(score: number | null, language: Language): Cell {
  return score === null ? t(language, 'options.health.notEnoughData') : score;
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
export function reasonText(reason: MergedPlan['healthReasons'][number], language: Language, today = localIsoDate(new Date())): string {
  let key = REASON_KEYS[reason.code];
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    if (v === null) params[k] = t(language, 'common.none');
    else if (typeof v === 'number') params[k] = formatNumber(language, v, 1);
    else params[k] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(language, v) : v;
  }
  const { reorderDate, daysLate } = reason.params;
  if (reason.code === 'reorder-overdue' && typeof reorderDate === 'string' && typeof daysLate === 'number') {
    // Counted to today, worded as the panel's "overdue since" (lib/locale/dates.ts lateness).
    const late = lateness(reorderDate, today, daysLate);
    params.daysLate = formatNumber(language, late.days);
    if (late.variant === '.oneDay') key = 'options.reason.reorder-overdue.oneDay';
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
