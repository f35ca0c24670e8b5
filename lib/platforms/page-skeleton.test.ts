// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as ebayActive } from './ebay/active-listings';
import { adapter as fbaInventory } from './amazon/fba-inventory';
import { adapter as walmartItems } from './walmart/manage-items';
import type { PageAdapter } from './types';
import { pageSkeleton, tableSkeleton, textShape } from './page-skeleton';
import { largestTable } from './shared/grid';
import { contextFor, documentFrom, fixtureHtml } from './testing/load';
import type { ListingObservation } from '../records';

/**
 * A skeleton turned back into a fixture: each shape filled with concrete characters, different
 * for every text (X -> a capital, x -> a small letter, 9 -> a digit, from a counter), so shaped
 * SKUs stay distinct. The skeleton's structure is kept as it is.
 */
function fixtureFromSkeleton(skeleton: string): Document {
  const doc = documentFrom(`<!DOCTYPE html><html><body>${skeleton}</body></html>`);
  let n = 0;
  const fill = (text: string) => {
    n++;
    let i = 0;
    return text.replace(/[X9x]/g, (c) => {
      i++;
      const k = (n * 7 + i) % 10;
      return c === '9' ? String((k % 9) + 1) : c === 'X' ? 'ABCDEFGHIJ'[k]! : 'abcdefghij'[k]!;
    });
  };
  const walker = doc.createTreeWalker(doc.body, 4);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const headers = new Set(largestTable(doc)?.headerCells ?? []);
  for (const text of texts) {
    const inHeader = [...headers].some((h) => h.contains(text));
    if (!inHeader)
      text.data = text.data.replace(/^((?:SKU|ASIN|FNSKU)[:：] ?)?(.*)$/, (_m, label: string | undefined, rest: string) => (label ?? '') + fill(rest));
  }
  for (const el of Array.from(doc.querySelectorAll('[data-id]'))) el.setAttribute('data-id', fill(el.getAttribute('data-id')!));
  return doc;
}

const PAGES: { adapter: PageAdapter; file: string; url: string; market: string }[] = [
  { adapter: ebayActive, file: 'ebay/active-listings.en.html', url: 'https://www.ebay.com/sh/lst/active', market: 'ebay.com' },
  {
    adapter: fbaInventory,
    file: 'amazon/fba-inventory.en.html',
    url: 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth',
    market: 'amazon.com',
  },
  { adapter: walmartItems, file: 'walmart/manage-items.en.html', url: 'https://seller.walmart.com/items-and-inventory/manage-items', market: 'walmart.com' },
];

describe('textShape', () => {
  it('keeps the kind of each character and the punctuation, not the characters', () => {
    expect(textShape('Bamboo Board 24,99 €')).toBe('Xxxxxx Xxxxx 99,99 €');
    expect(textShape('  卖家 SKU-12\n')).toBe('xx XXX-99');
    expect(textShape('x'.repeat(100))).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('pageSkeleton', () => {
  const doc = documentFrom(fixtureHtml('ebay/active-listings.en.html'));
  const skeleton = pageSkeleton(doc, 'ebay/active-listings', new URL('https://www.ebay.com/sh/lst/active?offset=0'))!;

  it('keeps header texts and structure, and none of the seller data', () => {
    expect(skeleton).toMatch(
      /^<!-- Stock Copilot page structure: ebay\/active-listings on www\.ebay\.com\/sh\/lst\/active, 10 columns, 24 rows \(5 shown\) -->/,
    );
    expect(skeleton).toContain('>Custom label (SKU)</button></th>');
    expect(skeleton).toContain('class="shui-dt-column__listingSKU"');
    expect(skeleton).toContain('<td class="shui-dt-column__price">$99.99</td>');
    for (const seller of ['KTCH-BAMB-BRD', 'Bamboo', '225000000000', 'https://', '24.99', '493']) expect(skeleton).not.toContain(seller);
  });

  it('is small enough to paste', () => {
    expect(skeleton.length).toBeLessThan(10_000);
  });

  it('is undefined on a page without a table', () => {
    expect(pageSkeleton(documentFrom('<p>Hello</p>'), 'ebay/active-listings', new URL('https://www.ebay.com/sh/lst/active'))).toBeUndefined();
  });
});

describe('a skeleton turned back into a fixture', () => {
  it.each(PAGES)('is read by $adapter.id like the page it came from (the shown rows, each with its identity and stock)', ({ adapter, file, url, market }) => {
    const original = documentFrom(fixtureHtml(file));
    const table = largestTable(original)!;
    const ctx = contextFor(url, market);
    const copy = fixtureFromSkeleton(tableSkeleton(table));
    // The reference: the original page cut to the rows the skeleton shows.
    for (const row of table.rows.slice(5)) row.remove();
    const reference = adapter.parse(original, ctx).rows as ListingObservation[];

    const read = adapter.parse(copy, ctx);
    const rows = read.rows as ListingObservation[];
    expect(read.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(rows).toHaveLength(reference.length);
    expect(new Set(rows.map((r) => r.sku)).size).toBe(rows.length);
    rows.forEach((row, i) => {
      const ref = reference[i]!;
      // The same fields are known (values are shapes; dates may not survive being shaped).
      const known = (r: ListingObservation) =>
        ['available', 'price', 'fulfillment', 'asin', 'parentSku', 'cumulativeSold'].filter((k) => r[k as keyof ListingObservation] !== undefined);
      expect(known(row)).toEqual(known(ref));
    });
  });
});
