import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, isoDate } from '../planning/days';
import { airSeaSplit, extraFreightOf, type SplitInput } from './index';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const base: SplitInput = { quantity: 600, casePack: 24, arrivalBySea: '2026-05-11', arrivalByAir: '2026-04-11', stockoutDate: '2026-04-20', meanDaily: 10 };

describe('airSeaSplit', () => {
  it('sends by air the demand from the air to the sea arrival, in whole cases', () => {
    expect(airSeaSplit(base)).toEqual({ mode: 'split', airUnits: 312, seaUnits: 288, closesGap: true, extraFreight: null });
  });
  it('keeps everything on sea when sea arrives by the stockout (the stockout day included)', () => {
    expect(airSeaSplit({ ...base, stockoutDate: '2026-05-11' })).toMatchObject({ mode: 'sea', airUnits: 0, seaUnits: 600, closesGap: true });
    expect(airSeaSplit({ ...base, stockoutDate: null }).mode).toBe('sea');
  });
  it('sends all by air when the bridge needs every unit', () => {
    expect(airSeaSplit({ ...base, meanDaily: 30 })).toMatchObject({ mode: 'air', airUnits: 600, seaUnits: 0, closesGap: true });
  });
  it('says when even air arrives too late, and when air is no faster', () => {
    expect(airSeaSplit({ ...base, stockoutDate: '2026-04-01' })).toMatchObject({ mode: 'split', airUnits: 312, closesGap: false });
    expect(airSeaSplit({ ...base, arrivalByAir: '2026-05-11' })).toMatchObject({ mode: 'sea', airUnits: 0, closesGap: false });
  });
  it('prices the air units at the difference in freight', () => {
    expect(airSeaSplit(base, { airPerUnit: usd(450), seaPerUnit: usd(80) }).extraFreight).toEqual(usd(312 * 370));
    expect(airSeaSplit({ ...base, stockoutDate: null }, { airPerUnit: usd(450), seaPerUnit: usd(80) }).extraFreight).toEqual(usd(0));
    expect(extraFreightOf(100, { airPerUnit: usd(450), seaPerUnit: { amountMinor: 80, currency: 'EUR' } })).toBeNull();
  });

  it('never leaves a projected stockout that all-air would avoid (daily simulation at the mean rate)', () => {
    const day0 = dayNumber('2026-03-02');
    fc.assert(
      fc.property(
        fc.record({
          stock: fc.nat(2000),
          meanDaily: fc.double({ min: 0, max: 50, noNaN: true }),
          casePack: fc.integer({ min: 1, max: 48 }),
          cases: fc.integer({ min: 1, max: 100 }),
          production: fc.nat(40),
          air: fc.integer({ min: 1, max: 20 }),
          slower: fc.nat(60),
        }),
        ({ stock, meanDaily, casePack, cases, production, air, slower }) => {
          // Air is never slower than sea (else all-air is no alternative: sea alone is faster).
          const sea = air + slower;
          const quantity = casePack * cases;
          const horizon = production + sea + 400;
          // The day demand first goes unserved from the stock on hand alone.
          let out: number | null = null;
          for (let t = 0; t < horizon && out === null; t++) if (meanDaily * (t + 1) > stock + 1e-9) out = t;
          const line: SplitInput = {
            quantity,
            casePack,
            arrivalByAir: isoDate(day0 + production + air),
            arrivalBySea: isoDate(day0 + production + sea),
            stockoutDate: out === null ? null : isoDate(day0 + out),
            meanDaily,
          };
          const split = airSeaSplit(line);
          expect(split.airUnits + split.seaUnits).toBe(quantity);
          expect(split.airUnits % casePack).toBe(0);
          const unserved = (arrivals: Map<number, number>) => {
            const days: boolean[] = [];
            let onHand = stock;
            for (let t = 0; t < horizon; t++) {
              onHand += arrivals.get(t) ?? 0;
              days.push(onHand + 1e-9 < meanDaily);
              onHand = Math.max(0, onHand - meanDaily);
            }
            return days;
          };
          const allAir = unserved(new Map([[production + air, quantity]]));
          const arrivals = new Map<number, number>();
          for (const [t, units] of [
            [production + air, split.airUnits],
            [production + sea, split.seaUnits],
          ] as const)
            arrivals.set(t, (arrivals.get(t) ?? 0) + units);
          const proposed = unserved(arrivals);
          for (let t = 0; t < horizon; t++) if (!allAir[t]) expect(proposed[t], `day ${t}`).toBe(false);
        },
      ),
    );
  });
});
