import { describe, expect, it } from 'vitest';
import { inboundArrivalDay, inboundSinceDay } from './inbound-arrival';

describe('inboundSinceDay', () => {
  it('dates new inbound half-way between the visit without it and the first visit with it', () => {
    expect(
      inboundSinceDay([
        { day: 10, inbound: 0 },
        { day: 17, inbound: 300 },
      ]),
    ).toBe(14);
  });

  it('keeps the date while the shipment is being received (inbound only goes down)', () => {
    expect(
      inboundSinceDay([
        { day: 3, inbound: 0 },
        { day: 10, inbound: 300 },
        { day: 17, inbound: 300 },
        { day: 24, inbound: 120 },
      ]),
    ).toBe(7);
  });

  it('starts a new date when a new shipment raises the inbound', () => {
    expect(
      inboundSinceDay([
        { day: 10, inbound: 100 },
        { day: 17, inbound: 400 },
      ]),
    ).toBe(14);
  });

  it('dates inbound seen on the first visit ever on that visit', () => {
    expect(inboundSinceDay([{ day: 30, inbound: 50 }])).toBe(30);
  });

  it('is null when the newest reading shows no inbound, or no reading shows inbound at all', () => {
    expect(
      inboundSinceDay([
        { day: 10, inbound: 300 },
        { day: 17, inbound: 0 },
      ]),
    ).toBeNull();
    expect(inboundSinceDay([{ day: 10, inbound: undefined }])).toBeNull();
    expect(inboundSinceDay([])).toBeNull();
  });

  it('skips readings that did not show inbound and reads them in day order', () => {
    expect(
      inboundSinceDay([
        { day: 17, inbound: 300 },
        { day: 12, inbound: undefined },
        { day: 10, inbound: 0 },
      ]),
    ).toBe(14);
  });
});

describe('inboundArrivalDay', () => {
  it('adds the transit days to the day the inbound appeared', () => {
    expect(inboundArrivalDay(14, 21, 20)).toBe(35);
  });

  it('expects late units tomorrow at the earliest, never in the past', () => {
    expect(inboundArrivalDay(14, 21, 40)).toBe(41);
    expect(inboundArrivalDay(14, 21, 35)).toBe(36);
  });
});
