import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { listingObs } from '../store/test-helpers';
import { feeFactDifferences, newestFeeFacts } from './fee-facts';
import { readReportFile, type ReportFileLike } from './pipeline';

const FEE_PREVIEW = readFileSync('tests/fixtures/reports/amazon/fee-preview.us.tsv', 'utf8');

function fileOf(name: string, text: string): ReportFileLike {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, stream: () => new Blob([bytes]).stream() };
}

describe("a report's fee facts against the seller's entries", () => {
  const preview = () =>
    readReportFile(fileOf('fee-preview.txt', FEE_PREVIEW), { marketplace: 'amazon.com', now: new Date('2026-12-01T12:00:00Z') }, { yieldToUi: async () => {} });

  it("the preview keeps each SKU's size tier, shipping weight and unit volume, one entry per SKU", async () => {
    const { feeFacts } = await preview();
    expect(feeFacts.find((f) => f.sku === 'BAM-TOWEL-GRY-2PK')).toEqual({
      sku: 'BAM-TOWEL-GRY-2PK',
      sizeTier: 'large-standard',
      shippingWeightOz: 64.46,
      unitCubicFeet: 0.324074,
    });
    expect(new Set(feeFacts.map((f) => f.sku)).size).toBe(feeFacts.length);
    expect(feeFacts.map((f) => f.sku)).not.toContain('BROKEN-SIDES'); // nothing read for it
  });

  it('lists every entry the file disagrees with (the entry is kept), not SKUs without an entry nor a rounded typing of the same figure', async () => {
    const settings = defaultSettings();
    settings.fbaFees.sizeBySku['BAM-TOWEL-GRY-2PK'] = { tier: 'small-standard', shippingWeightOz: 33.6 };
    settings.storageFees.unitCubicFeetBySku['BAM-TOWEL-GRY-2PK'] = 0.32; // 0.324074 typed rounded: the same
    settings.storageFees.unitCubicFeetBySku['DESK-LAMP-XL'] = 1.5;
    settings.fbaFees.sizeBySku['PHONE-CASE-BLK'] = { tier: 'small-standard', shippingWeightOz: 4 }; // agrees
    expect(feeFactDifferences((await preview()).feeFacts, settings)).toEqual([
      { sku: 'BAM-TOWEL-GRY-2PK', fact: 'sizeTier', entered: 'small-standard', read: 'large-standard' },
      { sku: 'BAM-TOWEL-GRY-2PK', fact: 'shippingWeightOz', entered: 33.6, read: 64.46 },
      { sku: 'DESK-LAMP-XL', fact: 'unitCubicFeet', entered: 1.5, read: 2.430556 },
    ]);
    expect(feeFactDifferences((await preview()).feeFacts, defaultSettings())).toEqual([]);
  });
});

describe('the newest fee facts the readings show per SKU (the SKU editor shows them under its fields)', () => {
  it('takes each fact from the newest reading that shows it, with its source and day, whatever the order read', () => {
    const preview = listingObs('MUG-1', '2026-10-02T08:00:00Z', {
      source: 'report:amazon/fee-preview',
      observedDate: '2026-10-02',
      sizeTier: 'small-standard',
      shippingWeightOz: 9,
      unitCubicFeet: 0.05,
    });
    const myi = listingObs('MUG-1', '2026-11-20T08:00:00Z', { source: 'report:amazon/fba-myi', observedDate: '2026-11-20', unitCubicFeet: 0.06 });
    const plain = listingObs('CUP-2', '2026-11-21T08:00:00Z', { available: 4 });
    const expected = [
      {
        sku: 'MUG-1',
        sizeTier: { value: 'small-standard', source: 'report:amazon/fee-preview', date: '2026-10-02' },
        shippingWeightOz: { value: 9, source: 'report:amazon/fee-preview', date: '2026-10-02' },
        unitCubicFeet: { value: 0.06, source: 'report:amazon/fba-myi', date: '2026-11-20' },
      },
    ];
    expect(newestFeeFacts([preview, myi, plain])).toEqual(expected);
    expect(newestFeeFacts([myi, plain, preview])).toEqual(expected);
  });
});
