import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { isoDate } from '../days';
import { emptyDraft } from './index';
import { MAX_REORDER_AHEAD_DAYS, reorder } from './reorder';
import { constantSeries, seriesOf, situation, through, TODAY, unknownStock } from './test-situation';

/** 281 days at 10/day then 28 at 3/day: the last 28 days against the 56 before = 0.3, a decline. */
const declining = seriesOf([...Array.from({ length: 281 }, () => 10), ...Array.from({ length: 28 }, () => 3)]);
/** 56 days at 4/day then 28 at 10/day: growth. */
const growing = seriesOf([...Array.from({ length: 200 }, () => 4), ...Array.from({ length: 28 }, () => 10)]);

describe('reorder decision', () => {
  it('keeps the real past due date of an overdue reorder and how many days late it is', () => {
    // 100 units at 10/day, 70-day lead time, no forecast spread: the point (700) was reached 60 days ago.
    const s = situation({ available: 100 }, { rate: 10, spread: 0 });
    expect(s.lead.days).toBe(70);
    const d = through(reorder, s);
    expect(d.reorder.point).toBeCloseTo(700, 6);
    expect(d.reorder.day).toBe(TODAY - 60);
    expect(isoDate(d.reorder.day!)).toBe('2025-12-31');
    expect(d.reorder.daysLate).toBe(60);
    // The target cover after arrival (60 d) plus the shortfall below the point (600).
    expect(d.reorder.quantity).toBe(1200);
  });

  it('dates a future reorder on the day the position reaches the point, not late', () => {
    const d = through(reorder, situation({ available: 1000 }, { rate: 10, spread: 0 }));
    expect(d.reorder.day).toBe(TODAY + 30);
    expect(d.reorder.daysLate).toBe(0);
    expect(d.reorder.quantity).toBe(600);
  });

  it('counts inbound units in the position', () => {
    const d = through(reorder, situation({ available: 100, inbound: 300 }, { rate: 10, spread: 0 }));
    expect(d.reorder.daysLate).toBe(30);
    expect(d.reorder.quantity).toBe(600 + 300);
  });

  it('sets the safety stock from the forecast spread, ×1.25 in growth', () => {
    const d = through(reorder, situation({ available: 1000 }, { rate: 10, spread: 0.2 }));
    // quantile 0.95 of a ±20% spread = +18%: 700 × 1.18.
    expect(d.reorder.safetyStock).toBeCloseTo(126, 6);
    expect(d.reorder.point).toBeCloseTo(826, 6);
    const g = situation({ available: 1000, series: growing }, { rate: 10, spread: 0.2 });
    expect(g.stage).toBe('growth');
    expect(through(reorder, g).reorder.safetyStock).toBeCloseTo(126 * 1.25, 6);
  });

  it('protect mode: no reorder while the pool holds excess, though the position would reach the point', () => {
    const s = situation({ available: 2000 }, { rate: 10, spread: 0 });
    const d = through(reorder, s);
    expect(d.excessUnits).toBe(700);
    expect(d.reorder.day).toBeNull();
    expect(d.reorder.quantity).toBe(0);
    // The same stock without the excess decision would reorder in 130 days: the excess is what stops it.
    const alone = emptyDraft();
    reorder(s, alone);
    expect(alone.reorder.day).toBe(TODAY + 130);
  });

  it('never reorders with unknown stock', () => {
    const d = through(reorder, situation(unknownStock(), { rate: 10 }));
    expect(d.reorder).toEqual(emptyDraft().reorder);
  });

  it('never reorders in decline or exit, even when the stock would be overdue', () => {
    const decline = situation({ available: 50, series: declining }, { rate: 10 });
    expect(decline.stage).toBe('decline');
    expect(through(reorder, decline).reorder.day).toBeNull();
    const exit = situation({ available: 50, ended: true }, { rate: 10 });
    expect(exit.stage).toBe('exit');
    expect(through(reorder, exit).reorder.day).toBeNull();
  });

  it('shows no date more than a year ahead', () => {
    const s = defaultSettings();
    s.targetCoverDays = 400; // keep 470 days, so these stocks are not excess
    const near = through(reorder, situation({ available: 4000 }, { rate: 10, spread: 0, settings: s }));
    expect(near.excessUnits).toBe(0);
    expect(near.reorder.day).toBe(TODAY + 330);
    // 3900 units above the point at 10/day: 390 days ahead, past the cap.
    expect(MAX_REORDER_AHEAD_DAYS).toBeLessThan(390);
    const far = through(reorder, situation({ available: 4600 }, { rate: 10, spread: 0, settings: s }));
    expect(far.excessUnits).toBe(0);
    expect(far.reorder.day).toBeNull();
  });

  it('caps a launch order at the launch cover', () => {
    const d = through(reorder, situation({ available: 100, startDay: TODAY - 10, series: constantSeries(10, 10) }, { rate: 10, spread: 0 }));
    // 30 days of cover after arrival + the 600 shortfall (not 60 days).
    expect(d.reorder.quantity).toBe(300 + 600);
  });

  it('rounds to the MOQ and whole cases', () => {
    const s = defaultSettings();
    s.defaultCasePack = 7;
    expect(through(reorder, situation({ available: 100 }, { rate: 10, spread: 0, settings: s })).reorder.quantity).toBe(1204);
    s.defaultMoq = 2000;
    expect(through(reorder, situation({ available: 100 }, { rate: 10, spread: 0, settings: s })).reorder.quantity).toBe(2002);
  });
});
