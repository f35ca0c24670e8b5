/**
 * Small pieces every page adapter uses: reading cell text safely, turning cell text into
 * numbers with a diagnostic when it does not read, and validating each record before it
 * leaves the adapter. Adapters never throw and never emit a record the schemas reject.
 */
import { z } from 'zod';
import {
  diagnosticSchema,
  listingObservationSchema,
  orderObservationSchema,
  type Diagnostic,
  type ListingObservation,
  type ListingStatus,
  type FulfillmentChannel,
  type Money,
  type Observation,
  type OrderObservation,
} from '../../records';
import { isoDateInZone, parseDisplayDate, dateOrderForCountry } from '../../locale/dates';
import { parseMoney, parseQuantity, parseDecimal } from '../../locale/numbers';
import type { PageAdapter, PageRead, ReadContext, RowAnchor } from '../types';
import { fastValidListing, fastValidOrder } from './valid';
import { implausibility } from '../../plausible';

/** Longest text we look at in one cell; hostile pages can put megabytes in a title. */
const MAX_CELL_TEXT = 4000;

/**
 * The visible text of an element, whitespace collapsed; '' for a missing element.
 * Uses textContent only (page text is never parsed as markup), capped so a huge cell cannot stall the page.
 * @example cellText(el) // 'Available 12' for <div> Available <b>12</b></div>
 */
export function cellText(el: Element | null | undefined): string {
  if (!el) return '';
  let raw = el.textContent ?? '';
  if (raw.length > MAX_CELL_TEXT) raw = raw.slice(0, MAX_CELL_TEXT);
  // Most cells are already clean: skip the two string copies (their garbage adds up over
  // 50,000 cells) when there is nothing to collapse or trim.
  return NEEDS_COLLAPSE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}

/** Whitespace that `replace(/\s+/g, ' ').trim()` would change: any but a single inner space. */
const NEEDS_COLLAPSE = /[^\S ]| {2}|^ | $/;

/**
 * The value an editable cell shows: the <input>'s live value when there is one (FBM quantity
 * and price cells are inputs), else the text.
 * @example cellValue(<div><input value="12"></div>) // '12'
 */
export function cellValue(el: Element | null | undefined): string {
  if (!el) return '';
  const first = el.firstElementChild;
  // Fast path for the common layouts: a bare text cell, or the input first in its cell.
  if (!first) return cellText(el);
  const input = first.tagName === 'INPUT' || first.tagName === 'KAT-INPUT' ? first : el.querySelector('input, kat-input');
  if (input) {
    const live = (input as HTMLInputElement).value;
    const value = typeof live === 'string' && live !== '' ? live : (input.getAttribute('value') ?? '');
    return value.slice(0, 200).trim();
  }
  return cellText(el);
}

/** Collects diagnostics for one read, so each adapter reports the same way. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  add(level: Diagnostic['level'], code: string, message: string, params?: Record<string, string | number>, row?: string | number): void {
    const d = {
      level,
      code,
      message: message.slice(0, 500),
      ...(params ? { params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : v])) } : {}),
      ...(row !== undefined ? { row: typeof row === 'string' ? row.slice(0, 200) : row } : {}),
    };
    if (diagnosticSchema.safeParse(d).success) this.list.push(d);
  }
  missingColumn(column: string, adapter: string): void {
    this.add('error', 'missing-column', `${adapter}: no "${column}" column was found, so nothing was read from this page.`, { column });
  }
}

const EMPTY_CELL = /^(|-|—|–|--|n\/a|na|\u2014)$/i;
/** Up to nine digits: a count parseQuantity reads as exactly Number(raw) in every format. */
const PLAIN_COUNT = /^\d{1,9}$/;

/** Numbers of one marketplace, each bad value reported against its row. */
export class CellReader {
  private readonly dateOrder;
  constructor(
    private readonly ctx: ReadContext,
    private readonly diags: Diagnostics,
  ) {
    this.dateOrder = dateOrderForCountry(ctx.market.country);
  }

  get context(): ReadContext {
    return this.ctx;
  }
  /** A sink for attempts whose failure is expected (trying each line of a cell). */
  get silentDiagnostics(): Diagnostics {
    return new Diagnostics();
  }

  /**
   * A unit count, or undefined (blank cells silently; unreadable or negative ones with a
   * 'bad-number' warning).
   */
  quantity(raw: string, field: string, row: string): number | undefined {
    // Plain digits (most counts) read the same in every number format: skip the general parser.
    if (PLAIN_COUNT.test(raw)) return Number(raw);
    if (EMPTY_CELL.test(raw)) return undefined;
    const token = firstNumberToken(raw);
    const value = parseQuantity(token, this.ctx.market.numberFormat);
    if (value === undefined) this.bad(raw, field, row);
    return value;
  }

  /** A non-negative decimal (days of supply), or undefined with a warning. */
  decimal(raw: string, field: string, row: string): number | undefined {
    if (EMPTY_CELL.test(raw)) return undefined;
    const value = parseDecimal(firstNumberToken(raw), this.ctx.market.numberFormat);
    if (value === undefined || value < 0 || value > 1e6) {
      this.bad(raw, field, row);
      return undefined;
    }
    return value;
  }

  /** Money in marketplace minor units; the part before " + " (price + shipping) is the price. */
  money(raw: string, field: string, row: string): Money | undefined {
    const first = raw.split(/\s\+\s|\s*\/\s*/)[0]?.trim() ?? '';
    if (EMPTY_CELL.test(first)) return undefined;
    const { numberFormat, currency, minorDigits } = this.ctx.market;
    const value = parseMoney(first, numberFormat, currency, minorDigits);
    if (value === undefined) this.bad(raw, field, row);
    return value;
  }

  /** A printed calendar day as ISO, or undefined (no diagnostic: for trying candidates). */
  tryDate(raw: string): string | undefined {
    return EMPTY_CELL.test(raw) ? undefined : parseDisplayDate(raw, this.dateOrder);
  }

  /** A printed calendar day as ISO, or undefined with a warning. */
  date(raw: string, field: string, row: string): string | undefined {
    if (EMPTY_CELL.test(raw)) return undefined;
    const value = parseDisplayDate(raw, this.dateOrder);
    if (value === undefined)
      this.diags.add('warning', 'bad-date', `Could not read the ${field} "${raw.slice(0, 40)}".`, { field, value: raw.slice(0, 60) }, row);
    return value;
  }

  private bad(raw: string, field: string, row: string): void {
    this.diags.add('warning', 'bad-number', `Could not read ${field} "${raw.slice(0, 40)}"; the value was left out.`, { field, value: raw.slice(0, 60) }, row);
  }
}

/**
 * The first thing in a cell that looks like a number (cells also hold labels and units:
 * "12 units", "Available: 12"). Currency symbols stay attached so money parsing sees them.
 * @example firstNumberToken('12 units') // '12'
 * @example firstNumberToken('-3') // '-3'
 */
function firstNumberToken(raw: string): string {
  const m = /[-−(]?[$€£¥￥₹]?\s?\d[\d.,'’\s\u00a0\u202f]*/.exec(raw);
  return m ? m[0].trim() : raw;
}

/** Fields every record of a reading shares. */
export function commonFields(adapter: Pick<PageAdapter, 'id' | 'platform'>, ctx: ReadContext) {
  return {
    platform: adapter.platform,
    marketplace: ctx.market.id,
    source: adapter.id,
    observedAt: ctx.now.toISOString(),
    observedDate: isoDateInZone(ctx.now, ctx.market.timeZone),
  };
}

/**
 * A copy without the undefined fields, so records only carry what the page showed. (A copy
 * rather than `delete`: deleting turns an object into a slow dictionary, 5,000 times a page.)
 */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Assembles rows, anchors and diagnostics, validating each record against its schema. */
export class ReadCollector {
  readonly rows: Observation[] = [];
  readonly anchors: RowAnchor[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly diags: Diagnostics) {}

  /** Adds a listing if it is valid and its SKU is new on this page. */
  listing(record: ListingObservation, element: Element, panelSlot?: Element): void {
    this.push(listingObservationSchema, record, record.sku, element, record.sku, panelSlot);
  }

  /**
   * Adds an order line if valid; the same order + SKU twice on one page is a duplicate.
   * `panelSlot`: the line's own block inside a multi-product row, so each line gets its panel.
   */
  order(record: OrderObservation, element: Element, panelSlot?: Element): void {
    this.push(orderObservationSchema, record, record.sku, element, `${record.orderId}|${record.sku}`, panelSlot);
  }

  private push(schema: z.ZodType, record: Observation, sku: string, element: Element, key = sku, panelSlot?: Element): void {
    // The fast check accepts only what the schema accepts; anything else goes to the schema.
    const fast = record.kind === 'listing' ? fastValidListing(record) : fastValidOrder(record);
    if (this.seen.has(key)) {
      this.diags.add(
        'warning',
        'duplicate-row',
        `"${key.slice(0, 80)}" appears twice on this page; only the first row was read.`,
        { key: key.slice(0, 200) },
        sku.slice(0, 200),
      );
      return;
    }
    const result = fast ? undefined : schema.safeParse(record);
    if (result && !result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      this.diags.add(
        'warning',
        'invalid-row',
        `A row could not be read (${field}: ${issue?.message ?? 'invalid'}).`,
        { field },
        typeof sku === 'string' ? sku.slice(0, 200) : undefined,
      );
      return;
    }
    const implausible = implausibility(record, record.observedDate);
    if (implausible) {
      this.diags.add(
        'warning',
        'implausible-row',
        `A row cannot be right, so it was not read (${implausible}).`,
        { issue: implausible.slice(0, 200) },
        sku.slice(0, 200),
      );
      return;
    }
    this.seen.add(key);
    this.rows.push(record);
    this.anchors.push(panelSlot ? { sku: record.sku, element, panelSlot } : { sku: record.sku, element });
  }

  result(): PageRead {
    return { rows: this.rows, diagnostics: this.diags.list, anchors: this.anchors };
  }
}

/**
 * Runs an adapter body so that nothing escapes: an unexpected exception becomes an
 * 'adapter-error' diagnostic and an empty read (per-feature error isolation).
 */
export function guardedParse(adapterId: string, body: (diags: Diagnostics) => PageRead): PageRead {
  const diags = new Diagnostics();
  try {
    return body(diags);
  } catch (error) {
    diags.add('error', 'adapter-error', `${adapterId} failed to read this page: ${String((error as Error)?.message ?? error).slice(0, 200)}`);
    return { rows: [], diagnostics: diags.list, anchors: [] };
  }
}

const STATUS_WORDS: [ListingStatus, RegExp][] = [
  ['suppressed', /suppress|unterdrückt|禁止显示|被禁止|抑制|非表示|supprim|soppress|suprimid/],
  ['incomplete', /incomplete|unvollständig|不完整|不完全|incompl|incomplet/],
  ['out_of_stock', /out of stock|nicht vorrätig|ausverkauft|缺货|在庫切れ|rupture|esaurit|agotad|sin existencias/],
  ['ended', /ended|beendet|已结束|終了|terminé|terminat|finalizad|retired|archived/],
  ['inactive', /inactive|not active|inaktiv|不在售|非在售|停止|未激活|unpublished|system problem|inactif|non attiv|inactiv/],
  ['active', /active|aktiv|在售|出品中|published|actif|attiv|activ|listed|live/],
];

/**
 * The listing status a page label means, in any supported language.
 * @example listingStatusFromText('Inactive (Out of stock)') // 'out_of_stock'
 * @example listingStatusFromText('搜索禁止显示') // 'suppressed'
 */
export function listingStatusFromText(text: string): ListingStatus | undefined {
  return remembered(statusVerdicts, text.slice(0, 200), statusOf);
}

function statusOf(text: string): ListingStatus | undefined {
  const s = text.normalize('NFKC').toLowerCase();
  if (!s) return undefined;
  for (const [status, re] of STATUS_WORDS) if (re.test(s)) return status;
  return 'unknown';
}

/**
 * Verdicts by text, for the per-row word lookups: a page repeats a few status and channel
 * texts on every row, and matching each again (NFKC, up to nine expressions) was a visible part
 * of a page's first, not yet compiled, read. Bounded, since the texts come from the page.
 */
function remembered<T>(verdicts: Map<string, T>, text: string, compute: (text: string) => T): T {
  if (verdicts.has(text)) return verdicts.get(text) as T;
  const verdict = compute(text);
  if (verdicts.size >= MAX_REMEMBERED_TEXTS) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}
const MAX_REMEMBERED_TEXTS = 256;
const statusVerdicts = new Map<string, ListingStatus | undefined>();
const channelVerdicts = new Map<string, FulfillmentChannel | undefined>();

/**
 * Who ships: Amazon/Walmart warehouses or the seller.
 * @example fulfillmentFromText('Amazon') // 'FBA'
 * @example fulfillmentFromText('卖家') // 'SELLER'
 */
export function fulfillmentFromText(text: string): FulfillmentChannel | undefined {
  return remembered(channelVerdicts, text.slice(0, 200), channelOf);
}

function channelOf(text: string): FulfillmentChannel | undefined {
  const s = text.normalize('NFKC').toLowerCase();
  if (/\bwfs\b|walmart fulfillment|walmart/.test(s)) return 'WFS';
  if (/\bfba\b|amazon|亚马逊|アマゾン/.test(s)) return 'FBA';
  if (/\bfbm\b|merchant|seller|卖家|卖方|自配送|händler|verkäufer|出品者|vendeur|marchand|venditore|commerciante|vendedor|comerciante|self/.test(s))
    return 'SELLER';
  return undefined;
}

/** Title text trimmed to what the schema keeps (titles can be absurdly long on hostile pages). */
export function clampTitle(title: string): string | undefined {
  return title ? title.slice(0, 2000) : undefined;
}
