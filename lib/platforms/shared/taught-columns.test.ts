// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEADER_FIELDS, HEADER_SYNONYMS, mapHeaders, normalizeHeader, type HeaderField, type TaughtHeader } from '../../locale/headers';
import { ADAPTERS } from '../index';
import { contextFor, documentFrom, fixtureHtml } from '../testing/load';
import { PAGES, fixturePage } from '../testing/pages';
import { largestTable } from './grid';
import { readListingPage, warnMissingOptional, type ListingPageSpec } from './listing-page';
import { ORDER_FIELDS } from './order-page';
import { Diagnostics } from './read';
import { taughtDisagreements } from './taught-columns';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe('mapHeaders with taught columns', () => {
  it('reads a taught header as its field, whatever its spelling', () => {
    const map = mapHeaders(
      ['Listing headline', 'Custom label (SKU)', 'Available quantity'],
      ['title', 'sku', 'available'],
      [{ field: 'title', header: 'LISTING HEADLINE' }],
    );
    expect(Object.fromEntries(map.columns)).toEqual({ title: 0, sku: 1, available: 2 });
    expect(map.recognised).toBe(3);
  });

  it('lets the taught column win over a synonym, and leaves the synonym column to no field', () => {
    const map = mapHeaders(['Title', 'Name'], ['title'], [{ field: 'title', header: 'Name' }]);
    expect(map.columns.get('title')).toBe(1);
  });

  it('ignores a taught field the page type does not read and a header the page does not show', () => {
    const taught: TaughtHeader[] = [
      { field: 'orderId', header: 'Title' },
      { field: 'sku', header: 'Nowhere' },
    ];
    expect(Object.fromEntries(mapHeaders(['Title', 'SKU'], ['title', 'sku'], taught).columns)).toEqual({ title: 0, sku: 1 });
  });
});

describe('taughtDisagreements', () => {
  it('names a taught field the synonyms put on another column, or a taught column the synonyms read as another field', () => {
    const headers = ['Title', 'Name', 'SKU'];
    const taught: TaughtHeader[] = [{ field: 'title', header: 'Name' }];
    expect(taughtDisagreements(headers, ['title', 'sku'], taught, mapHeaders(headers, ['title', 'sku'], taught).columns)).toEqual([
      { field: 'title', header: 'Name' },
    ]);
    const swapped: TaughtHeader[] = [{ field: 'sku', header: 'Title' }];
    expect(taughtDisagreements(headers, ['title', 'sku'], swapped, mapHeaders(headers, ['title', 'sku'], swapped).columns).map((d) => d.field)).toEqual([
      'sku',
    ]);
  });

  it('is empty when the taught column is a header the synonyms do not know', () => {
    const headers = ['Headline', 'SKU'];
    const taught: TaughtHeader[] = [{ field: 'title', header: 'Headline' }];
    expect(taughtDisagreements(headers, ['title', 'sku'], taught, mapHeaders(headers, ['title', 'sku'], taught).columns)).toEqual([]);
  });
});

describe('optional columns', () => {
  const spec: ListingPageSpec<'sku' | 'available' | 'price' | 'title' | 'productDetails'> = {
    adapter: { id: 'test/listing', platform: 'ebay', title: 'Test listings' },
    fields: ['sku', 'available', 'price', 'title', 'productDetails'],
    required: ['sku', 'available'],
    // A title may also come from a product cell, as on Amazon's pages.
    identity: (_row, col) => ({ sku: col('sku')?.textContent ?? undefined, title: col('productDetails')?.textContent ?? undefined }),
  };
  const read = (head: string[], cells: string[]) =>
    readListingPage(
      spec,
      documentFrom(
        `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></tbody></table>`,
      ),
      contextFor('https://www.ebay.com/sh/lst/active', 'ebay.com'),
    );
  const warnings = (r: ReturnType<typeof read>) => r.diagnostics.map((d) => [d.level, d.code, d.params?.column]);

  it('warns about each missing title or price column and still reads the rows', () => {
    const r = read(['SKU', 'Available'], ['A-1', '4']);
    expect(r.rows.map((row) => [row.sku, row.kind === 'listing' && row.available])).toEqual([['A-1', 4]]);
    expect(warnings(r)).toEqual([
      ['warning', 'missing-optional-column', 'price'],
      ['warning', 'missing-optional-column', 'title'],
    ]);
  });

  it('says nothing of a column that is there, or of a value every row found another way (a title in the product cell)', () => {
    expect(warnings(read(['SKU', 'Available', 'Price', 'Title'], ['A-1', '4', '$5.00', 'Mug']))).toEqual([]);
    expect(warnings(read(['SKU', 'Available', 'Price', 'Product details'], ['A-1', '4', '$5.00', 'Mug']))).toEqual([]);
  });

  it('warns about the columns a spec names instead, when it names them', () => {
    const diags = new Diagnostics();
    warnMissingOptional({ ...spec, warnWhenMissing: ['price'] }, new Map([['title', 1]] as const), [], diags);
    expect(diags.list.map((d) => d.params?.column)).toEqual(['price']);
  });
});

/** Fixtures of the adapters that read through the shared listing and order pages (they take taught columns). */
const TAUGHT_READERS = ADAPTERS.filter((a) => a.id !== 'amazon/manage-inventory').flatMap((adapter) =>
  PAGES[adapter.id]!.fixtures.map((fixture) => ({ adapter, fixture, ...fixturePage(adapter.id, fixture) })),
);

/** The fields a page of this kind matches its headers against: an order page's, or every listing field. */
function fieldsOfKind(adapterId: string): readonly HeaderField[] {
  const order: readonly HeaderField[] = ORDER_FIELDS;
  return adapterId.endsWith('/orders') ? order : HEADER_FIELDS.filter((f) => !order.includes(f) || f === 'sku' || f === 'fulfillment');
}

/** Every normalised synonym: a renamed header must be none of them (else the synonyms would read it). */
const KNOWN = new Set(HEADER_FIELDS.flatMap((f) => HEADER_SYNONYMS[f].map(normalizeHeader)));

describe('teaching the right field for a renamed header (property)', () => {
  it.each(TAUGHT_READERS)('$fixture: reads the same rows as the original page', ({ adapter, fixture, url, market }) => {
    const html = fixtureHtml(`${fixture}.html`);
    const ctx = contextFor(url, market);
    const original = adapter.parse(documentFrom(html), ctx).rows;
    const doc = documentFrom(html);
    const table = largestTable(doc)!;
    const headers = table.headerCells.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
    // The field each header names, among the fields of its kind of page (the adapter reads a subset of these).
    const named = [...mapHeaders(headers, fieldsOfKind(adapter.id)).columns].filter(([field]) => !/^unitsSold|^age/.test(field)) as [HeaderField, number][];
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
    fc.assert(
      fc.property(fc.constantFrom(...named), fc.tuple(word, word), ([field, index], [a, b]) => {
        const name = `${a} ${b} Zq`;
        fc.pre(!KNOWN.has(normalizeHeader(name)));
        const cell = table.headerCells[index]!;
        const before = cell.textContent;
        cell.textContent = name;
        try {
          const taught = adapter.parse(doc, { ...ctx, taughtColumns: [{ field, header: name }] });
          expect(taught.rows).toEqual(original);
        } finally {
          cell.textContent = before;
        }
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 20)) },
    );
  });
});
