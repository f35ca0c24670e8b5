import { describe, expect, it } from 'vitest';
import { freightCostsOf, mergeUnitCosts, purchasingDataOf, unitCostFromEntries, type UnitCostEntry } from './purchasing-data';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const cost = (fields: Partial<UnitCostEntry> = {}): UnitCostEntry => ({ sku: 'MUG', supplierId: null, unitCostMinor: 250, currency: 'USD', ...fields });

describe('purchasingDataOf', () => {
  it('reads a stored document and falls back to the empty one when there is none or it is damaged', () => {
    expect(purchasingDataOf(undefined)).toEqual({
      placedOrders: [],
      unitCosts: [],
      currency: 'USD',
      policy: {
        aLotDays: 30,
        cCashSharePct: 10,
        launchSharePct: 70,
        launchCheckInDays: 30,
        transferDaysToFba: 14,
        transferDaysToWfs: 10,
        transferDaysToOwn: 5,
      },
      launchOverrides: {},
      freight: { airPerUnit: null, seaPerUnit: null },
    });
    expect(purchasingDataOf({ placedOrders: [{ id: 'x', quantity: -1 }] }).placedOrders).toEqual([]);
    const order = {
      id: 'po-1',
      productId: 'MUG',
      poolId: 'fba:NA',
      sku: 'MUG',
      supplierId: null,
      quantity: 10,
      placedOn: '2026-03-01',
      expectedArrival: '2026-04-01',
    };
    expect(purchasingDataOf({ placedOrders: [order] }).placedOrders).toEqual([{ ...order, shipMode: 'sea' }]);
  });
});

describe('unitCostFromEntries', () => {
  it("prefers the supplier's own cost, then the SKU's for any supplier", () => {
    const entries = [cost(), cost({ supplierId: 'acme', unitCostMinor: 300, currency: 'EUR' })];
    expect(unitCostFromEntries(entries, 'MUG', 'acme')).toEqual({ amountMinor: 300, currency: 'EUR' });
    expect(unitCostFromEntries(entries, 'MUG', 'other')).toEqual(usd(250));
    expect(unitCostFromEntries(entries, 'LAMP', null)).toBeUndefined();
  });
});

describe('mergeUnitCosts', () => {
  it('replaces the entry of the same SKU and supplier, keeps the others', () => {
    expect(mergeUnitCosts([cost(), cost({ supplierId: 'acme' })], [cost({ unitCostMinor: 999 })])).toEqual([
      cost({ unitCostMinor: 999 }),
      cost({ supplierId: 'acme' }),
    ]);
  });
});

describe('freightCostsOf', () => {
  it('gives freight only when both modes are set in one currency', () => {
    expect(freightCostsOf({ airPerUnit: usd(450), seaPerUnit: usd(80) })).toEqual({ airPerUnit: usd(450), seaPerUnit: usd(80) });
    expect(freightCostsOf({ airPerUnit: usd(450), seaPerUnit: null })).toBeUndefined();
    expect(freightCostsOf({ airPerUnit: usd(450), seaPerUnit: { amountMinor: 80, currency: 'EUR' } })).toBeUndefined();
  });
});
