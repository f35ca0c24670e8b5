import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { safetyStockOf } from '../reorder';
import { excess } from './excess';
import type { Situation } from './situation';
import { constantSeries, seriesOf, situation, through, unknownStock } from './test-situation';

/** The safety stock a reorder placed today would top the position up to, on top of lead time + target cover. */
const safetyOf = (s: Situation) => safetyStockOf(s.meanCum, s.serviceCum, s.lead.days, s.policy.safetyFactor);

describe('excess decision', () => {
  it('is the stock beyond the lead time (70 d) plus the target cover (60 d) and the safety stock', () => {
    const sit = situation({ available: 500, series: constantSeries(2) }, { rate: 2 });
    const d = through(excess, sit);
    expect(d.keepDays).toBe(130);
    expect(safetyOf(sit)).toBeGreaterThan(20); // a ±20% forecast spread over 140 units of lead-time demand
    expect(d.excessUnits).toBe(Math.floor(500 - 260 - safetyOf(sit)));
    // Without forecast spread there is no safety stock: exactly the units beyond lead time + target cover.
    expect(through(excess, situation({ available: 500, series: constantSeries(2) }, { rate: 2, spread: 0 })).excessUnits).toBe(240);
  });

  it('never calls a freshly replenished position excess: the reorder point plus the order stays within it', () => {
    const sit = situation({ available: 100, series: constantSeries(2) }, { rate: 2 });
    // A reorder brings the position to lead-time demand + safety stock + target-cover demand.
    const toppedUp = 140 + safetyOf(sit) + 120;
    expect(through(excess, situation({ available: Math.floor(toppedUp), series: constantSeries(2) }, { rate: 2 })).excessUnits).toBe(0);
  });

  it('counts what is on its way', () => {
    const d = through(excess, situation({ available: 400, inbound: 100, series: constantSeries(2) }, { rate: 2, spread: 0 }));
    expect(d.excessUnits).toBe(240);
  });

  it('is nothing up to the keep window and one unit just past it', () => {
    expect(through(excess, situation({ available: 260, series: constantSeries(2) }, { rate: 2, spread: 0 })).excessUnits).toBe(0);
    expect(through(excess, situation({ available: 261, series: constantSeries(2) }, { rate: 2, spread: 0 })).excessUnits).toBe(1);
  });

  it('follows the seller’s lead time and target cover', () => {
    const s = defaultSettings();
    s.targetCoverDays = 30;
    s.leadTimes.transitDaysByDestination.FBA = 10; // 30 production + 10 transit
    const d = through(excess, situation({ available: 500, series: constantSeries(2) }, { rate: 2, spread: 0, settings: s }));
    expect(d.keepDays).toBe(70);
    expect(d.excessUnits).toBe(500 - 140);
  });

  it('keeps only the sell-off window once the product is exiting', () => {
    const d = through(excess, situation({ available: 500, ended: true, series: constantSeries(2) }, { rate: 2 }));
    expect(d.keepDays).toBe(defaultSettings().clearance.targetSellThroughDays);
    expect(d.excessUnits).toBe(500 - 120);
  });

  it('is never claimed for unknown stock', () => {
    const d = through(excess, situation(unknownStock({ series: constantSeries(2) }), { rate: 2 }));
    expect(d.excessUnits).toBe(0);
  });

  it('needs a known sales rate: a few known days are not enough, aged units the marketplace reports are', () => {
    const few = seriesOf([...Array.from({ length: 55 }, () => Number.NaN), 0, 0, 0, 0, 0]);
    expect(through(excess, situation({ available: 5000, series: few }, { rate: 0.1 })).excessUnits).toBe(0);
    const aged = [{ minDays: 181, maxDays: 270, units: 400 }];
    expect(through(excess, situation({ available: 5000, series: few, ageBuckets: aged }, { rate: 0.1, spread: 0 })).excessUnits).toBe(5000 - 13);
    // 14 known days and a cover: known.
    const fortnight = seriesOf([...Array.from({ length: 46 }, () => Number.NaN), ...Array.from({ length: 14 }, () => 1)]);
    expect(through(excess, situation({ available: 5000, series: fortnight }, { rate: 1, spread: 0 })).excessUnits).toBe(5000 - 130);
  });
});
