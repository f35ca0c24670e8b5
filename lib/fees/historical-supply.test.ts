import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from '../planning/days';
import { shippedOver } from './historical-supply';
import { dailySeries, supplyOver, type DailyInventory } from './index';

const LAST = dayNumber('2024-06-30');

/** `days` days ending on 2024-06-30, each from `f(i)` (i = 0 is the oldest). */
function history(days: number, f: (i: number) => { onHand: number | null; shipped: number | null }): DailyInventory[] {
  return Array.from({ length: days }, (_, i) => ({ date: isoDate(LAST - days + 1 + i), ...f(i) }));
}

describe('historical days of supply (fees.md: average daily on-hand units / average daily units shipped, over the window)', () => {
  it('steady stock and sales: 100 on hand, 5 shipped a day = 20 days on both windows', () => {
    const s = dailySeries(history(90, () => ({ onHand: 100, shipped: 5 })));
    expect(supplyOver(s, LAST, 30)).toEqual({ kind: 'days', days: 20 });
    expect(supplyOver(s, LAST, 90)).toEqual({ kind: 'days', days: 20 });
  });

  it('the two windows differ when the stock ran down lately: 30-day under 28, 90-day over', () => {
    // 60 days at 400 on hand, then 30 days at 50, shipping 10 a day throughout
    const s = dailySeries(history(90, (i) => ({ onHand: i < 60 ? 400 : 50, shipped: 10 })));
    expect(supplyOver(s, LAST, 30)).toEqual({ kind: 'days', days: 5 });
    expect(supplyOver(s, LAST, 90)).toEqual({ kind: 'days', days: (60 * 400 + 30 * 50) / 900 });
  });

  it('is a ratio of means, not a mean of daily ratios', () => {
    const s = dailySeries(history(2, (i) => (i === 0 ? { onHand: 10, shipped: 10 } : { onHand: 30, shipped: 1 })));
    expect(supplyOver(s, LAST, 2)).toEqual({ kind: 'days', days: 40 / 11 });
  });

  it('leaves unknown days out of both means, never reading them as zero', () => {
    // 10 of 30 days unknown: the figure comes from the 20 known days (zero-filled it would be 2/3 of it)
    const s = dailySeries(history(30, (i) => (i < 10 ? { onHand: null, shipped: null } : { onHand: 60, shipped: 3 })));
    expect(supplyOver(s, LAST, 30)).toEqual({ kind: 'days', days: 20 });
    // a day with only one of the two known is unknown too
    const half = dailySeries(history(30, (i) => ({ onHand: i % 2 ? null : 60, shipped: 3 })));
    expect(supplyOver(half, LAST, 30)).toEqual({ kind: 'days', days: 20 });
  });

  it('has no figure when fewer than half the window is known (days before the history are unknown)', () => {
    const s = dailySeries(history(15, () => ({ onHand: 60, shipped: 3 })));
    expect(supplyOver(s, LAST, 30)).toEqual({ kind: 'days', days: 20 }); // exactly half
    expect(supplyOver(s, LAST, 31)).toEqual({ kind: 'unknown' });
    expect(supplyOver(s, LAST, 90)).toEqual({ kind: 'unknown' });
    expect(supplyOver(dailySeries([]), LAST, 30)).toEqual({ kind: 'unknown' });
  });

  it('no unit shipped over the window is "no sales" (Amazon shows "–"), not a number', () => {
    const s = dailySeries(history(90, () => ({ onHand: 60, shipped: 0 })));
    expect(supplyOver(s, LAST, 90)).toEqual({ kind: 'no-sales' });
  });

  it('refuses a malformed history', () => {
    expect(() => dailySeries([{ date: '2024-02-30', onHand: 1, shipped: 1 }])).toThrow(/ISO date/);
    expect(() => dailySeries([{ date: '2024-02-03', onHand: 1.5, shipped: 1 }])).toThrow(/count/);
    expect(() => dailySeries([{ date: '2024-02-03', onHand: 1, shipped: -1 }])).toThrow(/count/);
    const day = { date: '2024-02-03', onHand: 1, shipped: 1 };
    expect(() => dailySeries([day, day])).toThrow(/twice/);
  });

  it('counts recent units shipped, and says when unknown days leave the count open', () => {
    const s = dailySeries(history(7, (i) => ({ onHand: 9, shipped: i === 0 ? null : 3 })));
    expect(shippedOver(s, LAST, 6, 20)).toBe(18);
    expect(shippedOver(s, LAST, 7, 20)).toBeNull(); // 18 known + 1 unknown day: maybe 20 or more
    expect(shippedOver(s, LAST, 7, 10)).toBe(18); // known days already reach 10
  });

  it('property: with every day known, equals mean on-hand / mean shipped over the window', () => {
    const day = fc.record({ onHand: fc.nat(500), shipped: fc.nat(40) });
    fc.assert(
      fc.property(fc.array(day, { minLength: 30, maxLength: 120 }), fc.integer({ min: 1, max: 30 }), (days, window) => {
        const h = history(days.length, (i) => days[i]!);
        const inWindow = days.slice(days.length - window);
        const meanOnHand = inWindow.reduce((n, d) => n + d.onHand, 0) / window;
        const meanShipped = inWindow.reduce((n, d) => n + d.shipped, 0) / window;
        const figure = supplyOver(dailySeries(h), LAST, window);
        if (meanShipped === 0) expect(figure).toEqual({ kind: 'no-sales' });
        else expect(figure.kind === 'days' && figure.days).toBeCloseTo(meanOnHand / meanShipped, 9);
      }),
    );
  });
});
