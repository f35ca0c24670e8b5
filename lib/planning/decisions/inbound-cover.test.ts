import { describe, expect, it } from 'vitest';
import { projectInventory } from '../fees-projection';
import { coverUntilUnserved, inboundAsArrivals, inboundCover } from './inbound-cover';
import { situation, through, TODAY } from './test-situation';

/** A situation with `inbound` units that appeared so they arrive `inDays` days from today (10/day, no forecast spread). */
function withInbound(available: number, inbound: number, inDays: number) {
  const probe = situation({}, { spread: 0 });
  const appeared = TODAY + inDays - probe.lead.transitDays;
  return situation({ available, inbound, inboundAppeared: { from: appeared, to: appeared } }, { spread: 0 });
}

describe('inboundCover decision', () => {
  it('dates the arrival the destination transit days after the inbound appeared', () => {
    const d = through(inboundCover, withInbound(300, 400, 15));
    expect(d.inbound.arrivalDay).toBe(TODAY + 15);
  });

  it('adds inbound arriving before the stock runs out to it: the stockout moves by the inbound’s days of demand', () => {
    const d = through(inboundCover, withInbound(300, 400, 15));
    expect(d.stockoutDay).toBe(TODAY + 31); // 300 units at 10/day: the 301st customer's median day
    expect(d.inbound.daysOfCover).toBeCloseTo((701 - 1 / 3) / 10, 1);
    expect(d.inbound.stockoutDay).toBe(TODAY + 71);
    expect(coverUntilUnserved(d).stockoutDay).toBe(TODAY + 71);
  });

  it('when the shelf empties first, the inbound sells from its arrival: demand in the gap is lost, not served later', () => {
    const d = through(inboundCover, withInbound(100, 400, 20));
    expect(d.stockoutDay).toBe(TODAY + 11);
    // 400 units from day 20 at 10/day: out around day 20 + 40, not day (100 + 400) / 10 = 50.
    expect(d.inbound.stockoutDay).toBe(TODAY + 60);
    // Demand first goes unserved when the stock on hand runs out.
    expect(coverUntilUnserved(d).stockoutDay).toBe(TODAY + 11);
  });

  it('an arrival date the seller entered (or a Shipments page showed) wins over dating from when the inbound appeared', () => {
    const probe = withInbound(300, 400, 15);
    const d = through(inboundCover, situation({ ...probe.input, inboundArrivals: [{ day: TODAY + 40, units: 400 }] }, { spread: 0 }));
    expect(d.inbound.arrivalDay).toBe(TODAY + 40);
    // Later than the stockout on hand (day 31): the shelf is empty from then until day 40.
    expect(coverUntilUnserved(d).stockoutDay).toBe(TODAY + 31);
    // Even without knowing when the inbound appeared; a past date means late (tomorrow).
    const undated = through(
      inboundCover,
      situation({ available: 300, inbound: 400, inboundAppeared: null, inboundArrivals: [{ day: TODAY - 3, units: 400 }] }, { spread: 0 }),
    );
    expect(undated.inbound.arrivalDay).toBe(TODAY + 1);
  });

  it('late inbound (past its expected day) is expected tomorrow, never in the past', () => {
    const d = through(inboundCover, withInbound(300, 100, -5));
    expect(d.inbound.arrivalDay).toBe(TODAY + 1);
  });

  it('says nothing without inbound, without knowing when it appeared, or with unknown stock', () => {
    for (const fields of [
      { inbound: 0, inboundAppeared: { from: TODAY, to: TODAY } },
      { inbound: 50, inboundAppeared: null },
      { inbound: 50, inboundAppeared: { from: TODAY, to: TODAY }, available: null },
    ]) {
      const d = through(inboundCover, situation(fields, { spread: 0 }));
      expect(d.inbound).toEqual({ arrivalDay: null, daysOfCover: null, stockoutDay: null, arrivals: [] });
      expect(coverUntilUnserved(d)).toEqual({ daysOfCover: d.daysOfCover, stockoutDay: d.stockoutDay });
    }
  });

  it('stock that never runs out has an arrival but no stockout either way', () => {
    const d = through(inboundCover, situation({ available: 300, inbound: 50, inboundAppeared: { from: TODAY, to: TODAY } }, { rate: 0, spread: 0 }));
    expect(d.inbound.arrivalDay).not.toBeNull();
    expect(d.stockoutDay).toBeNull();
    expect(d.inbound.stockoutDay).toBeNull();
  });

  it('units split across two shipments each arrive on their own day: the projected stock rises twice', () => {
    // 100 on hand at 10/day; 100 units arrive in 5 days, 200 in 30 (two shipments of one SKU).
    const s = situation(
      {
        available: 100,
        inbound: 300,
        inboundAppeared: null,
        inboundArrivals: [
          { day: TODAY + 5, units: 100 },
          { day: TODAY + 30, units: 200 },
        ],
      },
      { spread: 0 },
    );
    const d = through(inboundCover, s);
    expect(d.inbound.arrivals).toEqual([
      { day: TODAY + 5, units: 100 },
      { day: TODAY + 30, units: 200 },
    ]);
    expect(d.inbound.arrivalDay).toBe(TODAY + 5);
    const onHand = projectInventory({ asOfDay: TODAY, onHand: 100, demand: s.forecast.mean, arrivals: inboundAsArrivals(s, d), days: 40 }).map(
      (p) => p.onHand ?? 0,
    );
    const rises = onHand.flatMap((units, i) => (i > 0 && units > onHand[i - 1]! ? [i + 1] : []));
    expect(rises).toEqual([5, 30]);
    // 200 units from today last about 20 days: the shelf is empty before the second shipment
    // comes, so demand first goes unserved then, not when all 400 would have sold (day ~40).
    expect(d.inbound.stockoutDay).toBe(TODAY + 21);
    expect(coverUntilUnserved(d).stockoutDay).toBe(TODAY + 21);
  });

  it('arrivals that come before the shelf empties add up: the stockout counts every one', () => {
    const d = through(
      inboundCover,
      situation(
        {
          available: 300,
          inbound: 300,
          inboundAppeared: null,
          inboundArrivals: [
            { day: TODAY + 5, units: 100 },
            { day: TODAY + 20, units: 200 },
          ],
        },
        { spread: 0 },
      ),
    );
    // 600 units at 10/day: the 601st customer's median day.
    expect(d.inbound.daysOfCover).toBeCloseTo((601 - 1 / 3) / 10, 1);
    expect(coverUntilUnserved(d).stockoutDay).toBe(TODAY + 61);
  });

  it('inbound beyond the dated arrivals is dated from when it appeared; a single undated inbound keeps its guessed day', () => {
    const probe = withInbound(300, 400, 15);
    const d = through(inboundCover, situation({ ...probe.input, inboundArrivals: [{ day: TODAY + 40, units: 100 }] }, { spread: 0 }));
    expect(d.inbound.arrivals).toEqual([
      { day: TODAY + 15, units: 300 },
      { day: TODAY + 40, units: 100 },
    ]);
    expect(inboundAsArrivals(probe, through(inboundCover, probe))).toEqual([{ day: TODAY + 15, units: 400 }]);
  });
});
