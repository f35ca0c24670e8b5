import { describe, expect, it } from 'vitest';
import { firstUnservedDate, inboundAppeared, inboundArrivalDay, inboundArrivesInTime, newUnitsBetween } from './inbound-arrival';

describe('inboundAppeared', () => {
  it('new inbound appeared after the visit without it, by the first visit with it', () => {
    expect(
      inboundAppeared([
        { day: 10, inbound: 0 },
        { day: 17, inbound: 300 },
      ]),
    ).toEqual({ from: 11, to: 17 });
  });

  it('keeps the window while the shipment is being received (inbound only goes down)', () => {
    expect(
      inboundAppeared([
        { day: 3, inbound: 0 },
        { day: 10, inbound: 300 },
        { day: 17, inbound: 300 },
        { day: 24, inbound: 120 },
      ]),
    ).toEqual({ from: 4, to: 10 });
  });

  it('starts a new window when a new shipment raises the inbound', () => {
    expect(
      inboundAppeared([
        { day: 10, inbound: 100 },
        { day: 17, inbound: 400 },
      ]),
    ).toEqual({ from: 11, to: 17 });
  });

  it('starts a new window when a shipment of the same size replaces one received between visits', () => {
    // Day 17: the first 300 were received (stock up by 300 - 70 sold) and 300 more were sent.
    expect(
      inboundAppeared([
        { day: 3, inbound: 0, available: 400, unitsSold: [{ windowDays: 7, units: 70 }] },
        { day: 10, inbound: 300, available: 330, unitsSold: [{ windowDays: 7, units: 70 }] },
        { day: 17, inbound: 300, available: 560, unitsSold: [{ windowDays: 7, units: 70 }] },
      ]),
    ).toEqual({ from: 11, to: 17 });
  });

  it('dates inbound seen on the first visit ever on that visit', () => {
    expect(inboundAppeared([{ day: 30, inbound: 50 }])).toEqual({ from: 30, to: 30 });
  });

  it('is null when the newest reading shows no inbound, or no reading shows inbound at all', () => {
    expect(
      inboundAppeared([
        { day: 10, inbound: 300 },
        { day: 17, inbound: 0 },
      ]),
    ).toBeNull();
    expect(inboundAppeared([{ day: 10, inbound: undefined }])).toBeNull();
    expect(inboundAppeared([])).toBeNull();
  });

  it('skips readings that did not show inbound and reads them in day order', () => {
    expect(
      inboundAppeared([
        { day: 17, inbound: 300 },
        { day: 12, inbound: undefined },
        { day: 10, inbound: 0 },
      ]),
    ).toEqual({ from: 11, to: 17 });
  });
});

describe('inboundArrivalDay', () => {
  const week = { from: 11, to: 17 };
  it('is the middle of the window moved by the transit days', () => {
    expect(inboundArrivalDay(week, 21, 20)).toBe(35);
    expect(inboundArrivalDay({ from: 30, to: 30 }, 21, 30)).toBe(51);
  });

  it('once part of the window has passed with the units still inbound, the middle of what is left', () => {
    expect(inboundArrivalDay(week, 21, 35)).toBe(37);
    expect(inboundArrivalDay(week, 21, 37)).toBe(38);
  });

  it('expects late units tomorrow at the earliest, never in the past', () => {
    expect(inboundArrivalDay(week, 21, 38)).toBe(39);
    expect(inboundArrivalDay(week, 21, 60)).toBe(61);
  });
});

describe('first unserved day', () => {
  it('counts the inbound when it arrives by the day the stock on hand runs out, for day numbers and ISO dates', () => {
    expect(inboundArrivesInTime(14, 10)).toBe(true);
    expect(inboundArrivesInTime(14, 14)).toBe(true);
    expect(inboundArrivesInTime(14, 15)).toBe(false);
    expect(inboundArrivesInTime(null, 10)).toBe(false);
    expect(inboundArrivesInTime(14, null)).toBe(false);
    const plan = { stockoutDate: '2026-12-14', inboundArrivalDate: '2026-12-10', stockoutDateWithInbound: '2027-01-20' };
    expect(firstUnservedDate(plan)).toBe('2027-01-20');
    expect(firstUnservedDate({ ...plan, inboundArrivalDate: '2026-12-20' })).toBe('2026-12-14');
    expect(firstUnservedDate({ ...plan, inboundArrivalDate: null, stockoutDateWithInbound: null })).toBe('2026-12-14');
    // Never runs out on hand: never unserved, whatever is inbound.
    expect(firstUnservedDate({ ...plan, stockoutDate: null })).toBeNull();
  });
});

describe('newUnitsBetween', () => {
  const sold = (units: number) => [{ windowDays: 7, units }];
  it('is false while a shipment is being received (inbound falls by what the stock gained)', () => {
    expect(newUnitsBetween({ day: 0, inbound: 300, available: 50 }, { day: 7, inbound: 200, available: 80, unitsSold: sold(70) })).toBe(false);
  });
  it('is true when more arrived than the inbound lost (a new shipment was sent)', () => {
    expect(newUnitsBetween({ day: 0, inbound: 300, available: 50 }, { day: 7, inbound: 300, available: 280, unitsSold: sold(70) })).toBe(true);
  });
  it('without sales of the gap, reads a stock rise with unchanged inbound as a new shipment', () => {
    expect(newUnitsBetween({ day: 0, inbound: 300, available: 50 }, { day: 14, inbound: 300, available: 280 })).toBe(true);
    expect(newUnitsBetween({ day: 0, inbound: 300, available: 50 }, { day: 14, inbound: 300, available: 20 })).toBe(false);
  });
  it('is false when stock was not shown', () => {
    expect(newUnitsBetween({ day: 0, inbound: 300 }, { day: 7, inbound: 300, available: 280 })).toBe(false);
  });
});
