import { describe, expect, it } from 'vitest';
import { problemText } from './diagnostics';
import { parseReport } from './parser';
import { assertValidRecords, readFixture } from './testing';
import { sizeTierOf } from './amazon-fee-preview';

const US = { marketplace: 'amazon.com', now: new Date('2026-12-01T12:00:00Z') };

describe('Fee Preview (amazon/fee-preview)', () => {
  const result = parseReport(readFixture('amazon/fee-preview.us.tsv'), US);
  const bySku = new Map(result.rows.map((r) => [r.sku, r]));

  it('detects the report and reads the size tier, the unit volume from the three sides and the shipping weight', () => {
    expect(result.reportId).toBe('amazon/fee-preview');
    assertValidRecords(result.rows);
    expect(bySku.get('PHONE-CASE-BLK')).toMatchObject({
      kind: 'listing',
      source: 'report:amazon/fee-preview',
      asin: 'B0PHONE001',
      fnsku: 'X001PC0001',
      fulfillment: 'FBA',
      price: { amountMinor: 1299, currency: 'USD' },
      sizeTier: 'small-standard',
      unitCubicFeet: 0.009861, // 7.1 x 4 x 0.6 = 17.04 cubic inches
      shippingWeightOz: 4, // small standard: the unit's weight, 0.25 lb
    });
    expect(bySku.get('DESK-LAMP-XL')).toMatchObject({ sizeTier: 'large-bulky', unitCubicFeet: 2.430556 });
    expect(bySku.get('YOGA-MAT-6MM-PRP')).toMatchObject({ price: { amountMinor: 102900, currency: 'USD' }, sizeTier: 'large-standard' });
  });

  it("weighs a large standard unit by the greater of its weight and its dimensional weight (the fee's weight row)", () => {
    // 14 x 10 x 4 = 560 cubic inches / 139 = 4.03 lb, more than its 2.10 lb: the 3-20 lb row, not the cheaper one.
    expect(bySku.get('BAM-TOWEL-GRY-2PK')).toMatchObject({ sizeTier: 'large-standard', unitCubicFeet: 0.324074, shippingWeightOz: 64.46 });
  });

  it('reads the pre-2024 oversize names as the tiers Amazon folded them into', () => {
    expect(bySku.get('OLD-TIER-SHELF')).toMatchObject({ sizeTier: 'large-bulky' });
  });

  it('keeps a row with a missing side, an unknown tier or an unknown unit without those figures, naming line and column', () => {
    const broken = bySku.get('BROKEN-SIDES')!;
    expect(broken).not.toHaveProperty('unitCubicFeet');
    expect(broken).not.toHaveProperty('sizeTier');
    expect(broken).not.toHaveProperty('shippingWeightOz');
    const candle = bySku.get('BAD-UNIT-CANDLE')!;
    expect(candle).toMatchObject({ sizeTier: 'large-standard' });
    expect(candle).not.toHaveProperty('unitCubicFeet');
    expect(candle).not.toHaveProperty('shippingWeightOz'); // no sides, no dimensional weight: the unit weight alone could pick a cheaper row
    const at = (line: number) => result.diagnostics.filter((d) => d.row === line).map((d) => [d.level, d.code, d.params?.column]);
    expect(at(7)).toEqual([['warning', 'unknown-size-tier', 'product-size-tier']]);
    expect(at(8)).toEqual([['error', 'missing-sku', undefined]]);
    expect(at(9)).toEqual([['warning', 'unknown-unit', 'unit-of-dimension']]);
    expect(result.rows).toHaveLength(7);
  });

  it("says each bad line's problem in both languages", () => {
    const tier = result.diagnostics.find((d) => d.code === 'unknown-size-tier')!;
    const unit = result.diagnostics.find((d) => d.code === 'unknown-unit')!;
    expect(problemText('en', tier)).toBe(
      'Column "product-size-tier": "Small bulky" is not one of the US size tiers the fee schedules price; the size tier was left out.',
    );
    expect(problemText('zh-CN', tier)).toBe('列"product-size-tier"："Small bulky"不是费用表所用的美国尺寸分段之一，已略去尺寸分段。');
    expect(problemText('en', unit)).toBe('Column "unit-of-dimension": unknown unit "furlongs"; the values measured in it were left out.');
    expect(problemText('zh-CN', unit)).toBe('列"unit-of-dimension"：无法识别的单位"furlongs"，以该单位计量的数值已略去。');
  });

  it('reads metric sides and weights, and no unit outside the US file', () => {
    const header = ['sku', 'longest-side', 'median-side', 'shortest-side', 'unit-of-dimension', 'item-package-weight', 'unit-of-weight', 'product-size-tier'];
    const read = (marketplace: string, row: string[]) =>
      parseReport([header, row].map((l) => l.join('\t')).join('\n'), { marketplace, now: US.now }).rows[0] as Record<string, unknown>;
    // 30.48 cm = 1 ft: 30.48 x 30.48 x 3.048 cm = 0.1 cubic feet; 453.59237 g = 16 oz.
    expect(read('amazon.com', ['A', '30.48', '30.48', '3.048', 'centimeters', '453.59237', 'grams', 'Small standard-size'])).toMatchObject({
      unitCubicFeet: 0.1,
      shippingWeightOz: 16,
    });
    expect(read('amazon.com', ['B', '12', '12', '12', '', '1', '', 'UsLargeStandardSize'])).toMatchObject({ unitCubicFeet: 1, shippingWeightOz: 198.906 }); // 1,728 cubic inches / 139 = 12.43 lb;
    expect(read('amazon.de', ['C', '12', '12', '12', '', '1', '', 'Standard parcel'])).not.toHaveProperty('unitCubicFeet');
  });

  it('leaves out a volume or weight no unit can have (a misread), with a warning on its line', () => {
    const header = ['sku', 'longest-side', 'median-side', 'shortest-side', 'unit-of-dimension', 'item-package-weight', 'unit-of-weight', 'product-size-tier'];
    const text = [
      header,
      ['A', '999', '999', '999', 'inches', '1', 'pounds', 'Small standard-size'],
      ['B', '1', '1', '1', 'inches', '99999999', 'pounds', 'Small standard-size'],
    ]
      .map((l) => l.join('\t'))
      .join('\n');
    const { rows, diagnostics } = parseReport(text, US);
    expect(rows[0]).not.toHaveProperty('unitCubicFeet'); // 999 inches a side: about 577,000 cubic feet
    expect(rows[1]).not.toHaveProperty('shippingWeightOz');
    expect(diagnostics.map((d) => [d.row, d.code, d.params?.column])).toEqual([
      [2, 'bad-number', 'longest-side'],
      [3, 'bad-number', 'item-package-weight'],
    ]);
  });
});

describe('size tier words', () => {
  it.each([
    ['Small standard-size', 'small-standard'],
    ['Small standard', 'small-standard'],
    ['UsSmallStandardSize', 'small-standard'],
    ['Large standard-size', 'large-standard'],
    ['Large Bulky', 'large-bulky'],
    ['Small oversize', 'large-bulky'],
    ['Special oversize', 'extra-large'],
    ['Extra-large 150+ lb', 'extra-large'],
    ['Standard parcel', undefined],
    ['Small bulky', undefined],
  ])('%s -> %s', (cell, tier) => expect(sizeTierOf(cell)).toBe(tier));
});
