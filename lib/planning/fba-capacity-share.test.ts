import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { shareCapacity, withSharedFbaCapacity, type CapacityClaim } from './fba-capacity-share';
import { fbaPlan } from './test-capacity';

/** A claim of stock `key` on amazon.com: 1 cubic foot a unit, nothing held, no shipment, unless given. */
function claim(key: string, fields: Partial<CapacityClaim> = {}): CapacityClaim {
  return {
    key,
    marketplace: 'amazon.com',
    limitCubicFeet: 100,
    unitCubicFeet: 1,
    heldNowUnits: 0,
    heldUnits: 0,
    date: '2026-03-10',
    shipmentUnits: 0,
    stockoutDate: null,
    ...fields,
  };
}

function limited(limit: number) {
  const settings = defaultSettings();
  settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': limit };
  return settings;
}

describe('one FBA capacity limit shared by a marketplace', () => {
  it('gives the room to the earliest stockout first, and holds every later shipment once one is cut', () => {
    const shares = shareCapacity(100, [
      claim('late', { shipmentUnits: 10, unitCubicFeet: 0.1, stockoutDate: '2026-05-01' }),
      claim('soon', { shipmentUnits: 60, stockoutDate: '2026-03-20' }),
      claim('next', { shipmentUnits: 20, unitCubicFeet: 3, stockoutDate: '2026-04-01' }),
    ]);
    expect(shares.get('soon')).toEqual({ sendUnits: 60, holdUnits: 0 });
    // 40 cubic feet left take 13 of its units of 3 cubic feet.
    expect(shares.get('next')).toEqual({ sendUnits: 13, holdUnits: 7 });
    // The last cubic foot would take its 10 small units, but it runs out later than a stock held back.
    expect(shares.get('late')).toEqual({ sendUnits: 0, holdUnits: 10 });
  });

  it('counts what every stock of the marketplace holds, shipping or not, against the limit', () => {
    const shares = shareCapacity(100, [claim('idle', { heldNowUnits: 70 }), claim('ships', { heldUnits: 10, shipmentUnits: 50, stockoutDate: '2026-03-20' })]);
    expect(shares.get('ships')).toEqual({ sendUnits: 20, holdUnits: 30 });
    expect(shares.has('idle')).toBe(false);
  });

  it('shares each monthly window apart, counting what earlier windows sent', () => {
    const shares = shareCapacity(100, [
      claim('march', { shipmentUnits: 60, date: '2026-03-10', stockoutDate: '2026-03-20' }),
      claim('april', { shipmentUnits: 60, date: '2026-04-10', stockoutDate: '2026-03-25' }),
    ]);
    expect(shares.get('march')).toEqual({ sendUnits: 60, holdUnits: 0 });
    expect(shares.get('april')).toEqual({ sendUnits: 40, holdUnits: 20 });
  });

  it('sets the hold, its alert and the capped fee-aware send on the stock plan and its listings', () => {
    const poolKey = 'pool:B@fba:NA';
    const plans = [
      fbaPlan('A', 50, '2026-03-15'),
      fbaPlan('B', 50, '2026-04-15', {
        key: poolKey,
        scope: 'pool',
        alerts: [{ code: 'fba-floor-send', severity: 'warning', params: { units: 50, date: '2026-03-05', amountMinor: 900, currency: 'USD' } }],
        fees: {
          currency: 'USD',
          scheduleEffective: '2024-04-01',
          historicalSupply: { short: 20, long: 25, shown: null },
          floorDays: 35,
          windows: [],
          agedSnapshots: [],
          action: { kind: 'send', units: 50, date: '2026-03-05', amountMinor: 900, laterDate: null },
        },
      }),
      fbaPlan('B', 50, '2026-04-15', { key: 'amazon|amazon.ca|B', poolKey }),
    ];
    // 100 cubic feet: 20 + 20 held, A's 50 ship, B gets 10 of its 50.
    const out = withSharedFbaCapacity(plans, limited(100));
    expect(out[0]!.fbaCapacity).toBeUndefined();
    for (const b of out.slice(1)) {
      expect(b.fbaCapacity).toEqual({ limitCubicFeet: 100, sendUnits: 10, holdUnits: 40, date: '2026-03-02' });
      expect(b.alerts.find((a) => a.code === 'fba-capacity-hold')?.params).toEqual({ units: 10, held: 40, limit: 100, date: '2026-03-02' });
    }
    expect(out[1]!.fees?.action?.units).toBe(10);
    expect(out[1]!.alerts.find((a) => a.code === 'fba-floor-send')?.params.units).toBe(10);
    // A later re-run with room for all clears the hold and its alert.
    const roomy = withSharedFbaCapacity(out, limited(1000));
    expect(roomy.every((p) => p.fbaCapacity === undefined && !p.alerts.some((a) => a.code === 'fba-capacity-hold'))).toBe(true);
  });
});

describe('holding what capacity cuts in AWD, for a seller who uses it', () => {
  const hold = { volumeKnown: true, dailyUnits: 4, casePack: 10 };
  const claimed = (sku: string, units: number, stockoutDate: string, volumeKnown = true) =>
    fbaPlan(sku, units, stockoutDate, {
      fbaCapacityClaim: { ...fbaPlan(sku, 0, null).fbaCapacityClaim!, hold: { ...hold, volumeKnown } },
    });
  const withAwd = (enabled: boolean) => {
    const settings = limited(100);
    settings.fbaFees.awdByMarketplace = { 'amazon.com': { enabled, legDays: 20 } };
    return settings;
  };

  it('prices the shared answer’s held units in AWD, in the alert and the plan', () => {
    // A sends 50; B gets 10 and holds 40: 10 days at 4 a day, 40 to 4 units of 1 cu ft in March.
    const out = withSharedFbaCapacity([claimed('A', 50, '2026-03-15'), claimed('B', 50, '2026-04-15')], withAwd(true));
    const b = out[1]!;
    // 40+36+...+4 = 220 unit-days x 48¢ / 31; 4 boxes in, 4 out x 135¢; 40 cu ft x 115¢.
    const storage = Math.round((220 * 48) / 31);
    const handling = 8 * 135 + 40 * 115;
    expect(b.fbaCapacity?.awd).toEqual({
      kind: 'priced',
      legDays: 20,
      holdDays: 10,
      boxes: 4,
      unitsPerBox: 10,
      storageMinor: storage,
      handlingMinor: handling,
      amountMinor: storage + handling,
      currency: 'USD',
    });
    expect(b.alerts.filter((a) => a.code.startsWith('fba-capacity-hold'))).toEqual([
      {
        code: 'fba-capacity-hold-awd',
        severity: 'warning',
        params: {
          units: 10,
          held: 40,
          limit: 100,
          date: '2026-03-02',
          amountMinor: storage + handling,
          currency: 'USD',
          days: 10,
          boxes: 4,
          perBox: 10,
          legDays: 20,
        },
      },
    ]);
  });

  it('says what is missing when the SKU has no volume of its own, and names AWD without a price when it is off', () => {
    const unknown = withSharedFbaCapacity([claimed('A', 50, '2026-03-15'), claimed('B', 50, '2026-04-15', false)], withAwd(true))[1]!;
    expect(unknown.alerts.filter((a) => a.code.startsWith('fba-capacity-hold')).map((a) => a.code)).toEqual(['fba-capacity-hold-awd-volume-unknown']);
    const off = withSharedFbaCapacity([claimed('A', 50, '2026-03-15'), claimed('B', 50, '2026-04-15')], withAwd(false));
    expect(off[1]!.fbaCapacity?.awd).toBeUndefined();
    expect(off[1]!.alerts.filter((a) => a.code.startsWith('fba-capacity-hold')).map((a) => a.code)).toEqual(['fba-capacity-hold']);
    // Turning AWD on replaces the alert, and room for all clears it.
    const on = withSharedFbaCapacity(off, withAwd(true));
    expect(on[1]!.alerts.filter((a) => a.code.startsWith('fba-capacity-hold')).map((a) => a.code)).toEqual(['fba-capacity-hold-awd']);
    const roomy = withAwd(true);
    roomy.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 1000 };
    expect(withSharedFbaCapacity(on, roomy).some((p) => p.alerts.some((a) => a.code.startsWith('fba-capacity-hold')))).toBe(false);
  });
});

describe('one capacity limit per seller account and marketplace', () => {
  /** Account b's stock of `sku` on amazon.com (its listing key in b's namespace). */
  const ofB = (sku: string, units: number, stockoutDate: string) =>
    fbaPlan(sku, units, stockoutDate, { key: `amazon|amazon.com|${sku}|@amazon-b`, listingKeys: [`amazon|amazon.com|${sku}|@amazon-b`] });

  it('gives two accounts on one marketplace each their own room: neither holds for the other', () => {
    // Each account: 20 held + 50 to send = 70 cubic feet, within its own 100; together 140 would not fit one 100.
    const plans = [fbaPlan('A', 50, '2026-03-15'), ofB('A', 50, '2026-03-10')];
    const out = withSharedFbaCapacity(plans, limited(100));
    expect(out.map((p) => p.fbaCapacity)).toEqual([undefined, undefined]);
    expect(out.map((p) => p.fbaCapacityClaim?.limitCubicFeet)).toEqual([100, 100]);
  });

  it("shares each account's own limit among that account's stocks only", () => {
    const plans = [fbaPlan('A', 50, '2026-03-15'), ofB('A', 50, '2026-03-10'), ofB('C', 50, '2026-03-20')];
    // Account b's limit is 120: its two stocks hold 40, A of b (earlier stockout) sends 50, C gets the last 30.
    const limitOf = (account: string) => (account === 'amazon-b' ? 120 : 100);
    const out = withSharedFbaCapacity(plans, limited(100), limitOf);
    expect(out[0]!.fbaCapacity).toBeUndefined();
    expect(out[1]!.fbaCapacity).toBeUndefined();
    expect(out[2]!.fbaCapacity).toEqual({ limitCubicFeet: 120, sendUnits: 30, holdUnits: 20, date: '2026-03-02' });
    expect(out[2]!.fbaCapacityClaim?.limitCubicFeet).toBe(120);
    // An account without a limit of its own anywhere: its stocks claim nothing.
    const none = withSharedFbaCapacity(plans, limited(100), (account) => (account === 'amazon-b' ? undefined : 100));
    expect(none.map((p) => p.fbaCapacityClaim !== undefined)).toEqual([true, false, false]);
  });
});

describe('shared capacity (property)', () => {
  const claims = fc.array(
    fc.record({
      unitCubicFeet: fc.constantFrom(0.05, 0.1, 0.5, 1, 2.5),
      heldNowUnits: fc.integer({ min: 0, max: 300 }),
      heldShare: fc.double({ min: 0, max: 1, noNaN: true }),
      shipmentUnits: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
      window: fc.constantFrom('2026-03', '2026-04', '2026-05'),
      day: fc.integer({ min: 1, max: 28 }),
      stockoutIn: fc.option(fc.integer({ min: 0, max: 120 })),
    }),
    { maxLength: 12 },
  );

  it('never plans more at FBA in a window than the limit takes, and never holds a stock while one running out later ships', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), claims, (limit, drawn) => {
        const all = drawn.map((c, i) =>
          claim(`S${i}`, {
            unitCubicFeet: c.unitCubicFeet,
            heldNowUnits: c.heldNowUnits,
            // A stock sells down by its shipping day.
            heldUnits: Math.floor(c.heldNowUnits * c.heldShare),
            shipmentUnits: c.shipmentUnits,
            date: `${c.window}-${String(c.day).padStart(2, '0')}`,
            stockoutDate: c.stockoutIn === null ? null : new Date(Date.UTC(2026, 2, 2 + c.stockoutIn)).toISOString().slice(0, 10),
          }),
        );
        const shares = shareCapacity(limit, all);
        const sent = new Map<string, number>();
        for (const window of ['2026-03', '2026-04', '2026-05']) {
          const shipping = all.filter((c) => c.shipmentUnits > 0 && c.date.startsWith(window));
          const before = all.reduce((v, c) => v + c.unitCubicFeet * (shipping.includes(c) ? c.heldUnits : c.heldNowUnits + (sent.get(c.key) ?? 0)), 0);
          let after = before;
          for (const c of shipping) {
            const share = shares.get(c.key)!;
            expect(share.sendUnits + share.holdUnits).toBe(c.shipmentUnits);
            expect(Number.isInteger(share.sendUnits) && share.sendUnits >= 0).toBe(true);
            after += share.sendUnits * c.unitCubicFeet;
            sent.set(c.key, share.sendUnits);
          }
          // Within the limit, or nothing sent when the stocks alone are over it.
          if (before > limit) expect(after).toBe(before);
          else expect(after).toBeLessThanOrEqual(limit + 1e-6);
          const held = shipping.filter((c) => shares.get(c.key)!.holdUnits > 0);
          const ships = shipping.filter((c) => shares.get(c.key)!.sendUnits > 0);
          const later = (a: CapacityClaim, b: CapacityClaim) => (a.stockoutDate ?? '9999') > (b.stockoutDate ?? '9999');
          for (const h of held) for (const s of ships) expect(later(s, h), `${s.key} ships while ${h.key} is held`).toBe(false);
        }
      }),
      { numRuns: 300, seed: 20_261_203 },
    );
  });
});
