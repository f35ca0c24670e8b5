import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { dayNumber, isoDate } from '../days';
import { listingAt, orderAt } from '../fixtures';
import { planFromObservations } from '../plan';
import type { FbaFacts } from '../fees-facts';
import { alerts } from './alerts';
import { capacityFit, fbaCapacity } from './fba-capacity';
import { situation, through, TODAY } from './test-situation';

const FBA: FbaFacts = { marketplace: 'amazon.com', readings: new Int32Array(), shown: null };

/** Settings with a capacity limit for amazon.com and the SKU's unit volume. */
function limited(limitCubicFeet: number | undefined, unitCubicFeet = 0.5) {
  const settings = defaultSettings();
  settings.storageFees.unitCubicFeetBySku['SKU-1'] = unitCubicFeet;
  if (limitCubicFeet !== undefined) settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': limitCubicFeet };
  return settings;
}

describe('capacityFit', () => {
  it('sends what fits beside the units held and holds the rest', () => {
    expect(capacityFit({ limitCubicFeet: 100, unitCubicFeet: 0.5, heldUnits: 150, shipmentUnits: 80 })).toEqual({ sendUnits: 50, holdUnits: 30 });
    expect(capacityFit({ limitCubicFeet: 100, unitCubicFeet: 0.1, heldUnits: 0, shipmentUnits: 1000 })).toEqual({ sendUnits: 1000, holdUnits: 0 });
    // Already over the limit: nothing can be sent.
    expect(capacityFit({ limitCubicFeet: 10, unitCubicFeet: 1, heldUnits: 12, shipmentUnits: 5 })).toEqual({ sendUnits: 0, holdUnits: 5 });
  });
});

describe('FBA capacity limit', () => {
  // 30 units selling 10 a day: the reorder is due now and the stock is gone by the time it ships.
  const lean = { available: 30, fba: FBA };

  it('caps the planned shipment at the limit and says to hold the rest in the own warehouse or AWD', () => {
    const free = through(fbaCapacity, situation(lean, { settings: limited(undefined) }));
    expect(free.reorder.quantity).toBeGreaterThan(300);
    expect(free.capacity).toBeNull();

    const s = situation(lean, { settings: limited(100) }); // 100 cu ft / 0.5 = 200 units
    const d = through(alerts, s);
    expect(d.reorder.quantity).toBe(free.reorder.quantity); // the purchase stays: the demand is real
    const sendDay = Math.max(TODAY, d.reorder.day!) + s.lead.days - s.lead.transitDays;
    expect(d.capacity).toEqual({ limitCubicFeet: 100, sendUnits: 200, holdUnits: d.reorder.quantity - 200, date: isoDate(sendDay) });
    expect(d.alerts.find((a) => a.code === 'fba-capacity-hold')).toEqual({
      code: 'fba-capacity-hold',
      severity: 'warning',
      params: { units: 200, held: d.reorder.quantity - 200, limit: 100, date: isoDate(sendDay) },
    });
  });

  it('prices holding the rest in AWD where the seller uses it, from the SKU’s volume, sales and case pack', () => {
    const settings = limited(100);
    settings.fbaFees.awdByMarketplace = { 'amazon.com': { enabled: true, legDays: 25 } };
    const s = situation(lean, { settings });
    const d = through(alerts, s);
    expect(d.capacityClaim?.hold).toEqual({ volumeKnown: true, dailyUnits: s.meanDaily, casePack: s.lead.casePack });
    expect(d.capacity?.awd).toMatchObject({ kind: 'priced', legDays: 25, currency: 'USD' });
    const alert = d.alerts.find((a) => a.code.startsWith('fba-capacity-hold'));
    expect(alert?.code).toBe('fba-capacity-hold-awd');
    expect(alert?.params).toMatchObject({ units: 200, held: d.capacity!.holdUnits, legDays: 25, currency: 'USD' });
    expect(Number(alert?.params.amountMinor)).toBeGreaterThan(0);
    // Without a volume for the SKU, capacity counts by the seller's default volume but AWD is not priced.
    const noVolume = { ...settings, storageFees: { ...settings.storageFees, unitCubicFeetBySku: {} } };
    const unknown = through(alerts, situation(lean, { settings: noVolume }));
    expect(unknown.capacity?.awd).toEqual({ kind: 'volume-unknown', legDays: 25 });
    expect(unknown.alerts.map((a) => a.code)).toContain('fba-capacity-hold-awd-volume-unknown');
  });

  it('counts the units inbound against the limit, and applies only to the marketplace it was entered for', () => {
    const withInbound = through(fbaCapacity, situation({ ...lean, inbound: 100 }, { settings: limited(100) }));
    expect(withInbound.capacity?.sendUnits).toBe(100);
    const elsewhere = through(fbaCapacity, situation({ ...lean, fba: { ...FBA, marketplace: 'amazon.de' } }, { settings: limited(100) }));
    expect(elsewhere.capacity).toBeNull();
  });

  it('says nothing when the shipment fits, or for a pool that is not FBA', () => {
    expect(through(fbaCapacity, situation(lean, { settings: limited(10_000) })).capacity).toBeNull();
    expect(through(fbaCapacity, situation({ available: 30 }, { settings: limited(100) })).capacity).toBeNull();
  });
});

describe('FBA capacity shared by the products of a marketplace', () => {
  it('records what the pool holds against the limit, today and on its shipping day', () => {
    const s = situation({ available: 30, inbound: 20, fba: FBA }, { settings: limited(100) });
    const d = through(fbaCapacity, s);
    const sendDay = Math.max(TODAY, d.reorder.day!) + s.lead.days - s.lead.transitDays;
    expect(d.capacityClaim).toMatchObject({ marketplace: 'amazon.com', unitCubicFeet: 0.5, heldNowUnits: 50, date: isoDate(sendDay) });
    expect(through(fbaCapacity, situation({ available: 30, fba: FBA }, { settings: limited(undefined) })).capacityClaim).toBeNull();
  });

  it('plans two lean products that each fit alone but not together: the one running out first ships whole', () => {
    const days = Array.from({ length: 60 }, (_, i) => isoDate(dayNumber('2026-01-01') + i));
    const product = (sku: string, available: number, perDay: number) => [
      listingAt('2026-03-01', { sku, fulfillment: 'FBA', available }),
      ...days.map((d) => orderAt(d, perDay, 'shipped', { sku })),
    ];
    const observations = [...product('FAST', 20, 10), ...product('SLOW', 60, 5)];
    const settings = defaultSettings();
    settings.storageFees.unitCubicFeetBySku = { FAST: 0.1, SLOW: 0.1 };
    const free = planFromObservations(observations, settings, new Date('2026-03-01T12:00:00Z'));
    const wanted = free.map((p) => p.reorderQuantity);
    expect(wanted.every((q) => q > 0)).toBe(true);
    // Room for the faster product's whole shipment and a little more: each alone would fit.
    const fast = free.find((p) => p.sku === 'FAST')!;
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': Math.ceil((fast.reorderQuantity + 60) * 0.1) + 1 };
    const plans = planFromObservations(observations, settings, new Date('2026-03-01T12:00:00Z'));
    expect(plans.find((p) => p.sku === 'FAST')!.fbaCapacity).toBeUndefined();
    const alone = planFromObservations(product('SLOW', 60, 5), settings, new Date('2026-03-01T12:00:00Z'));
    expect(alone[0]!.fbaCapacity).toBeUndefined();
    const slow = plans.find((p) => p.sku === 'SLOW')!;
    expect(slow.fbaCapacity?.holdUnits).toBeGreaterThan(0);
    expect(slow.alerts.some((a) => a.code === 'fba-capacity-hold')).toBe(true);
  });
});
