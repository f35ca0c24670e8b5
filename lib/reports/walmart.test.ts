import { describe, expect, it } from 'vitest';
import { parseReport } from './parser';
import { parseInPieces, readFixture } from './testing';

const WM = { marketplace: 'walmart.com', now: new Date('2026-06-29T18:00:00Z') };
const common = { platform: 'walmart', marketplace: 'walmart.com', observedAt: '2026-06-29T18:00:00.000Z', observedDate: '2026-06-29' };
const bySku = (rows: { sku?: string }[], sku: string) => rows.find((r) => r.sku === sku);

describe('Walmart item report (walmart/items)', () => {
  const r = parseReport(readFixture('walmart/items.us.csv'), WM);
  it('reads every field, publish status and fulfilment type', () => {
    expect(r.reportId).toBe('walmart/items');
    expect(bySku(r.rows, 'WM-TOWEL-2PK')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:walmart/items',
      sku: 'WM-TOWEL-2PK',
      itemId: '123456789',
      gtin: '00012345678905',
      title: 'Bamboo Bath Towel Set, 2 Pack',
      status: 'active',
      fulfillment: 'SELLER',
      available: 85,
      price: { amountMinor: 2497, currency: 'USD' },
      startDate: '2025-06-01',
    });
    expect(bySku(r.rows, 'WM-BOTTLE-BLK')).toMatchObject({
      status: 'inactive',
      fulfillment: 'WFS',
      title: 'Water Bottle, "Midnight", 750ml',
      startDate: '2025-07-15',
    });
  });
  it('marks retired items ended and refuses an Excel-mangled UPC', () => {
    expect(bySku(r.rows, 'WM-OLD-LAMP')).toMatchObject({ status: 'ended' });
    expect(bySku(r.rows, 'WM-OLD-LAMP')).not.toHaveProperty('gtin');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'bad-gtin', row: 4, params: { column: 'UPC', value: expect.any(String) } }),
    ]);
  });
});

describe('WFS Inventory Health (walmart/wfs-inventory-health)', () => {
  it('reads stock, sales windows, suggested units and ATS age buckets', () => {
    const r = parseReport(readFixture('walmart/wfs-inventory-health.us.csv'), WM);
    expect(r.reportId).toBe('walmart/wfs-inventory-health');
    expect(r.diagnostics).toEqual([]);
    expect(bySku(r.rows, 'WFS-TOWEL-4PK')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:walmart/wfs-inventory-health',
      sku: 'WFS-TOWEL-4PK',
      itemId: '423456789',
      gtin: '00012345678912',
      title: 'Bamboo Towel 4 Pack',
      status: 'active',
      fulfillment: 'WFS',
      available: 412,
      reserved: 6,
      unfulfillable: 2,
      inbound: 120,
      unitsSold: [
        { windowDays: 7, units: 75 },
        { windowDays: 30, units: 330 },
      ],
      platformDaysOfSupply: 37.5,
      recommendedQuantity: 0,
      ageBuckets: [
        { minDays: 0, maxDays: 90, units: 300 },
        { minDays: 91, maxDays: 180, units: 112 },
        { minDays: 181, maxDays: 270, units: 0 },
        { minDays: 271, maxDays: 365, units: 0 },
        { minDays: 366, maxDays: null, units: 0 },
      ],
    });
  });
});

describe('Walmart orders (walmart/orders)', () => {
  const text = readFixture('walmart/orders.us.csv');
  it('reads PO lines with status, quantity, cost and fulfilment entity', () => {
    const r = parseReport(text, WM);
    expect(r.reportId).toBe('walmart/orders');
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toEqual([
      {
        kind: 'order',
        ...common,
        source: 'report:walmart/orders',
        orderId: '108829871234567',
        sku: 'WM-TOWEL-2PK',
        quantity: 2,
        status: 'unshipped',
        orderDate: '2026-06-28',
        itemPrice: { amountMinor: 2497, currency: 'USD' },
        fulfillment: 'SELLER',
      },
      {
        kind: 'order',
        ...common,
        source: 'report:walmart/orders',
        orderId: '108829871234568',
        sku: 'WFS-TOWEL-4PK',
        quantity: 1,
        status: 'shipped',
        orderDate: '2026-06-27',
        itemPrice: { amountMinor: 3997, currency: 'USD' },
        fulfillment: 'WFS',
      },
      {
        kind: 'order',
        ...common,
        source: 'report:walmart/orders',
        orderId: '108829871234569',
        sku: 'WM-BOTTLE-BLK',
        quantity: 1,
        status: 'cancelled',
        orderDate: '2026-06-26',
        itemPrice: { amountMinor: 1788, currency: 'USD' },
        fulfillment: 'SELLER',
      },
    ]);
  });
  it('gives identical output whatever the chunk boundaries', () => {
    const whole = parseInPieces(text, [], WM);
    for (let i = 0; i <= text.length; i += 1) expect(parseInPieces(text, [i], WM)).toEqual(whole);
  });
});
