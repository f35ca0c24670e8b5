/** The row panel's data from a cached plan, as the messages carry it to the page. */
import { describe, expect, it } from 'vitest';
import { protocol } from '../messaging/protocol';
import { skuPlan } from '../store/test-helpers';
import { panelFromPlan } from './panels';

const KEY = 'amazon|amazon.com|MUG-1';

describe('panelFromPlan', () => {
  it("carries each inbound arrival with its shipment through the panel messages' validation", () => {
    const inboundArrivals = [
      { date: '2026-12-14', units: 100, shipmentId: 'FBA17AAAA1' },
      { date: '2026-12-28', units: 200 },
    ];
    const plan = skuPlan(KEY, { inbound: 300, inboundArrivalDate: '2026-12-14', inboundArrivals });
    const panel = panelFromPlan(plan, { key: KEY, sku: 'MUG-1' });
    expect(panel.inboundArrivals).toEqual(inboundArrivals);
    // The response schema keeps the shipment id (an unknown field would be stripped on the way).
    expect(protocol['panels/stored'].response.parse({ panels: [panel] }).panels[0]!.inboundArrivals).toEqual(inboundArrivals);
    // One arrival or none: no list, the first date alone.
    expect(panelFromPlan(skuPlan(KEY, { inbound: 300, inboundArrivalDate: '2026-12-14' }), { key: KEY, sku: 'MUG-1' })).not.toHaveProperty('inboundArrivals');
  });

  it("carries the pool's reserved units through validation, and none when the plan knows none", () => {
    const base = skuPlan(KEY, {});
    const panel = panelFromPlan({ ...base, stock: { ...base.stock, reserved: 12 } }, { key: KEY, sku: 'MUG-1' });
    expect(protocol['panels/stored'].response.parse({ panels: [panel] }).panels[0]!.reserved).toBe(12);
    expect(panelFromPlan(base, { key: KEY, sku: 'MUG-1' })).not.toHaveProperty('reserved');
  });

  it('words the clearance once: a markdown as its percent, the ladder\'s 100% step as liquidation (never "-100%"), no step as holding', () => {
    const step = (discountPct: number) => ({ discountPct, priceMinor: null, expectedSellThroughDays: 14 });
    const clearance = {
      excessUnits: 272,
      steps: [step(10), step(100)],
      recommendedStep: 1,
      exit: false,
      holdingCostMinor: 0,
      remainingMarginMinor: 0,
      currency: 'USD',
    };
    const actionOf = (c: typeof clearance) => panelFromPlan(skuPlan(KEY, { clearance: c }), { key: KEY, sku: 'MUG-1' }).clearance?.action;
    expect(actionOf(clearance)).toBe('exit');
    expect(actionOf({ ...clearance, recommendedStep: 0 })).toBe('-10%');
    expect(actionOf({ ...clearance, exit: true, recommendedStep: 0 })).toBe('exit');
    expect(actionOf({ ...clearance, steps: [step(0)], recommendedStep: 0 })).toBe('hold');
  });
});
