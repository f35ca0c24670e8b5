import { describe, expect, it } from 'vitest';
import { mergedRows, mergedSheets, mergedTable } from './merged';
import { capacityCells, mergedCapacityOf } from './merged-capacity';
import type { MergedPlan, MergedPool, MergedReport } from './merged-data';

const claim = { marketplace: 'amazon.com', limitCubicFeet: 300, unitCubicFeet: 0.5, heldNowUnits: 200, heldUnits: 150, date: '2027-01-04' };
/** A stock that fits, and one whose shipment the shared limit cuts (lib/planning/fba-capacity-share.ts). */
const fits = mergedCapacityOf({ fbaCapacityClaim: claim })!;
const cut = mergedCapacityOf({ fbaCapacityClaim: claim, fbaCapacity: { limitCubicFeet: 300, sendUnits: 300, holdUnits: 500, date: '2027-01-04' } })!;

const plan = (capacity: MergedPlan['capacity']): MergedPlan => ({
  meanDaily: 5,
  daysOfCover: 20,
  stockoutDate: null,
  inboundArrivalDate: null,
  stockoutDateWithInbound: null,
  reorderDate: '2026-12-20',
  reorderDaysLate: 0,
  reorderQuantity: 800,
  safetyStock: 0,
  reorderPoint: 0,
  healthScore: 80,
  healthReasons: [],
  abcClass: null,
  lifecycleStage: 'maturity',
  clearance: null,
  ...(capacity ? { capacity } : {}),
});

const pool = (poolId: string, key: string, p: MergedPlan): MergedPool => ({
  poolId,
  planKey: key,
  listingKeys: [key],
  stock: 100,
  stockSource: 'reading',
  stockHint: null,
  inbound: 0,
  reserved: null,
  heldReturns: 0,
  plan: p,
});

const report: MergedReport = {
  generatedAt: '2026-12-03T08:00:00.000Z',
  products: [
    {
      id: 'MUG',
      pools: [pool('fba:NA', 'amazon|amazon.com|MUG', plan([cut])), pool('own:main', 'ebay|ebay.com|MUG', plan(undefined))],
      listings: [
        {
          key: 'amazon|amazon.com|MUG',
          platform: 'amazon',
          marketplace: 'amazon.com',
          sku: 'MUG',
          poolId: 'fba:NA',
          available: 100,
          inbound: 0,
          listed: null,
          channel: null,
          plan: plan([cut]),
        },
        {
          key: 'ebay|ebay.com|MUG',
          platform: 'ebay',
          marketplace: 'ebay.com',
          sku: 'MUG',
          poolId: 'own:main',
          available: 100,
          inbound: 0,
          listed: 100,
          channel: null,
          plan: plan(undefined),
        },
      ],
    },
  ],
};

describe('the merged report capacity columns', () => {
  it("carries the marketplace's limit for every FBA stock under one, and the hold only when the shipment is cut", () => {
    expect(fits).toEqual({ marketplace: 'amazon.com', limitCubicFeet: 300, holdUnits: 0, sendUnits: null, date: null });
    expect(cut).toEqual({ marketplace: 'amazon.com', limitCubicFeet: 300, holdUnits: 500, sendUnits: 300, date: '2027-01-04' });
    expect(mergedCapacityOf({})).toBeUndefined();
    expect(capacityCells([fits], 'en')).toEqual({ fbaCapacityLimit: 300, capacityHeldUnits: 0, capacityHoldWhere: null });
  });

  it('says the limit, the units held and where to hold them on the stock, its listing and the product; empty where no limit applies', () => {
    const [product, fba, ebay] = mergedRows(report, 'en');
    for (const row of [product!, fba!]) {
      expect(row.fbaCapacityLimit).toBe(300);
      expect(row.capacityHeldUnits).toBe(500);
      expect(row.capacityHoldWhere).toBe('Own warehouse or AWD (FBA takes 300 on 1/4/2027)');
    }
    expect([ebay!.fbaCapacityLimit, ebay!.capacityHeldUnits, ebay!.capacityHoldWhere]).toEqual([null, null, null]);
  });

  it('says what holding in AWD costs where the seller uses it, or what is missing to price it, in both languages', () => {
    const priced = {
      kind: 'priced',
      legDays: 20,
      holdDays: 30,
      boxes: 17,
      unitsPerBox: 30,
      storageMinor: 3720,
      handlingMinor: 19_950,
      amountMinor: 23_670,
      currency: 'USD',
    } as const;
    const withAwd = mergedCapacityOf({
      fbaCapacityClaim: claim,
      fbaCapacity: { limitCubicFeet: 300, sendUnits: 300, holdUnits: 500, date: '2027-01-04', awd: priced },
    })!;
    expect(withAwd.awd).toEqual(priced);
    expect(capacityCells([withAwd], 'en').capacityHoldWhere).toBe(
      'Own warehouse (no Amazon fee) or AWD (~$237 for up to 30 days, 20 days to FBA); FBA takes 300 on 1/4/2027',
    );
    expect(capacityCells([withAwd], 'zh-CN').capacityHoldWhere).toMatch(/^自有仓库（无亚马逊费用）或 AWD（约 .*237.*，最多 30 天，到 FBA 需 20 天）/);
    const unknown = { ...withAwd, awd: { kind: 'volume-unknown', legDays: 20 } as const };
    expect(capacityCells([unknown], 'en').capacityHoldWhere).toBe(
      'Own warehouse (no Amazon fee) or AWD (cost unknown: no unit volume set for this SKU; 20 days to FBA); FBA takes 300 on 1/4/2027',
    );
    expect(capacityCells([{ ...unknown, awd: { kind: 'fee-unknown', legDays: 20 } }], 'zh-CN').capacityHoldWhere).toContain('此站点的 AWD 费用未知');
  });

  it('adds up a product over marketplaces and names each limit', () => {
    const de = { ...cut, marketplace: 'amazon.de', limitCubicFeet: 120, holdUnits: 40 };
    expect(capacityCells([cut, de], 'en')).toMatchObject({ fbaCapacityLimit: 'amazon.com: 300; amazon.de: 120', capacityHeldUnits: 540 });
  });

  it('has its headers and texts in both languages, on both sheets', () => {
    const zh = mergedTable(report, 'zh-CN');
    expect(zh.header).toEqual(expect.arrayContaining(['FBA 容量限制（立方英尺）', '因 FBA 容量暂缓发货的件数', '暂存地点']));
    expect(mergedRows(report, 'zh-CN')[0]!.capacityHoldWhere).toMatch(/^自有仓库或 AWD（FBA 在 .+ 接收 300 件）$/);
    expect(mergedTable(report, 'en').header).toEqual(
      expect.arrayContaining(['FBA capacity limit (cubic feet)', 'Units held for FBA capacity', 'Where to hold them']),
    );
    for (const sheet of mergedSheets(report, 'en')) expect(sheet.columns.map((c) => c.id)).toContain('capacityHeldUnits');
  });
});
