/**
 * `definePage`: the one declaration of a page type (as `defineReport` is for report types). Each
 * lib/platforms/<platform>/<page>.ts states its id, title, URL matcher with examples that must
 * and must not match, its fields with the signals that find them, and the container to observe;
 * ADAPTERS (lib/platforms/index.ts), settings (PAGE_TYPE_IDS, lib/platforms/page-types.ts), the
 * page-type names (`pageType.<id>`) and tests/conformance/page-types.test.ts all key on it.
 */
import type { HeaderField } from '../../locale/headers';
import { SIGNALS, type FieldDeclaration, type PageAdapter, type PageDeclaration, type PageExamples, type Signal } from '../types';
import type { ListingPageSpec } from './listing-page';

/**
 * A page's fields as it states them: the required ones, the optional ones, and for each field the
 * signals it is found by beyond a taught column and the header text (which every field has).
 */
export interface FieldList<F extends string> {
  required: readonly F[];
  optional: readonly F[];
  signals?: Partial<Record<F, readonly Signal[]>>;
}

/** What a page file passes to definePage. */
type PageInput<F extends string> = Omit<PageAdapter, 'containerSelector'> & {
  examples: PageExamples;
  fields: FieldList<F>;
  containerSelector: string;
};

/** Every field is found by a column the seller taught and by its header text (lib/locale/headers.ts). */
const BASE_SIGNALS: readonly Signal[] = ['taught', 'header'];

/**
 * The declaration of a page type, its fields expanded (required first) with their signals in the
 * order they win (SIGNALS).
 * @example definePage({ id: 'ebay/orders', …, fields: { required: ['orderDate'], optional: [] } }).fields[0] // { field: 'orderDate', required: true, signals: ['taught', 'header'] }
 */
export function definePage<F extends string>(input: PageInput<F>): PageDeclaration {
  const { fields, ...adapter } = input;
  const signalsOf = (field: F): Signal[] => {
    const all = new Set([...BASE_SIGNALS, ...(fields.signals?.[field] ?? [])]);
    return SIGNALS.filter((s) => all.has(s));
  };
  const expand = (list: readonly F[], required: boolean): FieldDeclaration[] => list.map((field) => ({ field, required, signals: signalsOf(field) }));
  return { ...adapter, fields: [...expand(fields.required, true), ...expand(fields.optional, false)] };
}

/**
 * A field list from all fields and the required ones (the optional ones are the rest).
 * @example fieldsOf(['sku', 'title'], ['sku']) // { required: ['sku'], optional: ['title'] }
 */
export function fieldsOf<F extends string>(all: readonly F[], required: readonly F[], signals?: Partial<Record<F, readonly Signal[]>>): FieldList<F> {
  return { required, optional: all.filter((f) => !required.includes(f)), ...(signals ? { signals } : {}) };
}

/** What a listing page adds to its spec's fields: what only its own `identity` and `onGrid` know. */
interface ListingExtras<F extends string> {
  /** Signals `identity` reads beyond the columns (label/value pairs of the product cell, /dp/ links). */
  signals?: Partial<Record<F, readonly Signal[]>>;
  /** Fields `onGrid` refuses the page without, though no one column is required (a SKU from a column or the product cell). */
  required?: readonly F[];
}

/**
 * The fields of a listing page, from its ListingPageSpec: its required and optional columns, a
 * machine hint for each field with `columnHints`, and on pages that tell who ships (a channel
 * column, or a page type with its own channel) the channel from every clue
 * lib/platforms/shared/fulfilment.ts reads.
 */
export function listingFields<F extends HeaderField>(spec: ListingPageSpec<F>, extras: ListingExtras<F> = {}): FieldList<F | 'fulfillment'> {
  const signals: Partial<Record<F | 'fulfillment', Signal[]>> = {};
  const add = (field: F | 'fulfillment', more: readonly Signal[] | undefined) => {
    if (more) signals[field] = [...(signals[field] ?? []), ...more];
  };
  for (const field of spec.fields) {
    add(field, extras.signals?.[field]);
    if (spec.columnHints?.[field]) add(field, ['hint']);
  }
  const told = spec.defaultFulfillment !== undefined || (spec.fields as readonly string[]).includes('fulfillment');
  if (told) add('fulfillment', [...(spec.defaultFulfillment ? (['page-type'] as const) : []), 'label', 'input', 'fnsku', 'history']);
  const all: (F | 'fulfillment')[] = [...spec.fields];
  if (told && !all.includes('fulfillment')) all.push('fulfillment');
  const required = [...spec.required, ...(extras.required ?? []).filter((f) => !spec.required.includes(f))];
  return fieldsOf(all, required, signals);
}

/**
 * The signals `identityFromLabels` (./listing-page.ts) reads a product cell by: "SKU: …", "ASIN: …",
 * "FNSKU: …", "Item ID: …", "GTIN: …" label/value lines, and the title from its link.
 */
export const PRODUCT_CELL_SIGNALS = {
  sku: ['label'],
  asin: ['label'],
  fnsku: ['label'],
  itemId: ['label'],
  gtin: ['label'],
  title: ['link'],
} as const satisfies Partial<Record<HeaderField, readonly Signal[]>>;
