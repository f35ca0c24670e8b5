/**
 * What the popup's list shows, declared once for its two renderers: the first paint (plain DOM,
 * first-paint.ts, drawn before React and the catalogues load) and the React list
 * (AtRiskList.tsx, which takes over the same markup). Imports only the first screen's strings
 * and no schema, so the popup's entry chunk stays small.
 */
import { formatDate, formatNumber, formatShortDate, type Language } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/popup-first';
import type { AtRiskItem } from '@/lib/messaging/protocol';
import { wholeDaysOfCover } from '@/lib/planning/cover';
import { daysLate, localIsoDate } from '@/lib/locale/dates';
import { RISK_TAGS } from '@/lib/planning/urgency';

/** The popup's list choices: what needs attention (the default), everything, or one risk tag. */
export const RISKS = ['attention', 'all', ...RISK_TAGS.filter((r) => r !== 'attention')] as const;
export type RiskFilter = (typeof RISKS)[number];

/** One row's height in px (the list is virtualised with fixed rows). */
export const ROW_HEIGHT = 44;
/** Rows kept in the DOM beyond those in view. */
export const LIST_OVERSCAN = 8;
/** The list box before layout (its CSS size in popup.css: .list-scroll), so the first rows need no measuring. */
export const LIST_BOX = { width: 536, height: 400 } as const;

/**
 * How many rows the list first puts in the DOM: those in the box before layout, and the overscan.
 * @example firstRowCount(60) // 18
 */
export function firstRowCount(items: number): number {
  return Math.min(items, Math.ceil(LIST_BOX.height / ROW_HEIGHT) + LIST_OVERSCAN);
}

/** The fields of a list item that its row prints. */
export type RowItem = Pick<
  AtRiskItem,
  'available' | 'daysOfCover' | 'stockoutDate' | 'stockoutDateWithInbound' | 'reorderQuantity' | 'reorderDate' | 'reorderDaysLate' | 'healthScore'
>;

interface RowText {
  cover: string;
  available: string;
  /** The stockout date, and the one counting inbound units when it differs. */
  stockout: string;
  reorder: string;
}

/**
 * A marketplace id as the row prints it, in the parts between which it may wrap: its name and
 * its domain. The column is too narrow for the longer ids, and cut with an ellipsis "amazon.com"
 * and "amazon.de" both read "amazon…", so two rows of one SKU looked the same.
 * @example marketplaceParts('amazon.com.mx') // ['amazon', '.com.mx']
 */
export function marketplaceParts(id: string): [string] | [string, string] {
  const dot = id.indexOf('.');
  return dot > 0 ? [id.slice(0, dot), id.slice(dot)] : [id];
}

/**
 * What one popup row prints. A reorder date before `today` (the browser's local date) reads as
 * days late, counted to today, even when the stored plan is from an earlier day.
 * @example rowText('en', item).cover // '12 d'
 */
export function rowText(language: Language, item: RowItem, today = localIsoDate(new Date())): RowText {
  const none = t(language, 'common.none');
  const cover =
    item.available === null
      ? t(language, 'panel.stockUnknown')
      : item.available === 0
        ? t(language, 'panel.outOfStock')
        : item.daysOfCover !== null
          ? t(language, 'popup.cover', { days: formatNumber(language, wholeDaysOfCover(item.daysOfCover)) })
          : item.healthScore === null
            ? t(language, 'panel.notEnoughData')
            : none;
  return {
    cover,
    available: item.available === null ? '?' : formatNumber(language, item.available),
    stockout: stockoutText(language, item),
    reorder: reorderText(language, item, today) ?? none,
  };
}

/**
 * The reorder by its date, or "overdue since" the date it was due, as the panel and the options
 * page say it (never a past date as a deadline; the days late are left to the panel, which has
 * room for them: the row is two short lines); null when none is due.
 */
function reorderText(language: Language, item: RowItem, today: string): string | null {
  if (!item.reorderQuantity || !item.reorderDate) return null;
  const quantity = formatNumber(language, item.reorderQuantity);
  if (daysLate(item.reorderDate, today, item.reorderDaysLate) === 0)
    return t(language, 'popup.reorder', { quantity, date: formatDate(language, item.reorderDate) });
  return t(language, 'popup.reorderLate', { quantity, date: formatShortDate(language, item.reorderDate, today) });
}

/**
 * When the stock runs out, and when it runs out counting the units on their way if that differs.
 * @example stockoutText('en', { available: 5, stockoutDate: '2026-12-14', stockoutDateWithInbound: '2027-01-20' }) // '12/14/2026 · 1/20/2027 with inbound'
 */
function stockoutText(language: Language, item: Pick<AtRiskItem, 'available' | 'stockoutDate' | 'stockoutDateWithInbound'>): string {
  if (!item.stockoutDate || !item.available) return '';
  const date = formatDate(language, item.stockoutDate);
  const withInbound = item.stockoutDateWithInbound;
  return withInbound && withInbound !== item.stockoutDate ? `${date} · ${t(language, 'popup.withInbound', { date: formatDate(language, withInbound) })}` : date;
}
