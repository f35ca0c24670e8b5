// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as items } from './manage-items';
import { adapter as wfs } from './wfs-inventory';
import { adapter as orders } from './orders';
import { fixtureHtml, listingsOf, ordersOf, readHtml } from '../testing/load';
import { demoListings } from '../../../tests/fixtures/builders/demo-data';

const at = { platform: 'walmart', marketplace: 'walmart.com', observedAt: '2026-03-01T06:30:00.000Z', observedDate: '2026-02-28' } as const;
const input = demoListings(24, 20260310, 'walmart', 'USD');

describe('walmart/manage-items (ARIA grid of divs)', () => {
  const read = readHtml(
    items,
    fixtureHtml('walmart/manage-items.en.html'),
    'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS',
    'walmart.com',
  );
  const rows = listingsOf(read);

  it('reads every field of a WFS and a seller-fulfilled item', () => {
    expect(read.diagnostics).toEqual([]);
    expect(rows.size).toBe(input.filter((l) => !l.isParent).length);
    expect(rows.get('HOME-LED-STRP')).toEqual({
      kind: 'listing',
      ...at,
      source: 'walmart/manage-items',
      sku: 'HOME-LED-STRP',
      itemId: '500015838',
      gtin: '00840000000194',
      title: 'LED Strip Lights 50ft, Bluetooth App Control Music Sync RGB Light Strip for Bedroom',
      status: 'active',
      fulfillment: 'WFS',
      available: 3523,
      price: { amountMinor: 2899, currency: 'USD' },
    });
    expect(rows.get('PET-DOG-LEASH')).toMatchObject({ fulfillment: 'SELLER', available: 63, price: { amountMinor: 1899, currency: 'USD' } });
  });

  it('maps publish/lifecycle status: Unpublished -> inactive, Retired -> ended', () => {
    for (const l of input.filter((x) => !x.isParent)) {
      const expected = l.lifecycleStatus === 'Retired' ? 'ended' : l.publishStatus === 'Published' ? 'active' : 'inactive';
      expect(rows.get(l.sku)?.status, l.sku).toBe(expected);
    }
  });
});

describe('walmart/wfs-inventory (table)', () => {
  it('reads stock, days of supply and t7/t30 sales of every WFS row', () => {
    const read = readHtml(wfs, fixtureHtml('walmart/wfs-inventory.en.html'), 'https://seller.walmart.com/wfsLite/manage-inventory', 'walmart.com');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    expect(rows.get('KTCH-SILI-SPT')).toEqual({
      kind: 'listing',
      ...at,
      source: 'walmart/wfs-inventory',
      sku: 'KTCH-SILI-SPT',
      itemId: '500007919',
      gtin: '00840000000097',
      title: 'Silicone Spatula Set, 5-Piece Heat Resistant Non-Stick Kitchen Utensils',
      fulfillment: 'WFS',
      available: 5,
      reserved: 20,
      inbound: 0,
      platformDaysOfSupply: 1.5,
      unitsSold: [
        { windowDays: 7, units: 23 },
        { windowDays: 30, units: 99 },
      ],
    });
    for (const l of input.filter((x) => x.fulfillment === 'WFS' && !x.isParent)) {
      expect(rows.get(l.sku), l.sku).toMatchObject({ available: l.available, inbound: l.inbound, reserved: l.reserved });
    }
  });
});

describe('walmart/orders', () => {
  it('reads order lines; Created -> pending, Acknowledged -> unshipped', () => {
    const read = readHtml(orders, fixtureHtml('walmart/orders.en.html'), 'https://seller.walmart.com/order-management/details', 'walmart.com');
    expect(read.diagnostics).toEqual([]);
    const lines = ordersOf(read);
    expect(lines[0]).toEqual({
      kind: 'order',
      ...at,
      source: 'walmart/orders',
      orderId: '10800000000000',
      sku: 'OUTD-WTR-BTL-BLACK',
      quantity: 1,
      status: 'shipped',
      orderDate: '2026-02-19',
      itemPrice: { amountMinor: 2299, currency: 'USD' },
    });
    expect(lines[1]).toMatchObject({ orderId: '10800000000000', sku: 'BABY-SWDL-BLK' });
    expect(lines[2]).toMatchObject({ orderId: '10800000007919', sku: 'HOME-SHWR-CDY-SAGEGREEN', status: 'pending', quantity: 3 }); // "Created"
    expect(lines[4]).toMatchObject({ orderId: '10800000015838', status: 'cancelled' });
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(['pending', 'unshipped', 'shipped', 'cancelled']));
  });
});

describe('walmart URL matching', () => {
  it('each adapter accepts its own paths only', () => {
    expect(items.matches(new URL('https://seller.walmart.com/items-and-inventory/manage-items'))).toBe(true);
    expect(wfs.matches(new URL('https://seller.walmart.com/wfs/inventory'))).toBe(true);
    expect(wfs.matches(new URL('https://seller.walmart.com/wfsLite/manage-inventory'))).toBe(true);
    expect(orders.matches(new URL('https://seller.walmart.com/order-management/details?orderGroups=Unshipped'))).toBe(true);
    expect(items.matches(new URL('https://seller.walmart.com/wfs/inventory'))).toBe(false);
    expect(orders.matches(new URL('https://seller.walmart.com/analytics/reports'))).toBe(false);
  });
});
