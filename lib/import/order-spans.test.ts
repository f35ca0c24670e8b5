import { describe, expect, it } from 'vitest';
import { orderAt, listingAt } from '../planning/fixtures';
import { listingOrderCoverage } from '../planning/order-coverage';
import { orderImportSpansSchema, withImportBatch, MAX_IMPORT_SPANS } from './order-spans';

const report = (date: string, marketplace = 'amazon.com') =>
  orderAt(date, 1, 'shipped', { source: 'report:amazon/all-orders', marketplace, observedDate: '2026-03-01' });

describe('withImportBatch', () => {
  it('widens one span per import and marketplace by each batch, whatever the row order', () => {
    let spans = withImportBatch([], 'imp-1', [report('2026-01-10'), report('2026-01-03'), report('2026-01-07', 'amazon.ca')]);
    spans = withImportBatch(spans, 'imp-1', [report('2026-02-20'), report('2026-01-05')]);
    expect(spans).toEqual([
      { importId: 'imp-1', platform: 'amazon', marketplace: 'amazon.com', from: '2026-01-03', to: '2026-02-20' },
      { importId: 'imp-1', platform: 'amazon', marketplace: 'amazon.ca', from: '2026-01-07', to: '2026-01-07' },
    ]);
    expect(orderImportSpansSchema.safeParse(spans).success).toBe(true);
  });

  it('ignores page readings (an orders page may be filtered by SKU) and returns the same array when nothing changes', () => {
    const before = withImportBatch([], 'imp-1', [report('2026-01-10')]);
    expect(withImportBatch(before, 'imp-2', [orderAt('2026-01-01', 1, 'shipped'), listingAt('2026-01-02')])).toBe(before);
  });

  it('keeps a new import apart, and at most the newest spans', () => {
    let spans = withImportBatch([], 'imp-1', [report('2026-01-10')]);
    spans = withImportBatch(spans, 'imp-2', [report('2026-02-10')]);
    expect(spans.map((s) => [s.importId, s.from])).toEqual([
      ['imp-1', '2026-01-10'],
      ['imp-2', '2026-02-10'],
    ]);
    for (let i = 0; i < MAX_IMPORT_SPANS; i++) spans = withImportBatch(spans, `imp-x${i}`, [report('2026-02-11')]);
    expect(spans).toHaveLength(MAX_IMPORT_SPANS);
    expect(spans[0]!.importId).toBe('imp-x0');
  });

  it('records the seller account an import went to, and a listing of another account gains no known days from it', () => {
    const spans = withImportBatch([], 'imp-1', [{ ...report('2026-01-10'), account: 'amazon-a2contoso' }, report('2026-01-12')]);
    expect(spans.map((s) => [s.account, s.from])).toEqual([
      ['amazon-a2contoso', '2026-01-10'],
      [undefined, '2026-01-12'],
    ]);
    expect(orderImportSpansSchema.safeParse(spans).success).toBe(true);
    const listing = { platform: 'amazon', marketplace: 'amazon.com' };
    expect(listingOrderCoverage([], spans, { ...listing, account: 'amazon-a2contoso' }).map((s) => s.from)).toEqual(['2026-01-10']);
    expect(listingOrderCoverage([], spans, listing).map((s) => s.from)).toEqual(['2026-01-12']);
    expect(listingOrderCoverage([], spans, { ...listing, account: 'amazon-b9other' })).toEqual([]);
  });
});
