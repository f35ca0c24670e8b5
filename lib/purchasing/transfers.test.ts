import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, isoDate } from '../planning/days';
import { shortOf, suggestTransfers, surplusOf, transfersOf, transferUnitsOf, withTransfers } from './transfers';
import { planWith } from './test-purchasing';
import { clearanceActionOf, clearanceSuggestion } from '../planning/clearance';
import { clearanceExitAlert } from '../planning/decisions/alerts';
import { defaultSettings } from '../settings/schema';

// FBA: 300 on hand at 10 a day, out on 2026-04-01 (day 30), lead time 70: short 40 days x 10 = 400.
const fba = planWith({ stockoutDate: '2026-04-01', reorderQuantity: 600 });
// Own warehouse: 2,000 on hand, reorder point 700, 70 days x 10 more: 600 to spare.
const own = planWith({ poolId: 'own:main', available: 2000, stockoutDate: '2026-09-18', reorderDate: null, reorderQuantity: 0 });
const days = { FBA: 14, WFS: 10, SELLER: 5 };

describe('surplusOf and shortOf', () => {
  it('surplus: on hand beyond the reorder point and one more lead time; short: sales from the stockout until a reorder could arrive', () => {
    expect(surplusOf(own)).toBe(600);
    expect(surplusOf(fba)).toBe(0);
    expect(surplusOf({ ...own, available: null })).toBe(0);
    expect(shortOf(fba)).toEqual({ units: 400, stockoutDate: '2026-04-01', arrivalDate: '2026-03-02' });
    expect(shortOf(own)).toBeNull();
    // Inbound arriving in time moves the stockout later.
    expect(shortOf({ ...fba, inbound: 200, inboundArrivalDate: '2026-03-20', stockoutDateWithInbound: '2026-04-21' })).toMatchObject({
      units: 200,
      stockoutDate: '2026-04-21',
    });
  });

  it('a transfer arriving after the stockout fills only from its arrival; one no faster than a reorder fills nothing', () => {
    // Out on 1 Mar + 10 = 12 Mar; a 20-day transfer arrives 22 Mar: it fills 22 Mar .. 11 May (70 days after 2 Mar) = 50 days.
    const soon = { ...fba, stockoutDate: '2026-03-12' };
    expect(shortOf(soon, 20)).toEqual({ units: 500, stockoutDate: '2026-03-12', arrivalDate: '2026-03-22' });
    expect(shortOf(soon, 70)).toBeNull();
  });
});

describe('suggestTransfers', () => {
  it('moves what the short pool lacks, at most what the other can spare, within one product, timed by the receiving kind', () => {
    expect(suggestTransfers([fba, own], days)).toEqual([
      {
        productId: 'MUG',
        sku: 'MUG',
        fromPool: 'own:main',
        toPool: 'fba:NA',
        units: 400,
        transitDays: 14,
        arrivalDate: '2026-03-16',
        stockoutDate: '2026-04-01',
        daysOut: 0,
      },
    ]);
    expect(suggestTransfers([fba, { ...own, available: 1500 }], days)[0]!.units).toBe(100);
    expect(suggestTransfers([fba, { ...own, productId: 'LAMP', sku: 'LAMP' }], days)).toEqual([]);
    expect(suggestTransfers([fba], days)).toEqual([]);
    // Arriving after the stockout: the days out are said.
    expect(suggestTransfers([{ ...fba, stockoutDate: '2026-03-12' }, own], { ...days, FBA: 20 })[0]).toMatchObject({ units: 500, daysOut: 10 });
  });

  it("counts the units in the receiving stock: its alert on every plan of it, its reorder less the transfer, and no other plan's", () => {
    const member = {
      ...fba,
      key: 'amazon|amazon.com|MUG',
      scope: 'listing' as const,
      poolKey: fba.key,
      alerts: [{ code: 'reorder-now' as const, severity: 'warning' as const, params: { quantity: 600 } }],
    };
    const out = withTransfers([fba, member, own], days);
    const alert = { code: 'transfer-from-pool', severity: 'warning', params: { units: 400, fromPool: 'own:main', stockoutDate: '2026-04-01' } };
    expect(out[0]).toMatchObject({ reorderQuantity: 200, alerts: [alert] });
    expect(out[1]).toMatchObject({ reorderQuantity: 200, alerts: [{ code: 'reorder-now', params: { quantity: 200 } }, alert] });
    expect(out[2]).toEqual(own);
    expect(transferUnitsOf(out[0]!)).toBe(400);
    // A reorder the transfer covers entirely is no longer due.
    expect(withTransfers([{ ...fba, reorderQuantity: 300 }, own], days)[0]).toMatchObject({ reorderQuantity: 0, reorderDate: null });
  });

  it('the units a stock sends leave its clearance: a transfer that takes all the excess leaves nothing to mark down or liquidate', () => {
    const clearance = { excessUnits: 900, steps: [], recommendedStep: 0, exit: true, holdingCostMinor: 5000, remainingMarginMinor: 4000, currency: 'USD' };
    const exit = { code: 'clearance-exit' as const, severity: 'warning' as const, params: { holdingMinor: 5000, marginMinor: 4000, currency: 'USD' } };
    const giving = { ...own, clearance, alerts: [exit] };
    // 400 sent of 900 excess (FBA's whole reorder): 500 stay to clear.
    expect(withTransfers([{ ...fba, reorderQuantity: 400 }, giving], days)[1]).toMatchObject({ clearance: { excessUnits: 500, exit: true }, alerts: [exit] });
    // 400 sent of 300 excess: nothing left to clear, no "liquidate" beside "send".
    expect(withTransfers([fba, { ...giving, clearance: { ...clearance, excessUnits: 300 } }], days)[1]).toMatchObject({ clearance: null, alerts: [] });
  });

  it('what stays after the transfer gets its own answer: the step that cleared the whole excess, and liquidating, go when a few units stay', () => {
    // 610 units at 2 a day: no markdown clears them within 60 days, and holding them costs more than half their margin.
    const facts = { excessUnits: 610, meanDaily: 2, priceMinor: 3000, currency: 'USD', unitCostMinor: 2000, storagePerUnitDayMinor: 10 };
    const clearance = clearanceSuggestion(facts, defaultSettings().clearance, 30)!;
    expect(clearance).toMatchObject({ exit: true, recommendedStep: 4 });
    const exit = clearanceExitAlert(clearance)!;
    const giving = { ...own, clearance, alerts: [exit] };
    // FBA takes the 600 the warehouse can spare: the 10 left sell within days at today's price, and keeping them costs little.
    const [, sender] = withTransfers([fba, giving], days);
    expect(sender!.clearance!.excessUnits).toBe(10);
    expect(sender!.clearance).toEqual(clearanceSuggestion({ ...facts, excessUnits: sender!.clearance!.excessUnits }, defaultSettings().clearance, 30));
    expect(sender!.clearance).toMatchObject({ recommendedStep: 0, exit: false });
    expect(clearanceActionOf(sender!.clearance!)).toBe('hold');
    expect(sender!.alerts.map((a) => a.code)).not.toContain('clearance-exit');
  });

  it("excess that would be marked down covers the rest of the other stock's reorder, within what the sender can spare", () => {
    const clearance = { excessUnits: 900, steps: [], recommendedStep: 0, exit: true, holdingCostMinor: 5000, remainingMarginMinor: 4000, currency: 'USD' };
    // FBA lacks 400 until a reorder of 600 could arrive; the warehouse can spare 600 and would clear 900.
    const [transfer, ...more] = suggestTransfers([fba, { ...own, clearance }], days);
    expect(more).toEqual([]);
    expect(transfer).toMatchObject({ fromPool: 'own:main', toPool: 'fba:NA', units: 600, stockoutDate: '2026-04-01', daysOut: 0 });
    const [receiver, sender] = withTransfers([fba, { ...own, clearance }], days);
    // Nothing left to buy for FBA, and the warehouse clears only what stays beyond both.
    expect(receiver).toMatchObject({ reorderQuantity: 0, reorderDate: null });
    expect(sender!.clearance).toMatchObject({ excessUnits: 300 });
    // Without excess to clear, only the bridge moves (surplus alone does not replace a purchase).
    expect(suggestTransfers([fba, own], days)[0]!.units).toBe(400);
    // The purchase plan lists what the plans counted, not a second suggestion from plans that already carry it.
    expect(transfersOf(withTransfers([fba, { ...own, clearance }], days), days)).toEqual([transfer]);
    expect(suggestTransfers(withTransfers([fba, { ...own, clearance }], days), days)).not.toEqual([transfer]);
  });

  it('property: a transfer never takes the sending pool below its own needs over the lead time, nor gives a pool more than it lacks or reorders', () => {
    const poolArb = fc.record({
      available: fc.integer({ min: 0, max: 5000 }),
      meanDaily: fc.integer({ min: 0, max: 40 }),
      leadTimeDays: fc.integer({ min: 5, max: 120 }),
      safetyStock: fc.integer({ min: 0, max: 300 }),
      kind: fc.constantFrom('own:w', 'fba:', 'wfs:'),
      reorder: fc.nat(3000),
      excess: fc.nat(3000),
    });
    fc.assert(
      fc.property(fc.array(poolArb, { minLength: 2, maxLength: 4 }), fc.integer({ min: 0, max: 60 }), (rows, transit) => {
        const plans = rows.map((r, i) =>
          planWith({
            poolId: `${r.kind}${i}`,
            available: r.available,
            leadTimeDays: r.leadTimeDays,
            safetyStock: r.safetyStock,
            reorderPoint: r.leadTimeDays * r.meanDaily + r.safetyStock,
            forecast: { ...planWith().forecast, meanDaily: r.meanDaily },
            // The planner's stockout: the day the units on hand are sold at the mean rate.
            stockoutDate: r.meanDaily > 0 ? isoDate(dayNumber('2026-03-02') + Math.floor(r.available / r.meanDaily)) : null,
            reorderQuantity: r.reorder,
            reorderDate: r.reorder > 0 ? '2026-03-10' : null,
            clearance:
              r.excess > 0
                ? { excessUnits: r.excess, steps: [], recommendedStep: 0, exit: false, holdingCostMinor: null, remainingMarginMinor: null, currency: null }
                : null,
          }),
        );
        const transfers = suggestTransfers(plans, { FBA: transit, WFS: transit, SELLER: transit });
        for (const p of plans) {
          const given = transfers.filter((t) => t.fromPool === p.poolId).reduce((s, t) => s + t.units, 0);
          const got = transfers.filter((t) => t.toPool === p.poolId).reduce((s, t) => s + t.units, 0);
          // What the sender keeps covers its reorder point (lead-time demand and safety stock) and one more lead time of sales:
          // with no sales at all from now, it would still not need a reorder sooner than one lead time from today.
          if (given > 0) expect(p.available! - given).toBeGreaterThanOrEqual(p.reorderPoint + p.leadTimeDays * p.forecast.meanDaily);
          expect(given > 0 && got > 0).toBe(false);
          // A pool gets at most what it lacks until a reorder could arrive, or (from another's excess) its reorder.
          expect(got).toBeLessThanOrEqual(Math.max(shortOf(p, transit)?.units ?? 0, p.reorderDate !== null && p.stockoutDate !== null ? p.reorderQuantity : 0));
        }
        expect(transfers.every((t) => t.units > 0 && t.fromPool !== t.toPool && t.arrivalDate === isoDate(dayNumber('2026-03-02') + transit))).toBe(true);
      }),
      { numRuns: 500, seed: 20_261_203 },
    );
  });
});
