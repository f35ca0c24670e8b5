import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { dayNumber, isoDate } from '../days';
import type { FbaFacts } from '../fees-facts';
import { alerts } from './alerts';
import { clearance } from './clearance';
import { fbaFees, firstBaseRateDay } from './fba-fees';
import { constantSeries, situation, through, TODAY } from './test-situation';
import { onHandPairs } from '../fees-history';

/** Settings with the SKU's size tier and unit volume known (a small item: storage costs little). */
function priced(unitCubicFeet = 0.01) {
  const settings = defaultSettings();
  settings.fbaFees.sizeBySku['SKU-1'] = { tier: 'small-standard', shippingWeightOz: 8 };
  settings.storageFees.unitCubicFeetBySku['SKU-1'] = unitCubicFeet;
  return settings;
}

/** An FBA pool read every day at `onHand(i)` units (i = 0 is 199 days ago). */
function facts(onHand: (i: number) => number, shown: FbaFacts['shown'] = null): FbaFacts {
  return { marketplace: 'amazon.com', readings: onHandPairs(Array.from({ length: 200 }, (_, i) => ({ day: TODAY - 199 + i, onHand: onHand(i) }))), shown };
}

/** A lean stock: 80 to 210 units on hand selling 10 a day (historical days of supply about 14). */
const lean = facts((i) => 210 - (i % 14) * 10);

describe('fee-aware FBA plan', () => {
  it('sends enough, in time, to stay above the low-inventory floor, with the reorder no later than that', () => {
    const s = situation({ available: 600, fba: lean }, { settings: priced() });
    const before = through(clearance, situation({ available: 600 }, { settings: priced() }));
    const d = through(fbaFees, s);
    expect(d.fees!.floorDays).toBe(35); // 28 + the default margin of 7
    expect(d.fees!.historicalSupply.short).toBeLessThan(28);
    expect(d.fees!.windows.map((w) => w.days)).toEqual([30, 90]);
    expect(d.fees!.windows[1]!.lowInventoryUnits).toBeGreaterThan(0);
    expect(d.fees!.action).toMatchObject({ kind: 'send', date: isoDate(TODAY), amountMinor: d.fees!.windows[1]!.lowInventoryMinor });
    expect(d.fees!.action!.units).toBeGreaterThan(0);
    expect(d.reorder.day).toBeLessThanOrEqual(Math.min(TODAY, before.reorder.day ?? Infinity)); // due now (here: already overdue)
    expect(d.reorder.quantity).toBeGreaterThanOrEqual(d.fees!.action!.units);
    expect(d.reorder.daysLate).toBe(before.reorder.daysLate); // a fee is not a stockout: never made "late"
  });

  it('does not send early when the storage it adds costs more than the fee it avoids (the cheaper wins)', () => {
    const bulky = through(fbaFees, situation({ available: 600, fba: lean }, { settings: priced(2) }));
    expect(bulky.fees!.windows[1]!.lowInventoryMinor).toBeGreaterThan(0);
    expect(bulky.fees!.action).toBeNull();
  });

  it('charges the storage rate the seller entered in the options page, not only the published one', () => {
    const published = through(fbaFees, situation({ available: 600, fba: lean }, { settings: priced(0.5) }));
    const settings = priced(0.5);
    settings.storageFees.monthlyPerCubicFootJanSep *= 2;
    settings.storageFees.monthlyPerCubicFootOctDec *= 2;
    const edited = through(fbaFees, situation({ available: 600, fba: lean }, { settings }));
    const storage = (d: typeof published) => d.fees!.windows[0]!.storageMinor!;
    expect(storage(published)).toBeGreaterThan(0);
    expect(storage(edited)).toBeCloseTo(2 * storage(published), -1);
  });

  it('says "send" with the amount at risk, or without one when the size tier is not set', () => {
    const known = through(alerts, situation({ available: 600, fba: lean }, { settings: priced() })).alerts.find((a) => a.code === 'fba-floor-send');
    expect(known?.params).toMatchObject({ date: isoDate(TODAY), currency: 'USD' });
    expect(known!.params.amountMinor).toBeGreaterThan(0);
    const settings = priced();
    delete settings.fbaFees.sizeBySku['SKU-1'];
    const d = through(alerts, situation({ available: 600, fba: lean }, { settings }));
    expect(d.fees!.windows[1]!.lowInventoryMinor).toBeNull();
    expect(d.alerts.map((a) => a.code)).toContain('fba-floor-send-fee-unknown');
  });

  it('marks down what the next snapshot would age into a surcharge tier, never with a reorder due', () => {
    const ageBuckets = [
      { minDays: 0, maxDays: 90, units: 1000 },
      { minDays: 91, maxDays: 180, units: 2000 },
    ];
    const d = through(alerts, situation({ available: 3000, ageBuckets, fba: facts(() => 3000) }, { settings: priced(0.2) }));
    expect(d.reorder.day).toBeNull();
    const snapshot = d.fees!.agedSnapshots[0]!;
    expect(snapshot.date).toBe('2026-03-15');
    expect(d.fees!.action).toEqual({ kind: 'mark-down', units: snapshot.units, date: '2026-03-15', amountMinor: snapshot.amountMinor, laterDate: null });
    expect(d.alerts.find((a) => a.code === 'fba-aged-mark-down')?.params).toMatchObject({ units: snapshot.units, date: '2026-03-15' });
    expect(d.alerts.some((a) => a.code === 'fba-floor-send' || a.code === 'reorder-now')).toBe(false);
  });

  it('sending in the peak months: says how much waiting for January saves when the stock lasts until then', () => {
    // 2 a day (under 20 a week: no low-inventory fee), 30 days to FBA, a wide forecast (safety stock for 27 days)
    const asOfDay = dayNumber('2026-10-01');
    const series = { ...constantSeries(2), startDay: asOfDay - 364 };
    const settings = priced(0.2);
    settings.leadTimes.defaultProductionDays = 0;
    settings.leadTimes.transitDaysByDestination.FBA = 30;
    // The same readings moved to end on asOfDay (days are the even entries).
    const readings = facts(() => 194).readings.map((v, i) => (i % 2 === 0 ? v - TODAY + asOfDay : v));
    const s = situation({ asOfDay, series, available: 194, fba: { marketplace: 'amazon.com', readings, shown: null } }, { settings, rate: 2, spread: 1 });
    const d = through(alerts, s);
    const arrival = d.reorder.day! + 30;
    expect(isoDate(arrival) >= '2026-10-01' && isoDate(arrival) <= '2026-12-31').toBe(true);
    expect(firstBaseRateDay(arrival, [10, 11, 12])).toBe(dayNumber('2027-01-01'));
    expect(d.fees!.action).toMatchObject({ kind: 'send-later', units: d.reorder.quantity, laterDate: '2026-12-02' });
    expect(d.fees!.action!.amountMinor).toBeGreaterThan(0);
    expect(d.alerts.find((a) => a.code === 'fba-q4-send-later')?.params).toMatchObject({ currency: 'USD', date: '2026-12-02' });
    expect(firstBaseRateDay(dayNumber('2026-05-20'), [10, 11, 12])).toBe(dayNumber('2026-05-20'));
  });

  it("compares Amazon's days-of-supply figure with the computed one, when read this week", () => {
    const shown = (days: number, day = TODAY) => through(alerts, situation({ available: 600, fba: { ...lean, shown: { day, days } } }, { settings: priced() }));
    expect(shown(40).alerts.find((a) => a.code === 'fba-supply-differs')?.params).toEqual({ shown: 40, computed: expect.any(Number) });
    const near = Math.round(shown(40).fees!.historicalSupply.short as number);
    expect(shown(near).alerts.some((a) => a.code === 'fba-supply-differs')).toBe(false);
    expect(shown(40, TODAY - 30).alerts.some((a) => a.code === 'fba-supply-differs')).toBe(false);
  });

  it('leaves pools that are not FBA, and unknown stock, without a fee block', () => {
    expect(through(fbaFees, situation({ available: 600 })).fees).toBeNull();
    expect(through(fbaFees, situation({ available: null, fba: lean })).fees).toBeNull();
    expect(through(fbaFees, situation({ available: 600, fba: { ...lean, marketplace: 'amazon.de' } })).fees).toBeNull();
  });
});

describe('fee-aware FBA plan, day arrays', () => {
  it('prices a plan the same whatever plan came before it (its scratch days are reused, never read stale)', () => {
    const lean600 = () => through(fbaFees, situation({ available: 600, fba: lean }, { settings: priced() }));
    const alone = lean600();
    // A plan with other numbers first, filling the scratch days with its own.
    through(fbaFees, situation({ available: 5000, fba: facts((i) => 4000 + i) }, { settings: priced(2) }));
    expect(lean600().fees).toEqual(alone.fees);
  });
});
