/**
 * Translates the planner's stable codes (health reasons, alerts, clearance actions) and the
 * readers' diagnostic codes into UI text, with their params formatted for the language
 * (ISO dates as local dates, numbers grouped). Shared by the row panels, the summary bar,
 * the popup and notifications. Unknown codes fall back to the English message or the code.
 */
import { formatDate, formatMoney, formatNumber, formatShortDate, isPageKey as isKey, t, type Language } from '../i18n/page';
import { accountLabel } from '../accounts/account-label';
import { lateness, localIsoDate } from '../locale/dates';
import type { PanelData } from '../messaging/protocol';
import type { Diagnostic } from '../records';

type Params = Record<string, string | number>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Params ready for a message: ISO dates formatted, numbers grouped (one decimal at most).
 * @example formatParams('en', { days: 1234, date: '2026-12-01' }) // { days: '1,234', date: '12/1/2026' }
 */
function formatParams(language: Language, params: Params = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') out[name] = formatNumber(language, value, 1);
    else out[name] = ISO_DATE.test(value) ? formatDate(language, value) : value;
  }
  return out;
}

/**
 * Minor units as money (the currency's own minor digits: none for JPY); without a currency, as
 * a plain two-decimal amount. `whole` rounds to whole units, for estimates ("~$43").
 */
function money(language: Language, minor: number | string | undefined, currency: string | number | undefined, whole = false): string {
  if (typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)) return formatMoney(language, { amountMinor: Number(minor ?? 0), currency }, whole);
  return formatNumber(language, Number(minor ?? 0) / 100, whole ? 0 : 2);
}

/** Where a money placeholder of an alert takes its amount from. */
interface MoneyParam {
  minor: string;
  currency: string;
  /** Estimates (fees) are told in whole currency units ("~$43"). */
  whole?: boolean;
}

/**
 * Which alert placeholders are money, and from which params: the one list that alertText and the
 * catalogue test (lib/planning/catalogue.test.ts) read.
 */
export const ALERT_MONEY_PARAMS: Readonly<Record<string, Readonly<Record<string, MoneyParam>>>> = {
  'aged-surcharge-coming': { amount: { minor: 'amountMinor', currency: 'currency' } },
  'clearance-exit': { holding: { minor: 'holdingMinor', currency: 'currency' }, margin: { minor: 'marginMinor', currency: 'currency' } },
  'fba-floor-send': { amount: { minor: 'amountMinor', currency: 'currency', whole: true } },
  'fba-aged-mark-down': { amount: { minor: 'amountMinor', currency: 'currency', whole: true } },
  'fba-q4-send-later': { amount: { minor: 'amountMinor', currency: 'currency', whole: true } },
  'fba-capacity-hold-awd': { amount: { minor: 'amountMinor', currency: 'currency', whole: true } },
  'wfs-long-term-mark-down': { amount: { minor: 'amountMinor', currency: 'currency', whole: true } },
};

/**
 * A late reorder's message key and params counted to `today`, not to the day the plan was made:
 * "overdue since Nov 12 (20 days)" as the panel says it (its variant for one day or due today
 * when the catalogue has one). Other codes pass through.
 * @example overdue('en', 'alert.reorder-now', { reorderDate: '2026-11-12', daysLate: 3 }, p, '2026-12-02') // key 'alert.reorder-now', daysLate '20', reorderDate 'Nov 12'
 */
function overdue(language: Language, key: string, raw: Params, params: Record<string, string>, today: string): string {
  if (typeof raw.reorderDate !== 'string' || typeof raw.daysLate !== 'number') return key;
  const late = lateness(raw.reorderDate, today, raw.daysLate);
  params.reorderDate = formatShortDate(language, raw.reorderDate, today);
  params.daysLate = formatNumber(language, late.days);
  return isKey(`${key}${late.variant}`) ? `${key}${late.variant}` : key;
}

/**
 * A health reason as text; an overdue reorder counted to `today` (default: the browser's local date).
 * @example reasonText('en', { code: 'no-sales-30d', params: { days: 45 } }) // 'No sales in 45 days'
 */
export function reasonText(language: Language, reason: { code: string; params?: Params }, today = localIsoDate(new Date())): string {
  const params = formatParams(language, reason.params);
  const key = overdue(language, `reason.${reason.code}`, reason.params ?? {}, params, today);
  return isKey(key) ? t(language, key, params) : reason.code;
}

/**
 * An alert as text (money params formatted; the off-forecast alert by its direction; an overdue
 * reorder counted to `today`, default the browser's local date).
 * @example alertText('zh-CN', { code: 'no-sale', params: { days: 30 } }) // '30 天没有销售'
 */
export function alertText(language: Language, alert: { code: string; params?: Params }, today = localIsoDate(new Date())): string {
  const params = { ...formatParams(language, alert.params) };
  const raw = alert.params ?? {};
  let key = overdue(language, `alert.${alert.code}`, raw, params, today);
  if (alert.code === 'sales-off-forecast') key = `${key}.${raw.direction === 'below' ? 'below' : 'above'}`;
  if (typeof raw.hint === 'string') params.hint = hintText(language, raw.hint);
  for (const [name, source] of Object.entries(ALERT_MONEY_PARAMS[alert.code] ?? {})) {
    params[name] = money(language, raw[source.minor], raw[source.currency], source.whole);
  }
  return isKey(key) ? t(language, key, params) : alert.code;
}

/**
 * What would make an unknown figure known, as an instruction (lib/planning/catalogue.ts KNOWLEDGE_HINTS).
 * @example hintText('en', 'count') // 'enter a stock count in the options page'
 */
export function hintText(language: Language, hint: string): string {
  const key = `hint.${hint}`;
  return isKey(key) ? t(language, key) : hint;
}

/**
 * The clearance suggestion as text.
 * @example clearanceText('en', { action: '-20%', discountPercent: 20, sellThroughDays: 41.2 }) // 'Clearance: mark down 20% (sells through in ~41 d)'
 */
export function clearanceText(language: Language, clearance: NonNullable<PanelData['clearance']>): string {
  // The background words the action once (lib/planning/clearance.ts clearanceActionOf): a 100% step is 'exit' there.
  if (clearance.action === 'exit') return t(language, 'clearance.exit');
  const percent = clearance.discountPercent ?? 0;
  if (percent <= 0) return t(language, 'clearance.hold');
  const days = clearance.sellThroughDays;
  return days === null || days === undefined
    ? t(language, 'clearance.markdown', { percent: formatNumber(language, percent) })
    : t(language, 'clearance.markdownDays', { percent: formatNumber(language, percent), days: formatNumber(language, Math.ceil(days)) });
}

/** Diagnostic params that hold a reader signal's id (lib/platforms/shared/signals.ts reports them). */
const SIGNAL_PARAMS = ['signal', 'stronger', 'weaker'] as const;

/** Diagnostic params that hold a page field's id (Diagnostics.missingColumn, CellReader's bad values). */
const FIELD_PARAMS = ['column', 'field'] as const;

/**
 * Params with each signal id and field id replaced by its name in the language (a seller never
 * sees "fnsku", "page-type" or "unitsSold30"); the field names are the ones the seller teaches
 * columns with (`teach.field.*`), so a warning and the teaching list name a field alike.
 * @example withReaderNames('zh-CN', { stronger: 'header', column: 'title', rows: '3' }) // { stronger: '列标题', column: '标题（商品名称）', rows: '3' }
 */
function withReaderNames(language: Language, params: Record<string, string>): Record<string, string> {
  for (const [prefix, names] of [
    ['signal', SIGNAL_PARAMS],
    ['teach.field', FIELD_PARAMS],
  ] as const) {
    for (const name of names) {
      const key = `${prefix}.${params[name]}`;
      if (params[name] !== undefined && isKey(key)) params[name] = t(language, key);
    }
  }
  return params;
}

/**
 * A reader diagnostic as text: translated by code when known, else the reader's English message.
 * @example diagnosticText('en', { level: 'error', code: 'missing-column', message: '…', params: { column: 'available' } }) // 'Column "Available quantity" not found, so nothing was read from this page'
 */
export function diagnosticText(language: Language, diagnostic: Pick<Diagnostic, 'code' | 'message' | 'params'>): string {
  const key = `diag.${diagnostic.code}`;
  if (!isKey(key)) return diagnostic.message;
  const params = withReaderNames(language, formatParams(language, diagnostic.params));
  const { account, accountId } = diagnostic.params ?? {};
  if (typeof account === 'string' && typeof accountId === 'string')
    params.account = accountLabel({ id: accountId, name: account }, t(language, 'accounts.defaultName'));
  const text = t(language, key, params);
  // A placeholder the reader did not fill would show as "{column}": prefer its own message then.
  return /\{\w+\}/.test(text) ? diagnostic.message : text;
}

/**
 * A page type's name (settings.hiddenPanels keys are adapter ids).
 * @example pageTypeName('en', 'amazon/manage-inventory') // 'Manage All Inventory'
 */
export function pageTypeName(language: Language, pageType: string): string {
  const key = `pageType.${pageType}`;
  return isKey(key) ? t(language, key) : t(language, 'pageType.other');
}

/** A lifecycle stage's name, or the stage itself when unknown. */
export function lifecycleName(language: Language, stage: string): string {
  const key = `lifecycle.${stage}`;
  return isKey(key) ? t(language, key) : stage;
}
