import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../reports';
import { observationSchema, type Observation } from '../records';
import { protocol } from '../messaging/protocol';
import { packRows, packedRowsSchema } from './packed-rows';

const NOW = new Date('2026-11-20T18:00:00Z');
const read = (path: string) => parseReport(readFileSync(path, 'utf8'), { marketplace: 'amazon.com', now: NOW }).rows;
const LISTINGS = read('tests/fixtures/reports/amazon/fba-myi.us.tsv');
const ORDERS = read('tests/fixtures/reports/amazon/orders.us.tsv');
const unpack = packedRowsSchema(100, 1e6);

describe('packed import rows', () => {
  it('give back every row as the row schema reads it, kinds interleaved and in order', () => {
    const [firstOrder, ...otherOrders] = ORDERS;
    const rows: Observation[] = [...LISTINGS.slice(0, 2), firstOrder!, ...LISTINGS.slice(2), ...otherOrders];
    // A field some rows have and others lack, and values that differ from row to row.
    rows[1] = { ...rows[1]!, title: undefined } as Observation;
    expect(unpack.parse(packRows(rows))).toEqual(rows.map((r) => observationSchema.parse(r)));
    expect(unpack.parse(packRows([]))).toEqual([]);
  });

  it('hold a value every row shares once', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...ORDERS[0]!, orderId: `111-0000000-${String(i).padStart(7, '0')}` }));
    const packed = packRows(many);
    expect(packed.split(ORDERS[0]!.source)).toHaveLength(2);
    expect(packed.length * 3).toBeLessThan(JSON.stringify(many).length);
  });

  it('refuse a value the row schema refuses, naming the row and field', () => {
    const bad = [...ORDERS.slice(0, 2), { ...ORDERS[2]!, quantity: 1.5 }] as Observation[];
    const result = unpack.safeParse(packRows(bad));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([2, 'quantity']);
  });

  it('refuse a batch whose columns do not fit its rows, too many rows, a missing field or text that is not JSON', () => {
    const block = JSON.parse(packRows(ORDERS.slice(0, 2))) as [{ n: number; same: Record<string, unknown>; cols: Record<string, unknown[]> }];
    expect(unpack.safeParse(JSON.stringify([{ ...block[0], n: 3 }])).success).toBe(false);
    expect(packedRowsSchema(1, 1e6).safeParse(packRows(ORDERS.slice(0, 2))).success).toBe(false);
    const { orderId: _dropped, ...cols } = block[0].cols;
    expect(unpack.safeParse(JSON.stringify([{ ...block[0], cols }])).success).toBe(false);
    expect(unpack.safeParse('[{').success).toBe(false);
    // The packer shares only primitives: a shared object would be one object in every row.
    expect(unpack.safeParse(JSON.stringify([{ ...block[0], same: { ...block[0].same, itemPrice: { amountMinor: 1, currency: 'USD' } } }])).success).toBe(false);
  });

  it('check a value every row shares in each row: a bad shared value refuses the batch at its first row', () => {
    const [block] = JSON.parse(packRows(ORDERS.slice(0, 3))) as [{ same: Record<string, unknown> }];
    expect(block.same.observedAt).toBeDefined();
    const result = unpack.safeParse(JSON.stringify([{ ...block, same: { ...block.same, observedAt: 'yesterday' } }]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([0, 'observedAt']);
  });

  it('never take a key that is not a field of the kind', () => {
    const [block] = JSON.parse(packRows(ORDERS.slice(0, 1))) as [{ same: Record<string, unknown>; cols: Record<string, unknown[]> }];
    const forged = JSON.stringify([{ ...block, same: { ...block.same, ['__proto__']: { polluted: true } }, cols: { ...block.cols, extra: ['x'] } }]);
    // JSON.parse makes `__proto__` an own key; it must not become the row's prototype.
    expect(forged).toContain('"__proto__"');
    const [row] = unpack.parse(forged);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row).not.toHaveProperty('extra');
    expect(row).toEqual(observationSchema.parse(ORDERS[0]));
  });

  it('are what the import/commit-packed message carries, checked by its request schema', () => {
    const request = protocol['import/commit-packed'].request;
    const batch = { importId: 'i', batchIndex: 0, last: false };
    expect(request.parse({ ...batch, packed: packRows(ORDERS) }).packed).toEqual(ORDERS.map((r) => observationSchema.parse(r)));
    expect(request.safeParse({ ...batch, packed: packRows([{ ...ORDERS[0]!, sku: '' }]) }).success).toBe(false);
  });
});
