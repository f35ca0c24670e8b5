// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEADER_FIELDS, HEADER_SYNONYMS, mapHeaders, normalizeHeader, type HeaderField, type TaughtHeader } from '../../locale/headers';
import { ADAPTERS } from '../index';
import { contextFor, documentFrom, fixtureHtml } from '../testing/load';
import { PAGES, fixturePage } from '../testing/pages';
import { distinctiveHint, findGrid, largestTable, machineHints } from './grid';
import { readListingPage, type ListingPageSpec } from './listing-page';
import { OBSERVATION_FILLS, warnMissingOptional } from './optional-columns';
import { ORDER_FIELDS } from './order-page';
import { Diagnostics } from './read';
import { reportHintSignals, taughtDisagreements } from './taught-columns';

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

  it('warns about each missing optional column, once each, and still reads the rows', () => {
    const r = read(['SKU', 'Available'], ['A-1', '4']);
    expect(r.rows.map((row) => [row.sku, row.kind === 'listing' && row.available])).toEqual([['A-1', 4]]);
    expect(warnings(r)).toEqual([
      ['warning', 'missing-optional-column', 'price'],
      ['warning', 'missing-optional-column', 'title'],
      ['warning', 'missing-optional-column', 'productDetails'],
    ]);
  });

  it('says nothing of a column that is there, or of a value every row found another way (a title in the product cell)', () => {
    expect(warnings(read(['SKU', 'Available', 'Price', 'Title'], ['A-1', '4', '$5.00', 'Mug']))).toEqual([]);
    expect(warnings(read(['SKU', 'Available', 'Price', 'Product details'], ['A-1', '4', '$5.00', 'Mug']))).toEqual([]);
  });

  it('says nothing of a column a known variant of the page type lacks (mayBeAbsent)', () => {
    const diags = new Diagnostics();
    const rows = read(['SKU', 'Available', 'Title'], ['A-1', '4', 'Mug']).rows;
    warnMissingOptional({ ...spec, mayBeAbsent: ['productDetails'] }, new Map([['title', 2]] as const), rows, OBSERVATION_FILLS, diags);
    expect(diags.list.map((d) => d.params?.column)).toEqual(['price']);
  });

  it('says nothing when no row was read (no row was read without the column)', () => {
    expect(warnings(read(['SKU', 'Available'], []))).toEqual([]);
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

describe('machine hints: the second signal after header text', () => {
  const headerCells = (html: string) => Array.from(documentFrom(`<table><thead><tr>${html}</tr></thead></table>`).querySelectorAll('th'));

  it('names a header cell by its attributes and column classes, without build hashes or positions', () => {
    const [title, qty, sku] = headerCells(
      '<th class="shui-dt-column__title wide"><button data-testid="sort-title">Title</button></th>' +
        '<th class="HeaderCell_headercell__MsMip" data-automation-id="column-header-0">Qty</th>' +
        '<th class="JanusTable-module__headerCell--MGDsi JanusTable-module__col-sku--AbYDg" data-column="sku">SKU</th>',
    );
    expect(machineHints(title!)).toEqual(['class=shui-dt-column__title', 'data-testid=sort-title']);
    expect(machineHints(qty!)).toEqual([]);
    expect(machineHints(sku!)).toEqual(['data-column=sku', 'class=JanusTable-module__headerCell', 'class=JanusTable-module__col-sku']);
  });

  it('reads a column by the attributes its body cells share (aria-label and kat-* too), never by a value one row carries', () => {
    const doc = documentFrom(
      '<table><thead><tr><th>Στήλη</th><th>Στήλη</th><th>Στήλη</th></tr></thead><tbody>' +
        ['A-1', 'B-2', 'C-3']
          .map(
            (sku, i) =>
              `<tr><td data-automation-id="sku" data-sku="${sku}">${sku}</td><td aria-label="price">$${i}.00</td><td kat-column="available">${i}</td></tr>`,
          )
          .join('') +
        '</tbody></table>',
    );
    const grid = findGrid(doc, ['sku', 'price', 'available'], ['sku', 'available'], undefined, [], {
      sku: ['data-automation-id=sku'],
      price: ['aria-label=price'],
      available: ['kat-column=available'],
    });
    expect([...grid!.map.columns]).toEqual([
      ['sku', 0],
      ['price', 1],
      ['available', 2],
    ]);
    expect(grid!.hints.flat().some((h) => h.startsWith('data-sku='))).toBe(false);
  });

  it('keeps, for a taught column, only a hint no other header cell carries', () => {
    const cells = headerCells('<th class="grid__head" data-column="name">A</th><th class="grid__head" data-column="qty">B</th><th class="grid__head">C</th>');
    expect(distinctiveHint(cells, 1)).toBe('data-column=qty');
    expect(distinctiveHint(cells, 2)).toBeUndefined();
  });

  it('finds a taught column by its hint once its header is renamed, and by its header text first', () => {
    const taught: TaughtHeader[] = [{ field: 'available', header: 'Menge', hint: 'data-column=qty' }];
    const hints = [['data-column=sku'], ['data-column=qty'], ['data-column=other']];
    expect(mapHeaders(['SKU', 'Stückzahl', 'Menge'], ['sku', 'available'], taught, { columns: hints }).columns.get('available')).toBe(2);
    expect(mapHeaders(['SKU', 'Stückzahl', 'Bestand neu'], ['sku', 'available'], taught, { columns: hints }).columns.get('available')).toBe(1);
    expect(mapHeaders(['SKU', 'Stückzahl', 'Bestand neu'], ['sku', 'available'], taught).columns.has('available')).toBe(false);
  });

  it("reads a field by the page type's declared hint when no header names it, after the synonyms", () => {
    const fields = { available: ['class=col__avail'], sku: ['class=col__sku'] };
    const map = mapHeaders(['Στήλη', 'SKU'], ['sku', 'available'], [], { columns: [['class=col__avail'], ['class=col__sku']], fields });
    expect(Object.fromEntries(map.columns)).toEqual({ sku: 1, available: 0 });
    expect(map.recognised).toBe(2);
  });

  it('reports a field found by its hint alone, and a header sitting on a column marked for another field', () => {
    const diags = new Diagnostics();
    const fields = ['sku', 'available', 'price'] as const;
    const grid = { headers: ['Στήλη', 'Price', 'SKU'], hints: [['class=col__avail'], ['class=col__sku'], []] };
    const fieldHints = { available: ['class=col__avail'], sku: ['class=col__sku'] };
    reportHintSignals(
      grid,
      fields,
      [],
      new Map([
        ['available', 0],
        ['price', 1],
        ['sku', 2],
      ] as const),
      fieldHints,
      diags,
    );
    expect(diags.list.map((d) => [d.level, d.code, d.params?.column])).toEqual([
      ['info', 'column-from-hint', 'available'],
      ['warning', 'column-mismatch', 'price'],
    ]);
  });
});

describe('a taught column survives its header being renamed again (property)', () => {
  it.each(TAUGHT_READERS)('$fixture: taught under one name with its hint, read under another', ({ adapter, fixture, url, market }) => {
    const html = fixtureHtml(`${fixture}.html`);
    const ctx = contextFor(url, market);
    const original = adapter.parse(documentFrom(html), ctx).rows;
    const doc = documentFrom(html);
    const table = largestTable(doc)!;
    const headers = table.headerCells.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
    const named = [...mapHeaders(headers, fieldsOfKind(adapter.id)).columns].filter(([field]) => !/^unitsSold|^age/.test(field)) as [HeaderField, number][];
    const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
    fc.assert(
      fc.property(fc.constantFrom(...named), fc.tuple(word, word, word), ([field, index], [a, b, c]) => {
        const [first, second] = [`${a} ${b} Zq`, `${b} ${c} Qz`];
        fc.pre(!KNOWN.has(normalizeHeader(first)) && !KNOWN.has(normalizeHeader(second)) && normalizeHeader(first) !== normalizeHeader(second));
        const cell = table.headerCells[index]!;
        const [before, attributes] = [
          cell.innerHTML,
          Array.from(cell.attributes)
            .filter((x) => x.name !== 'role')
            .map((x) => [x.name, x.value] as const),
        ];
        try {
          // The page's code names the column (and nothing else does: its own hints are gone).
          for (const [name] of attributes) cell.removeAttribute(name);
          cell.setAttribute('data-column', `zq-${a.toLowerCase()}`);
          cell.textContent = first;
          const hint = distinctiveHint(table.headerCells, index);
          expect(hint).toBe(`data-column=zq-${a.toLowerCase()}`);
          const taught: TaughtHeader = { field, header: first, hint: hint! };
          cell.textContent = second;
          expect(adapter.parse(doc, { ...ctx, taughtColumns: [taught] }).rows).toEqual(original);
        } finally {
          cell.removeAttribute('data-column');
          for (const [name, value] of attributes) cell.setAttribute(name, value);
          cell.innerHTML = before;
        }
      }),
      { numRuns: Math.max(30, Math.floor(RUNS / 20)) },
    );
  });
});
