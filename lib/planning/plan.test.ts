import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { parseObservationLines, parseNow, planJsonLines } from './cli';
import { listingAt, orderAt } from './fixtures';
import { defaultPoolId, planFromObservations } from './plan';
import fc from 'fast-check';
import type { Observation } from '../records';
import { dayNumber, isoDate } from './days';
import { skuPlanSchema } from './types';

const example = readFileSync(new URL('../../scripts/examples/observations.jsonl', import.meta.url), 'utf8');
const NOW = new Date('2026-03-01T12:00:00Z');

describe('planFromObservations on the example file', () => {
  const { observations, errors } = parseObservationLines(example);
  const plans = planFromObservations(observations, defaultSettings(), NOW);
  const byKey = new Map(plans.map((p) => [p.key, p]));

  it('parses cleanly and returns valid plans: one per listing, one per shared pool', () => {
    expect(errors).toEqual([]);
    for (const p of plans) expect(skuPlanSchema.safeParse(p).success).toBe(true);
    expect([...byKey.keys()].sort()).toEqual([
      'amazon|amazon.com|LAMP-2',
      'amazon|amazon.com|MUG-1',
      'amazon|amazon.de|SCARF-3',
      'ebay|ebay.com|LAMP-2',
      'pool:LAMP-2@own:main',
      'walmart|walmart.com|CASE-4',
      'walmart|walmart.com|LAMP-2',
    ]);
  });
  it('allocates the own-warehouse pool listed on three channels exactly; oversell needs a count, not an estimate', () => {
    const pool = byKey.get('pool:LAMP-2@own:main')!;
    expect(pool.listingKeys.length).toBe(3);
    expect(pool.stock).toEqual({ source: 'listed', heldReturns: 0, hint: 'count' });
    expect(pool.alerts.map((a) => a.code)).toContain('stock-estimated');
    // Estimated from the largest listed quantity: whether the channels share or each list it all is unknown.
    expect(pool.oversell.listedAbovePool).toBe(0);
    expect(Object.values(pool.oversell.allocation).reduce((a, b) => a + b, 0)).toBe(pool.available);
    const counted = planFromObservations(observations, defaultSettings(), NOW, { poolCounts: { 'LAMP-2@own:main': { onHand: 20, date: '2026-03-01' } } }).find(
      (p) => p.key === pool.key,
    )!;
    expect(counted.stock.source).toBe('count');
    expect(counted.oversell.listedAbovePool).toBeGreaterThan(0);
    expect(counted.alerts.map((a) => a.code)).toContain('oversell-pool');
  });
  it("shows the pool's one answer on every member: stock, cover and the reorder, plus its own channel line", () => {
    const pool = byKey.get('pool:LAMP-2@own:main')!;
    for (const key of pool.listingKeys) {
      const member = byKey.get(key)!;
      expect(member.poolKey).toBe(pool.key);
      expect(member.reorderQuantity).toBe(pool.reorderQuantity);
      expect(member.reorderDate).toBe(pool.reorderDate);
      expect(member.daysOfCover).toBe(pool.daysOfCover);
      expect(member.available).toBe(pool.available);
      expect(member.channel).toEqual({ listed: expect.any(Number), suggested: pool.oversell.allocation[key], buffer: 0 });
    }
    expect(pool.reorderQuantity).toBeGreaterThan(0);
    expect(byKey.get('amazon|amazon.com|MUG-1')!.poolKey).toBeUndefined();
  });
  it('sends the slow aged FBA SKU to clearance and the sold-out one to reorder', () => {
    const scarf = byKey.get('amazon|amazon.de|SCARF-3')!;
    expect(scarf.clearance).not.toBeNull();
    expect(scarf.healthReasons.map((r) => r.code)).toContain('overstock-90d');
    const sold = byKey.get('walmart|walmart.com|CASE-4')!;
    expect(sold.daysOfCover).toBe(0);
    expect(sold.healthReasons.map((r) => r.code)).toContain('out-of-stock');
    expect(sold.alerts.map((a) => a.code)).not.toContain('sales-off-forecast');
    expect(sold.reorderQuantity).toBeGreaterThan(0);
    // Stockout days are censored: its demand estimate comes from the in-stock weeks (about 3-4/day).
    expect(sold.forecast.meanDaily).toBeGreaterThan(2);
  });
  it('gives ABC classes to every plan', () => {
    for (const p of plans) expect(p.abcClass).not.toBeNull();
  });
});

describe('pools and time zones', () => {
  it('default pools follow fulfilment: FBA per region, WFS per marketplace, one own warehouse', () => {
    expect(defaultPoolId('amazon', 'amazon.de', 'FBA')).toBe('fba:EU');
    expect(defaultPoolId('amazon', 'amazon.co.uk', 'FBA')).toBe('fba:EU');
    expect(defaultPoolId('amazon', 'amazon.ca', 'FBA')).toBe('fba:NA');
    expect(defaultPoolId('walmart', 'walmart.com', 'WFS')).toBe('wfs:walmart.com');
    expect(defaultPoolId('ebay', 'ebay.de', undefined)).toBe('own:main');
    expect(defaultPoolId('amazon', 'amazon.com', 'SELLER')).toBe('own:main');
  });
  it('FBA EU marketplaces share one pool whose stock is counted once; explicit mapping wins', () => {
    const de = listingAt('2026-02-28', { marketplace: 'amazon.de', fulfillment: 'FBA', available: 80 });
    const fr = listingAt('2026-02-28', { marketplace: 'amazon.fr', fulfillment: 'FBA', available: 80 });
    const plans = planFromObservations([de, fr], defaultSettings(), NOW);
    const pool = plans.find((p) => p.scope === 'pool')!;
    expect(pool.key).toBe('pool:SKU-1@fba:EU');
    expect(pool.available).toBe(80);
    expect(pool.oversell.listedAbovePool).toBe(0);
    expect(plans.filter((p) => p.scope === 'listing').every((p) => p.poolKey === pool.key)).toBe(true);
    const split = planFromObservations([de, fr], defaultSettings(), NOW, { poolOf: { 'amazon|amazon.fr|SKU-1': 'fba:FR-only' } });
    expect(split.filter((p) => p.scope === 'pool')).toEqual([]);
  });
  it("uses each marketplace's own today", () => {
    const early = new Date('2026-03-01T05:00:00Z'); // still Feb 28 in Los Angeles, Mar 1 in Tokyo
    const plans = planFromObservations(
      [listingAt('2026-02-27', { available: 5 }), listingAt('2026-02-27', { marketplace: 'amazon.co.jp', available: 5 })],
      defaultSettings(),
      early,
    );
    expect(plans.find((p) => p.marketplace === 'amazon.com')!.asOf).toBe('2026-02-28');
    expect(plans.find((p) => p.marketplace === 'amazon.co.jp')!.asOf).toBe('2026-03-01');
  });
  it('pending orders count as demand and as pending units; cancelled do not', () => {
    const obs = [
      listingAt('2026-03-01', { available: 2, fulfillment: 'SELLER' }),
      orderAt('2026-02-28', 3, 'pending', { observedDate: '2026-03-01' }),
      orderAt('2026-03-01', 4, 'unshipped', { observedDate: '2026-03-01' }),
      orderAt('2026-03-01', 9, 'cancelled', { observedDate: '2026-03-01' }),
    ];
    const [plan] = planFromObservations(obs, defaultSettings(), NOW);
    expect(plan!.pendingUnits).toBe(7);
    expect(plan!.oversell.pendingAboveStock).toBe(5);
    expect(plan!.healthReasons.map((r) => r.code)).toContain('pending-above-stock');
  });
});

describe('CLI logic', () => {
  it('reports bad lines by number and still plans the good ones', () => {
    const good = JSON.stringify(listingAt('2026-02-20', { available: 10, unitsSold: [{ windowDays: 7, units: 7 }] }));
    const text = [good, '{not json', '', JSON.stringify({ kind: 'listing', sku: 'X' }), good].join('\n');
    const { errors, plans, output } = planJsonLines(text, defaultSettings(), NOW);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(errors[0]!.message).toMatch(/not JSON/);
    expect(errors[1]!.message).toMatch(/platform/);
    expect(plans.length).toBe(1);
    expect(output.trim().split('\n').length).toBe(1);
    expect(JSON.parse(output.trim()).key).toBe('amazon|amazon.com|SKU-1');
  });
  it('reports dates that do not exist', () => {
    const bad = JSON.stringify(listingAt('2023-02-29', { available: 1, observedAt: '2023-03-01T12:00:00Z' }));
    const { errors, observations } = parseObservationLines(bad);
    expect(observations).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: 'not an observation record: observedDate: not a real calendar date' }]);
  });
  it('refuses records that cannot be true, by line: 60 million on hand, an order from 1987, a reading from the future', () => {
    const text = [
      JSON.stringify(listingAt('2026-02-20', { available: 60_000_000 })),
      JSON.stringify(orderAt('1987-03-01', 2, 'shipped', { observedDate: '2026-02-20', observedAt: '2026-02-20T18:00:00Z' })),
      JSON.stringify(listingAt('2031-01-01', { available: 5 })),
      JSON.stringify(listingAt('2026-02-20', { available: 5 })),
    ].join('\n');
    const { errors, plans } = planJsonLines(text, defaultSettings(), NOW);
    expect(errors).toEqual([
      { line: 1, message: 'not a believable record: available: 60000000 units is more than 10000000' },
      { line: 2, message: 'not a believable record: orderDate: 1987-03-01 is before 1995-01-01' },
      { line: 3, message: `not a believable record: observedDate: 2031-01-01 is after today (${NOW.toISOString().slice(0, 10)})` },
    ]);
    expect(plans.map((p) => p.available)).toEqual([5]);
  });
  it('reads --now as noon UTC of that date', () => {
    expect(parseNow('2026-03-01')!.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(parseNow('yesterday')).toBeNull();
  });
});

describe('demand for the store', () => {
  it('demandByKey gives listing and pool series; seriesFromDemandDays reads them back and plans the same', async () => {
    const { demandByKey, seriesFromDemandDays } = await import('./plan');
    const { observations } = parseObservationLines(example);
    const s = defaultSettings();
    const demand = demandByKey(observations, s, NOW);
    expect(Object.keys(demand)).toContain('pool:LAMP-2@own:main');
    const mug = demand['amazon|amazon.com|MUG-1']!;
    expect(mug.at(-1)!.date).toBe('2026-03-01');
    expect(mug.some((d) => d.how === 'inferred')).toBe(true);
    const demandOf = Object.fromEntries(Object.entries(demand).map(([k, days]) => [k, seriesFromDemandDays(days)]));
    const fresh = planFromObservations(observations, s, NOW);
    const cached = planFromObservations(observations, s, NOW, { demandOf });
    expect(cached.map((p) => [p.key, p.daysOfCover, p.reorderQuantity])).toEqual(fresh.map((p) => [p.key, p.daysOfCover, p.reorderQuantity]));
  });
});

describe('robustness (property)', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((d) => isoDate(dayNumber('2025-11-01') + d));
  const place = fc.constantFrom(
    { platform: 'amazon' as const, marketplace: 'amazon.com', fulfillment: 'FBA' as const },
    { platform: 'amazon' as const, marketplace: 'amazon.de', fulfillment: 'FBA' as const },
    { platform: 'amazon' as const, marketplace: 'amazon.com', fulfillment: 'SELLER' as const },
    { platform: 'ebay' as const, marketplace: 'ebay.com', fulfillment: undefined },
    { platform: 'walmart' as const, marketplace: 'walmart.com', fulfillment: 'WFS' as const },
  );
  const sku = fc.constantFrom('A', 'B', 'C');
  const listing = fc
    .record({
      at: day,
      place,
      sku,
      available: fc.option(fc.nat(200), { nil: undefined }),
      inbound: fc.option(fc.nat(50), { nil: undefined }),
      sold: fc.option(fc.record({ windowDays: fc.constantFrom(7, 30, 90), units: fc.nat(300) }), { nil: undefined }),
      cumulative: fc.option(fc.nat(1000), { nil: undefined }),
      price: fc.option(fc.integer({ min: 1, max: 10000 }), { nil: undefined }),
    })
    .map((r): Observation =>
      listingAt(r.at, {
        ...r.place,
        sku: r.sku,
        ...(r.available !== undefined ? { available: r.available } : {}),
        ...(r.inbound !== undefined ? { inbound: r.inbound } : {}),
        ...(r.sold ? { unitsSold: [r.sold] } : {}),
        ...(r.cumulative !== undefined ? { cumulativeSold: r.cumulative } : {}),
        ...(r.price !== undefined ? { price: { amountMinor: r.price, currency: 'USD' } } : {}),
      }),
    );
  const order = fc
    .record({
      at: day,
      back: fc.nat(20),
      place,
      sku,
      q: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom('pending' as const, 'unshipped' as const, 'shipped' as const, 'cancelled' as const),
    })
    .map((r): Observation =>
      orderAt(isoDate(dayNumber(r.at) - r.back), r.q, r.status, {
        platform: r.place.platform,
        marketplace: r.place.marketplace,
        sku: r.sku,
        observedDate: r.at,
      }),
    );

  it('never throws, and every plan is valid with allocations summing to pool minus buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(listing, order), { maxLength: 40 }), (observations) => {
        const plans = planFromObservations(observations, defaultSettings(), NOW);
        for (const p of plans) {
          expect(skuPlanSchema.safeParse(p).success).toBe(true);
          const allocation = Object.values(p.oversell.allocation);
          if (p.scope === 'pool' && allocation.length > 0) expect(allocation.reduce((a, b) => a + b, 0)).toBe(p.available);
          const lost = p.healthReasons.reduce((a, r) => a + r.points, 0);
          if (p.healthScore !== null) expect(p.healthScore).toBe(Math.max(0, Math.round(100 - lost)));
          else expect(p.available === null || p.forecast.historyDays === 0 || p.alerts.some((a) => a.code === 'sales-unknown')).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('clearance needs a known sales rate', () => {
  const price = { amountMinor: 1999, currency: 'USD' };
  it('does not tell a listing seen once to liquidate', () => {
    const [plan] = planFromObservations([listingAt('2026-02-28', { available: 120, fulfillment: 'FBA', price })], defaultSettings(), NOW);
    expect(plan!.clearance).toBeNull();
  });

  it('suggests clearance once 30 known days show no sale', () => {
    const days = Array.from({ length: 40 }, (_, i) => isoDate(dayNumber('2026-01-20') + i));
    const readings = days.map((d) => listingAt(d, { available: 120, fulfillment: 'FBA', price }));
    const [plan] = planFromObservations(readings, defaultSettings(), NOW);
    expect(plan!.clearance).not.toBeNull();
    expect(plan!.clearance!.excessUnits).toBeGreaterThan(0);
  });

  it('suggests clearance for units the marketplace reports as aged, even on a first reading', () => {
    const aged = [
      { minDays: 0, maxDays: 90, units: 20 },
      { minDays: 271, maxDays: 365, units: 100 },
    ];
    const [plan] = planFromObservations([listingAt('2026-02-28', { available: 120, fulfillment: 'FBA', price, ageBuckets: aged })], defaultSettings(), NOW);
    expect(plan!.clearance).not.toBeNull();
  });
});

describe('one product on several channels', () => {
  // Two channels of one mug (Amazon sells 4/day, eBay a noisy 0-2), and a lone teapot on eBay.
  const days = Array.from({ length: 90 }, (_, i) => isoDate(dayNumber('2026-01-01') + i));
  const records: Observation[] = [];
  days.forEach((d, i) => {
    records.push(orderAt(d, 4, 'shipped', { sku: 'MUG' }));
    if (i % 3 !== 0) records.push(orderAt(d, i % 2 ? 2 : 1, 'shipped', { sku: 'MUG', platform: 'ebay', marketplace: 'ebay.com' }));
    if (i % 2) records.push(orderAt(d, 1, 'shipped', { sku: 'TEAPOT', platform: 'ebay', marketplace: 'ebay.com' }));
  });
  records.push(
    listingAt('2026-03-31', { sku: 'MUG', available: 200 }),
    listingAt('2026-03-31', { sku: 'MUG', platform: 'ebay', marketplace: 'ebay.com', available: 50 }),
  );
  records.push(listingAt('2026-03-31', { sku: 'TEAPOT', platform: 'ebay', marketplace: 'ebay.com', available: 30 }));
  const now = new Date('2026-04-01T12:00:00Z');
  const productOf = { 'amazon|amazon.com|MUG': 'p:mug', 'ebay|ebay.com|MUG': 'p:mug', 'ebay|ebay.com|TEAPOT': 'p:teapot' };
  const plan = (forecastContext: object) =>
    Object.fromEntries(planFromObservations(records, defaultSettings(), now, { productOf, forecastContext }).map((p) => [p.key, p.forecast.meanDaily]));

  it('pools the channels of a product when the context says so, and leaves a lone listing alone', () => {
    const alone = plan({});
    const pooled = plan({ groupWeight: 1, groupShareWindow: 28 });
    expect(pooled['ebay|ebay.com|TEAPOT']).toBe(alone['ebay|ebay.com|TEAPOT']);
    // Fully pooled, each channel is its share of the product's forecast: the steady channel keeps
    // its level, the noisy one moves to its share of the steadier total.
    expect(pooled['ebay|ebay.com|MUG']).not.toBe(alone['ebay|ebay.com|MUG']);
    expect(pooled['amazon|amazon.com|MUG']).toBeCloseTo(4, 1);
    const channels = pooled['amazon|amazon.com|MUG']! + pooled['ebay|ebay.com|MUG']!;
    expect(Math.abs(channels / pooled['pool:p:mug@own:main']! - 1)).toBeLessThan(0.05); // the product's own forecast, within model differences
    expect(plan({ groupWeight: 0, groupShareWindow: 28 })).toEqual(alone);
  });
});

describe('order-history imports cover listings absent from them', () => {
  it('a listing with no orders in an imported history gets a zero forecast with known sales, not "no sales yet"', () => {
    const now = new Date('2026-03-01T20:00:00Z');
    const observations: Observation[] = [
      listingAt('2026-03-01', { sku: 'QUIET-1', available: 40 }),
      orderAt('2026-01-10', 3, 'shipped', { sku: 'BUSY-1', observedDate: '2026-03-01' }),
    ];
    const without = planFromObservations(observations, defaultSettings(), now).find((p) => p.sku === 'QUIET-1')!;
    expect(without.daysOfCover).toBeNull();
    const spans = [{ platform: 'amazon', marketplace: 'amazon.com', from: '2025-12-01', to: '2026-02-28' }];
    const plan = planFromObservations(observations, defaultSettings(), now, { orderImportSpans: spans }).find((p) => p.sku === 'QUIET-1')!;
    expect(plan.forecast.meanDaily).toBeLessThan(0.05);
    expect(plan.alerts.map((a) => a.code)).not.toContain('sales-unknown');
  });
});

describe('expected arrivals of inbound units', () => {
  const now = new Date('2026-03-01T20:00:00Z');
  const reading = (date: string, inbound: number, available = 50) =>
    listingAt(date, { sku: 'BOX-1', available, inbound, fulfillment: 'FBA', unitsSold: [{ windowDays: 30, units: 90 }] });
  const key = 'amazon|amazon.com|BOX-1';

  it('a date given for the inbound dates its units; inbound beyond them (a new shipment) is dated from when it appeared', () => {
    const observations: Observation[] = [reading('2026-02-01', 0), reading('2026-03-01', 200)];
    const plan = (units: number) =>
      planFromObservations(observations, defaultSettings(), now, { inboundArrivals: { [key]: [{ date: '2026-03-20', units }] } }).find((p) => p.key === key)!;
    expect(plan(200).inboundArrivalDate).toBe('2026-03-20');
    expect(plan(200).inboundArrivals).toBeUndefined();
    // Given for 150 units: the other 50 now inbound are a shipment it does not speak for.
    const split = plan(150);
    expect(split.inboundArrivals).toHaveLength(2);
    expect(split.inboundArrivals!.find((a) => a.date === '2026-03-20')?.units).toBe(150);
    expect(split.inboundArrivals!.reduce((sum, a) => sum + a.units, 0)).toBe(200);
  });

  it('two shipments of 100 and 200 units on different days each arrive on their own day', () => {
    const observations: Observation[] = [reading('2026-02-01', 0), reading('2026-03-01', 300)];
    const shipments = [
      { date: '2026-03-06', units: 100, shipmentId: 'FBA17AAAA1' },
      { date: '2026-04-30', units: 200 },
    ];
    const plan = planFromObservations(observations, defaultSettings(), now, { inboundArrivals: { [key]: shipments } }).find((p) => p.key === key)!;
    expect(plan.inboundArrivalDate).toBe('2026-03-06');
    expect(plan.inboundArrivals).toEqual(shipments);
    // About 3 a day: the 150 units on hand and first come are sold by late April, before the 200
    // come; one date for all 300 would count them all from March 6 (out in June).
    const together = planFromObservations(observations, defaultSettings(), now, { inboundArrivals: { [key]: [{ date: '2026-03-06', units: 300 }] } }).find(
      (p) => p.key === key,
    )!;
    expect(plan.stockoutDateWithInbound! < together.stockoutDateWithInbound!).toBe(true);
  });

  it('units received since the shipments were read are not counted twice: the soonest arrival gives them up', () => {
    // The newest reading shows 250 inbound (50 of the first shipment received into stock).
    const observations: Observation[] = [reading('2026-02-01', 0), reading('2026-03-01', 250, 100)];
    const shipments = [
      { date: '2026-03-06', units: 100 },
      { date: '2026-03-31', units: 200 },
    ];
    const plan = planFromObservations(observations, defaultSettings(), now, { inboundArrivals: { [key]: shipments } }).find((p) => p.key === key)!;
    expect(plan.inboundArrivals).toEqual([
      { date: '2026-03-06', units: 50 },
      { date: '2026-03-31', units: 200 },
    ]);
  });
});
