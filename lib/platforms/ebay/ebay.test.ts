// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as active } from './active-listings';
import { adapter as orders } from './orders';
import { fixtureHtml, listingsOf, ordersOf, readHtml } from '../testing/load';
import { demoListings } from '../../../tests/fixtures/builders/demo-data';
import { buildEbayActiveListingsHtml, buildEbayOrdersHtml } from '../../../tests/fixtures/builders/ebay';
import { demoOrders } from '../../../tests/fixtures/builders/demo-data';
import { expectedOrderLines } from '../testing/expect';

const at = { platform: 'ebay', observedAt: '2026-03-01T06:30:00.000Z' } as const;
const US = 'https://www.ebay.com/sh/lst/active';

describe('ebay/active-listings', () => {
  const read = readHtml(active, fixtureHtml('ebay/active-listings.en.html'), US, 'ebay.com');
  const rows = listingsOf(read);

  it('reads every field of a plain listing (item number from data-id, eBay date format)', () => {
    expect(read.diagnostics).toEqual([]);
    expect(rows.size).toBe(24);
    expect(rows.get('KTCH-BAMB-BRD')).toEqual({
      kind: 'listing',
      ...at,
      marketplace: 'ebay.com',
      source: 'ebay/active-listings',
      observedDate: '2026-02-28',
      sku: 'KTCH-BAMB-BRD',
      itemId: '225000000000',
      title: 'Bamboo Cutting Board Set of 3 with Juice Groove, Extra Large Kitchen Chopping Boards',
      status: 'active',
      fulfillment: 'SELLER',
      available: 81,
      price: { amountMinor: 2499, currency: 'USD' },
      cumulativeSold: 493,
      watchers: 6,
      startDate: '2025-09-19',
    });
  });

  it('a listing without a custom label is kept under its item number, with a warning naming it (never an invented key)', () => {
    const html = fixtureHtml('ebay/active-listings.en.html').replace(
      '<td class="shui-dt-column__listingSKU">KTCH-BAMB-BRD</td>',
      '<td class="shui-dt-column__listingSKU"></td>',
    );
    const noLabel = readHtml(active, html, US, 'ebay.com');
    const all = listingsOf(noLabel);
    expect(all.size).toBe(24);
    expect(all.get('225000000000')).toEqual({ ...rows.get('KTCH-BAMB-BRD'), sku: '225000000000' });
    expect(noLabel.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'sku-from-item-id', params: { itemId: '225000000000' }, row: '225000000000' }),
    ]);
  });

  it("without a custom label or a data-id, the item number comes from the row's /itm/ link", () => {
    const html = fixtureHtml('ebay/active-listings.en.html')
      .replace('<tr class="grid-row" data-id="225000000000">', '<tr class="grid-row">')
      .replace('<td class="shui-dt-column__listingSKU">KTCH-BAMB-BRD</td>', '<td class="shui-dt-column__listingSKU"></td>');
    const linked = readHtml(active, html, US, 'ebay.com');
    expect(listingsOf(linked).get('225000000000')).toMatchObject({ sku: '225000000000', itemId: '225000000000', available: 81 });
    expect(linked.diagnostics).toEqual([expect.objectContaining({ code: 'sku-from-item-id', params: { itemId: '225000000000' } })]);
  });

  it('reads a variation listing: parent without stock, children with parentSku, variation and the parent title', () => {
    expect(rows.get('OUTD-WTR-BTL-PARENT')).toEqual({
      kind: 'listing',
      ...at,
      marketplace: 'ebay.com',
      source: 'ebay/active-listings',
      observedDate: '2026-02-28',
      sku: 'OUTD-WTR-BTL-PARENT',
      itemId: '225000031676',
      title: 'Insulated Stainless Steel Water Bottle 32 oz with Straw Lid, Leak Proof, BPA Free',
      status: 'active',
      watchers: 17,
      startDate: '2025-01-10',
    });
    expect(rows.get('OUTD-WTR-BTL-WHITE')).toMatchObject({
      itemId: '225000031676',
      parentSku: 'OUTD-WTR-BTL-PARENT',
      variation: 'Color: White',
      available: 157,
      cumulativeSold: 702,
      title: 'Insulated Stainless Steel Water Bottle 32 oz with Straw Lid, Leak Proof, BPA Free',
    });
    expect(rows.get('BEAU-JADE-RLR')?.parentSku).toBeUndefined();
  });

  it('reads German headers and numbers on ebay.de', () => {
    const de = readHtml(active, fixtureHtml('ebay/active-listings.de.html'), 'https://www.ebay.de/sh/lst/active', 'ebay.de');
    expect(de.diagnostics).toEqual([]);
    expect(listingsOf(de).get('HOME-LED-STRP')).toMatchObject({
      available: 1805,
      cumulativeSold: 811,
      watchers: 79,
      marketplace: 'ebay.de',
      observedDate: '2026-03-01',
    });
    expect(listingsOf(de).get('KTCH-BAMB-BRD')).toMatchObject({ price: { amountMinor: 2499, currency: 'EUR' }, startDate: '2025-05-06' });
  });

  it('header text wins over column classes, and a disagreement is reported', () => {
    const html = buildEbayActiveListingsHtml(demoListings(4, 5, 'ebay'))
      .replace('<th class="shui-dt-column__soldQuantity"', '<th class="shui-dt-column__watchCount-x"')
      .replace(/<th class="shui-dt-column__watchCount"/, '<th class="shui-dt-column__soldQuantity"');
    const read = readHtml(active, html, US, 'ebay.com');
    expect(read.rows).toHaveLength(4);
    expect(read.diagnostics.map((d) => d.code)).toContain('column-mismatch');
  });

  it('unknown header language: the columns are found by their shui classes, and each is said to be', () => {
    const listings = demoListings(4, 5, 'ebay');
    const english = readHtml(active, buildEbayActiveListingsHtml(listings), US, 'ebay.com');
    const html = buildEbayActiveListingsHtml(listings).replace(/(<button class="shui-dt--sort">)[^<]*/g, '$1Στήλη');
    const read = readHtml(active, html, US, 'ebay.com');
    expect(read.rows).toEqual(english.rows);
    expect(read.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(read.diagnostics.map((d) => d.params?.column).sort()).toEqual(['available', 'price', 'sku', 'soldQuantity', 'startDate', 'title', 'watchers']);
    for (const d of read.diagnostics) expect(d).toMatchObject({ level: 'info', code: 'column-from-hint' });
  });

  it('unknown header language and no shui classes: nothing read, the missing columns named', () => {
    const html = buildEbayActiveListingsHtml(demoListings(4, 5, 'ebay'))
      .replace(/(<button class="shui-dt--sort">)[^<]*/g, '$1Στήλη')
      .replace(/ class="shui-dt-column__\w+"/g, '');
    const read = readHtml(active, html, US, 'ebay.com');
    expect(read.rows).toEqual([]);
    expect(read.diagnostics.map((d) => d.code).sort()).toEqual(['missing-column', 'missing-column', 'unknown-language']);
  });

  it('title column hidden, variations as aria-level rows: the parent is told by its child rows, its stock not counted twice', () => {
    const tree = readHtml(active, fixtureHtml('ebay/active-listings.treegrid.en.html'), US, 'ebay.com');
    expect(tree.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'missing-optional-column', params: { column: 'title' } })]);
    const rows = listingsOf(tree);
    expect(rows.size).toBe(12);
    const parent = rows.get('OUTD-WTR-BTL-PARENT');
    expect(parent).toMatchObject({ itemId: '225000031676', watchers: 76, status: 'active' });
    expect(parent?.available).toBeUndefined();
    expect(parent?.title).toBeUndefined();
    const children = [...rows.values()].filter((r) => r.parentSku === 'OUTD-WTR-BTL-PARENT');
    expect(children.map((c) => c.sku)).toEqual(['OUTD-WTR-BTL-BLACK', 'OUTD-WTR-BTL-WHITE', 'OUTD-WTR-BTL-SAGEGREEN']);
    for (const c of children) expect(c).toMatchObject({ itemId: '225000031676', status: 'active', fulfillment: 'SELLER' });
    // Every listing that is not a parent carries a quantity; the parent's is its children's sum on the page.
    expect(children.map((c) => c.available)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(rows.get('BEAU-JADE-RLR')).toMatchObject({
      itemId: '225000039595',
      available: expect.any(Number),
      price: { amountMinor: expect.any(Number), currency: 'USD' },
    });
    expect(rows.get('BEAU-JADE-RLR')?.parentSku).toBeUndefined();
  });

  it('a parent whose child rows are collapsed is still a parent when the row says "3 variations" anywhere', () => {
    const html = fixtureHtml('ebay/active-listings.en.html').replace(/<tr class="grid-row grid-row--variation"[\s\S]*?<\/tr>\n/g, '');
    const rows = listingsOf(readHtml(active, html, US, 'ebay.com'));
    expect(rows.get('OUTD-WTR-BTL-PARENT')?.available).toBeUndefined();
    expect(rows.get('OUTD-WTR-BTL-WHITE')).toBeUndefined();
  });
});

describe('ebay/orders on other eBay sites', () => {
  const fixed = { platform: 'ebay', source: 'ebay/orders', observedAt: '2026-03-01T06:30:00.000Z', observedDate: '2026-03-01' } as const;
  for (const [site, seed, orderSeed, host, words] of [
    ['de', 20260321, 996, 'ebay.de', ['Zahlung ausstehend', 'Noch nicht versandt', 'Versandt', 'Storniert']],
    ['fr', 20260323, 997, 'ebay.fr', ['En attente de paiement', 'Non expédié', 'Expédié', 'Annulé']],
  ] as const) {
    it(`${host} in its language (${words.join(' / ')}, its date style, money with a decimal comma): every field of every line`, () => {
      const input = demoOrders(demoListings(10, seed, 'ebay', 'EUR'), 10, orderSeed, 'ebay', '2026-02-28', 'EUR');
      const read = readHtml(orders, fixtureHtml(`ebay/orders.${site}.html`), `https://www.${host}/sh/ord/`, host);
      expect(read.diagnostics).toEqual([]);
      const lines = ordersOf(read);
      expect(lines).toEqual(expectedOrderLines(input, 'unit', () => 'SELLER').map((l) => ({ kind: 'order', ...fixed, marketplace: host, ...l })));
      expect(new Set(lines.map((l) => l.status))).toEqual(new Set(['pending', 'unshipped', 'shipped', 'cancelled']));
    });
  }
});

describe('ebay/orders', () => {
  it('reads order lines with all fields', () => {
    const read = readHtml(orders, fixtureHtml('ebay/orders.en.html'), 'https://www.ebay.com/sh/ord', 'ebay.com');
    expect(read.diagnostics).toEqual([]);
    expect(ordersOf(read)[0]).toEqual({
      kind: 'order',
      ...at,
      marketplace: 'ebay.com',
      source: 'ebay/orders',
      observedDate: '2026-02-28',
      orderId: '10-10000-51096',
      sku: 'OUTD-WTR-BTL-SAGEGREEN',
      quantity: 3,
      status: 'unshipped',
      orderDate: '2026-02-15',
      itemPrice: { amountMinor: 2299, currency: 'USD' },
      fulfillment: 'SELLER',
    });
  });

  it('without a status column: status from the URL filter, or no rows', () => {
    const html = buildEbayOrdersHtml(demoOrders(demoListings(6, 1, 'ebay'), 3, 2, 'ebay', '2026-02-28'))
      .replace(/<th>Status<\/th>/, '')
      .replace(/<td>(Awaiting payment|Awaiting shipment|Shipped|Cancelled)<\/td>/g, '');
    const filtered = readHtml(orders, html, 'https://www.ebay.com/sh/ord/?filter=status:AWAITING_SHIPMENT', 'ebay.com');
    expect(filtered.rows.length).toBeGreaterThan(0);
    for (const o of ordersOf(filtered)) expect(o.status).toBe('unshipped');
    const unfiltered = readHtml(orders, html, 'https://www.ebay.com/sh/ord/', 'ebay.com');
    expect(unfiltered.rows).toEqual([]);
    expect(unfiltered.diagnostics).toContainEqual(expect.objectContaining({ code: 'missing-column', params: { column: 'orderStatus' } }));
  });

  it('eBay.co.uk\'s "Awaiting dispatch" / "Dispatched", eBay.de\'s "Versand ausstehend" and eBay.fr\'s "En attente d\'expédition" wait to ship', () => {
    const statuses = (html: string, url: string, market: string) => ordersOf(readHtml(orders, html, url, market)).map((l) => l.status);
    const en = fixtureHtml('ebay/orders.en.html');
    const uk = en.replaceAll('>Awaiting shipment<', '>Awaiting dispatch<').replaceAll('>Shipped<', '>Dispatched<');
    expect(statuses(uk, 'https://www.ebay.co.uk/sh/ord/', 'ebay.co.uk')).toEqual(statuses(en, 'https://www.ebay.com/sh/ord/', 'ebay.com'));
    for (const [site, tab, likelier] of [
      ['de', 'Noch nicht versandt', 'Versand ausstehend'],
      ['fr', 'Non expédié', "En attente d'expédition"],
    ] as const) {
      const html = fixtureHtml(`ebay/orders.${site}.html`);
      const url = `https://www.ebay.${site}/sh/ord/`;
      const before = statuses(html, url, `ebay.${site}`);
      expect(before, site).toContain('unshipped');
      expect(statuses(html.replaceAll(`>${tab}<`, `>${likelier}<`), url, `ebay.${site}`), site).toEqual(before);
    }
  });

  it('URL matching', () => {
    expect(orders.matches(new URL('https://www.ebay.co.uk/sh/ord/?filter=status:AWAITING_SHIPMENT'))).toBe(true);
    expect(active.matches(new URL('https://www.ebay.com.au/sh/lst/active'))).toBe(true);
    expect(active.matches(new URL('https://www.ebay.com/sh/lst/drafts'))).toBe(false);
    expect(orders.matches(new URL('https://www.ebay.com/sh/lst/active'))).toBe(false);
  });
});
