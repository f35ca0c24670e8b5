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
});
