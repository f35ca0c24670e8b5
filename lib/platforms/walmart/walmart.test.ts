// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as items } from './manage-items';
import { adapter as wfs } from './wfs-inventory';
import { adapter as orders } from './orders';
import { fixtureHtml, listingsOf, ordersOf, readHtml } from '../testing/load';
import { demoListings, demoOrders } from '../../../tests/fixtures/builders/demo-data';
import { wfsSuggestedUnits } from '../../../tests/fixtures/builders/variants';
import { expectedFromDemo, expectedOrderLines } from '../testing/expect';
import type { DemoListing } from '../../../tests/fixtures/builders/types';

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

  it('an item without a SKU is kept under its Walmart item id, with a warning naming it; a placeholder row is skipped with a warning', () => {
    const html = fixtureHtml('walmart/manage-items.en.html')
      .replace('data-automation-id="sku">KTCH-BAMB-BRD</div>', 'data-automation-id="sku"></div>')
      .replace(
        '<div role="row" class="Row_row__DSWoG" data-automation-id="item-row">',
        '<div role="row" class="Row_row__DSWoG" data-automation-id="item-row"><div role="cell"></div><div role="cell">Loading…</div></div><div role="row" class="Row_row__DSWoG" data-automation-id="item-row">',
      );
    const noSku = readHtml(items, html, 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS', 'walmart.com');
    const all = listingsOf(noSku);
    expect(all.size).toBe(rows.size);
    expect(all.has('KTCH-BAMB-BRD')).toBe(false);
    expect(all.get('500000000')).toMatchObject({ sku: '500000000', itemId: '500000000', available: 527, fulfillment: 'WFS' });
    expect(noSku.anchors.map((a) => a.sku)).toContain('500000000');
    expect(noSku.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'missing-sku', row: 1 }),
      expect.objectContaining({ level: 'warning', code: 'sku-from-item-id', params: { itemId: '500000000' }, row: '500000000' }),
    ]);
  });

  it('unknown header language: the columns are found by the data-automation-id of their cells, and each is said to be', () => {
    const url = 'https://seller.walmart.com/items-and-inventory/manage-items?searchType=ALL_ITEMS';
    const html = fixtureHtml('walmart/manage-items.en.html');
    const english = readHtml(items, html, url, 'walmart.com');
    const unknown = readHtml(items, html.replace(/(data-automation-id="column-header-\d+">)[^<]*/g, '$1Στήλη'), url, 'walmart.com');
    expect(unknown.rows).toEqual(english.rows);
    // Who ships, read from a column only the markup names, is said to be a weak signal.
    expect(unknown.diagnostics.filter((d) => d.level !== 'info')).toEqual([
      ...english.diagnostics.filter((d) => d.level !== 'info'),
      expect.objectContaining({ level: 'warning', code: 'weak-signal', params: expect.objectContaining({ column: 'fulfillment', signal: 'hint' }) }),
    ]);
    const fromHint = unknown.diagnostics.filter((d) => d.code === 'column-from-hint').map((d) => d.params?.column);
    expect(fromHint.sort()).toEqual(['available', 'fulfillment', 'gtin', 'itemId', 'lifecycleStatus', 'price', 'publishStatus', 'sku', 'title']);
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

/** Walmart's status of an item: retired -> ended, else published -> active, else inactive. */
const statusOf = (l: DemoListing) => (l.lifecycleStatus === 'Retired' ? 'ended' : l.publishStatus === 'Published' ? 'active' : 'inactive');
const mx = { platform: 'walmart', marketplace: 'walmart.com.mx', observedAt: '2026-03-01T06:30:00.000Z', observedDate: '2026-03-01' } as const;
const inputMX = demoListings(14, 20260311, 'walmart', 'MXN');
const ITEM_FIELDS = ['title', 'fulfillment', 'available', 'price', 'itemId', 'gtin'] as const;

describe('walmart/manage-items variants', () => {
  it('Walmart México in Spanish (a <table>, "Inventario", "Publicado" / "No publicado", "Retirado", pesos as "$24.99"): every field of every item', () => {
    const read = readHtml(
      items,
      fixtureHtml('walmart/manage-items.es.html'),
      'https://seller.walmart.com.mx/items-and-inventory/manage-items',
      'walmart.com.mx',
    );
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    const sellable = inputMX.filter((l) => !l.isParent);
    expect(rows.size).toBe(sellable.length);
    for (const l of sellable) {
      expect(rows.get(l.sku), l.sku).toEqual({
        kind: 'listing',
        ...mx,
        source: 'walmart/manage-items',
        sku: l.sku,
        status: statusOf(l),
        ...expectedFromDemo(l, ITEM_FIELDS),
      });
    }
    expect(rows.get('KTCH-BAMB-BRD')).toMatchObject({ fulfillment: 'WFS', available: 47, price: { amountMinor: 2499, currency: 'MXN' }, status: 'active' });
    expect(new Set([...rows.values()].map((r) => r.fulfillment))).toEqual(new Set(['WFS', 'SELLER']));
    expect(new Set([...rows.values()].map((r) => r.status))).toEqual(new Set(sellable.map(statusOf)));
  });

  it('another build in English, rows rendered after load ("Item Name", "Seller SKU", 12-digit "UPC", "Walmart Fulfilled", "Available Qty"): every field of every item', () => {
    const input16 = demoListings(16, 20260312, 'walmart', 'USD').filter((l) => !l.isParent);
    const read = readHtml(
      items,
      fixtureHtml('walmart/manage-items.late.en.html'),
      'https://seller.walmart.com/items-and-inventory/manage-items',
      'walmart.com',
    );
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    expect(rows.size).toBe(input16.length);
    for (const l of input16) {
      expect(rows.get(l.sku), l.sku).toEqual({
        kind: 'listing',
        ...at,
        source: 'walmart/manage-items',
        sku: l.sku,
        status: statusOf(l),
        ...expectedFromDemo(l, ['title', 'fulfillment', 'available', 'price', 'itemId']),
        gtin: l.gtin!.slice(2),
      });
    }
    expect(new Set([...rows.values()].map((r) => r.fulfillment))).toEqual(new Set(['WFS', 'SELLER']));
  });
});

describe('walmart/wfs-inventory variants', () => {
  /** Every field the WFS page shows for a WFS listing. */
  const wfsRecord = (l: DemoListing) => ({
    sku: l.sku,
    ...expectedFromDemo(l, ['title', 'available', 'inbound', 'reserved', 'itemId', 'gtin']),
    fulfillment: 'WFS',
    ...(l.daysOfSupply !== undefined ? { platformDaysOfSupply: Number(l.daysOfSupply.toFixed(1)) } : {}),
    unitsSold: [
      { windowDays: 7, units: l.unitsSold7 },
      { windowDays: 30, units: l.unitsSold30 },
    ],
  });

  it('Walmart México in Spanish ("Unidades disponibles", "Días de suministro", "Unidades vendidas (últimos 7 días)"): every field of every WFS row', () => {
    const read = readHtml(wfs, fixtureHtml('walmart/wfs-inventory.es.html'), 'https://seller.walmart.com.mx/wfsLite/manage-inventory', 'walmart.com.mx');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    const wfsRows = inputMX.filter((l) => l.fulfillment === 'WFS' && !l.isParent);
    expect(rows.size).toBe(wfsRows.length);
    for (const l of wfsRows) expect(rows.get(l.sku), l.sku).toEqual({ kind: 'listing', ...mx, source: 'walmart/wfs-inventory', ...wfsRecord(l) });
  });

  it("the Inventory Health wording as an ARIA grid: GTIN as a line of the product cell, Walmart's Suggested Units read as recommendedQuantity", () => {
    const read = readHtml(wfs, fixtureHtml('walmart/wfs-inventory.health.en.html'), 'https://seller.walmart.com/wfs/inventory', 'walmart.com');
    expect(read.diagnostics).toEqual([]);
    const rows = listingsOf(read);
    const wfsRows = input.filter((l) => l.fulfillment === 'WFS' && !l.isParent);
    expect(rows.size).toBe(wfsRows.length);
    for (const l of wfsRows) {
      expect(rows.get(l.sku), l.sku).toEqual({
        kind: 'listing',
        ...at,
        source: 'walmart/wfs-inventory',
        ...wfsRecord(l),
        recommendedQuantity: wfsSuggestedUnits(l),
      });
    }
    // The same row as the English table's: 5 on hand selling 99 in 30 days, so Walmart suggests 198 - 5 = 193 more.
    expect(rows.get('KTCH-SILI-SPT')).toMatchObject({
      available: 5,
      gtin: '00840000000097',
      title: 'Silicone Spatula Set, 5-Piece Heat Resistant Non-Stick Kitchen Utensils',
      recommendedQuantity: 193,
    });
  });
});

describe('walmart/orders variants', () => {
  it('Walmart México in Spanish (DD/MM/YYYY, "Pendiente" / "No enviado" / "Enviado" / "Cancelado"): every field of every line', () => {
    const input = demoOrders(inputMX, 10, 778, 'walmart', '2026-02-28', 'MXN');
    const read = readHtml(orders, fixtureHtml('walmart/orders.es.html'), 'https://seller.walmart.com.mx/order-management/details', 'walmart.com.mx');
    expect(read.diagnostics).toEqual([]);
    const lines = ordersOf(read);
    expect(lines).toEqual(expectedOrderLines(input, 'unit').map((l) => ({ kind: 'order', ...mx, source: 'walmart/orders', ...l })));
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(input.map((o) => o.status)));
  });

  it('the API-style wordings "Creado" / "Confirmado" (and French "Créée" / "Confirmée") read as pending / unshipped', () => {
    const url = 'https://seller.walmart.com.mx/order-management/details';
    const html = fixtureHtml('walmart/orders.es.html');
    const statuses = (h: string) => ordersOf(readHtml(orders, h, url, 'walmart.com.mx')).map((l) => l.status);
    const tabWords = statuses(html);
    expect(tabWords).toContain('pending');
    expect(tabWords).toContain('unshipped');
    expect(statuses(html.replaceAll('>Pendiente<', '>Creado<').replaceAll('>No enviado<', '>Confirmado<'))).toEqual(tabWords);
    expect(statuses(html.replaceAll('>Pendiente<', '>Créée<').replaceAll('>No enviado<', '>Confirmée<'))).toEqual(tabWords);
  });

  it('the SKU as a "SKU:" line of the item cell, rows rendered after load ("Customer Order #", "Order Placed", "Unit Price"): every field of every line', () => {
    const input = demoOrders(demoListings(24, 20260310, 'walmart', 'USD'), 10, 779, 'walmart', '2026-02-28', 'USD');
    const read = readHtml(orders, fixtureHtml('walmart/orders.item-sku.en.html'), 'https://seller.walmart.com/order-management/details', 'walmart.com');
    expect(read.diagnostics).toEqual([]);
    expect(ordersOf(read)).toEqual(expectedOrderLines(input, 'unit').map((l) => ({ kind: 'order', ...at, source: 'walmart/orders', ...l })));
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
