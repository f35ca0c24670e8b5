// @vitest-environment happy-dom
/**
 * Readers that survive page variants, for every adapter in ADAPTERS and every fixture of its page
 * type (lib/platforms/testing/pages.ts):
 * - column order: the same permutation applied to the header cells and to every row's cells
 *   (`<table>`, Katal `kat-table` and ARIA/div grids alike) reads the same records in the same
 *   order, anchored on the same elements, with the same diagnostics;
 * - optional columns: removing any one column the adapter does not require still reads every row
 *   (same count, same identities, nothing but the removed column's fields missing, no error);
 *   removing a required column (REQUIRED_HEADERS) reads nothing and says which column is missing.
 * - page variants: headers reworded with other synonyms from the table (any supported language),
 *   columns shuffled, an optional column removed or its value moved into a "Label: value" line of
 *   the product cell: the identity and quantity of every row are still read, a removed column
 *   whose values are lost is said in a warning, and a moved value is read from its label.
 * fast-check runs FUZZ_RUNS cases per adapter, shared among its properties: 1,000 in `npm test`,
 * 10,000 in `npm run fuzz`. The properties read each fixture cut to FUZZ_ROWS rows (one row of
 * each kind first: FBA and merchant rows, variation parents and children), so a case costs a few
 * milliseconds; the column-by-column test reads the whole fixture. Each fixture is parsed once
 * (the tests that read it whole come first, then it is cut in place); a case moves only the cells
 * out of place into the case's column order and reads the same document again (no re-parse, no
 * clone).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADAPTERS } from './index';
import type { PageAdapter, PageRead, ReadContext } from './types';
import { contextFor, documentFrom, fixtureHtml } from './testing/load';
import { PAGES, fixturePage } from './testing/pages';
import { cellText } from './shared/read';
import { leafElements } from './shared/grid';
import { HEADER_FIELDS, HEADER_SYNONYMS, normalizeHeader, type HeaderField } from '../locale/headers';
import type { Diagnostic, ListingObservation, Observation, OrderObservation } from '../records';
import type { ShipmentItem, ShipmentReading } from '../inbound/shipments';

/** Cases per adapter, over all its properties: a quarter shuffles, a quarter removes, half builds page variants. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SHUFFLE_RUNS = Math.ceil(RUNS / 4);
const REMOVAL_RUNS = Math.ceil(RUNS / 4);
const VARIANT_RUNS = Math.max(1, RUNS - SHUFFLE_RUNS - REMOVAL_RUNS);
/** Body rows the properties read per fixture (the fixtures' 10-60 rows made a case cost 5-20 ms on a loaded machine). */
const FUZZ_ROWS = 8;
/**
 * Time for one property's runs: a case takes 1-5 ms of CPU, but on a machine shared by many
 * processes (load 25 on 2 cores) wall time is ten times that; never below a minute.
 */
const TIMEOUT = Math.max(60_000, RUNS * 60);

/**
 * The header texts (as read: whitespace collapsed, sort arrows included) of the columns each
 * adapter cannot read without, per fixture: the row identity and its quantity.
 * - amazon/manage-inventory: Available (the SKU is the row's data-sku).
 * - amazon/fba-inventory: Product details (SKU lines) and Available.
 * - amazon/restock: Product details (SKU lines) and the recommended quantity.
 * - amazon/inventory-age: Product details (SKU lines) and Available.
 * - amazon/business-reports: SKU and Units Ordered.
 * - amazon/orders: order date, order details (order id), product (SKU and quantity lines), status.
 * - walmart/manage-items, walmart/wfs-inventory: SKU and the inventory column.
 * - walmart/orders, ebay/orders: order id, date, SKU, quantity, status (no status filter in the URL).
 * - ebay/active-listings: custom label (SKU) and available quantity (variation parents are told
 *   from their child rows, not the title).
 */
const REQUIRED_HEADERS: Record<string, readonly string[]> = {
  'amazon/manage-inventory.en': ['Available'],
  'amazon/manage-inventory.zh': ['可售'],
  'amazon/manage-inventory.de': ['Verfügbar'],
  'amazon/manage-inventory.ja': ['販売可能'],
  'amazon/fba-inventory.en': ['Product details', 'Available'],
  'amazon/fba-inventory.de': ['Produktdetails', 'Verfügbar'],
  'amazon/fba-inventory-fees.en': ['Product details', 'Available'],
  'amazon/restock.en': ['Product details', 'Recommended replenishment qty'],
  'amazon/restock.ja': ['商品の詳細', '推奨補充数量'],
  'amazon/restock.fr': ['Détails du produit', 'Quantité de réapprovisionnement recommandée'],
  'amazon/inventory-age.en': ['Product details', 'Available'],
  'amazon/inventory-age.de': ['Produktdetails', 'Verfügbar'],
  'amazon/inventory-age.zh': ['商品详情', '可售'],
  'amazon/inventory-age.ja': ['商品の詳細', '販売可能'],
  'amazon/business-reports.en': ['SKU', 'Units Ordered'],
  'amazon/business-reports.de': ['SKU', 'Bestellte Einheiten'],
  'amazon/business-reports.legacy.en': ['SKU', 'Units Ordered'],
  'amazon/orders.en': ['Order date', 'Order details', 'Product name', 'Order status'],
  'amazon/orders.de': ['Bestelldatum', 'Bestelldetails', 'Produktname', 'Bestellstatus'],
  'amazon/orders.ja': ['注文日', '注文の詳細', '商品名', '注文ステータス'],
  'amazon/shipments.en': ['Shipment name', 'Status'],
  // The shipment id is its own column and also in the name cell's link: either one is enough.
  'amazon/shipments.de': ['Sendungsstatus'],
  'amazon/shipments.grid.en': ['Shipment status'],
  // The SKU is also each row's data-sku: without its column the same lines are read.
  'amazon/shipment-contents.en': ['Units shipped'],
  'amazon/shipment-contents.zh': ['商品详情', '已发货商品数量'],
  'amazon/shipment-contents.de': ['Händler-SKU', 'Versandte Einheiten'],
  'walmart/manage-items.en': ['SKU', 'Inventory'],
  'walmart/manage-items.es': ['SKU', 'Inventario'],
  'walmart/manage-items.late.en': ['Seller SKU', 'Available Qty'],
  'walmart/wfs-inventory.en': ['SKU▲', 'Available Units▲'],
  'walmart/wfs-inventory.es': ['SKU▲', 'Unidades disponibles▲'],
  'walmart/wfs-inventory.health.en': ['Vendor SKU', 'Available Units'],
  'walmart/orders.en': ['Order #', 'Order Date', 'SKU', 'Qty', 'Status'],
  'walmart/orders.es': ['Número de pedido', 'Fecha del pedido', 'SKU', 'Cantidad', 'Estado'],
  'walmart/orders.item-sku.en': ['Customer Order #', 'Order Placed', 'Item', 'Qty', 'Order Status'],
  'ebay/active-listings.en': ['Custom label (SKU)', 'Available quantity'],
  'ebay/active-listings.de': ['Benutzerdefiniertes Label (SKU)', 'Verfügbare Menge'],
  'ebay/active-listings.treegrid.en': ['Custom label (SKU)', 'Available quantity'],
  'ebay/orders.en': ['Order number', 'Custom label (SKU)', 'Quantity', 'Date sold', 'Status'],
  'ebay/orders.de': ['Bestellnummer', 'Benutzerdefiniertes Label (SKU)', 'Menge', 'Verkaufsdatum', 'Status'],
  'ebay/orders.fr': ['Numéro de commande', 'Libellé personnalisé (SKU)', 'Quantité', 'Date de vente', 'Statut'],
};

// ---------------------------------------------------------------------------------------
// Rearranging a fixture's columns in place.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A fixture's grid: the header row and the body rows, each with one child element per column. */
class Columns {
  readonly headers: string[];
  private readonly parents: Element[];
  private readonly cells: Element[][];
  /** The columns shown now, in their order. */
  private shown: number[];
  /** Per column, the elements a move of its cell in the first body row moves (what a move costs the DOM). */
  private readonly weights: number[];

  constructor(doc: Document, name: string) {
    const header = doc.querySelector(
      'table > thead > tr, kat-table-head > kat-table-row, [class*="JanusTable-module__tableHeaderRow--"], [role="row"]:has(> [role="columnheader"])',
    );
    const grid = header?.closest('table, kat-table, [role="table"], [role="grid"]');
    if (!header || !grid) throw new Error(`${name}: no grid`);
    const rows =
      header.tagName === 'TR'
        ? Array.from(grid.querySelectorAll(':scope > tbody > tr'))
        : header.tagName === 'KAT-TABLE-ROW'
          ? Array.from(grid.querySelectorAll('kat-table-body > kat-table-row'))
          : Array.from(grid.querySelectorAll('[role="row"]')).filter((r) => r !== header);
    this.parents = [header, ...rows];
    this.cells = this.parents.map((p) => Array.from(p.children));
    this.headers = this.cells[0]!.map((c) => cellText(c));
    for (const [i, row] of this.cells.entries()) {
      if (row.length !== this.headers.length) throw new Error(`${name}: row ${i} has ${row.length} cells for ${this.headers.length} headers`);
    }
    if (rows.length === 0) throw new Error(`${name}: no rows`);
    this.shown = range(this.headers.length);
    this.weights = this.cells[1]!.map((cell) => cell.querySelectorAll('*').length + 1);
  }

  get count(): number {
    return this.headers.length;
  }

  /**
   * Shows only the columns in `order`, in that order, in the header and in every row. Cells are
   * moved, never copied (anchors still point at the fixture's elements); the next call rearranges
   * from whatever is shown, so there is nothing to undo. Only the cells out of place move: a move
   * detaches and re-attaches the cell's whole subtree in the DOM (most of a case's cost besides
   * the read), so the heaviest columns already in order stay where they are.
   */
  show(order: readonly number[]): void {
    const keep = new Set(order);
    const stay = this.inPlace(order);
    for (const [r, parent] of this.parents.entries()) {
      const cells = this.cells[r]!;
      for (const i of this.shown) if (!keep.has(i)) cells[i]!.remove();
      // From the end: each cell that moves goes right before the cell that must follow it.
      let next: Element | null = null;
      for (let k = order.length - 1; k >= 0; k--) {
        const cell = cells[order[k]!]!;
        if (!stay.has(order[k]!)) parent.insertBefore(cell, next);
        next = cell;
      }
    }
    this.shown = [...order];
  }

  /**
   * The columns of `order` that can stay where they are shown now: the heaviest subsequence of
   * `order` whose columns are already in that order (a weighted longest increasing subsequence).
   */
  private inPlace(order: readonly number[]): Set<number> {
    const position = new Map(this.shown.map((c, i) => [c, i]));
    const candidates = order.filter((c) => position.has(c));
    const best = candidates.map((c) => this.weights[c]!);
    const previous = candidates.map(() => -1);
    for (let j = 0; j < candidates.length; j++) {
      for (let i = 0; i < j; i++) {
        const chained = best[i]! + this.weights[candidates[j]!]!;
        if (position.get(candidates[i]!)! < position.get(candidates[j]!)! && chained > best[j]!) [best[j], previous[j]] = [chained, i];
      }
    }
    const stay = new Set<number>();
    let last = best.indexOf(Math.max(...best));
    for (; last >= 0; last = previous[last]!) stay.add(candidates[last]!);
    return stay;
  }

  /** Every column back in page order. */
  restore(): void {
    this.show(range(this.count));
  }

  get rowCount(): number {
    return this.parents.length - 1;
  }

  /** The header cell of column `c`. */
  headerCell(c: number): Element {
    return this.cells[0]![c]!;
  }

  /** The cell of column `c` in body row `r` (0-based). */
  bodyCell(r: number, c: number): Element {
    return this.cells[r + 1]![c]!;
  }

  /**
   * Keeps at most `max` body rows, for good: one row of each kind first (its class without build
   * hashes, aria-level, an editable field, a parent SKU), then the first others in page order.
   */
  trim(max: number): void {
    const rows = this.parents.slice(1);
    const keep = new Set<Element>();
    const kinds = new Set<string>();
    for (const row of rows) {
      const kind = rowKind(row);
      if (keep.size < max && !kinds.has(kind)) keep.add(row);
      kinds.add(kind);
    }
    for (const row of rows) if (keep.size < max) keep.add(row);
    for (let i = this.parents.length - 1; i >= 1; i--) {
      if (keep.has(this.parents[i]!)) continue;
      this.parents[i]!.remove();
      this.parents.splice(i, 1);
      this.cells.splice(i, 1);
    }
  }
}

/** What tells rows apart for a reader, beyond their text. */
function rowKind(row: Element): string {
  const cls = (row.getAttribute('class') ?? '').replace(/--[A-Za-z0-9]{5}\b/g, '');
  const editable = row.querySelector('input:not([type="checkbox"]), kat-input') !== null;
  return [row.tagName, cls, row.getAttribute('aria-level'), editable, row.hasAttribute('data-parent-sku'), row.hasAttribute('aria-expanded')].join('|');
}

// ---------------------------------------------------------------------------------------
// Comparing reads.

/** Which listing or order line a record is. */
const identity = (r: Observation) => (r.kind === 'order' ? `${r.orderId}|${r.sku}` : r.sku);

const sortedDiagnostics = (d: readonly Diagnostic[]) => d.map((x) => JSON.stringify(x)).sort();

/** Same records in the same order, anchored on the same elements, with the same diagnostics. */
function expectSameRead(read: PageRead, base: PageRead, label: string): void {
  if (JSON.stringify(read.rows) !== JSON.stringify(base.rows)) {
    const i = read.rows.findIndex((r, j) => JSON.stringify(r) !== JSON.stringify(base.rows[j]));
    throw new Error(`${label}: row ${i} is ${JSON.stringify(read.rows[i])}, read in page order ${JSON.stringify(base.rows[i])}`);
  }
  // Shipments pages (amazon/shipments) read shipments, not rows: the same ones in the same order.
  expect(JSON.stringify(read.shipments ?? []), label).toBe(JSON.stringify(base.shipments ?? []));
  expect(sortedDiagnostics(read.diagnostics), label).toEqual(sortedDiagnostics(base.diagnostics));
  expect(read.anchors.length, label).toBe(base.anchors.length);
  read.anchors.forEach((a, i) => {
    const b = base.anchors[i]!;
    if (a.sku !== b.sku || a.element !== b.element || a.panelSlot !== b.panelSlot)
      expect({ i, sku: a.sku, same: false }, label).toEqual({ i, sku: b.sku, same: true });
  });
}

/**
 * Record fields that several columns say, most precise first, so that without the precise column
 * a coarser one speaks: Walmart's status is the lifecycle ("Retired" -> ended), else the publish
 * status ("Unpublished" -> inactive).
 */
const FALLBACK_FIELDS: Record<string, readonly string[]> = { 'walmart/manage-items': ['status'] };

type AgeBucket = { minDays: number; maxDays: number | null; units: number };

/**
 * True when `part` says nothing `whole` does not: equal, or (sales windows, age buckets) a sublist.
 * An open age bucket ("365+") starts a day after a bucket ending at its number ("271-365"), the
 * convention reports share (lib/reports/age-buckets.ts): without that column it starts at 365.
 */
function partOf(key: string, part: unknown, whole: unknown): boolean {
  if (JSON.stringify(part) === JSON.stringify(whole)) return true;
  if (!Array.isArray(part) || !Array.isArray(whole)) return false;
  const items = new Set(whole.map((x) => JSON.stringify(x)));
  return part.every((x) => {
    if (items.has(JSON.stringify(x))) return true;
    if (key !== 'ageBuckets') return false;
    const b = x as AgeBucket;
    const alone = b.maxDays === null && !(part as AgeBucket[]).some((o) => o.maxDays === b.minDays);
    return alone && items.has(JSON.stringify({ ...b, minDays: b.minDays + 1 }));
  });
}

/**
 * The read without one optional column: every row still read, in the same order with the same
 * identities; each record holds nothing the full read did not (the removed column's fields are
 * absent, never replaced by another value); no error, and no diagnostic but warnings added.
 */
function expectReadWithout(read: PageRead, base: PageRead, label: string, fallbacks: readonly string[] = []): void {
  expect(
    read.diagnostics.filter((d) => d.level === 'error'),
    label,
  ).toEqual([]);
  expect(read.rows.map(identity), label).toEqual(base.rows.map(identity));
  expect(
    (read.shipments ?? []).map((s) => s.shipmentId),
    label,
  ).toEqual((base.shipments ?? []).map((s) => s.shipmentId));
  (read.shipments ?? []).forEach((shipment, i) => {
    const full = base.shipments![i]! as Record<string, unknown>;
    for (const [key, value] of Object.entries(shipment))
      if (JSON.stringify(value) !== JSON.stringify(full[key]) && !(key === 'items' && itemsPartOf(value, full[key])))
        throw new Error(`${label}: shipment ${shipment.shipmentId} ${key} is ${JSON.stringify(value)}, read in full ${JSON.stringify(full[key])}`);
  });
  read.rows.forEach((row, i) => {
    const full = base.rows[i]! as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(row)) {
      if (!fallbacks.includes(key) && !partOf(key, value, full[key]))
        throw new Error(`${label}: ${identity(row)} ${key} is ${JSON.stringify(value)}, read in full ${JSON.stringify(full[key])}`);
    }
  });
  const before = new Set(sortedDiagnostics(base.diagnostics));
  for (const d of read.diagnostics) if (!before.has(JSON.stringify(d))) expect(d.level, `${label}: ${d.code}`).toBe('warning');
}

/**
 * A shipment's SKU lines (amazon/shipment-contents) read without a column: the same SKUs in the
 * same order, each holding nothing the full read did not.
 */
function itemsPartOf(part: unknown, whole: unknown): boolean {
  if (!Array.isArray(part) || !Array.isArray(whole) || part.length !== whole.length) return false;
  return part.every((item: Record<string, unknown>, i) =>
    Object.entries(item).every(([k, v]) => JSON.stringify(v) === JSON.stringify((whole[i] as Record<string, unknown>)[k])),
  );
}

/** Removing a required column: nothing read, and an error naming a missing column. */
function expectRefused(read: PageRead, label: string): void {
  expect(read.rows, label).toEqual([]);
  expect(read.shipments ?? [], label).toEqual([]);
  expect(read.diagnostics, label).toContainEqual(expect.objectContaining({ level: 'error', code: 'missing-column' }));
}

// ---------------------------------------------------------------------------------------

interface Fixture {
  name: string;
  doc: Document;
  columns: Columns;
  ctx: ReadContext;
  base: PageRead;
  /** Column indexes the adapter does not require. */
  optional: number[];
}

function load(adapter: PageAdapter, name: string): Fixture {
  const { url, market } = fixturePage(adapter.id, name);
  const doc = documentFrom(fixtureHtml(`${name}.html`));
  const columns = new Columns(doc, name);
  const ctx = contextFor(url, market);
  const required = REQUIRED_HEADERS[name] ?? [];
  for (const h of required) if (!columns.headers.includes(h)) throw new Error(`${name}: no required header "${h}" in ${columns.headers.join(' | ')}`);
  const optional = range(columns.count).filter((i) => !required.includes(columns.headers[i]!));
  return { name, doc, columns, ctx, base: adapter.parse(doc, ctx), optional };
}

/** A whole fixture cut, in place, to `maxRows` body rows (as load with maxRows), read again as its base. */
function cutTo(adapter: PageAdapter, f: Fixture, maxRows: number): Fixture {
  f.columns.restore();
  f.columns.trim(maxRows);
  return { ...f, base: adapter.parse(f.doc, f.ctx) };
}

// ---------------------------------------------------------------------------------------
// Page variants: other header wordings, a value moved into the product cell.

/** Each normalised synonym that names exactly one field: a wording no reader can take for another column. */
const OWN_WORDING: ReadonlyMap<string, HeaderField> = (() => {
  const owners = new Map<string, Set<HeaderField>>();
  for (const field of HEADER_FIELDS) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const key = normalizeHeader(synonym);
      if (key) owners.set(key, (owners.get(key) ?? new Set()).add(field));
    }
  }
  return new Map([...owners].filter(([, fields]) => fields.size === 1).map(([key, fields]) => [key, [...fields][0]!]));
})();

/** The field a header names by a wording only that field has, or undefined. */
const fieldOfHeader = (header: string) => OWN_WORDING.get(normalizeHeader(header));

/** A field's wordings (in every language of the table) that only it has. */
const wordingsOf = (field: HeaderField) => HEADER_SYNONYMS[field].filter((s) => OWN_WORDING.get(normalizeHeader(s)) === field);

/** Fields a product cell can show as "Label: value" lines, and the record key each fills. */
const MOVABLE: Partial<Record<HeaderField, 'fulfillment' | 'asin' | 'fnsku'>> = { fulfillment: 'fulfillment', asin: 'asin', fnsku: 'fnsku' };

/** Record keys that are a row's quantity, by the field whose column holds them. */
const QUANTITY_KEYS: Partial<Record<HeaderField, string>> = {
  available: 'available',
  quantity: 'quantity',
  recommendedQuantity: 'recommendedQuantity',
  unitsOrdered: 'unitsSold',
};

/** The record key a column's field fills, where removing the column may take a quantity away. */
const FILLS: Partial<Record<HeaderField, string>> = {
  ...QUANTITY_KEYS,
  unitsSold7: 'unitsSold',
  unitsSold30: 'unitsSold',
  unitsSold60: 'unitsSold',
  unitsSold90: 'unitsSold',
};

/**
 * What each listing column fills, to tell whether removing it lost a value: every optional column
 * of a listing page whose values are lost is said in a warning naming it (a title, a price, inbound
 * units, a 30-day sales count alike).
 */
const WARNED_VALUES: Partial<Record<HeaderField, (r: ListingObservation) => unknown>> = {
  title: (r) => r.title || undefined,
  asin: (r) => r.asin,
  fnsku: (r) => r.fnsku,
  itemId: (r) => r.itemId,
  gtin: (r) => r.gtin,
  price: (r) => r.price,
  startDate: (r) => r.startDate,
  dateCreated: (r) => r.startDate,
  fulfillment: (r) => r.fulfillment,
  inbound: (r) => r.inbound,
  reserved: (r) => r.reserved,
  unfulfillable: (r) => r.unfulfillable,
  unitsSold7: (r) => r.unitsSold?.find((w) => w.windowDays === 7),
  unitsSold30: (r) => r.unitsSold?.find((w) => w.windowDays === 30),
  unitsSold60: (r) => r.unitsSold?.find((w) => w.windowDays === 60),
  unitsSold90: (r) => r.unitsSold?.find((w) => w.windowDays === 90),
  daysOfSupply: (r) => r.platformDaysOfSupply,
  historicalDaysOfSupply: (r) => r.platformHistoricalDaysOfSupply,
  recommendedAction: (r) => r.recommendedAction,
  storageCost: (r) => r.estimatedStorageCost,
  recommendedShipDate: (r) => r.recommendedShipDate,
  alert: (r) => r.alert,
  watchers: (r) => r.watchers,
  soldQuantity: (r) => r.cumulativeSold,
};

/** What each order column fills, as WARNED_VALUES for listings (the other order columns are required). */
const WARNED_ORDER_VALUES: Partial<Record<HeaderField, (r: OrderObservation) => unknown>> = {
  itemPrice: (r) => r.itemPrice,
  fulfillment: (r) => r.fulfillment,
};

/** What each Shipments list column fills in a shipment (amazon/shipments). */
const WARNED_SHIPMENT_VALUES: Partial<Record<HeaderField, (s: ShipmentReading) => unknown>> = {
  shipmentName: (s) => s.name,
  shipTo: (s) => s.destination,
  unitsExpected: (s) => s.unitsExpected,
  unitsLocated: (s) => s.unitsLocated,
  arrivalWindow: (s) => s.arrivalFrom,
};

/** What each shipment contents column fills in a SKU line (amazon/shipment-contents). */
const WARNED_ITEM_VALUES: Partial<Record<HeaderField, (i: ShipmentItem) => unknown>> = {
  fnsku: (i) => i.fnsku,
  title: (i) => i.title,
  unitsLocated: (i) => i.unitsReceived,
};

/** True when some record (paired by position with the full read's) lost the value `value` reads. */
function lostIn<R>(now: readonly (R | undefined)[], full: readonly (R | undefined)[], value: ((r: R) => unknown) | undefined): boolean {
  if (!value) return false;
  return now.some((r, i) => {
    const whole = full[i];
    return r !== undefined && whole !== undefined && value(r) === undefined && value(whole) !== undefined;
  });
}

/** True when removing the `removed` column took a value from a listing, an order line, a shipment or a shipment's SKU line. */
function lostValue(read: PageRead, base: PageRead, removed: HeaderField): boolean {
  const ofKind = <K extends Observation['kind']>(rows: readonly Observation[], kind: K) =>
    rows.map((r) => (r.kind === kind ? (r as Extract<Observation, { kind: K }>) : undefined));
  const [shipments, fullShipments] = [read.shipments ?? [], base.shipments ?? []];
  return (
    lostIn(ofKind(read.rows, 'listing'), ofKind(base.rows, 'listing'), WARNED_VALUES[removed]) ||
    lostIn(ofKind(read.rows, 'order'), ofKind(base.rows, 'order'), WARNED_ORDER_VALUES[removed]) ||
    lostIn(shipments, fullShipments, WARNED_SHIPMENT_VALUES[removed]) ||
    shipments.some((s, i) => lostIn(s.items ?? [], fullShipments[i]?.items ?? [], WARNED_ITEM_VALUES[removed]))
  );
}

/**
 * A removed optional column whose values some listing, order line, shipment or shipment SKU line
 * lost is said in a warning naming it, unless another fixture of the page type (another known UI
 * variant) lacks that column too.
 */
function expectLossWarned(read: PageRead, f: Fixture, removed: HeaderField | undefined, variantsLack: ReadonlySet<HeaderField>, label: string): void {
  if (!removed || variantsLack.has(removed)) return;
  if (lostValue(read, f.base, removed))
    expect(
      read.diagnostics.some((d) => d.level === 'warning' && d.params?.column === removed),
      `${label}: a warning says the ${removed} column is missing`,
    ).toBe(true);
}

/** The fields a fixture's headers name that some other fixture of the same page type lacks: a known variant without them. */
function lackedByVariants(fixtures: readonly Fixture[]): Set<HeaderField> {
  const fieldsOf = (f: Fixture) => new Set(f.columns.headers.map(fieldOfHeader).filter((x): x is HeaderField => x !== undefined));
  const each = fixtures.map(fieldsOf);
  return new Set(each.flatMap((fields) => [...fields]).filter((field) => each.some((fields) => !fields.has(field))));
}

/** Shows `text` as a header cell's wording (in its longest text leaf, so sort buttons and hints stay); returns the undo. */
function reword(cell: Element, text: string): () => void {
  const leaf = leafElements(cell)
    .filter((l) => cellText(l) !== '')
    .sort((a, b) => cellText(b).length - cellText(a).length)[0];
  if (!leaf) return () => {};
  const before = leaf.textContent;
  leaf.textContent = text;
  return () => {
    leaf.textContent = before;
  };
}

/** Adds a "label: value" line to the product cell of every row that has a value in column `from`; returns the undo. */
function moveIntoProductCell(columns: Columns, from: number, product: number, label: string): () => void {
  const added: Element[] = [];
  for (let r = 0; r < columns.rowCount; r++) {
    const value = cellText(columns.bodyCell(r, from));
    if (!value) continue;
    const cell = columns.bodyCell(r, product);
    const holder = cell.childElementCount === 1 ? cell.firstElementChild! : cell;
    const line = cell.ownerDocument.createElement('div');
    const [l, v] = [cell.ownerDocument.createElement('span'), cell.ownerDocument.createElement('span')];
    l.textContent = `${label}:`;
    v.textContent = value;
    line.append(l, v);
    holder.append(line);
    added.push(line);
  }
  return () => added.forEach((line) => line.remove());
}

/** One generated page variant of a fixture. */
interface Variant {
  k: number;
  order: number[];
  /** Per column, which of its field's wordings to show. */
  wording: number[];
  removed?: number;
  moved?: number;
  /** Which wording of the moved field labels its line. */
  label: number;
}

/** The fixture's columns a value can move out of (into its product cell): none when it has no product cell. */
function movableColumns(f: Fixture): number[] {
  const product = f.columns.headers.findIndex((h) => fieldOfHeader(h) === 'productDetails');
  if (product < 0) return [];
  return f.optional.filter((i) => MOVABLE[fieldOfHeader(f.columns.headers[i]!)!] !== undefined);
}

/** Shows the variant on the fixture's page; returns the undo. */
function showVariant(f: Fixture, v: Variant): () => void {
  const undo: (() => void)[] = [];
  f.columns.headers.forEach((header, i) => {
    const field = fieldOfHeader(header);
    const wordings = field ? wordingsOf(field) : [];
    if (wordings.length > 0) undo.push(reword(f.columns.headerCell(i), wordings[v.wording[i]! % wordings.length]!));
  });
  if (v.moved !== undefined) {
    const product = f.columns.headers.findIndex((h) => fieldOfHeader(h) === 'productDetails');
    const labels = wordingsOf(fieldOfHeader(f.columns.headers[v.moved]!)!);
    undo.push(moveIntoProductCell(f.columns, v.moved, product, labels[v.label % labels.length]!));
  }
  f.columns.show(v.order.filter((i) => i !== v.removed && i !== v.moved));
  return () => undo.reverse().forEach((u) => u());
}

/**
 * A variant's read: every row with its identity (expectReadWithout) and its quantity; a moved
 * value read from its label on every row that had it; a removed column whose values are lost
 * said in a warning naming it.
 */
function expectVariantRead(read: PageRead, f: Fixture, v: Variant, label: string, variantsLack: ReadonlySet<HeaderField>, fallbacks?: readonly string[]): void {
  expectReadWithout(read, f.base, label, fallbacks);
  const fieldAt = (i: number | undefined) => (i === undefined ? undefined : fieldOfHeader(f.columns.headers[i]!));
  const removed = fieldAt(v.removed);
  const moved = fieldAt(v.moved);
  const lostKey = removed && FILLS[removed];
  read.rows.forEach((row, i) => {
    const [now, full] = [row as unknown as Record<string, unknown>, f.base.rows[i] as unknown as Record<string, unknown>];
    for (const key of Object.values(QUANTITY_KEYS))
      if (key !== lostKey && full[key] !== undefined) expect(now[key], `${label}: ${identity(row)} ${key}`).toBeDefined();
    const movedKey = moved && MOVABLE[moved];
    if (movedKey && full[movedKey] !== undefined) expect(now[movedKey], `${label}: ${identity(row)} ${movedKey} from its label`).toEqual(full[movedKey]);
  });
  expectLossWarned(read, f, removed, variantsLack, label);
}

it('covers every registered adapter (thirteen page types) and every fixture of each', () => {
  expect(ADAPTERS).toHaveLength(13);
  expect(Object.keys(PAGES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  expect(Object.keys(REQUIRED_HEADERS).sort()).toEqual(
    Object.values(PAGES)
      .flatMap((p) => p.fixtures)
      .sort(),
  );
});

for (const adapter of ADAPTERS) {
  describe(`${adapter.id}: columns found by header text, not position`, () => {
    const names = PAGES[adapter.id]?.fixtures ?? [];
    let whole: Fixture[] = [];
    /** The fixtures cut to FUZZ_ROWS rows, for the properties. */
    let cut: Fixture[] = [];
    /** The fixtures as they are (parsed again when the properties have cut them already, as when they run first under a filter). */
    const wholeFixtures = (): Fixture[] => {
      if (whole.length === 0 || cut.length > 0) [whole, cut] = [names.map((name) => load(adapter, name)), []];
      return whole;
    };
    /**
     * The fixtures cut to FUZZ_ROWS rows: the whole ones cut in place once the tests that read them
     * whole (declared first) are done, so each fixture is parsed once (parsing is most of a fixture's cost).
     */
    const smallFixtures = (): Fixture[] => {
      if (cut.length === 0) cut = (whole.length > 0 ? whole : names.map((name) => load(adapter, name))).map((f) => cutTo(adapter, f, FUZZ_ROWS));
      return cut;
    };

    it('reads every fixture as it is, without errors', () => {
      const fixtures = wholeFixtures();
      expect(fixtures.length).toBeGreaterThan(0);
      for (const f of fixtures) {
        expect(f.base.rows.length + (f.base.shipments?.length ?? 0), f.name).toBeGreaterThan(0);
        expect(
          f.base.diagnostics.filter((d) => d.level === 'error'),
          f.name,
        ).toEqual([]);
      }
    });

    it('each column removed in turn: an optional one still reads every row, a required one reads nothing with an error', () => {
      const variantsLack = lackedByVariants(wholeFixtures());
      for (const f of wholeFixtures()) {
        for (let i = 0; i < f.columns.count; i++) {
          f.columns.show(range(f.columns.count).filter((j) => j !== i));
          const read = adapter.parse(f.doc, f.ctx);
          const label = `${f.name} without "${f.columns.headers[i]}"`;
          if (f.optional.includes(i)) {
            expectReadWithout(read, f.base, label, FALLBACK_FIELDS[adapter.id]);
            expectLossWarned(read, f, fieldOfHeader(f.columns.headers[i]!), variantsLack, label);
          } else expectRefused(read, label);
        }
        // Every cell back where it was: the page reads as before.
        f.columns.restore();
        expectSameRead(adapter.parse(f.doc, f.ctx), f.base, `${f.name} restored`);
      }
    });

    it(
      `shuffled column order reads the same rows (${SHUFFLE_RUNS} runs)`,
      () => {
        const small = smallFixtures();
        const cases = fc
          .nat({ max: small.length - 1 })
          .chain((k) => fc.tuple(fc.constant(k), fc.shuffledSubarray(range(small[k]!.columns.count), { minLength: small[k]!.columns.count })));
        fc.assert(
          fc.property(cases, ([k, order]) => {
            const f = small[k]!;
            f.columns.show(order);
            const read = adapter.parse(f.doc, f.ctx);
            expectSameRead(read, f.base, `${f.name} in column order ${order.join(',')}`);
          }),
          { numRuns: SHUFFLE_RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      `an optional column removed and the others shuffled still reads every row (${REMOVAL_RUNS} runs)`,
      () => {
        const small = smallFixtures();
        const cases = fc
          .nat({ max: small.length - 1 })
          .chain((k) =>
            fc.tuple(
              fc.constant(k),
              fc.constantFrom(...small[k]!.optional),
              fc.shuffledSubarray(range(small[k]!.columns.count), { minLength: small[k]!.columns.count }),
            ),
          );
        fc.assert(
          fc.property(cases, ([k, removed, shuffled]) => {
            const f = small[k]!;
            const order = shuffled.filter((i) => i !== removed);
            f.columns.show(order);
            const read = adapter.parse(f.doc, f.ctx);
            expectReadWithout(read, f.base, `${f.name} without "${f.columns.headers[removed]}", order ${order.join(',')}`, FALLBACK_FIELDS[adapter.id]);
          }),
          { numRuns: REMOVAL_RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      `page variants: other header wordings in any language, shuffled, an optional column removed or moved into the product cell (${VARIANT_RUNS} runs)`,
      () => {
        const small = smallFixtures();
        const variantsLack = lackedByVariants(small);
        const cases = fc.nat({ max: small.length - 1 }).chain((k) => {
          const f = small[k]!;
          const n = f.columns.count;
          const movable = movableColumns(f);
          return fc.record({
            k: fc.constant(k),
            order: fc.shuffledSubarray(range(n), { minLength: n }),
            wording: fc.array(fc.nat(), { minLength: n, maxLength: n }),
            removed: f.optional.length > 0 ? fc.option(fc.constantFrom(...f.optional), { nil: undefined }) : fc.constant(undefined),
            moved: movable.length > 0 ? fc.option(fc.constantFrom(...movable), { nil: undefined }) : fc.constant(undefined),
            label: fc.nat(),
          });
        });
        fc.assert(
          fc.property(cases, (v: Variant) => {
            const f = small[v.k]!;
            const undo = showVariant(f, v);
            try {
              const headers = v.order.filter((i) => i !== v.removed && i !== v.moved).map((i) => cellText(f.columns.headerCell(i)));
              const label = `${f.name} as [${headers.join(' | ')}]${v.moved !== undefined ? `, "${f.columns.headers[v.moved]}" moved into the product cell` : ''}`;
              expectVariantRead(adapter.parse(f.doc, f.ctx), f, v, label, variantsLack, FALLBACK_FIELDS[adapter.id]);
            } finally {
              undo();
            }
          }),
          { numRuns: VARIANT_RUNS },
        );
      },
      TIMEOUT,
    );
  });
}

// ---------------------------------------------------------------------------------------
// Variants the properties found misread, each fixed in the reader and pinned here.

describe('variants the properties found', () => {
  const adapterOf = (id: string) => ADAPTERS.find((a) => a.id === id)!;
  /** A fixture read with the columns whose header is in `without` removed (and the others reversed when `reversed`). */
  const readVariant = (id: string, fixture: string, without: readonly string[], reversed = false) => {
    const f = load(adapterOf(id), fixture);
    const order = range(f.columns.count).filter((i) => !without.includes(f.columns.headers[i]!));
    f.columns.show(reversed ? order.reverse() : order);
    return { read: adapterOf(id).parse(f.doc, f.ctx), base: f.base };
  };
  const missingColumns = (read: PageRead) => read.diagnostics.filter((d) => d.level === 'error').map((d) => d.params?.column);

  it('age buckets are listed youngest first whatever the column order (amazon/fba-inventory, amazon/inventory-age)', () => {
    for (const [id, fixture] of [
      ['amazon/fba-inventory', 'amazon/fba-inventory.en'],
      ['amazon/inventory-age', 'amazon/inventory-age.de'],
    ] as const) {
      const { read, base } = readVariant(id, fixture, [], true);
      const buckets = read.rows.map((r) => (r.kind === 'listing' ? r.ageBuckets : undefined));
      expect(buckets, fixture).toEqual(base.rows.map((r) => (r.kind === 'listing' ? r.ageBuckets : undefined)));
      for (const b of buckets)
        expect(
          b?.map((x) => x.minDays),
          fixture,
        ).toEqual([0, 91, 181, 271, 366]);
    }
  });

  it('amazon/inventory-age without its product cell: nothing read and one missing "sku" error, even with data-sku rows', () => {
    const { read } = readVariant('amazon/inventory-age', 'amazon/inventory-age.en', ['Product details']);
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'sku' } })]);
  });

  it('amazon/restock without its product cell: nothing read and a missing "sku" error, not a skipped-row warning per row', () => {
    const { read } = readVariant('amazon/restock', 'amazon/restock.ja', ['商品の詳細']);
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'sku' } })]);
  });

  it('ebay/active-listings without the custom label column: nothing read, never item numbers standing in for every SKU', () => {
    const { read } = readVariant('ebay/active-listings', 'ebay/active-listings.de', ['Benutzerdefiniertes Label (SKU)']);
    expect(read.rows).toEqual([]);
    expect(missingColumns(read)).toEqual(['sku']);
  });

  it('walmart/orders and ebay/orders without the SKU or quantity column: a missing-column error, not a warning per skipped line', () => {
    for (const [id, fixture, sku, qty] of [
      ['walmart/orders', 'walmart/orders.en', 'SKU', 'Qty'],
      ['ebay/orders', 'ebay/orders.en', 'Custom label (SKU)', 'Quantity'],
    ] as const) {
      const noSku = readVariant(id, fixture, [sku]).read;
      expect(noSku.rows, fixture).toEqual([]);
      expect(missingColumns(noSku), fixture).toEqual(['sku']);
      expect(
        noSku.diagnostics.filter((d) => d.code === 'missing-sku'),
        fixture,
      ).toEqual([]);
      const noQty = readVariant(id, fixture, [qty]).read;
      expect(noQty.rows, fixture).toEqual([]);
      expect(missingColumns(noQty), fixture).toEqual(['quantity']);
      expect(
        noQty.diagnostics.filter((d) => d.code === 'missing-quantity'),
        fixture,
      ).toEqual([]);
    }
  });

  it('amazon/orders reads SKU and quantity from the product lines; without "Quantity:" lines or a column, a missing quantity error', () => {
    const { url, market } = fixturePage('amazon/orders', 'amazon/orders.en');
    const html = fixtureHtml('amazon/orders.en.html');
    const noQty = adapterOf('amazon/orders').parse(documentFrom(html.replace(/<div>Quantity: \d+<\/div>/g, '')), contextFor(url, market));
    expect(noQty.rows).toEqual([]);
    expect(missingColumns(noQty)).toEqual(['quantity']);
    // A tab with no orders yet has no product lines to tell by: no rows and no error.
    const empty = adapterOf('amazon/orders').parse(documentFrom(html.replace(/<tbody>[\s\S]*<\/tbody>/, '<tbody></tbody>')), contextFor(url, market));
    expect(empty).toMatchObject({ rows: [], diagnostics: [] });
  });
});
