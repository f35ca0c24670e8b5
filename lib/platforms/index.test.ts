// @vitest-environment happy-dom
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADAPTERS, adapterForUrl } from './index';
import { MARKETPLACES } from '../locale/markets';
import { FIXTURES_DIR, contextFor, documentFrom } from './testing/load';
import { PAGES } from './testing/pages';
import { listingObservationSchema, orderObservationSchema, diagnosticSchema } from '../records';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import { buildEbayActiveListingsHtml } from '../../tests/fixtures/builders/ebay';
import { buildWalmartWfsInventoryHtml } from '../../tests/fixtures/builders/walmart';
import { buildAmazonFbaInventoryHtml } from '../../tests/fixtures/builders/amazon-fba-inventory';
import { demoListings } from '../../tests/fixtures/builders/demo-data';
import type { DemoListing } from '../../tests/fixtures/builders/types';

describe('adapter registry', () => {
  it('every adapter has a unique id, at least three fixture variants each with its .md note, and a URL here', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    expect(Object.keys(PAGES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    for (const [id, page] of Object.entries(PAGES)) {
      // Issue 18: a page type is proven against at least three variants that differ as real ones do.
      expect(page.fixtures.length, id).toBeGreaterThanOrEqual(3);
      for (const f of page.fixtures) {
        expect(existsSync(`${FIXTURES_DIR}${f}.html`), `${f}.html`).toBe(true);
        expect(existsSync(`${FIXTURES_DIR}${f}.md`), `${f}.md`).toBe(true);
      }
    }
  });

  it('every page fixture file belongs to a listed adapter and has a note', () => {
    for (const dir of ['amazon', 'walmart', 'ebay']) {
      for (const file of readdirSync(FIXTURES_DIR + dir).filter((f) => f.endsWith('.html'))) {
        const stem = `${dir}/${file.replace(/\.html$/, '')}`;
        expect(
          Object.values(PAGES).some((p) => p.fixtures.includes(stem)),
          stem,
        ).toBe(true);
        expect(existsSync(`${FIXTURES_DIR}${stem}.md`), `${stem}.md`).toBe(true);
      }
    }
  });

  it("each adapter matches its own URL and rejects every other adapter's URL", () => {
    for (const adapter of ADAPTERS) {
      for (const [id, page] of Object.entries(PAGES)) {
        expect(adapter.matches(new URL(page.url)), `${adapter.id} on ${id}`).toBe(id === adapter.id);
      }
    }
  });

  it('adapterForUrl picks the adapter on seller hosts only', () => {
    for (const [id, page] of Object.entries(PAGES)) expect(adapterForUrl(new URL(page.url))?.id).toBe(id);
    expect(adapterForUrl(new URL('https://sellercentral.amazon.de/myinventory/inventory'))?.id).toBe('amazon/manage-inventory');
    expect(adapterForUrl(new URL('https://sellercentral-europe.amazon.com/orders-v3'))?.id).toBe('amazon/orders');
    expect(adapterForUrl(new URL('https://www.ebay.co.uk/sh/lst/active'))?.id).toBe('ebay/active-listings');
    // Same paths on other hosts, wrong platform or plain http: nothing.
    expect(adapterForUrl(new URL('https://www.amazon.com/myinventory/inventory'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://evil.example/myinventory/inventory'))).toBeUndefined();
    expect(adapterForUrl(new URL('http://sellercentral.amazon.com/myinventory/inventory'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://seller.walmart.com/myinventory/inventory'))).toBeUndefined();
    expect(adapterForUrl(new URL('https://sellercentral.amazon.com/home'))).toBeUndefined();
  });

  it('every adapter reads an empty page and a page without tables without throwing or rows', () => {
    for (const adapter of ADAPTERS) {
      const page = PAGES[adapter.id]!;
      for (const html of ['', '<html><body><p>Loading…</p></body></html>', '<table><tr><td>1</td></tr></table>']) {
        const read = adapter.parse(documentFrom(html), contextFor(page.url, page.market));
        expect(read.rows, adapter.id).toEqual([]);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------
// Hostile pages: whatever the cells say, adapters return rows + diagnostics, never throw,
// never emit an invalid record, and never put a number the cell did not show.

const hostileText = fc.oneof(
  fc.constantFrom(
    '—',
    '-',
    '',
    'n/a',
    '-5',
    '1e9',
    '99999999999999',
    '1,2,3',
    '12.5',
    'NaN',
    'Infinity',
    '<script>alert(1)</script>',
    '$-0.00',
    '(12)',
    '١٢٣',
    '1 234,5',
    '𝟙𝟚',
  ),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
);

function hostileListing(base: DemoListing, n: number, t: string, big: boolean): DemoListing {
  return { ...base, sku: n % 3 === 0 ? 'DUP-SKU' : `${base.sku}${t.slice(0, 5)}`, title: big ? `<script>x</script>${'A'.repeat(100_000)}` : t + base.title };
}

describe('hostile pages never escape', () => {
  const builders: [string, (rows: DemoListing[]) => string, string, string][] = [
    ['amazon/manage-inventory', (r) => buildAmazonManageInventoryHtml(r), PAGES['amazon/manage-inventory']!.url, 'amazon.com'],
    ['amazon/fba-inventory', (r) => buildAmazonFbaInventoryHtml(r), PAGES['amazon/fba-inventory']!.url, 'amazon.com'],
    ['walmart/wfs-inventory', (r) => buildWalmartWfsInventoryHtml(r), PAGES['walmart/wfs-inventory']!.url, 'walmart.com'],
    ['ebay/active-listings', (r) => buildEbayActiveListingsHtml(r), PAGES['ebay/active-listings']!.url, 'ebay.com'],
  ];
  const base = demoListings(6, 11, 'amazon');

  for (const [id, build, url, market] of builders) {
    it(`${id}: random cell text, duplicates and 100k-char titles`, () => {
      const adapter = ADAPTERS.find((a) => a.id === id)!;
      fc.assert(
        fc.property(fc.array(hostileText, { minLength: 1, maxLength: 8 }), fc.boolean(), (texts, big) => {
          const rows = base.map((b, i) =>
            hostileListing({ ...b, fulfillment: id.startsWith('walmart') ? 'WFS' : b.fulfillment }, i, texts[i % texts.length]!, big && i === 1),
          );
          const doc = documentFrom(build(rows));
          // Replace every number-ish leaf with hostile text, the way a broken page would.
          const leaves = Array.from(doc.querySelectorAll('span, kat-table-cell, td, [role="cell"]')).filter((e) => e.children.length === 0);
          leaves.forEach((leaf, k) => {
            if (k % 2 === 0) leaf.textContent = texts[k % texts.length]!;
          });
          const read = adapter.parse(doc, contextFor(url, market));
          for (const r of read.rows) {
            const schema = r.kind === 'listing' ? listingObservationSchema : orderObservationSchema;
            expect(schema.safeParse(r).success).toBe(true);
          }
          for (const d of read.diagnostics) expect(diagnosticSchema.safeParse(d).success).toBe(true);
          expect(read.anchors).toHaveLength(read.rows.length);
          const skus = read.rows.map((r) => r.sku);
          expect(new Set(skus).size).toBe(skus.length);
          // Titles are clamped, never the 100k string.
          for (const r of read.rows) if (r.kind === 'listing') expect((r.title ?? '').length).toBeLessThanOrEqual(2000);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('a cell the adapter cannot read becomes a diagnostic and the field is left out (never 0)', () => {
    const adapter = ADAPTERS.find((a) => a.id === 'amazon/fba-inventory')!;
    const doc = documentFrom(buildAmazonFbaInventoryHtml(base));
    const cell = doc.querySelector('kat-table-body kat-table-row kat-table-cell[data-cy="available"]')!;
    cell.textContent = '-12';
    const read = adapter.parse(doc, contextFor(PAGES['amazon/fba-inventory']!.url, 'amazon.com'));
    const sku = base.find((l) => l.fulfillment === 'FBA' && !l.isParent)!.sku;
    const row = read.rows.find((r) => r.sku === sku);
    expect(row && 'available' in row).toBe(false);
    expect(read.diagnostics).toContainEqual(expect.objectContaining({ code: 'bad-number', row: sku, params: { field: 'available', value: '-12' } }));
  });

  it('a SKU longer than the schema allows becomes an invalid-row diagnostic, not a record', () => {
    const adapter = ADAPTERS.find((a) => a.id === 'amazon/manage-inventory')!;
    const html = buildAmazonManageInventoryHtml([{ ...base[0]!, sku: 'S'.repeat(300) }, base[1]!]);
    const read = adapter.parse(documentFrom(html), contextFor(PAGES['amazon/manage-inventory']!.url, 'amazon.com'));
    expect(read.rows.map((r) => r.sku)).toEqual([base[1]!.sku]);
    expect(read.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-row', params: { field: 'sku' } }));
  });

  it('duplicate SKUs: the first row is kept and a duplicate-row diagnostic names it', () => {
    const adapter = ADAPTERS.find((a) => a.id === 'amazon/manage-inventory')!;
    const html = buildAmazonManageInventoryHtml([base[0]!, { ...base[1]!, sku: base[0]!.sku, available: 999 }]);
    const read = adapter.parse(documentFrom(html), contextFor(PAGES['amazon/manage-inventory']!.url, 'amazon.com'));
    expect(read.rows).toHaveLength(1);
    expect((read.rows[0] as { available?: number }).available).toBe(base[0]!.available);
    expect(read.diagnostics).toContainEqual(expect.objectContaining({ code: 'duplicate-row', row: base[0]!.sku }));
  });
});

describe('page types we link to', () => {
  it('each declared openPath is read by its own page type on every host of its platform', () => {
    const linked = ADAPTERS.filter((adapter) => adapter.openPath !== undefined);
    expect(linked.length).toBeGreaterThan(0);
    for (const adapter of linked) {
      for (const market of MARKETPLACES.filter((m) => m.platform === adapter.platform)) {
        const url = new URL(`https://${market.host}${adapter.openPath}`);
        expect(adapterForUrl(url)?.id, url.href).toBe(adapter.id);
      }
    }
  });
});
