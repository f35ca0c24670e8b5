/**
 * The popup's first paint: the opening list's first rows drawn with plain DOM as soon as the
 * first requests answer (first-request.ts), before React, the protocol's schemas and the
 * catalogues have loaded (the popup's big chunk takes 0.5-2 s to load and run on a busy
 * machine; the background answers the opening request from memory in tens of ms).
 *
 * It draws exactly what the React popup's first render shows for the same replies (the same
 * elements, classes and texts, from list-view.ts and the first screen's strings), so when the
 * app takes over (handOver, then React replaces the container's content in one commit) nothing
 * moves. Only rows are drawn here: an empty store, no rows, an error or a reply that fails the
 * check below are left to the app.
 */
import { formatNumber, languageFromTag, type Language } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/popup-first';
import type { AtRiskItem } from '@/lib/messaging/protocol';
import { URGENCY_LEVELS } from '@/lib/planning/urgency';
import type { Platform } from '@/lib/records';
import { firstReplies, OPENING_RISK, sendFirstRequest, takeFirstReply, type Send } from './first-request';
import { firstRowCount, marketplaceParts, RISKS, ROW_HEIGHT, rowText, type RowItem } from './list-view';

/** What a first-paint row needs of a list item. */
type FirstRow = RowItem & Pick<AtRiskItem, 'sku' | 'title' | 'urgency' | 'marketplace' | 'url'>;

interface OpeningRows {
  items: FirstRow[];
  total: number;
  stored: number;
  updating: boolean;
}

export interface FirstPaintHooks {
  /** Opens a row's seller page (what a click on a row of the React list does). */
  openItem(url: string): void;
  /** Opens the options page (the header's button). */
  openOptions(): void;
  /** The browser's language tag: the language setting `auto` follows it. */
  browserLanguage: string | undefined;
}

/**
 * The platforms the filter offers before the stored ones are known: lib/records.ts PLATFORMS,
 * which cannot be imported here (that module's zod schemas would load with the first paint);
 * the type below fails when the two hold different platforms, takeover.test.tsx when their
 * order differs.
 */
const PLATFORM_CHOICES = ['amazon', 'walmart', 'ebay'] as const satisfies readonly Platform[];
const SAME_PLATFORMS: [Platform] extends [(typeof PLATFORM_CHOICES)[number]] ? true : never = true;
void SAME_PLATFORMS;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The User Timing mark set when the first rows are in the page (navigation start to it: what
 * `npm run bench -- ui` times without a debugger attached; it also shows in DevTools' trace).
 */
export const FIRST_ROWS_MARK = 'stock-copilot:first-rows';

let handedOver = false;
const arrived: { atRisk?: unknown; settings?: unknown } = {};

/**
 * Sends the first requests and draws the opening rows into `root` when both have answered,
 * unless the app took over first; resolves with whether it drew.
 * @example void startFirstPaint(document.getElementById('root')!, (m) => browser.runtime.sendMessage(m), hooks);
 */
export function startFirstPaint(root: HTMLElement, send: Send, hooks: FirstPaintHooks): Promise<boolean> {
  sendFirstRequest(send);
  const { atRisk, settings } = firstReplies();
  const settingsArrived = (settings ?? Promise.resolve(undefined)).then(
    (reply) => (arrived.settings = reply),
    () => undefined,
  );
  if (!atRisk) return Promise.resolve(false);
  return atRisk.then(
    async (reply) => {
      arrived.atRisk = reply;
      await settingsArrived;
      const rows = openingRows(reply);
      if (handedOver || !rows || rows.stored === 0 || rows.items.length === 0) return false;
      const language = uiLanguage(arrived.settings, hooks.browserLanguage);
      root.replaceChildren(firstScreen(root.ownerDocument, rows, language, hooks));
      performance.mark(FIRST_ROWS_MARK);
      return true;
    },
    () => false,
  );
}

/**
 * Stops the first paint and gives the app the replies that have arrived (raw: the app validates
 * them with the protocol's schemas); the opening list's reply is then the app's, never handed
 * out again (takeFirstReply).
 * @example prefillFirstScreen(client, handOver())
 */
export function handOver(): { atRisk?: unknown; settings?: unknown } {
  handedOver = true;
  if ('atRisk' in arrived) takeFirstReply();
  return { ...arrived };
}

/**
 * The UI language from a raw `settings/get` reply (`auto`, or no valid reply: the browser's).
 * @example uiLanguage({ ok: true, data: { settings: { language: 'zh-CN' } } }, 'en-US') // 'zh-CN'
 */
export function uiLanguage(reply: unknown, browserLanguage: string | undefined): Language {
  const language = field(field(field(reply, 'data'), 'settings'), 'language');
  return field(reply, 'ok') === true && (language === 'en' || language === 'zh-CN') ? language : languageFromTag(browserLanguage);
}

/**
 * A raw `skus/at-risk` reply checked by hand for what the first paint prints (the app checks it
 * whole with the protocol's schema); undefined when it is not an answer or does not check.
 * @example openingRows({ ok: true, data: { items: [], total: 0, stored: 3 } }) // { items: [], total: 0, stored: 3, updating: false }
 */
export function openingRows(reply: unknown): OpeningRows | undefined {
  if (field(reply, 'ok') !== true) return undefined;
  const data = field(reply, 'data');
  const items = field(data, 'items');
  const [total, stored, updating] = [field(data, 'total'), field(data, 'stored'), field(data, 'updating')];
  if (!Array.isArray(items) || !Number.isInteger(total) || !Number.isInteger(stored) || (updating !== undefined && updating !== true)) return undefined;
  if (!items.every(isFirstRow)) return undefined;
  return { items, total: total as number, stored: stored as number, updating: updating === true };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

const isInt = (v: unknown) => Number.isInteger(v);
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const isString = (v: unknown) => typeof v === 'string';
const isIsoDate = (v: unknown) => typeof v === 'string' && ISO_DATE.test(v);
const ROW_CHECKS: Record<keyof FirstRow, (v: unknown) => boolean> = {
  sku: isString,
  title: (v) => v === undefined || isString(v),
  urgency: (v) => (URGENCY_LEVELS as readonly unknown[]).includes(v),
  marketplace: isString,
  url: isString,
  available: orNull(isInt),
  daysOfCover: orNull((v) => typeof v === 'number' && Number.isFinite(v)),
  stockoutDate: orNull(isIsoDate),
  stockoutDateWithInbound: orNull(isIsoDate),
  reorderQuantity: orNull(isInt),
  reorderDate: orNull(isIsoDate),
  reorderDaysLate: isInt,
  healthScore: orNull((v) => isInt(v) && (v as number) >= 0 && (v as number) <= 100),
};

function isFirstRow(item: unknown): item is FirstRow {
  return typeof item === 'object' && item !== null && Object.entries(ROW_CHECKS).every(([name, check]) => check(field(item, name)));
}

type Child = Node | string;

/** An element with its class, attributes and children (text as text nodes: never markup). */
function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attributes: Record<string, string>, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The popup as the React app first renders it with these rows (Popup.tsx, with LanguageProvider's wrapper). */
function firstScreen(doc: Document, rows: OpeningRows, language: Language, hooks: FirstPaintHooks): HTMLElement {
  const options = el(doc, 'button', { type: 'button', class: 'link' }, t(language, 'popup.openOptions'));
  options.addEventListener('click', () => hooks.openOptions());
  const header = el(
    doc,
    'header',
    {},
    el(doc, 'h1', {}, t(language, 'popup.title')),
    options,
    el(doc, 'a', { class: 'link', href: '/options.html#purchase-plan', target: '_blank', rel: 'noreferrer' }, t(language, 'purchase.popupLink')),
  );
  const count = t(language, 'popup.count', { shown: formatNumber(language, rows.items.length), total: formatNumber(language, rows.total) });
  const main = el(
    doc,
    'main',
    { class: 'popup' },
    header,
    filterBar(doc, language),
    el(doc, 'p', { class: 'count', role: 'status', 'data-testid': 'at-risk-count' }, count),
    ...(rows.updating ? [el(doc, 'p', { class: 'muted', 'data-testid': 'at-risk-updating' }, t(language, 'popup.updating'))] : []),
    ...list(doc, rows.items, language, hooks),
  );
  return el(doc, 'div', { lang: language }, main);
}

/**
 * The filter bar in its opening state (Filters.tsx). Its controls carry no test ids: tests wait
 * for the app's, which work.
 */
function filterBar(doc: Document, language: Language): HTMLElement {
  const any = () => el(doc, 'option', { value: '' }, t(language, 'popup.filter.any'));
  const labelled = (label: string, control: HTMLElement, attributes: Record<string, string> = {}) =>
    el(doc, 'label', attributes, el(doc, 'span', {}, label), control);
  const platforms = PLATFORM_CHOICES.map((p) => el(doc, 'option', { value: p }, t(language, `platform.${p}`)));
  const risk = el(doc, 'select', {}, ...RISKS.map((r) => el(doc, 'option', { value: r }, t(language, `risk.${r}`))));
  risk.value = OPENING_RISK;
  return el(
    doc,
    'form',
    { class: 'filters', role: 'search', 'aria-label': t(language, 'popup.filters') },
    labelled(t(language, 'popup.filter.platform'), el(doc, 'select', {}, any(), ...platforms)),
    labelled(t(language, 'popup.filter.marketplace'), el(doc, 'select', { disabled: '' }, any())),
    labelled(t(language, 'popup.filter.risk'), risk),
    labelled(t(language, 'popup.search'), el(doc, 'input', { type: 'search', maxlength: '200', value: '' }), { class: 'search' }),
  );
}

/** The list head and the rows the React list first puts in the DOM (AtRiskList.tsx). */
function list(doc: Document, items: readonly FirstRow[], language: Language, hooks: FirstPaintHooks): HTMLElement[] {
  const head = el(
    doc,
    'div',
    { class: 'list-head', 'aria-hidden': 'true' },
    el(doc, 'span', {}, t(language, 'popup.column.sku')),
    el(doc, 'span', {}, t(language, 'popup.column.platform')),
    el(doc, 'span', { class: 'num' }, t(language, 'popup.column.available')),
    el(doc, 'span', { class: 'num' }, t(language, 'popup.column.daysOfCover')),
    el(doc, 'span', {}, t(language, 'popup.column.stockout')),
    el(doc, 'span', {}, t(language, 'popup.column.reorder')),
  );
  const rows = items.slice(0, firstRowCount(items.length)).map((item, index) => row(doc, item, index, items.length, language, hooks));
  const ul = el(doc, 'ul', { class: 'list', 'aria-label': t(language, 'popup.title'), style: `height: ${items.length * ROW_HEIGHT}px;` }, ...rows);
  return [head, el(doc, 'div', { class: 'list-scroll', 'data-testid': 'at-risk-scroll' }, ul)];
}

/** A marketplace id with a place to wrap before its domain, as AtRiskList.tsx's MarketplaceName renders it. */
function marketplaceWrapping(doc: Document, id: string): Child[] {
  const [name, domain] = marketplaceParts(id);
  return domain === undefined ? [name] : [name, doc.createElement('wbr'), domain];
}

function row(doc: Document, item: FirstRow, index: number, of: number, language: Language, hooks: FirstPaintHooks): HTMLElement {
  const text = rowText(language, item);
  const link = el(
    doc,
    'a',
    { href: item.url, title: t(language, 'popup.openSku', { sku: item.sku, marketplace: item.marketplace }) },
    el(doc, 'span', { class: 'sku' }, el(doc, 'strong', {}, item.sku), ...(item.title ? [el(doc, 'span', { class: 'title' }, item.title)] : [])),
    el(doc, 'span', { class: 'market' }, ...marketplaceWrapping(doc, item.marketplace)),
    el(doc, 'span', { class: 'num' }, text.available),
    el(doc, 'span', { class: 'num cover', 'data-testid': 'days-of-cover' }, text.cover),
    el(doc, 'span', { class: 'stockout', 'data-testid': 'stockout' }, text.stockout),
    el(doc, 'span', { class: 'reorder' }, text.reorder),
  );
  link.addEventListener('click', (event) => {
    event.preventDefault();
    hooks.openItem(item.url);
  });
  return el(
    doc,
    'li',
    {
      class: 'row',
      'data-testid': 'at-risk-row',
      'data-sku': item.sku,
      'data-urgency': item.urgency,
      'aria-setsize': String(of),
      'aria-posinset': String(index + 1),
      style: `transform: translateY(${index * ROW_HEIGHT}px); height: ${ROW_HEIGHT}px;`,
    },
    link,
  );
}
