import { describe, expect, it } from 'vitest';
import { createReportParser, parseReport } from './parser';
import { assertValidRecords, parseInPieces, readFixture } from './testing';

const US = { marketplace: 'amazon.com', now: new Date('2026-06-29T18:00:00Z') };
const common = { platform: 'amazon', marketplace: 'amazon.com', observedAt: '2026-06-29T18:00:00.000Z', observedDate: '2026-06-29' };
const bySku = (rows: { sku?: string }[], sku: string) => rows.find((r) => r.sku === sku);

describe('Manage FBA Inventory (amazon/fba-myi)', () => {
  const text = readFixture('amazon/fba-myi.us.tsv');
  const result = parseReport(text, US);

  it('detects the report and reads every field of an FBA row', () => {
    expect(result.reportId).toBe('amazon/fba-myi');
    expect(bySku(result.rows, 'BAM-TOWEL-GRY-2PK')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:amazon/fba-myi',
      sku: 'BAM-TOWEL-GRY-2PK',
      asin: 'B08XYZ1234',
      fnsku: 'X001ABCD12',
      title: 'Bamboo Bath Towel Set, 2 Pack, Grey',
      fulfillment: 'FBA',
      price: { amountMinor: 2499, currency: 'USD' },
      available: 120,
      inbound: 40,
      reserved: 20,
      unfulfillable: 3,
      unitCubicFeet: 0.21, // per-unit-volume, cubic feet on amazon.com
    });
  });

  it('keeps quotes and script tags in titles as text, and reads grouped numbers', () => {
    expect(bySku(result.rows, 'SS-BOTTLE-750-BLK')).toMatchObject({ title: 'Stainless Steel Water Bottle 750ml "Midnight" Black', available: 0, inbound: 25 });
    expect(bySku(result.rows, 'YOGA-MAT-6MM-PRP')).toMatchObject({
      title: 'Yoga Mat 6mm <script>alert(1)</script> Purple',
      available: 1180,
      price: { amountMinor: 102900, currency: 'USD' },
    });
  });

  it('reads a merchant-only row as seller-fulfilled with the MFN quantity', () => {
    expect(bySku(result.rows, 'MFN-ONLY-CANDLE')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:amazon/fba-myi',
      sku: 'MFN-ONLY-CANDLE',
      asin: 'B08XYZ1237',
      title: 'Soy Candle Lavender 8oz',
      fulfillment: 'SELLER',
      price: { amountMinor: 1400, currency: 'USD' },
      available: 36,
    });
  });

  it('keeps a row with bad cells, leaving those fields out and naming line and column', () => {
    const row = bySku(result.rows, 'BROKEN-ROW');
    expect(row).toMatchObject({ sku: 'BROKEN-ROW', fnsku: 'X001ABCD15', reserved: 0, unfulfillable: 0, inbound: 0 });
    expect(row).not.toHaveProperty('asin');
    expect(row).not.toHaveProperty('available');
    expect(row).not.toHaveProperty('price');
    const lineSix = result.diagnostics.filter((d) => d.row === 6).map((d) => [d.code, d.params?.column]);
    expect(lineSix).toEqual([
      ['bad-asin', 'asin'],
      ['bad-number', 'afn-fulfillable-quantity'],
    ]);
    expect(result.rows).toHaveLength(5);
    assertValidRecords(result.rows);
  });

  it('refuses a row that cannot be right with an error naming its line, and keeps the others', () => {
    const [header, first] = text.split('\n');
    const absurd = first!.replace('BAM-TOWEL-GRY-2PK', 'ABSURD-1').split('\t');
    absurd[header!.split('\t').indexOf('afn-fulfillable-quantity')] = '60000000';
    const parsed = parseReport([header, first, absurd.join('\t')].join('\n'), US);
    expect(parsed.rows.map((r) => r.sku)).toEqual(['BAM-TOWEL-GRY-2PK']);
    expect(parsed.diagnostics.filter((d) => d.code === 'implausible-record')).toEqual([
      expect.objectContaining({
        level: 'error',
        row: 3,
        message: 'The row cannot be right, so it was not imported: available: 60000000 units is more than 10000000',
      }),
    ]);
  });

  it('reads Chinese headers and yes/no words', () => {
    const zh = parseReport(readFixture('amazon/fba-myi.zh.tsv'), US);
    expect(zh.reportId).toBe('amazon/fba-myi');
    expect(zh.diagnostics).toEqual([]);
    expect(zh.rows).toEqual([
      {
        kind: 'listing',
        ...common,
        source: 'report:amazon/fba-myi',
        sku: 'CN-LAMP-01',
        asin: 'B09CNLAMP1',
        fnsku: 'X002CNLAMP',
        title: 'LED 台灯 护眼 可调光',
        fulfillment: 'FBA',
        price: { amountMinor: 3999, currency: 'USD' },
        available: 240,
        inbound: 40,
        reserved: 15,
        unfulfillable: 5,
      },
      {
        kind: 'listing',
        ...common,
        source: 'report:amazon/fba-myi',
        sku: 'CN-FAN-02',
        asin: 'B09CNFAN02',
        fnsku: 'X002CNFAN2',
        title: 'USB 小风扇 静音',
        fulfillment: 'FBA',
        price: { amountMinor: 1549, currency: 'USD' },
        available: 0,
        inbound: 120,
        reserved: 0,
        unfulfillable: 0,
      },
    ]);
  });

  it('gives identical output whatever the chunk boundaries', () => {
    const whole = parseInPieces(text, [], US);
    for (let i = 0; i <= text.length; i++) expect(parseInPieces(text, [i], US)).toEqual(whole);
    expect(parseInPieces(text, [3, 50, 51, 52, 400, 401], US)).toEqual(whole);
  });

  it('keeps the last of duplicate SKUs and warns with both line numbers', () => {
    const header = text.split('\n')[0];
    const dup = `${header}\nA\t\t\t\t\t\t\t\tYes\t\t5\nB\t\t\t\t\t\t\t\tYes\t\t1\nA\t\t\t\t\t\t\t\tYes\t\t7\n`;
    const r = parseReport(dup, US);
    expect(r.rows.map((row) => [row.sku, row.kind === 'listing' ? row.available : undefined])).toEqual([
      ['B', 1],
      ['A', 7],
    ]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'duplicate-sku', row: 4, params: { sku: 'A', line: 4, previousLine: 2 } }),
    ]);
  });

  it('refuses a file without the SKU column with one diagnostic and no rows', () => {
    const r = parseReport('asin\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\nB08XYZ1234\t4\t\n', US);
    expect(r.rows).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'missing-column',
        row: 1,
        params: { report: 'Manage FBA Inventory', reportId: 'amazon/fba-myi', columns: 'sku' },
      }),
    ]);
    const forced = parseReport('asin\tafn-fulfillable-quantity\nB08XYZ1234\t4\n', { ...US, reportId: 'amazon/fba-myi' });
    expect(forced.rows).toEqual([]);
    expect(forced.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', row: 1 })]);
  });

  it('refuses a report from another platform than the marketplace', () => {
    const r = parseReport(text, { ...US, marketplace: 'ebay.com' });
    expect(r.rows).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'wrong-platform' })]);
  });
});

describe('FBA Inventory planning (amazon/fba-inventory-planning)', () => {
  it('uses the snapshot date as observedAt and reads old age buckets, t7-t90 and storage cost', () => {
    const r = parseReport(readFixture('amazon/fba-inventory-planning.us.tsv'), US);
    expect(r.reportId).toBe('amazon/fba-inventory-planning');
    expect(r.diagnostics).toEqual([]);
    expect(bySku(r.rows, 'OLD-STOCK-LAMP')).toEqual({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'report:amazon/fba-inventory-planning',
      observedAt: '2026-06-28T07:00:00.000Z',
      observedDate: '2026-06-28',
      sku: 'OLD-STOCK-LAMP',
      asin: 'B08XYZ1238',
      fnsku: 'X001ABCD16',
      title: 'Desk Lamp (discontinued)',
      fulfillment: 'FBA',
      available: 310,
      inbound: 0,
      reserved: 0,
      unfulfillable: 0,
      price: { amountMinor: 3900, currency: 'USD' },
      unitsSold: [
        { windowDays: 7, units: 0 },
        { windowDays: 30, units: 1 },
        { windowDays: 60, units: 2 },
        { windowDays: 90, units: 4 },
      ],
      platformDaysOfSupply: 9300,
      ageBuckets: [
        { minDays: 0, maxDays: 90, units: 0 },
        { minDays: 91, maxDays: 180, units: 0 },
        { minDays: 181, maxDays: 270, units: 40 },
        { minDays: 271, maxDays: 365, units: 70 },
        { minDays: 366, maxDays: null, units: 200 },
      ],
      recommendedAction: 'CreateRemovalOrder',
      alert: 'excess',
      estimatedStorageCost: { amountMinor: 4180, currency: 'USD' },
    });
  });

  it('reads amazon.de numbers (1.234,56), mixed-case headers and the new age buckets', () => {
    const r = parseReport(readFixture('amazon/fba-inventory-planning.de.tsv'), { marketplace: 'amazon.de', now: US.now });
    expect(r.diagnostics).toEqual([]);
    expect(bySku(r.rows, 'DE-KAFFEE-1KG')).toMatchObject({
      marketplace: 'amazon.de',
      observedAt: '2026-06-28T07:00:00.000Z',
      observedDate: '2026-06-28',
      title: 'Kaffeebohnen 1 kg „Espresso“',
      available: 1234,
      reserved: 40,
      unfulfillable: 2,
      price: { amountMinor: 123456, currency: 'EUR' },
      platformDaysOfSupply: 28.4,
      estimatedStorageCost: { amountMinor: 1230, currency: 'EUR' },
      unitsSold: [
        { windowDays: 7, units: 310 },
        { windowDays: 30, units: 1310 },
        { windowDays: 60, units: 2540 },
        { windowDays: 90, units: 3702 },
      ],
    });
    expect(bySku(r.rows, 'DE-TASSE-6ER')).toMatchObject({
      ageBuckets: [
        { minDays: 0, maxDays: 30, units: 0 },
        { minDays: 31, maxDays: 60, units: 0 },
        { minDays: 61, maxDays: 90, units: 0 },
        { minDays: 91, maxDays: 180, units: 10 },
        { minDays: 181, maxDays: 330, units: 20 },
        { minDays: 331, maxDays: 365, units: 8 },
        { minDays: 366, maxDays: 455, units: 6 },
        { minDays: 456, maxDays: null, units: 4 },
      ],
    });
  });

  it('reads a machine-written "12.99" in a de file and says so once', () => {
    const text = 'sku\tavailable\tunits-shipped-t30\tyour-price\nA\t3\t1\t12.99\nB\t4\t1\t7.50\n';
    const r = parseReport(text, { marketplace: 'amazon.de', now: US.now });
    expect(r.rows.map((row) => row.kind === 'listing' && row.price)).toEqual([
      { amountMinor: 1299, currency: 'EUR' },
      { amountMinor: 750, currency: 'EUR' },
    ]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'info', code: 'number-format', row: 2 })]);
  });
});

describe('Restock Inventory (amazon/restock)', () => {
  it('reads every field of a recommendation row', () => {
    const r = parseReport(readFixture('amazon/restock.us.csv'), US);
    expect(r.reportId).toBe('amazon/restock');
    expect(r.diagnostics).toEqual([]);
    expect(bySku(r.rows, 'BAM-TOWEL-GRY-2PK')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:amazon/restock',
      sku: 'BAM-TOWEL-GRY-2PK',
      asin: 'B08XYZ1234',
      fnsku: 'X001ABCD12',
      title: 'Bamboo Bath Towel Set, 2 Pack, Grey',
      fulfillment: 'FBA',
      available: 120,
      inbound: 40,
      reserved: 20,
      reservedCustomerOrders: 12,
      unfulfillable: 3,
      price: { amountMinor: 2499, currency: 'USD' },
      unitsSold: [{ windowDays: 30, units: 88 }],
      platformDaysOfSupply: 62,
      recommendedQuantity: 150,
      recommendedShipDate: '2026-07-15',
      recommendedAction: 'Create shipping plan',
      alert: 'reorder_now',
    });
  });
});

describe('All Listings (amazon/all-listings)', () => {
  const r = parseReport(readFixture('amazon/all-listings.us.tsv'), US);
  it('maps DEFAULT to seller-fulfilled and AMAZON_NA to FBA (no quantity for FBA)', () => {
    expect(r.reportId).toBe('amazon/all-listings');
    expect(r.diagnostics).toEqual([]);
    expect(bySku(r.rows, 'MFN-ONLY-CANDLE')).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:amazon/all-listings',
      sku: 'MFN-ONLY-CANDLE',
      asin: 'B08XYZ1237',
      title: 'Soy Candle Lavender 8oz',
      status: 'active',
      fulfillment: 'SELLER',
      available: 36,
      price: { amountMinor: 1400, currency: 'USD' },
      startDate: '2024-01-15',
    });
    expect(bySku(r.rows, 'BAM-TOWEL-GRY-2PK')).toMatchObject({ fulfillment: 'FBA', gtin: '4006381333931', startDate: '2023-11-02' });
    expect(bySku(r.rows, 'BAM-TOWEL-GRY-2PK')).not.toHaveProperty('available');
    expect(bySku(r.rows, 'MUG-350-WHT')).toMatchObject({ status: 'inactive', available: 0, gtin: '012345678905' });
  });
});

describe('All Orders (amazon/orders)', () => {
  const r = parseReport(readFixture('amazon/orders.us.tsv'), US);
  it('reads order lines with the purchase day in the marketplace zone', () => {
    expect(r.reportId).toBe('amazon/orders');
    expect(r.rows[0]).toEqual({
      kind: 'order',
      ...common,
      source: 'report:amazon/orders',
      orderId: '113-1234567-1234567',
      sku: 'BAM-TOWEL-GRY-2PK',
      quantity: 2,
      status: 'shipped',
      // 05:30 UTC on the 29th is still the 28th in Los Angeles.
      orderDate: '2026-06-28',
      itemPrice: { amountMinor: 4998, currency: 'USD' },
      fulfillment: 'FBA',
    });
    expect(r.rows.map((o) => o.kind === 'order' && [o.sku, o.status, o.fulfillment])).toEqual([
      ['BAM-TOWEL-GRY-2PK', 'shipped', 'FBA'],
      ['MFN-ONLY-CANDLE', 'pending', 'SELLER'],
      ['MUG-350-WHT', 'cancelled', 'FBA'],
    ]);
  });
  it('skips a line without a readable date, naming it', () => {
    expect(r.diagnostics.map((d) => [d.level, d.code, d.row])).toEqual([
      ['warning', 'bad-date', 5],
      ['error', 'missing-date', 5],
    ]);
  });
  it("stores each row under the marketplace its sales-channel names, its day in that marketplace's zone", () => {
    const [header] = readFixture('amazon/orders.us.tsv').split('\n');
    const columns = (header as string).split('\t');
    const line = (orderId: string, channel: string) =>
      columns
        .map(
          (c) =>
            ({
              'amazon-order-id': orderId,
              'purchase-date': '2026-06-28T22:30:00+00:00',
              'order-status': 'Shipped',
              'sales-channel': channel,
              sku: 'MUG-1',
              quantity: '1',
            })[c] ?? '',
        )
        .join('\t');
    const text = [header, line('302-1', 'Amazon.co.uk'), line('302-2', 'Amazon.fr'), line('302-3', 'Non-Amazon'), line('302-4', '')].join('\n');
    const eu = parseReport(text, { marketplace: 'amazon.de', now: US.now });
    expect(eu.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    // 22:30 UTC is still the 28th in London (summer time), already the 29th in Paris and Berlin; rows that
    // name no Amazon marketplace (multi-channel fulfilment, blank) keep the import's.
    expect(eu.rows.map((o) => o.kind === 'order' && [o.orderId, o.marketplace, o.orderDate])).toEqual([
      ['302-1', 'amazon.co.uk', '2026-06-28'],
      ['302-2', 'amazon.fr', '2026-06-29'],
      ['302-3', 'amazon.de', '2026-06-29'],
      ['302-4', 'amazon.de', '2026-06-29'],
    ]);
  });
  it('streams order rows out of push() before finish()', () => {
    const text = readFixture('amazon/orders.us.tsv');
    const parser = createReportParser(US);
    expect(parser.push(text).rows).toHaveLength(3);
    expect(parser.finish().rows).toEqual([]);
  });
});
