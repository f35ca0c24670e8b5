import { describe, expect, it } from 'vitest';
import { sellOutDemand } from '../cover';
import { cover } from './cover';
import { constantSeries, seriesOf, situation, through, TODAY, unknownStock } from './test-situation';

describe('cover decision', () => {
  it('dates the stockout on the median day the first customer finds none (the one after the last unit)', () => {
    const d = through(cover, situation({ available: 300 }, { rate: 10 }));
    expect(d.daysOfCover).toBeCloseTo(sellOutDemand(301) / 10, 6);
    expect(d.daysOfCover!).toBeGreaterThan(30);
    expect(d.stockoutDay).toBe(TODAY + 31);
  });

  it('gives no cover and no stockout date for unknown stock (never "0 days")', () => {
    const d = through(cover, situation(unknownStock(), { rate: 10 }));
    expect(d.daysOfCover).toBeNull();
    expect(d.stockoutDay).toBeNull();
  });

  it('says 0 days and today for known empty stock', () => {
    const d = through(cover, situation({ available: 0 }, { rate: 10 }));
    expect(d.daysOfCover).toBe(0);
    expect(d.stockoutDay).toBe(TODAY);
  });

  it('gives no date when nothing is expected to sell', () => {
    const d = through(cover, situation({ available: 50, series: constantSeries(0) }, { rate: 0 }));
    expect(d.daysOfCover).toBeNull();
    expect(d.stockoutDay).toBeNull();
  });

  it('continues at the last week’s rate beyond the forecast horizon', () => {
    const d = through(cover, situation({ available: 1000 }, { rate: 1, horizon: 200 }));
    expect(d.daysOfCover).toBeCloseTo(sellOutDemand(1001), 6);
    expect(d.stockoutDay).toBe(TODAY + Math.ceil(sellOutDemand(1001)));
  });

  it('counts from stock moved forward: known sales since an old reading are taken off, released returns added', () => {
    const stale = situation({ available: 300, stockDay: TODAY - 10, series: constantSeries(10) }, { rate: 10 });
    expect(stale.stock).toBe(200);
    expect(through(cover, stale).daysOfCover).toBeCloseTo(sellOutDemand(201) / 10, 6);
    // Unknown days since the reading are taken off at the forecast rate (4/day), known ones as they were.
    const values = Array.from({ length: 100 }, (_, i) => (i >= 97 ? Number.NaN : 10));
    expect(situation({ available: 300, stockDay: TODAY - 5, series: seriesOf(values) }, { rate: 4 }).stock).toBe(300 - 2 * 10 - 3 * 4);
    const returned = situation({ available: 300, releasedReturns: 50 }, { rate: 10 });
    expect(returned.stock).toBe(350);
    expect(through(cover, returned).daysOfCover).toBeCloseTo(sellOutDemand(351) / 10, 6);
  });
});
