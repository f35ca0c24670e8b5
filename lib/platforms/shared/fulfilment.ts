/**
 * Every clue a seller page gives about who ships a listing, as signals (./signals.ts): a
 * "Fulfilled by" column, a "Fulfilled by: Amazon" / "Versand durch: Amazon" / "配送者: Amazon"
 * line in the product cell, an FNSKU (Amazon labels only what its warehouses hold), the way the
 * quantity is drawn (merchant rows carry an editable field, warehouse rows a plain count), the
 * page type (every row of the WFS inventory is WFS) and what the listing was read as before.
 */
import { HEADER_SYNONYMS, normalizeHeader } from '../../locale/headers';
import type { FulfillmentChannel, Platform } from '../../records';
import type { Signal } from '../types';
import { cellText, fulfillmentFromText } from './read';
import { FieldSignals, resolveClues, type Clue } from './signals';

/** The label spellings of the channel: the column's header synonyms, normalised, so both stay one list. */
const LABELS: ReadonlySet<string> = new Set(HEADER_SYNONYMS.fulfillment.map(normalizeHeader));

/**
 * Verdicts by raw label: every row repeats the same few labels ("ASIN", "FNSKU", "Fulfilled by"),
 * and normalising each (NFKC and seven replacements) on every row was a visible share of a
 * page's first, not yet compiled, read.
 */
const labelVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_LABELS = 256;

/**
 * True for a label that names the fulfilment channel, in any supported language.
 * @example isFulfilmentLabel('VERSAND DURCH') // true
 * @example isFulfilmentLabel('SKU') // false
 */
export function isFulfilmentLabel(label: string): boolean {
  let known = labelVerdicts.get(label);
  if (known === undefined) {
    known = LABELS.has(normalizeHeader(label));
    // Bounded: labels come from the page (a hostile page could show many distinct ones).
    if (labelVerdicts.size >= MAX_REMEMBERED_LABELS) labelVerdicts.clear();
    labelVerdicts.set(label, known);
  }
  return known;
}

/**
 * The channel a product cell's label/value lines name ("Fulfilled by: Amazon"), or undefined.
 * @example channelFromLabels(new Map([['VERSAND DURCH', 'Amazon']])) // 'FBA'
 */
export function channelFromLabels(labels: ReadonlyMap<string, string>): FulfillmentChannel | undefined {
  for (const [label, value] of labels) if (isFulfilmentLabel(label)) return fulfillmentFromText(value);
  return undefined;
}

/** The channel whose rows show a plain count where merchant rows have an editable field, per platform. */
const WAREHOUSE: Partial<Record<Platform, FulfillmentChannel>> = { amazon: 'FBA', walmart: 'WFS' };

/** What a page says about one row's channel (each part absent when the page does not show it). */
interface FulfilmentEvidence {
  platform: Platform;
  /** The fulfilment column's text, with the signal that found the column. */
  column?: { signal: Signal; text: string };
  /** The product cell's label/value lines. */
  labels?: ReadonlyMap<string, string>;
  fnsku?: string;
  /**
   * How the row's quantity is drawn, told only on pages where some rows carry an editable
   * quantity (elsewhere a plain count says nothing): `input` or `count`.
   */
  quantity?: 'input' | 'count';
  /** The page type's own channel (every row of the page has it). */
  pageType?: FulfillmentChannel;
  /** The channel this listing was read with before. */
  history?: FulfillmentChannel;
}

/**
 * The row's clues as signals, for resolveClues.
 * @example fulfilmentClues({ platform: 'amazon', fnsku: 'X00ABC', quantity: 'count' }) // [{ signal: 'fnsku', value: 'FBA' }, { signal: 'input', value: 'FBA' }]
 */
function fulfilmentClues(e: FulfilmentEvidence): Clue<FulfillmentChannel>[] {
  const clues: Clue<FulfillmentChannel>[] = [];
  if (e.column) clues.push({ signal: e.column.signal, value: fulfillmentFromText(e.column.text) });
  if (e.labels && e.labels.size > 0) clues.push({ signal: 'label', value: channelFromLabels(e.labels) });
  if (e.fnsku && e.platform === 'amazon') clues.push({ signal: 'fnsku', value: 'FBA' });
  if (e.quantity) clues.push({ signal: 'input', value: e.quantity === 'input' ? 'SELLER' : WAREHOUSE[e.platform] });
  if (e.pageType) clues.push({ signal: 'page-type', value: e.pageType });
  if (e.history) clues.push({ signal: 'history', value: e.history });
  return clues;
}

/** An editable quantity control (not a row's selection checkbox). */
const QUANTITY_INPUT = 'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):not([type="search"]), kat-input';

/**
 * How a quantity cell is drawn: `input` (an editable field), `count` (a plain number), or
 * undefined (blank, a dash, anything else).
 * @example quantityKind(<div><input value="3"></div>) // 'input'
 * @example quantityKind(<div><span>585</span></div>) // 'count'
 */
export function quantityKind(cell: Element | undefined): 'input' | 'count' | undefined {
  if (!cell) return undefined;
  if (cell.querySelector(QUANTITY_INPUT)) return 'input';
  return /^\s*[\d.,\s\u00a0\u202f']+\s*$/.test(cell.textContent ?? '') && /\d/.test(cell.textContent ?? '') ? 'count' : undefined;
}

/**
 * True when some row's quantity cell (the column at `index`) is an editable field: only then does
 * a plain count in that column say "warehouse" (a page of plain counts says nothing). Looks at
 * rows only when the container holds such a field at all.
 */
export function quantityInputsShown(container: ParentNode, rows: readonly Element[], cellsOf: (row: Element) => Element[], index: number | undefined): boolean {
  if (index === undefined || !container.querySelector(QUANTITY_INPUT)) return false;
  return rows.some((row) => cellsOf(row)[index]?.querySelector(QUANTITY_INPUT));
}

/** What a page says about who ships, for all its rows (made once per read by pageChannel). */
export interface PageChannel {
  signals: FieldSignals;
  platform: Platform;
  /** The signal that found the fulfilment column; undefined: the page has none. */
  column?: Signal;
  /** Some row's quantity is an editable field (quantityInputsShown). */
  inputsShown: boolean;
  /** The page type's own channel. */
  pageType?: FulfillmentChannel;
  history?: ReadonlyMap<string, FulfillmentChannel>;
  /** False on pages that do not say who ships: rows take only what they show themselves, and nothing is reported. */
  told: boolean;
}

/**
 * A read's channel state: the signals (with every column's own signal recorded) and the page's clues.
 * @example pageChannel(columnSignals(grid, FIELDS, taught, columns), { platform: 'amazon', inputsShown: true, told: true })
 */
export function pageChannel(byColumn: ReadonlyMap<string, Signal>, page: Omit<PageChannel, 'signals' | 'column'>): PageChannel {
  const signals = new FieldSignals();
  for (const [field, signal] of byColumn) signals.column(field, signal);
  return { ...page, signals, column: byColumn.get('fulfillment') };
}

/** One row's own clues. */
interface RowClues {
  sku: string;
  /** Variation parents take only what they show themselves (their stock is their children's). */
  isParent?: boolean;
  /** The row's cell in the fulfilment column. */
  columnCell?: Element;
  labels?: ReadonlyMap<string, string>;
  fnsku?: string;
  /** The row's cell in the available-quantity column. */
  quantityCell?: Element;
}

/**
 * A row's channel from all its clues, tallied in the page's signals (unknown when nothing tells
 * it, or when only weak clues speak and they disagree).
 * @example rowChannel(page, { sku: 'MUG-1', labels: new Map([['FULFILLED BY', 'Amazon']]) }) // 'FBA'
 */
export function rowChannel(page: PageChannel, row: RowClues): FulfillmentChannel | undefined {
  const column = page.column && row.columnCell ? { signal: page.column, text: cellText(row.columnCell) } : undefined;
  if (row.isParent || !page.told) return column ? fulfillmentFromText(column.text) : row.labels && channelFromLabels(row.labels);
  const evidence: FulfilmentEvidence = {
    platform: page.platform,
    column,
    labels: row.labels,
    fnsku: row.fnsku,
    quantity: page.inputsShown ? quantityKind(row.quantityCell) : undefined,
    pageType: page.pageType,
    history: page.history?.get(row.sku),
  };
  return page.signals.row('fulfillment', resolveClues(fulfilmentClues(evidence)), row.sku);
}
