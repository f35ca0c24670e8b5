import { describe, expect, it } from 'vitest';
import { unplannedPanel, type PanelData } from '../messaging/protocol';
import type { ListingObservation } from '../records';
import { marketFigureLines, marketFiguresOf, withMarketFigures } from './market-figures';

const TODAY = '2026-12-02';

const restockRow: ListingObservation = {
  kind: 'listing',
  platform: 'amazon',
  marketplace: 'amazon.com',
  source: 'amazon/restock',
  observedAt: '2026-12-02T10:00:00.000Z',
  observedDate: TODAY,
  sku: 'MUG-1',
  available: 40,
  recommendedQuantity: 135,
  recommendedShipDate: '2026-12-10',
};

/** A planned FBA panel: 40 on hand, 6.9 a day, a 70-day lead time, our reorder 912. */
const panel: PanelData = {
  ...unplannedPanel({ key: 'amazon|amazon.com|MUG-1', sku: 'MUG-1', available: 40 }),
  urgency: 'critical',
  daysOfCover: 5.8,
  dailyDemand: 6.9,
  leadTimeDays: 70,
  reorderQuantity: 912,
  reorderDate: '2026-12-02',
  inbound: 0,
};

describe('marketFiguresOf', () => {
  it("takes only the marketplace's own figures a row shows", () => {
    expect(marketFiguresOf(restockRow)).toEqual({ recommendedQuantity: 135, recommendedShipDate: '2026-12-10' });
    expect(marketFiguresOf({ ...restockRow, recommendedQuantity: undefined, recommendedShipDate: undefined } as ListingObservation)).toBeUndefined();
  });

  it('puts them on the panel of the same SKU only', () => {
    const other = { ...panel, sku: 'OTHER', key: 'amazon|amazon.com|OTHER' };
    const out = withMarketFigures([panel, other], [restockRow]);
    expect(out[0]!.marketFigures?.recommendedQuantity).toBe(135);
    expect(out[1]!.marketFigures).toBeUndefined();
  });
});

describe('marketFigureLines', () => {
  it("shows Amazon's recommendation next to ours, with why ours differs (how long each lasts)", () => {
    const [line] = marketFigureLines('en', { ...panel, marketFigures: { recommendedQuantity: 135, recommendedShipDate: '2026-12-10' } }, TODAY);
    expect(line!.text).toBe('Amazon recommends 135, ship by Dec 10 (ours: 912)');
    // (40 + 135) / 6.9 = 25.4 days; (40 + 912) / 6.9 = 137.9 days = 70 lead + 67 after.
    expect(line!.reason).toBe(
      "Why ours differs: at 6.9 a day Amazon's 135 lasts about 25 days; ours covers your 70-day lead time and about 67 days after arrival",
    );
  });

  it('says why no order is due when the marketplace recommends one and we do not', () => {
    const [line] = marketFigureLines('en', { ...panel, reorderQuantity: null, daysOfCover: 120, marketFigures: { recommendedQuantity: 50 } }, TODAY);
    expect(line!.text).toBe('Amazon recommends 50 (ours: no order due)');
    expect(line!.reason).toBe('Why ours differs: 120 days of cover outlast your 70-day lead time, so no order is due yet');
  });

  it('gives no reason when the figures agree or demand is unknown', () => {
    expect(marketFigureLines('en', { ...panel, marketFigures: { recommendedQuantity: 912 } }, TODAY)[0]!.reason).toBeUndefined();
    expect(marketFigureLines('en', { ...panel, dailyDemand: null, marketFigures: { recommendedQuantity: 135 } }, TODAY)[0]!.reason).toBeUndefined();
  });

  it('explains days of supply that count the inbound, and ones that imply another demand', () => {
    const withInbound = { ...panel, available: 69, inbound: 207, daysOfCover: 10, dailyDemand: 6.9 };
    const [counted] = marketFigureLines('en', { ...withInbound, marketFigures: { daysOfSupply: 40 } }, TODAY);
    expect(counted!.text).toBe('Amazon: 40 days of supply (ours: 10 d)');
    expect(counted!.reason).toBe('Amazon counts the 207 inbound; our days of cover count the units on hand (the date with the inbound is above)');
    const [rate] = marketFigureLines('en', { ...withInbound, inbound: 0, marketFigures: { daysOfSupply: 23 } }, TODAY);
    expect(rate!.reason).toBe("Why they differ: Amazon's figure implies 3 sold a day; we expect 6.9 a day");
    expect(marketFigureLines('en', { ...withInbound, marketFigures: { daysOfSupply: 10.4 } }, TODAY)[0]!.reason).toBeUndefined();
  });

  it('shows storage cost with its currency and reserved units, in Chinese too', () => {
    const lines = marketFigureLines('zh-CN', { ...panel, marketFigures: { storageCost: { amountMinor: 83548, currency: 'USD' }, reserved: 12 } }, TODAY);
    expect(lines.map((l) => l.text)).toEqual(['预计仓储费：US$835.48', '预留：12 件']);
  });

  it('says Walmart\'s WFS "Suggested Units" as Walmart\'s suggestion, in both languages, with why ours differs', () => {
    // The row walmart/wfs-inventory reads from the Inventory Health variant (tests/fixtures/walmart/wfs-inventory.health.en.html).
    const wfsRow: ListingObservation = {
      ...restockRow,
      platform: 'walmart',
      marketplace: 'walmart.com',
      source: 'walmart/wfs-inventory',
      sku: 'KTCH-SILI-SPT',
      fulfillment: 'WFS',
      available: 5,
      reserved: 20,
      recommendedQuantity: 193,
      recommendedShipDate: undefined,
    };
    const figures = marketFiguresOf(wfsRow)!;
    expect(figures).toEqual({ recommendedQuantity: 193, reserved: 20 });
    const walmart = { ...panel, key: 'walmart|walmart.com|KTCH-SILI-SPT', available: 5, marketFigures: figures };
    const [en] = marketFigureLines('en', walmart, TODAY);
    expect(en).toMatchObject({ testId: 'market-recommended', text: "Walmart's suggested units: 193 (ours: 912)" });
    // (5 + 193) / 6.9 = 28.7 days; (5 + 912) / 6.9 = 132.9 days = 70 lead + 62 after.
    expect(en!.reason).toBe(
      "Why ours differs: at 6.9 a day Walmart's 193 lasts about 28 days; ours covers your 70-day lead time and about 62 days after arrival",
    );
    expect(marketFigureLines('zh-CN', walmart, TODAY)[0]!.text).toBe('沃尔玛建议补充件数：193 件（我们：912）');
    expect(marketFigureLines('zh-CN', { ...walmart, marketFigures: { recommendedQuantity: 912 } }, TODAY)[0]!.text).toBe(
      '沃尔玛建议补充件数：912 件（我们：912）',
    );
    // Amazon's Restock figure stays a recommendation.
    expect(marketFigureLines('en', { ...panel, marketFigures: { recommendedQuantity: 135 } }, TODAY)[0]!.text).toBe('Amazon recommends 135 (ours: 912)');
  });

  it('is empty when the page shows none', () => {
    expect(marketFigureLines('en', panel, TODAY)).toEqual([]);
  });
});
