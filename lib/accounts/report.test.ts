import { describe, expect, it } from 'vitest';
import type { MergedReport } from '../export/merged-data';
import { reportOfAccount } from './report';

describe('reportOfAccount', () => {
  it("keeps one account's products and listings", () => {
    const listing = (key: string) => ({ key }) as MergedReport['products'][number]['listings'][number];
    const product = (id: string, keys: string[]) => ({ id, listings: keys.map(listing), pools: [] }) as unknown as MergedReport['products'][number];
    const report = {
      products: [
        product('p:a', ['amazon|amazon.com|MUG-1']),
        product('p:b', ['amazon|amazon.com|MUG-1|@amazon-b']),
        product('p:hand', ['ebay|ebay.com|X', 'amazon|amazon.com|X|@amazon-b']),
      ],
    } as unknown as MergedReport;
    expect(reportOfAccount(report, 'amazon-b').products.map((p) => [p.id, p.listings.map((l) => l.key)])).toEqual([
      ['p:b', ['amazon|amazon.com|MUG-1|@amazon-b']],
      ['p:hand', ['amazon|amazon.com|X|@amazon-b']],
    ]);
    expect(reportOfAccount(report, 'default').products.map((p) => p.id)).toEqual(['p:a', 'p:hand']);
  });
});
