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
 * fast-check runs FUZZ_RUNS cases per property and adapter: 1,000 in `npm test`, 10,000 in
 * `npm run fuzz`. Each fixture is parsed once; a case moves its cells into the case's column
 * order and reads the same document again (no re-parse, no clone).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADAPTERS } from './index';
import type { PageAdapter, PageRead, ReadContext } from './types';
import { contextFor, documentFrom, fixtureHtml } from './testing/load';
import { PAGES, fixturePage } from './testing/pages';
import { cellText } from './shared/read';
import type { Diagnostic, Observation } from '../records';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Time for one property's runs: about 3 ms a case on a slow machine, never below the suite's default. */
const TIMEOUT = Math.max(20_000, RUNS * 30);

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
  'amazon/inventory-age.en': ['Product details', 'Available'],
  'amazon/inventory-age.de': ['Produktdetails', 'Verfügbar'],
  'amazon/inventory-age.zh': ['商品详情', '可售'],
  'amazon/inventory-age.ja': ['商品の詳細', '販売可能'],
  'amazon/business-reports.en': ['SKU', 'Units Ordered'],
  'amazon/business-reports.de': ['SKU', 'Bestellte Einheiten'],
  'amazon/business-reports.legacy.en': ['SKU', 'Units Ordered'],
  'amazon/orders.en': ['Order date', 'Order details', 'Product name', 'Order status'],
  'amazon/orders.de': ['Bestelldatum', 'Bestelldetails', 'Produktname', 'Bestellstatus'],
  'walmart/manage-items.en': ['SKU', 'Inventory'],
  'walmart/wfs-inventory.en': ['SKU▲', 'Available Units▲'],
  'walmart/orders.en': ['Order #', 'Order Date', 'SKU', 'Qty', 'Status'],
  'ebay/active-listings.en': ['Custom label (SKU)', 'Available quantity'],
  'ebay/active-listings.de': ['Benutzerdefiniertes Label (SKU)', 'Verfügbare Menge'],
  'ebay/active-listings.treegrid.en': ['Custom label (SKU)', 'Available quantity'],
  'ebay/orders.en': ['Order number', 'Custom label (SKU)', 'Quantity', 'Date sold', 'Status'],
};

// ---------------------------------------------------------------------------------------
// Rearranging a fixture's columns in place.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A fixture's grid: the header row and the body rows, each with one child element per column. */
class Columns {
  readonly headers: string[];
  private readonly parents: Element[];
  private readonly cells: Element[][];

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
  }

  get count(): number {
    return this.headers.length;
  }

  /**
   * Shows only the columns in `order`, in that order, in the header and in every row. Cells are
   * moved, never copied (anchors still point at the fixture's elements); the next call rearranges
   * from whatever is shown, so a case costs one move per cell and nothing to undo.
   */
  show(order: readonly number[]): void {
    const keep = new Set(order);
    for (const [r, parent] of this.parents.entries()) {
      const cells = this.cells[r]!;
      for (let i = 0; i < cells.length; i++) if (!keep.has(i)) cells[i]!.remove();
      for (const i of order) parent.appendChild(cells[i]!);
    }
  }

  /** Every column back in page order. */
  restore(): void {
    this.show(range(this.count));
  }
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

/** Removing a required column: nothing read, and an error naming a missing column. */
function expectRefused(read: PageRead, label: string): void {
  expect(read.rows, label).toEqual([]);
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

it('covers every registered adapter (eleven page types) and every fixture of each', () => {
  expect(ADAPTERS).toHaveLength(11);
  expect(Object.keys(PAGES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
  expect(Object.keys(REQUIRED_HEADERS).sort()).toEqual(
    Object.values(PAGES)
      .flatMap((p) => p.fixtures)
      .sort(),
  );
});

for (const adapter of ADAPTERS) {
  describe(`${adapter.id}: columns found by header text, not position`, () => {
    let fixtures: Fixture[] = [];
    beforeAll(() => {
      fixtures = (PAGES[adapter.id]?.fixtures ?? []).map((name) => load(adapter, name));
    });

    it('reads every fixture as it is, without errors', () => {
      expect(fixtures.length).toBeGreaterThan(0);
      for (const f of fixtures) {
        expect(f.base.rows.length, f.name).toBeGreaterThan(0);
        expect(
          f.base.diagnostics.filter((d) => d.level === 'error'),
          f.name,
        ).toEqual([]);
      }
    });

    it(
      `shuffled column order reads the same rows (${RUNS} runs)`,
      () => {
        const cases = fc
          .nat({ max: fixtures.length - 1 })
          .chain((k) => fc.tuple(fc.constant(k), fc.shuffledSubarray(range(fixtures[k]!.columns.count), { minLength: fixtures[k]!.columns.count })));
        fc.assert(
          fc.property(cases, ([k, order]) => {
            const f = fixtures[k]!;
            f.columns.show(order);
            const read = adapter.parse(f.doc, f.ctx);
            expectSameRead(read, f.base, `${f.name} in column order ${order.join(',')}`);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it('each column removed in turn: an optional one still reads every row, a required one reads nothing with an error', () => {
      for (const f of fixtures) {
        for (let i = 0; i < f.columns.count; i++) {
          f.columns.show(range(f.columns.count).filter((j) => j !== i));
          const read = adapter.parse(f.doc, f.ctx);
          const label = `${f.name} without "${f.columns.headers[i]}"`;
          if (f.optional.includes(i)) expectReadWithout(read, f.base, label, FALLBACK_FIELDS[adapter.id]);
          else expectRefused(read, label);
        }
        // Every cell back where it was: the page reads as before.
        f.columns.restore();
        expectSameRead(adapter.parse(f.doc, f.ctx), f.base, `${f.name} restored`);
      }
    });

    it(
      `an optional column removed and the others shuffled still reads every row (${RUNS} runs)`,
      () => {
        const cases = fc
          .nat({ max: fixtures.length - 1 })
          .chain((k) =>
            fc.tuple(
              fc.constant(k),
              fc.constantFrom(...fixtures[k]!.optional),
              fc.shuffledSubarray(range(fixtures[k]!.columns.count), { minLength: fixtures[k]!.columns.count }),
            ),
          );
        fc.assert(
          fc.property(cases, ([k, removed, shuffled]) => {
            const f = fixtures[k]!;
            const order = shuffled.filter((i) => i !== removed);
            f.columns.show(order);
            const read = adapter.parse(f.doc, f.ctx);
            expectReadWithout(read, f.base, `${f.name} without "${f.columns.headers[removed]}", order ${order.join(',')}`, FALLBACK_FIELDS[adapter.id]);
          }),
          { numRuns: RUNS },
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
