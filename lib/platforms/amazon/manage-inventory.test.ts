// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter } from './manage-inventory';
import { fixtureHtml, listingsOf, readHtml, documentFrom, contextFor } from '../testing/load';
import { expectedFromDemo, type ListingField } from '../testing/expect';
import { buildAmazonManageInventoryHtml } from '../../../tests/fixtures/builders/amazon-manage-inventory';
import { demoListings } from '../../../tests/fixtures/builders/demo-data';
import { listingObservationSchema } from '../../records';

const US = 'https://sellercentral.amazon.com/myinventory/inventory?fulfilledBy=all&page=1&pageSize=25';
const DE = 'https://sellercentral.amazon.de/myinventory/inventory?fulfilledBy=all';
const JP = 'https://sellercentral.amazon.co.jp/myinventory/inventory';
const common = { kind: 'listing', platform: 'amazon', source: 'amazon/manage-inventory', observedAt: '2026-03-01T06:30:00.000Z' } as const;
const FIELDS: ListingField[] = [
  'asin',
  'fnsku',
  'title',
  'status',
  'fulfillment',
  'parentSku',
  'available',
  'inbound',
  'reserved',
  'unfulfillable',
  'price',
  'startDate',
];

describe('amazon/manage-inventory: English fixture (amazon.com)', () => {
  const read = readHtml(adapter, fixtureHtml('amazon/manage-inventory.en.html'), US, 'amazon.com');
  const rows = listingsOf(read);

  it('reads all 30 rows with one anchor each (the row element) and no diagnostics', () => {
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toHaveLength(30);
    expect(read.anchors.map((a) => a.sku)).toEqual([...rows.keys()]);
    for (const a of read.anchors) expect(a.element.getAttribute('data-sku')).toBe(a.sku);
    // Panels go in the product-details cell (under SKU and ASIN), inside the row.
    for (const a of read.anchors) {
      expect(a.element.contains(a.panelSlot!)).toBe(true);
      expect(a.panelSlot!.textContent).toContain(a.sku);
    }
  });

  it('reads every field of an FBA row; observedDate is the Los Angeles day, not the UTC day', () => {
    expect(rows.get('HOME-LED-STRP')).toEqual({
      ...common,
      marketplace: 'amazon.com',
      observedDate: '2026-02-28',
      sku: 'HOME-LED-STRP',
      asin: 'B00000LRTQ',
      fnsku: 'X00000LFNI',
      title: 'LED Strip Lights 50ft, Bluetooth App Control Music Sync RGB Light Strip for Bedroom',
      status: 'active',
      fulfillment: 'FBA',
      available: 2075,
      inbound: 159,
      reserved: 15,
      unfulfillable: 0,
      price: { amountMinor: 2899, currency: 'USD' },
      startDate: '2025-05-10',
    });
  });

  it('reads an FBM row: available from the editable input, no FBA-only counts, no FNSKU', () => {
    expect(rows.get('PET-DOG-LEASH')).toEqual({
      ...common,
      marketplace: 'amazon.com',
      observedDate: '2026-02-28',
      sku: 'PET-DOG-LEASH',
      asin: 'B00000LXXP',
      title: 'Heavy Duty Dog Leash 6 ft with Padded Handle and Reflective Threads for Large Dogs',
      status: 'active',
      fulfillment: 'SELLER',
      available: 528,
      price: { amountMinor: 1899, currency: 'USD' },
      startDate: '2025-01-19',
    });
  });

  it('reads a variation family: the parent without stock, children with parentSku', () => {
    expect(rows.get('OUTD-WTR-BTL-PARENT')).toEqual({
      ...common,
      marketplace: 'amazon.com',
      observedDate: '2026-02-28',
      sku: 'OUTD-WTR-BTL-PARENT',
      asin: 'B00000M41O',
      title: 'Insulated Stainless Steel Water Bottle 32 oz with Straw Lid, Leak Proof, BPA Free',
      status: 'active',
      startDate: '2025-01-13',
    });
    expect(rows.get('OUTD-WTR-BTL-WHITE')).toEqual({
      ...common,
      marketplace: 'amazon.com',
      observedDate: '2026-02-28',
      sku: 'OUTD-WTR-BTL-WHITE',
      asin: 'B000017JNH',
      fnsku: 'X00000LFP1',
      title: 'Insulated Stainless Steel Water Bottle 32 oz with Straw Lid, Leak Proof, BPA Free (White)',
      status: 'active',
      fulfillment: 'FBA',
      parentSku: 'OUTD-WTR-BTL-PARENT',
      available: 101,
      inbound: 0,
      reserved: 9,
      unfulfillable: 3,
      price: { amountMinor: 2299, currency: 'USD' },
      startDate: '2025-01-13',
    });
    const children = [...rows.values()].filter((r) => r.parentSku === 'OUTD-WTR-BTL-PARENT').map((r) => r.sku);
    expect(children).toEqual(['OUTD-WTR-BTL-BLACK', 'OUTD-WTR-BTL-WHITE', 'OUTD-WTR-BTL-SAGEGREEN']);
    // The row after the family is a standalone listing again.
    expect(rows.get('BEAU-JADE-RLR')?.parentSku).toBeUndefined();
  });

  it('reads inactive, suppressed and out-of-stock statuses', () => {
    expect(rows.get('OFFC-DESK-MAT')?.status).toBe('inactive');
    expect(rows.get('ELEC-USBC-CBL')).toMatchObject({ status: 'suppressed', available: 2386, reserved: 9 });
    expect(rows.get('BEAU-JADE-RLR')).toMatchObject({ status: 'out_of_stock', available: 0, reserved: 10 });
  });

  it('matches the builder input on every row (round trip)', () => {
    for (const input of demoListings(30, 20260301, 'amazon', 'USD')) {
      expect(rows.get(input.sku), input.sku).toMatchObject(expectedFromDemo(input, FIELDS));
    }
  });
});

describe('amazon/manage-inventory: other UI languages and number formats', () => {
  it('reads the Chinese UI (zh) with the same values as the English one', () => {
    const zh = listingsOf(readHtml(adapter, fixtureHtml('amazon/manage-inventory.zh.html'), US, 'amazon.com'));
    const en = listingsOf(readHtml(adapter, fixtureHtml('amazon/manage-inventory.en.html'), US, 'amazon.com'));
    expect(zh.size).toBe(12);
    for (const [sku, row] of zh) expect(row, sku).toEqual(en.get(sku));
    expect(zh.get('PET-DOG-LEASH')?.fulfillment).toBe('SELLER'); // "卖家"
  });

  it('reads German UI on amazon.de: 1.234 grouping, 24,99 € prices, DD.MM.YYYY dates, Berlin day', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/manage-inventory.de.html'), DE, 'amazon.de');
    const rows = listingsOf(read);
    expect(read.diagnostics).toEqual([]);
    expect(rows.get('KTCH-BAMB-BRD')).toEqual({
      ...common,
      marketplace: 'amazon.de',
      observedDate: '2026-03-01',
      sku: 'KTCH-BAMB-BRD',
      asin: 'B00000LFLS',
      fnsku: 'X00000LFLS',
      title: 'Bamboo Cutting Board Set of 3 with Juice Groove, Extra Large Kitchen Chopping Boards',
      status: 'active',
      fulfillment: 'FBA',
      available: 305,
      inbound: 0,
      reserved: 4,
      unfulfillable: 9,
      price: { amountMinor: 2499, currency: 'EUR' },
      startDate: '2025-07-14',
    });
    for (const input of demoListings(12, 20260302, 'amazon', 'EUR')) {
      expect(rows.get(input.sku), input.sku).toMatchObject(expectedFromDemo(input, FIELDS));
    }
    expect([...rows.values()].some((r) => (r.available ?? 0) >= 1000)).toBe(true);
  });

  it('reads Japanese UI on amazon.co.jp: yen without decimals', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/manage-inventory.ja.html'), JP, 'amazon.co.jp');
    const rows = listingsOf(read);
    expect(read.diagnostics).toEqual([]);
    for (const input of demoListings(10, 20260303, 'amazon', 'JPY')) {
      expect(rows.get(input.sku), input.sku).toMatchObject(expectedFromDemo(input, FIELDS));
    }
    expect(rows.get('KTCH-BAMB-BRD')?.price).toEqual({ amountMinor: 3749, currency: 'JPY' });
    expect(rows.get('KTCH-BAMB-BRD')?.observedDate).toBe('2026-03-01');
  });
});

describe('amazon/manage-inventory: columns found by the page’s own hints (aria-label of the price and quantity controls)', () => {
  const html = fixtureHtml('amazon/manage-inventory.en.html');
  const english = readHtml(adapter, html, US, 'amazon.com');
  /** The fixture with the header text of every column whose header matches `which` in a language no synonym table has. */
  const reworded = (which: RegExp) =>
    html.replace(/(role="columnheader"><span>)([^<]+)/g, (m, open: string, h: string) => (which.test(h) ? `${open}Στήλη ${h.length}` : m));

  it('Available and Price headers reworded: the same rows, each column said to be found by its hint', () => {
    const read = readHtml(adapter, reworded(/^(Available|Price \+ shipping)$/), US, 'amazon.com');
    expect(read.rows).toEqual(english.rows);
    expect(read.diagnostics.filter((d) => d.level !== 'info')).toEqual(english.diagnostics.filter((d) => d.level !== 'info'));
    const fromHint = read.diagnostics.filter((d) => d.code === 'column-from-hint').map((d) => d.params?.column);
    expect(fromHint.sort()).toEqual(['available', 'price']);
  });

  it('every header in an unknown language: every row still read with its available units and price from the hinted columns', () => {
    const read = readHtml(adapter, reworded(/./), US, 'amazon.com');
    const rows = listingsOf(read);
    expect([...rows.keys()]).toEqual([...listingsOf(english).keys()]);
    for (const [sku, full] of listingsOf(english)) {
      expect(rows.get(sku)?.available, sku).toBe(full.available);
      expect(rows.get(sku)?.price, sku).toEqual(full.price);
    }
    expect(read.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    // The columns no hint names are said to be missing (the rows are read without them).
    expect(read.diagnostics.filter((d) => d.code === 'missing-optional-column').map((d) => d.params?.column)).toContain('inbound');
  });
});

describe('amazon/manage-inventory: what it refuses to guess', () => {
  const one = demoListings(3, 1, 'amazon');

  it('headers in an unknown language: no rows, missing-column + unknown-language diagnostics', () => {
    // Three FBA rows: no merchant quantity control names the Available column (COLUMN_HINTS), and
    // the price column found by its control says nothing of the headers' language.
    expect(one.every((l) => l.fulfillment === 'FBA')).toBe(true);
    const html = buildAmazonManageInventoryHtml(one).replace(/<span>([^<]*)<\/span><\/div>/g, (m, h: string) => (h ? m.replace(h, `Колонка ${h.length}`) : m));
    const read = readHtml(adapter, html, US, 'amazon.com');
    expect(read.rows).toEqual([]);
    expect(read.diagnostics.map((d) => d.code).sort()).toEqual(['missing-column', 'unknown-language']);
    expect(read.diagnostics.find((d) => d.code === 'missing-column')?.params).toEqual({ column: 'available' });
  });

  it('a missing optional column (Inbound) just leaves the field out', () => {
    const doc = documentFrom(buildAmazonManageInventoryHtml(one));
    const headerCells = doc.querySelectorAll('[role="columnheader"]');
    headerCells[6]!.textContent = 'Something else';
    const rows = listingsOf(adapter.parse(doc, contextFor(US, 'amazon.com')));
    expect(rows.size).toBe(3);
    for (const r of rows.values()) expect(r.inbound).toBeUndefined();
    expect(rows.get(one[0]!.sku)?.available).toBe(one[0]!.available);
  });

  it('reads the live value of an FBM input the seller has edited, and anchors follow re-rendered rows', () => {
    const fbm = demoListings(5, 1, 'amazon').filter((l) => l.fulfillment === 'SELLER');
    const doc = documentFrom(buildAmazonManageInventoryHtml(demoListings(5, 1, 'amazon')));
    const input = doc.querySelector(`[data-sku="${fbm[0]!.sku}"] input[aria-label="available"]`) as HTMLInputElement;
    input.value = '77';
    const ctx = contextFor(US, 'amazon.com');
    expect(listingsOf(adapter.parse(doc, ctx)).get(fbm[0]!.sku)?.available).toBe(77);

    // The grid replaces its rows on client-side paging: a new read anchors the new elements.
    const content = doc.querySelector('[role="rowgroup"]')!;
    const fresh = documentFrom(buildAmazonManageInventoryHtml(demoListings(5, 1, 'amazon'))).querySelector('[role="rowgroup"]')!;
    content.replaceWith(doc.importNode(fresh, true));
    const again = adapter.parse(doc, ctx);
    expect(again.anchors).toHaveLength(5);
    for (const a of again.anchors) expect(doc.contains(a.element)).toBe(true);
  });

  it('emits only schema-valid records and reports bad numbers per row', () => {
    const html = buildAmazonManageInventoryHtml(one).replace(`value="${one[1]!.available}"`, 'value="-5"');
    const doc = documentFrom(html);
    const bad = doc.querySelector(`[data-sku="${one[0]!.sku}"]`)!;
    bad.querySelectorAll('[role="cell"]')[6]!.textContent = '12.5';
    const read = adapter.parse(doc, contextFor(US, 'amazon.com'));
    for (const r of read.rows) expect(listingObservationSchema.safeParse(r).success).toBe(true);
    expect(read.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'bad-number', row: one[0]!.sku, params: expect.objectContaining({ field: 'inbound' }) }),
    );
    expect(listingsOf(read).get(one[0]!.sku)?.inbound).toBeUndefined();
  });

  it('matches its own paths only', () => {
    expect(adapter.matches(new URL(US))).toBe(true);
    expect(adapter.matches(new URL('https://sellercentral.amazon.de/myinventory/inventory/'))).toBe(true);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/inventory?tbla_myitable=sort:%5B%5D'))).toBe(false);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/myinventory/inventory/detail'))).toBe(false);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth'))).toBe(false);
  });
});
