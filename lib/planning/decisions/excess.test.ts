import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { excess } from './excess';
import { constantSeries, seriesOf, situation, through, unknownStock } from './test-situation';

describe('excess decision', () => {
  it('is the stock beyond the lead time (70 d) plus the target cover (60 d)', () => {
    const d = through(excess, situation({ available: 500, series: constantSeries(2) }, { rate: 2 }));
    expect(d.keepDays).toBe(130);
    expect(d.excessUnits).toBe(500 - 260);
  });

  it('counts what is on its way', () => {
    const d = through(excess, situation({ available: 400, inbound: 100, series: constantSeries(2) }, { rate: 2 }));
    expect(d.excessUnits).toBe(240);
  });

  it('is nothing up to the keep window and one unit just past it', () => {
    expect(through(excess, situation({ available: 260, series: constantSeries(2) }, { rate: 2 })).excessUnits).toBe(0);
    expect(through(excess, situation({ available: 261, series: constantSeries(2) }, { rate: 2 })).excessUnits).toBe(1);
  });

  it('follows the seller’s lead time and target cover', () => {
    const s = defaultSettings();
    s.targetCoverDays = 30;
    s.leadTimes.transitDaysByDestination.FBA = 10; // 30 production + 10 transit
    const d = through(excess, situation({ available: 500, series: constantSeries(2) }, { rate: 2, settings: s }));
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
    expect(through(excess, situation({ available: 5000, series: few, ageBuckets: aged }, { rate: 0.1 })).excessUnits).toBe(5000 - 13);
    // 14 known days and a cover: known.
    const fortnight = seriesOf([...Array.from({ length: 46 }, () => Number.NaN), ...Array.from({ length: 14 }, () => 1)]);
    expect(through(excess, situation({ available: 5000, series: fortnight }, { rate: 1 })).excessUnits).toBe(5000 - 130);
  });
});
