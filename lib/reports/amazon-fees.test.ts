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

describe('unit volume from the reports (the storage fees and the capacity check use it)', () => {
  const read = (lines: string[][], marketplace = 'amazon.com') =>
    new Map(parseReport(lines.map((l) => l.join('\t')).join('\n'), { marketplace, now: new Date('2026-12-01T00:00:00Z') }).rows.map((r) => [r.sku, r]));
  const planning = ['snapshot-date', 'sku', 'available', 'reserved-quantity', 'units-shipped-t30', 'storage-volume', 'item-volume', 'volume-unit-measurement'];

  it("reads the planning report's item volume, else its storage volume over the units stored, in the file's unit", () => {
    const rows = read([
      planning,
      ['2026-11-30', 'A-1', '100', '20', '30', '42', '0.35', 'cubic feet'],
      ['2026-11-30', 'B-2', '100', '20', '30', '6', '', 'cubic feet'],
      ['2026-11-30', 'C-3', '100', '0', '30', '', '0.01', 'cubic meters'],
      ['2026-11-30', 'D-4', '0', '0', '30', '5', '', 'cubic feet'],
    ]);
    expect(rows.get('A-1')).toMatchObject({ unitCubicFeet: 0.35 });
    expect(rows.get('B-2')).toMatchObject({ unitCubicFeet: 0.05 }); // 6 cubic feet over 120 units
    expect((rows.get('C-3') as { unitCubicFeet: number }).unitCubicFeet).toBeCloseTo(0.353, 3);
    expect(rows.get('D-4')).not.toHaveProperty('unitCubicFeet'); // no unit stored: nothing to divide by
  });

  it('reads no volume whose unit it cannot tell (a file without a unit outside the cubic-feet marketplaces)', () => {
    const header = ['snapshot-date', 'sku', 'available', 'units-shipped-t30', 'item-volume'];
    expect(read([header, ['2026-11-30', 'A-1', '10', '3', '0.35']], 'amazon.de').get('A-1')).not.toHaveProperty('unitCubicFeet');
    expect(read([header, ['2026-11-30', 'A-1', '10', '3', '0.35']]).get('A-1')).toMatchObject({ unitCubicFeet: 0.35 });
  });
});
