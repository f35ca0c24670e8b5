import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { mergedRows, mergedSheets, mergedTable } from './merged';
import { columnName, toXlsx } from './xlsx';
import type { MergedReport } from './merged-data';
import type { MergedPlan, MergedPool } from './merged-data';
import { feeCells, mergedFeesOf, rollUpFees, type MergedFees } from './merged-fees';

/** A plan's fee block as the FBA fee decision writes it. */
const planFees = {
  currency: 'USD',
  scheduleEffective: '2024-04-01',
  historicalSupply: { short: 21.5, long: 33 as const, shown: null },
  floorDays: 35,
  windows: [
    { days: 30, lowInventoryUnits: 40, lowInventoryMinor: 1800, storageMinor: 900 },
    { days: 90, lowInventoryUnits: 95, lowInventoryMinor: 4300, storageMinor: 2650 },
  ],
  agedSnapshots: [
    { date: '2026-12-15', units: 0, amountMinor: 0 },
    { date: '2027-01-15', units: 80, amountMinor: 2600 },
  ],
  action: { kind: 'send' as const, units: 120, date: '2026-12-10', amountMinor: 4300, laterDate: null },
};

const fees = mergedFeesOf(planFees)!;

const plan = (f: MergedFees | undefined): MergedPlan => ({
  meanDaily: 5,
  daysOfCover: 20,
  stockoutDate: null,
  inboundArrivalDate: null,
  stockoutDateWithInbound: null,
  reorderDate: null,
  reorderDaysLate: 0,
  reorderQuantity: null,
  safetyStock: 0,
  reorderPoint: 0,
  healthScore: 80,
  healthReasons: [],
  abcClass: null,
  lifecycleStage: 'maturity',
  clearance: null,
  ...(f ? { fees: f } : {}),
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

/** One product sold on FBA (with fees) and eBay (own stock, no fees). */
function feeReport(): MergedReport {
  return {
    generatedAt: '2026-12-02T10:00:00.000Z',
    products: [
      {
        id: 'p:1',
        pools: [pool('fba:NA', 'amazon|amazon.com|A', plan(fees)), pool('own:main', 'ebay|ebay.com|A', plan(undefined))],
        listings: [
          {
            key: 'amazon|amazon.com|A',
            platform: 'amazon',
            marketplace: 'amazon.com',
            sku: 'A',
            poolId: 'fba:NA',
            available: 100,
            inbound: 0,
            listed: null,
            channel: null,
            plan: plan(fees),
          },
          {
            key: 'ebay|ebay.com|A',
            platform: 'ebay',
            marketplace: 'ebay.com',
            sku: 'A',
            poolId: 'own:main',
            available: 100,
            inbound: 0,
            listed: 5,
            channel: null,
            plan: plan(undefined),
          },
        ],
      },
    ],
  };
}

describe('the merged report fee columns', () => {
  it('takes the 90-day window and the first snapshot that charges units', () => {
    expect(fees).toEqual({
      currency: 'USD',
      historicalSupply30: 21.5,
      historicalSupply90: 33,
      lowInventoryFeeMinor: 4300,
      storageFeeMinor: 2650,
      agedSnapshotDate: '2027-01-15',
      agedSurchargeMinor: 2600,
      action: planFees.action,
    });
    expect(mergedFeesOf(undefined)).toBeUndefined();
  });

  it('writes money as numbers in the currency, unknown amounts as "Unknown" (never 0), and the action in words', () => {
    expect(feeCells(fees, 'en')).toEqual({
      historicalSupply30: 21.5,
      historicalSupply90: 33,
      feeCurrency: 'USD',
      lowInventoryFee90: 43,
      storageFee90: 26.5,
      agedSnapshotDate: '2027-01-15',
      agedSurcharge: 26,
      // The amount as the panel's alert says it: whole units, with the currency.
      feeAction: 'Send 120 by 12/10/2026 to stay above the low-inventory floor (~$43 at risk)',
    });
    const unknown = feeCells({ ...fees, lowInventoryFeeMinor: null, historicalSupply90: 'no-sales' }, 'zh-CN');
    expect(unknown.lowInventoryFee90).toBe('未知');
    expect(unknown.historicalSupply90).toBe('90 天内无销量');
    expect(Object.values(feeCells(undefined, 'en')).every((v) => v === null)).toBe(true);
  });

  it('adds a product pools amounts once each (unknown when one is), keeping the lowest supply and the earliest snapshot', () => {
    const other: MergedFees = { ...fees, historicalSupply30: 12, lowInventoryFeeMinor: 700, agedSnapshotDate: '2026-12-15', agedSurchargeMinor: 100 };
    expect(rollUpFees([fees, undefined, other])).toMatchObject({
      historicalSupply30: 12,
      lowInventoryFeeMinor: 5000,
      storageFeeMinor: 5300,
      agedSnapshotDate: '2026-12-15',
      agedSurchargeMinor: 100,
    });
    expect(rollUpFees([fees, { ...other, storageFeeMinor: null }])?.storageFeeMinor).toBeNull();
    expect(rollUpFees([undefined])).toBeUndefined();
  });

  it('fills the columns per pool on the product row and per listing on listing rows, with translated headers', () => {
    const report = feeReport();
    const [product, fba, ebay] = mergedRows(report, 'en');
    expect(product!.lowInventoryFee90).toBe(43);
    expect(fba!.lowInventoryFee90).toBe(43);
    expect(fba!.feeCurrency).toBe('USD');
    expect(ebay!.lowInventoryFee90).toBeNull();
    const header = mergedTable(report, 'zh-CN').header;
    expect(header).toContain('未来 90 天预计低库存水平费');
    expect(mergedTable(report, 'en').header).toContain('Low-inventory fee expected, next 90 days');
  });

  it('writes the fee amounts as currency cells in the XLSX, in the currency of their row', () => {
    const sheets = mergedSheets(feeReport(), 'en');
    for (const sheet of sheets) {
      const currency = sheet.columns.findIndex((c) => c.id === 'feeCurrency');
      expect(sheet.columns.filter((c) => c.money).map((c) => [c.id, c.money!.currencyColumn])).toEqual(
        ['lowInventoryFee90', 'storageFee90', 'agedSurcharge'].map((id) => [id, currency]),
      );
    }
    const files = Object.fromEntries(Object.entries(unzipSync(toXlsx(sheets))).map(([name, data]) => [name, strFromU8(data)]));
    expect(files['xl/styles.xml']).toContain('formatCode="[$USD] #,##0.00"');
    const products = sheets[0]!;
    const column = products.columns.findIndex((c) => c.id === 'lowInventoryFee90');
    const ref = `${columnName(column)}2`;
    // The product row's 43 USD: a number in the first currency style (3), after normal, header and date.
    expect(files['xl/worksheets/sheet1.xml']).toContain(`<c r="${ref}" s="3"><v>43</v></c>`);
  });
});
