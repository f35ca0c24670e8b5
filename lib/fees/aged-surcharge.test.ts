import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { agedSurcharge, lotsAtSnapshot, lotsAtSnapshots, nextSnapshots, type DailySales, type Lot } from './index';
import { fbaOn } from './test-fees';

const SNAPSHOT = '2024-07-15';
const FBA = fbaOn(SNAPSHOT);
const OTHER = { unitCubicFeet: 1, category: null };

/** A lot received `age` days before the snapshot. */
const aged = (age: number, units = 1): Lot => ({ received: isoDate(dayNumber(SNAPSHOT) - age), units });

/** The surcharge in cents for `lots` at the snapshot. */
function cents(lots: Lot[], item: { unitCubicFeet: number; category: 'clothing' | null } = OTHER): number {
  const r = agedSurcharge(FBA, lots, SNAPSHOT, item);
  if (r === 'unknown') throw new Error('expected rates');
  return r.total.amountMinor;
}

describe('aged-inventory surcharge (fees.md tiers from 15 April 2023, per cubic foot per month)', () => {
  it('charges each published tier at its first and last day of age', () => {
    const table: [number, number][] = [
      [180, 0],
      [181, 50], // 181-210 days $0.50
      [210, 50],
      [211, 100], // 211-240 $1.00
      [241, 150], // 241-270 $1.50
      [270, 150],
      [271, 380], // 271-300 $3.80
      [301, 400], // 301-330 $4.00
      [331, 420], // 331-365 $4.20
      [365, 420],
      [366, 690], // over 365 days $6.90 per cubic foot ...
    ];
    expect(table.map(([age]) => [age, cents([aged(age)])])).toEqual(table);
  });

  it('over 365 days: the greater of $6.90 per cubic foot or $0.15 per unit', () => {
    expect(cents([aged(400, 10)], { unitCubicFeet: 0.01, category: null })).toBe(150); // 6.9 cents < 15 cents a unit
    expect(cents([aged(400, 10)], { unitCubicFeet: 0.5, category: null })).toBe(3450); // 345 cents a unit
  });

  it('clothing, shoes, bags, jewelry and watches are exempt from the 181-270 tiers only', () => {
    expect(cents([aged(200), aged(260)], { unitCubicFeet: 1, category: 'clothing' })).toBe(0);
    expect(cents([aged(280)], { unitCubicFeet: 1, category: 'clothing' })).toBe(380);
  });

  it('reports units and fee per tier, rounded once per tier', () => {
    const r = agedSurcharge(FBA, [aged(190, 3), aged(200, 4), aged(20, 50)], SNAPSHOT, { unitCubicFeet: 0.13, category: null });
    if (r === 'unknown') throw new Error('expected rates');
    expect(r.tiers[0]).toEqual({ minDays: 181, maxDays: 210, units: 7, fee: { amountMinor: Math.round(7 * 0.13 * 50), currency: 'USD' } });
    expect(r.tiers.slice(1).every((t) => t.units === 0)).toBe(true);
    expect(agedSurcharge({ ...FBA, agedSurcharge: 'unknown' }, [], SNAPSHOT, OTHER)).toBe('unknown');
  });
});

describe('units by age at a snapshot (first in, first out)', () => {
  it('sells the oldest units first and keeps the rest with their receipt day', () => {
    const lots = [
      { received: '2024-01-01', units: 5 },
      { received: '2024-02-01', units: 5 },
    ];
    expect(lotsAtSnapshot(lots, [{ date: '2024-03-01', units: 7 }], '2024-03-15')).toEqual({ lots: [{ received: '2024-02-01', units: 3 }], unmetUnits: 0 });
  });

  it('counts movements on the snapshot day, receipts before sales, and nothing after it', () => {
    const lots = [
      { received: '2024-01-01', units: 2 },
      { received: '2024-03-15', units: 4 },
      { received: '2024-03-16', units: 9 },
    ];
    const sales = [
      { date: '2024-03-15', units: 3 },
      { date: '2024-03-16', units: 3 },
    ];
    expect(lotsAtSnapshot(lots, sales, '2024-03-15')).toEqual({ lots: [{ received: '2024-03-15', units: 3 }], unmetUnits: 0 });
    expect(lotsAtSnapshot([], [{ date: '2024-03-01', units: 2 }], '2024-03-15')).toEqual({ lots: [], unmetUnits: 2 });
    expect(() => lotsAtSnapshot([{ received: '2024-03-01', units: 1.5 }], [], '2024-03-15')).toThrow(/count/);
  });

  it('projects a lot to the next snapshots, where it crosses 181 days (fees.md: "Project each lot\'s age to the next 15th")', () => {
    if (FBA.agedSurcharge === 'unknown') throw new Error('expected rates');
    const lot = [{ received: '2024-01-01', units: 100 }];
    const sales = Array.from({ length: 200 }, (_, i) => ({ date: isoDate(dayNumber('2024-06-01') + i), units: 1 }));
    const [june, july, august] = nextSnapshots(FBA.agedSurcharge, '2024-06-01', 3).map((snapshot) => {
      const r = agedSurcharge(FBA, lotsAtSnapshot(lot, sales, snapshot).lots, snapshot, OTHER);
      return r === 'unknown' ? NaN : r.total.amountMinor;
    });
    // 166, 196 then 227 days old, with 15, 45 then 76 units sold by each snapshot
    expect([june, july, august]).toEqual([0, (100 - 45) * 50, (100 - 76) * 100]);
  });

  it('snapshots fall on the 15th, on or after the day', () => {
    if (FBA.agedSurcharge === 'unknown') throw new Error('expected rates');
    expect(nextSnapshots(FBA.agedSurcharge, '2024-03-15', 2)).toEqual(['2024-03-15', '2024-04-15']);
    expect(nextSnapshots(FBA.agedSurcharge, '2024-03-16', 1)).toEqual(['2024-04-15']);
    expect(nextSnapshots(FBA.agedSurcharge, '2024-11-30', 3)).toEqual(['2024-12-15', '2025-01-15', '2025-02-15']);
  });

  it('property: selling faster never raises the surcharge, in total or in any tier', () => {
    const snapshot = dayNumber(SNAPSHOT);
    const lot = fc.record({ age: fc.integer({ min: -60, max: 500 }), units: fc.nat(50) });
    const sale = fc.record({ before: fc.integer({ min: -10, max: 500 }), units: fc.nat(30), extra: fc.nat(30) });
    fc.assert(
      fc.property(fc.array(lot, { maxLength: 12 }), fc.array(sale, { maxLength: 30 }), fc.double({ min: 0.001, max: 3, noNaN: true }), (ls, ss, cube) => {
        const lots = ls.map((l) => ({ received: isoDate(snapshot - l.age), units: l.units }));
        const run = (faster: boolean) => {
          const sales: DailySales[] = ss.map((s) => ({ date: isoDate(snapshot - s.before), units: s.units + (faster ? s.extra : 0) }));
          const r = agedSurcharge(FBA, lotsAtSnapshot(lots, sales, SNAPSHOT).lots, SNAPSHOT, { unitCubicFeet: cube, category: null });
          if (r === 'unknown') throw new Error('expected rates');
          return r;
        };
        const slow = run(false);
        const fast = run(true);
        expect(fast.total.amountMinor).toBeLessThanOrEqual(slow.total.amountMinor);
        fast.tiers.forEach((t, i) => expect(t.units).toBeLessThanOrEqual(slow.tiers[i]!.units));
      }),
    );
  });
});

describe('lots at several snapshots in one pass (a projection of consecutive days)', () => {
  it('property: the same lots and unmet units as lotsAtSnapshot at each snapshot', () => {
    const start = dayNumber('2024-03-01');
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: -400, max: 120 }), units: fc.integer({ min: 0, max: 30 }) }), { maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 100 }),
        fc.uniqueArray(fc.integer({ min: -5, max: 130 }), { maxLength: 4 }),
        (received, sold, ends) => {
          const lots = received.map((l) => ({ received: isoDate(start + l.at), units: l.units }));
          const snapshots = [...ends].sort((a, b) => a - b).map((d) => isoDate(start + d));
          const sales: DailySales[] = sold.map((units, i) => ({ date: isoDate(start + i), units }));
          const once = lotsAtSnapshots(lots, { firstDay: start, units: sold }, snapshots);
          expect(once).toEqual(snapshots.map((snapshot) => lotsAtSnapshot(lots, sales, snapshot)));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses snapshots out of date order', () => {
    expect(() => lotsAtSnapshots([], { firstDay: 0, units: [] }, ['2024-04-15', '2024-03-15'])).toThrow(/out of order/);
  });
});
