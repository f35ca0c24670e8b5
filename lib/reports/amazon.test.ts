import { describe, expect, it } from 'vitest';
import { parseReport } from './parser';
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
      kind: 'listing', ...common, source: 'report:amazon/fba-myi',
      sku: 'BAM-TOWEL-GRY-2PK', asin: 'B08XYZ1234', fnsku: 'X001ABCD12', title: 'Bamboo Bath Towel Set, 2 Pack, Grey',
      fulfillment: 'FBA', price: { amountMinor: 2499, currency: 'USD' },
      available: 120, inbound: 40, reserved: 20, unfulfillable: 3,
    });
  });

  it('keeps quotes and script tags in titles as text, and reads grouped numbers', () => {
    expect(bySku(result.rows, 'SS-BOTTLE-750-BLK')).toMatchObject({ title: 'Stainless Steel Water Bottle 750ml "Midnight" Black', available: 0, inbound: 25 });
    expect(bySku(result.rows, 'YOGA-MAT-6MM-PRP')).toMatchObject({
      title: 'Yoga Mat 6mm <script>alert(1)</script> Purple', available: 1180, price: { amountMinor: 102900, currency: 'USD' },
    });
  });

  it('reads a merchant-only row as seller-fulfilled with the MFN quantity', () => {
    expect(bySku(result.rows, 'MFN-ONLY-CANDLE')).toEqual({
      kind: 'listing', ...common, source: 'report:amazon/fba-myi',
      sku: 'MFN-ONLY-CANDLE', asin: 'B08XYZ1237', title: 'Soy Candle Lavender 8oz', fulfillment: 'SELLER',
      price: { amountMinor: 1400, currency: 'USD' }, available: 36,
    });
  });

  it('keeps a row with bad cells, leaving those fields out and naming line and column', () => {
    const row = bySku(result.rows, 'BROKEN-ROW');
    expect(row).toMatchObject({ sku: 'BROKEN-ROW', fnsku: 'X001ABCD15', reserved: 0, unfulfillable: 0, inbound: 0 });
    expect(row).not.toHaveProperty('asin');
    expect(row).not.toHaveProperty('available');
    expect(row).not.toHaveProperty('price');
    const lineSix = result.diagnostics.filter((d) => d.row === 6).map((d) => [d.code, d.params?.column]);
    expect(lineSix).toEqual([['bad-asin', 'asin'], ['bad-number', 'afn-fulfillable-quantity']]);
    expect(result.rows).toHaveLength(5);
    assertValidRecords(result.rows);
  });

  it('reads Chinese headers and yes/no words', () => {
    const zh = parseReport(readFixture('amazon/fba-myi.zh.tsv'), US);
    expect(zh.reportId).toBe('amazon/fba-myi');
    expect(zh.diagnostics).toEqual([]);
    expect(zh.rows).toEqual([
      { kind: 'listing', ...common, source: 'report:amazon/fba-myi', sku: 'CN-LAMP-01', asin: 'B09CNLAMP1', fnsku: 'X002CNLAMP', title: 'LED 台灯 护眼 可调光',
        fulfillment: 'FBA', price: { amountMinor: 3999, currency: 'USD' }, available: 240, inbound: 40, reserved: 15, unfulfillable: 5 },
      { kind: 'listing', ...common, source: 'report:amazon/fba-myi', sku: 'CN-FAN-02', asin: 'B09CNFAN02', fnsku: 'X002CNFAN2', title: 'USB 小风扇 静音',
        fulfillment: 'FBA', price: { amountMinor: 1549, currency: 'USD' }, available: 0, inbound: 120, reserved: 0, unfulfillable: 0 },
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
    expect(r.rows.map((row) => [row.sku, row.kind === 'listing' ? row.available : undefined])).toEqual([['B', 1], ['A', 7]]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'duplicate-sku', row: 4, params: { sku: 'A', previousLine: 2 } })]);
  });

  it('refuses a file without the SKU column with one diagnostic and no rows', () => {
    const r = parseReport('asin\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\nB08XYZ1234\t4\t\n', US);
    expect(r.rows).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', row: 1, params: { reportId: 'amazon/fba-myi', columns: 'sku' } })]);
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
