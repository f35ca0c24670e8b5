// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as fba } from './fba-inventory';
import { adapter as restock } from './restock';
import { adapter as orders } from './orders';
import { fixtureHtml, listingsOf, ordersOf, readHtml } from '../testing/load';
import { demoListings, demoOrders } from '../../../tests/fixtures/builders/demo-data';
import { expectedFromDemo, expectedOrderLines } from '../testing/expect';
import { buildAmazonFbaInventoryHtml } from '../../../tests/fixtures/builders/amazon-fba-inventory';

const at = { observedAt: '2026-03-01T06:30:00.000Z' } as const;
const FBA_US = 'https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth';

describe('amazon/fba-inventory', () => {
  it('skips a row that cannot be right (60 million available) with a diagnostic, and reads the rest', () => {
    const html = fixtureHtml('amazon/fba-inventory.en.html').replace(
      '<kat-table-cell data-cy="available">2,075</kat-table-cell>',
      '<kat-table-cell data-cy="available">60,000,000</kat-table-cell>',
    );
    const read = readHtml(fba, html, FBA_US, 'amazon.com');
    expect(read.rows).toHaveLength(20);
    expect(listingsOf(read).has('HOME-LED-STRP')).toBe(false);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'implausible-row',
        row: 'HOME-LED-STRP',
        params: { issue: 'available: 60000000 units is more than 10000000' },
      }),
    ]);
  });

  it('reads every field of a row on amazon.com (English)', () => {
    const read = readHtml(fba, fixtureHtml('amazon/fba-inventory.en.html'), FBA_US, 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toHaveLength(21);
    expect(listingsOf(read).get('HOME-LED-STRP')).toEqual({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/fba-inventory',
      ...at,
      observedDate: '2026-02-28',
      sku: 'HOME-LED-STRP',
      asin: 'B00000LRTQ',
      fnsku: 'X00000LFNI',
      title: 'LED Strip Lights 50ft, Bluetooth App Control Music Sync RGB Light Strip for Bedroom',
      fulfillment: 'FBA',
      available: 2075,
      inbound: 159,
      reserved: 15,
      unfulfillable: 0,
      unitsSold: [
        { windowDays: 7, units: 17 },
        { windowDays: 30, units: 73 },
        { windowDays: 90, units: 245 },
      ],
      platformDaysOfSupply: 852.7,
      ageBuckets: [
        { minDays: 0, maxDays: 90, units: 1453 },
        { minDays: 91, maxDays: 180, units: 415 },
        { minDays: 181, maxDays: 270, units: 207 },
        { minDays: 271, maxDays: 365, units: 0 },
        { minDays: 366, maxDays: null, units: 0 },
      ],
      recommendedAction: 'No action required',
      estimatedStorageCost: { amountMinor: 263, currency: 'USD' },
    });
  });

  it('reads the German UI on amazon.de with the same structure (1.569 units, 73,2 days, € costs)', () => {
    const read = readHtml(fba, fixtureHtml('amazon/fba-inventory.de.html'), 'https://sellercentral.amazon.de/manage/fba-inventory', 'amazon.de');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    expect(rows.get('HOME-LED-STRP')).toMatchObject({
      available: 1569,
      inbound: 301,
      platformDaysOfSupply: 228.5,
      estimatedStorageCost: { amountMinor: 593, currency: 'EUR' },
    });
    expect(rows.get('KTCH-BAMB-BRD')).toMatchObject({
      platformDaysOfSupply: 73.2,
      unitsSold: [
        { windowDays: 7, units: 29 },
        { windowDays: 30, units: 125 },
        { windowDays: 90, units: 398 },
      ],
      ageBuckets: expect.arrayContaining([{ minDays: 366, maxDays: null, units: 0 }]),
    });
    // Round trip against the builder input for every FBA row.
    for (const l of demoListings(12, 20260302, 'amazon', 'EUR').filter((x) => x.fulfillment === 'FBA' && !x.isParent)) {
      expect(rows.get(l.sku), l.sku).toMatchObject({
        available: l.available,
        reserved: l.reserved,
        unitsSold: expect.arrayContaining([{ windowDays: 30, units: l.unitsSold30 }]),
      });
    }
  });

  it('without an Available column: no rows and a missing-column diagnostic', () => {
    // Neither the header text nor the cells' data-cy name the column.
    const html = buildAmazonFbaInventoryHtml(demoListings(5, 3, 'amazon'))
      .replace('<kat-table-cell>Available</kat-table-cell>', '<kat-table-cell>Stock?</kat-table-cell>')
      .replace(/ data-cy="available"/g, '');
    const read = readHtml(fba, html, FBA_US, 'amazon.com');
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'missing-column', params: { column: 'available' } })]);
  });

  it('matches both known paths and nothing else', () => {
    expect(fba.matches(new URL(FBA_US))).toBe(true);
    expect(fba.matches(new URL('https://sellercentral.amazon.com/manage/fba-inventory?ref=x'))).toBe(true);
    expect(fba.matches(new URL('https://sellercentral.amazon.com/myinventory/inventory'))).toBe(false);
  });
});

describe('amazon/restock', () => {
  it('reads recommendation fields on amazon.com', () => {
    const read = readHtml(restock, fixtureHtml('amazon/restock.en.html'), 'https://sellercentral.amazon.com/restockinventory/recommendations', 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    expect(rows.size).toBe(21);
    const input = demoListings(30, 20260301, 'amazon', 'USD').find((l) => l.sku === 'HOME-LED-STRP')!;
    expect(rows.get('HOME-LED-STRP')).toEqual({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/restock',
      ...at,
      observedDate: '2026-02-28',
      sku: 'HOME-LED-STRP',
      asin: 'B00000LRTQ',
      fnsku: 'X00000LFNI',
      title: input.title,
      fulfillment: 'FBA',
      available: 2075,
      inbound: 159,
      unitsSold: [{ windowDays: 30, units: 73 }],
      platformDaysOfSupply: 852.7,
      recommendedQuantity: input.recommendedQuantity,
      recommendedShipDate: input.recommendedShipDate,
      recommendedAction: 'No action required',
    });
    const alerted = [...rows.values()].filter((r) => r.alert);
    expect(alerted.length).toBeGreaterThan(0);
    for (const r of alerted) expect(['Out of stock', 'Reorder now']).toContain(r.alert);
  });

  it('reads the Japanese UI on amazon.co.jp (YYYY/MM/DD ship dates)', () => {
    const read = readHtml(
      restock,
      fixtureHtml('amazon/restock.ja.html'),
      'https://sellercentral.amazon.co.jp/restockinventory/recommendations',
      'amazon.co.jp',
    );
    expect(read.diagnostics).toEqual([]);
    expect(listingsOf(read).get('KTCH-BAMB-BRD')).toMatchObject({
      available: 262,
      inbound: 339,
      platformDaysOfSupply: 36.7,
      recommendedQuantity: 166,
      recommendedShipDate: '2026-03-10',
      unitsSold: [{ windowDays: 30, units: 214 }],
    });
  });

  it('reads the French UI on amazon.fr ("SKU :" lines, DD/MM/YYYY, decimal commas, French actions): every field of every row', () => {
    const input = demoListings(12, 20260304, 'amazon', 'EUR').filter((l) => l.fulfillment === 'FBA' && !l.isParent);
    const read = readHtml(restock, fixtureHtml('amazon/restock.fr.html'), 'https://sellercentral.amazon.fr/restockinventory/recommendations', 'amazon.fr');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    expect(rows.size).toBe(input.length);
    const french: Record<string, string> = {
      'No action required': 'Aucune action requise',
      Restock: 'Réapprovisionner',
      'Reorder now': 'Réapprovisionner maintenant',
    };
    for (const l of input) {
      expect(rows.get(l.sku), l.sku).toEqual({
        kind: 'listing',
        platform: 'amazon',
        marketplace: 'amazon.fr',
        source: 'amazon/restock',
        ...at,
        observedDate: '2026-03-01',
        sku: l.sku,
        ...expectedFromDemo(l, ['asin', 'fnsku', 'title', 'fulfillment', 'available', 'inbound']),
        ...(l.unitsSold30 !== undefined ? { unitsSold: [{ windowDays: 30, units: l.unitsSold30 }] } : {}),
        ...(l.daysOfSupply !== undefined ? { platformDaysOfSupply: Number(l.daysOfSupply.toFixed(1)) } : {}),
        recommendedQuantity: l.recommendedQuantity,
        recommendedShipDate: l.recommendedShipDate,
        recommendedAction: french[l.recommendedAction!],
        ...(l.alert ? { alert: french[l.alert] ?? l.alert } : {}),
      });
    }
    expect(rows.get('KTCH-BAMB-BRD')).toMatchObject({ platformDaysOfSupply: 26.1, recommendedShipDate: '2026-03-24', recommendedAction: 'Réapprovisionner' });
  });

  it('matches its path only', () => {
    expect(restock.matches(new URL('https://sellercentral.amazon.com/restockinventory/recommendations?x=1'))).toBe(true);
    expect(restock.matches(new URL('https://sellercentral.amazon.com/restockinventory'))).toBe(false);
  });
});

describe('amazon/orders', () => {
  const read = readHtml(orders, fixtureHtml('amazon/orders.en.html'), 'https://sellercentral.amazon.com/orders-v3', 'amazon.com');
  const lines = ordersOf(read);

  it('reads every order line with all fields', () => {
    expect(read.diagnostics).toEqual([]);
    expect(lines[0]).toEqual({
      kind: 'order',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/orders',
      ...at,
      observedDate: '2026-02-28',
      orderId: '111-7019003-3590910',
      sku: 'HOME-LED-STRP-1',
      quantity: 2,
      status: 'shipped',
      orderDate: '2026-02-21',
      itemPrice: { amountMinor: 5998, currency: 'USD' },
      fulfillment: 'FBA',
    });
    expect(lines[1]).toMatchObject({
      orderId: '112-9947430-4034185',
      sku: 'HOME-SHWR-CDY-WHITE',
      quantity: 3,
      status: 'pending',
      fulfillment: 'SELLER',
      itemPrice: { amountMinor: 5997, currency: 'USD' },
    });
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(['pending', 'unshipped', 'shipped', 'cancelled']));
  });

  it('one order with two products gives two lines, both anchored in the order row', () => {
    expect(lines).toHaveLength(26);
    expect(lines[2]).toMatchObject({
      orderId: '112-9947430-4034185',
      sku: 'KTCH-MEAL-PRP',
      quantity: 1,
      status: 'pending',
      itemPrice: { amountMinor: 3999, currency: 'USD' },
    });
    expect(read.anchors[1]!.element).toBe(read.anchors[2]!.element);
    expect(read.anchors[1]!.element.id).toBe('order-row-112-9947430-4034185');
  });

  it('reads the German UI on amazon.de', () => {
    const de = ordersOf(readHtml(orders, fixtureHtml('amazon/orders.de.html'), 'https://sellercentral.amazon.de/orders-v3', 'amazon.de'));
    expect(de[0]).toMatchObject({
      orderId: '111-9177483-3183790',
      sku: 'PET-DOG-LEASH',
      quantity: 3,
      status: 'shipped',
      orderDate: '2026-02-21',
      itemPrice: { amountMinor: 5697, currency: 'EUR' },
      fulfillment: 'SELLER',
      observedDate: '2026-03-01',
    });
    expect(de.map((l) => l.status)).toContain('pending');
  });

  it('reads the Japanese UI on amazon.co.jp (数量 and 小計 lines, 出荷方法, YYYY/MM/DD, yen): every field of every line', () => {
    const input = demoOrders(demoListings(10, 20260303, 'amazon', 'JPY'), 8, 4444, 'amazon', '2026-02-28', 'JPY');
    const read = readHtml(orders, fixtureHtml('amazon/orders.ja.html'), 'https://sellercentral.amazon.co.jp/orders-v3', 'amazon.co.jp');
    expect(read.diagnostics).toEqual([]);
    const fixed = { kind: 'order', platform: 'amazon', marketplace: 'amazon.co.jp', source: 'amazon/orders', ...at, observedDate: '2026-03-01' };
    const lines = ordersOf(read);
    expect(lines).toEqual(expectedOrderLines(input, 'line', (o) => (o.fulfillment === 'FBA' ? 'FBA' : 'SELLER')).map((l) => ({ ...fixed, ...l })));
    expect(new Set(lines.map((l) => l.fulfillment))).toEqual(new Set(['FBA', 'SELLER']));
  });

  it('matches orders-v3 tabs only', () => {
    expect(orders.matches(new URL('https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1'))).toBe(true);
    expect(orders.matches(new URL('https://sellercentral.amazon.com/orders-v3/order/111-7019003-3590910'))).toBe(false);
  });
});
