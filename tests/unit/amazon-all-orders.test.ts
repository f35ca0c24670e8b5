import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectReport } from '../../lib/reports/detect';
import { ALL_ORDERS_COLUMNS, allOrdersTsv } from '../fixtures/builders/amazon-all-orders';

describe('the All Orders builder', () => {
  it('writes the header of the real report fixture', () => {
    const fixtureHeader = readFileSync('tests/fixtures/reports/amazon/orders.us.tsv', 'utf8').split('\n', 1)[0]!.split('\t');
    expect(ALL_ORDERS_COLUMNS).toEqual(fixtureHeader);
  });

  it('puts each named cell under its column, leaves the others empty and refuses unknown names', () => {
    const [header, line] = allOrdersTsv([{ 'amazon-order-id': '113-1', sku: 'MUG-1', quantity: '2' }]).split('\n');
    const cells = line!.split('\t');
    expect(cells).toHaveLength(ALL_ORDERS_COLUMNS.length);
    expect(cells[ALL_ORDERS_COLUMNS.indexOf('sku')]).toBe('MUG-1');
    expect(cells[ALL_ORDERS_COLUMNS.indexOf('merchant-order-id')]).toBe('');
    expect(detectReport(header!.split('\t')).reportId).toBe('amazon/orders');
    expect(() => allOrdersTsv([{ 'order-id-typo': 'x' }])).toThrow(/order-id-typo/);
  });
});
