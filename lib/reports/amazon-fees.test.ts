import { describe, expect, it } from 'vitest';
import { parseReport } from './index';

const header = ['snapshot-date', 'sku', 'available', 'units-shipped-t30', 'days-of-supply', 'historical-days-of-supply'];

describe('inventory planning report: historical days of supply', () => {
  it("reads Amazon's historical figure apart from the forward days of supply, and a dash as no figure", () => {
    const text = [header.join('\t'), ['2026-11-30', 'A-1', '120', '88', '41', '17.5'].join('\t'), ['2026-11-30', 'B-2', '40', '0', '', '–'].join('\t')].join(
      '\n',
    );
    const { rows, reportId } = parseReport(text, { marketplace: 'amazon.com', now: new Date('2026-12-01T00:00:00Z') });
    expect(reportId).toBe('amazon/fba-inventory-planning');
    const bySku = new Map(rows.map((r) => [r.sku, r]));
    expect(bySku.get('A-1')).toMatchObject({ platformDaysOfSupply: 41, platformHistoricalDaysOfSupply: 17.5 });
    expect(bySku.get('B-2')).not.toHaveProperty('platformHistoricalDaysOfSupply');
  });
});
