/**
 * Properties of whole-catalogue plans over generated catalogues: several products, each sold on
 * some of amazon.com (FBM and FBA), amazon.de/.fr (FBA, one EU pool), walmart.com (seller-
 * fulfilled and WFS) and ebay.com, with random readings (some without stock), windowed sales,
 * orders, seller counts, returns, safety buffers and allocation weights.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Observation } from '../records';
import { defaultSettings, type SafetyBuffer, type Settings } from '../settings/schema';
import { bufferUnits } from './allocation';
import { ALERT_CATALOGUE, REASON_CATALOGUE } from './catalogue';
import { dayNumber, isoDate } from './days';
import { listingAt, orderAt } from './fixtures';
import { planFromObservations, type PlanExtras } from './plan';
import { skuPlanSchema, type SkuPlan } from './types';
import { urgencyOf } from './urgency';

const NOW = new Date('2026-03-01T12:00:00Z');
const FIRST = dayNumber('2026-01-01');
const LAST = dayNumber('2026-03-01');

/** The channels a product may be sold on; FBA/WFS listings carry their own SKU (as sellers do). */
const CHANNELS = [
  { platform: 'amazon', marketplace: 'amazon.com', fulfillment: 'SELLER', suffix: '' },
  { platform: 'amazon', marketplace: 'amazon.com', fulfillment: 'FBA', suffix: '-F' },
  { platform: 'amazon', marketplace: 'amazon.de', fulfillment: 'FBA', suffix: '-F' },
  { platform: 'amazon', marketplace: 'amazon.fr', fulfillment: 'FBA', suffix: '-F' },
  { platform: 'walmart', marketplace: 'walmart.com', fulfillment: 'SELLER', suffix: '' },
  { platform: 'walmart', marketplace: 'walmart.com', fulfillment: 'WFS', suffix: '-W' },
  { platform: 'ebay', marketplace: 'ebay.com', fulfillment: undefined, suffix: '' },
] as const;
type Channel = (typeof CHANNELS)[number];

/** The pool plan.ts puts a channel's listing in by default. */
function poolIdOf(c: Channel): string {
  if (c.fulfillment === 'FBA') return c.marketplace === 'amazon.com' ? 'fba:NA' : 'fba:EU';
  return c.fulfillment === 'WFS' ? 'wfs:walmart.com' : 'own:main';
}
const keyOf = (c: Channel, product: string) => `${c.platform}|${c.marketplace}|${product}${c.suffix}`;

const day = fc.integer({ min: FIRST, max: LAST });

const reading = fc.record({
  at: day,
  available: fc.option(fc.nat(300), { nil: undefined, freq: 3 }),
  sold: fc.option(fc.record({ windowDays: fc.constantFrom(7, 30), units: fc.nat(200) }), { nil: undefined }),
  price: fc.option(fc.integer({ min: 100, max: 5000 }), { nil: undefined }),
});
const order = fc.record({
  at: day,
  back: fc.nat(10),
  q: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom('pending' as const, 'unshipped' as const, 'shipped' as const, 'cancelled' as const),
});
const listing = fc.record({ readings: fc.array(reading, { minLength: 1, maxLength: 3 }), orders: fc.array(order, { maxLength: 4 }) });
const product = fc.record({
  channels: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
  listings: fc.array(listing, { minLength: 7, maxLength: 7 }),
  counts: fc.array(fc.option(fc.record({ onHand: fc.nat(500), at: day }), { nil: undefined, freq: 2 }), { minLength: 4, maxLength: 4 }),
  returns: fc.array(fc.record({ channel: fc.nat(6), units: fc.integer({ min: 1, max: 10 }), held: fc.boolean(), at: day }), { maxLength: 3 }),
});
const buffer: fc.Arbitrary<SafetyBuffer> = fc.oneof(
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: 20 }) }),
);
const CHANNEL_KEYS = ['amazon', 'amazon|amazon.com', 'ebay', 'walmart|walmart.com', 'walmart'] as const;
const channelTable = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(fc.constantFrom(...CHANNEL_KEYS), value), { maxLength: 3 }).map((pairs) => Object.fromEntries(pairs) as Record<string, T>);
const catalogue = fc.record({
  products: fc.array(product, { minLength: 1, maxLength: 3 }),
  safetyBuffers: channelTable(buffer),
  allocationWeights: channelTable(fc.integer({ min: 0, max: 5 })),
});

const POOLS = ['own:main', 'fba:NA', 'fba:EU', 'wfs:walmart.com'] as const;

interface Built {
  observations: Observation[];
  extras: PlanExtras;
  settings: Settings;
  /** Largest stock figure any source gives per `${product}@${pool}`, and the returns released to it. */
  ceiling: Map<string, number>;
  /** Returned units held for inspection per `${product}@${pool}`. */
  held: Map<string, number>;
}

type Catalogue = typeof catalogue extends fc.Arbitrary<infer T> ? T : never;

function build(c: Catalogue): Built {
  const observations: Observation[] = [];
  const productOf: Record<string, string> = {};
  const poolOfKey = new Map<string, string>();
  const poolCounts: Record<string, { onHand: number; date: string }> = {};
  const returns: NonNullable<PlanExtras['returns']>[number][] = [];
  const ceiling = new Map<string, number>();
  const raise = (id: string, units: number) => ceiling.set(id, Math.max(ceiling.get(id) ?? 0, units));
  c.products.forEach((p, n) => {
    const productId = `P${n}`;
    for (const i of p.channels) {
      const ch = CHANNELS[i]!;
      const key = keyOf(ch, productId);
      const sku = `${productId}${ch.suffix}`;
      productOf[key] = productId;
      poolOfKey.set(key, poolIdOf(ch));
      const where = { platform: ch.platform, marketplace: ch.marketplace, sku };
      const l = p.listings[i]!;
      for (const r of l.readings) {
        observations.push(
          listingAt(isoDate(r.at), {
            ...where,
            ...(ch.fulfillment ? { fulfillment: ch.fulfillment } : {}),
            ...(r.available !== undefined ? { available: r.available } : {}),
            ...(r.sold ? { unitsSold: [r.sold] } : {}),
            ...(r.price !== undefined ? { price: { amountMinor: r.price, currency: 'USD' } } : {}),
          }),
        );
        if (r.available !== undefined) raise(`${productId}@${poolIdOf(ch)}`, r.available);
      }
      for (const o of l.orders) observations.push(orderAt(isoDate(Math.max(FIRST, o.at - o.back)), o.q, o.status, { ...where, observedDate: isoDate(o.at) }));
    }
    POOLS.forEach((pool, k) => {
      const count = p.counts[k];
      if (!count) return;
      poolCounts[`${productId}@${pool}`] = { onHand: count.onHand, date: isoDate(count.at) };
      raise(`${productId}@${pool}`, count.onHand);
    });
    for (const r of p.returns) {
      const ch = CHANNELS[p.channels[r.channel % p.channels.length]!]!;
      returns.push({ listingKey: keyOf(ch, productId), units: r.units, status: r.held ? 'held' : 'released', date: isoDate(r.at) });
    }
  });
  // Released returns can add to a pool's figure: they raise its ceiling.
  const released = new Map<string, number>();
  const held = new Map<string, number>();
  for (const r of returns) {
    const id = `${productOf[r.listingKey]}@${poolOfKey.get(r.listingKey)}`;
    const into = r.status === 'released' ? released : held;
    into.set(id, (into.get(id) ?? 0) + r.units);
  }
  for (const [id, units] of released) ceiling.set(id, (ceiling.get(id) ?? 0) + units);
  const settings = defaultSettings();
  settings.safetyBuffers = c.safetyBuffers;
  settings.allocationWeights = c.allocationWeights;
  return { observations, extras: { productOf, poolCounts, returns }, settings, ceiling, held };
}

/** A channel's buffer the way plan.ts looks it up: "platform|marketplace", then "platform". */
function channelBuffer(settings: Settings, plan: SkuPlan, poolAvailable: number): number {
  const buffer = settings.safetyBuffers[`${plan.platform}|${plan.marketplace}`] ?? settings.safetyBuffers[plan.platform!];
  return bufferUnits(poolAvailable, buffer);
}

const stockId = (p: SkuPlan) => `${p.productId}@${p.poolId}`;

describe('plans over generated catalogues (property)', () => {
  it('one answer per physical stock, shared by its listings, never contradicting itself', () => {
    // What the runs exercised, so the properties are not vacuously true.
    const seen = { ownSplit: 0, fbaEu: 0, unknown: 0, counted: 0, listed: 0, buffered: 0, clearance: 0, reorder: 0 };
    fc.assert(
      fc.property(catalogue, (c) => {
        const { observations, extras, settings, ceiling, held } = build(c);
        const plans = planFromObservations(observations, settings, NOW, extras);
        const byKey = new Map(plans.map((p) => [p.key, p]));
        const stockPlans = plans.filter((p) => p.poolKey === undefined);

        for (const p of plans) {
          // (e) every plan is a valid cached plan.
          const parsed = skuPlanSchema.safeParse(p);
          expect(parsed.success, parsed.success ? '' : `${p.key}: ${parsed.error.message}`).toBe(true);
          // (a) a markdown and a reorder never together.
          expect(p.clearance !== null && p.reorderDate !== null, p.key).toBe(false);
          // (f) unknown stock is never shown as anything but unknown.
          if (p.available === null) expect(urgencyOf(p).level, p.key).toBe('unknown');
          // (g) no history, no perfect health. A member shows its pool's health (b) next to its own
          // channel's forecast, so for a member the history that counts is the pool's.
          const history = p.poolKey === undefined ? p.forecast.historyDays : byKey.get(p.poolKey)!.forecast.historyDays;
          if (history === 0) expect(p.healthScore, p.key).not.toBe(100);
          // Every code carries the params its message is filled with.
          for (const r of p.healthReasons) for (const name of REASON_CATALOGUE[r.code].params) expect(r.params, `${p.key} ${r.code}`).toHaveProperty(name);
          for (const a of p.alerts) for (const name of ALERT_CATALOGUE[a.code].params) expect(a.params, `${p.key} ${a.code}`).toHaveProperty(name);
        }

        // (b) members show the pool's answer.
        for (const m of plans.filter((p) => p.poolKey !== undefined)) {
          const pool = byKey.get(m.poolKey!)!;
          expect(pool, m.key).toBeDefined();
          expect(pool.scope).toBe('pool');
          expect(pool.listingKeys).toContain(m.key);
          expect(stockId(m)).toBe(stockId(pool));
          for (const field of ['available', 'daysOfCover', 'stockoutDate', 'reorderDate', 'reorderQuantity', 'healthScore'] as const) {
            expect(m[field], `${m.key}.${field}`).toBe(pool[field]);
          }
        }

        // (c) an own warehouse is split exactly: pool minus every channel's buffer, never more than the pool.
        for (const pool of plans.filter((p) => p.scope === 'pool' && p.poolId.startsWith('own:'))) {
          const members = plans.filter((p) => p.poolKey === pool.key);
          expect(members.length).toBe(pool.listingKeys.length);
          if (pool.available === null) {
            for (const m of members) expect(m.channel, m.key).toBeNull();
            continue;
          }
          let suggested = 0;
          let buffers = 0;
          for (const m of members) {
            expect(m.channel, m.key).not.toBeNull();
            const buffer = channelBuffer(settings, m, pool.available);
            expect(m.channel!.buffer, m.key).toBe(buffer);
            suggested += m.channel!.suggested;
            buffers += buffer;
          }
          expect(suggested, pool.key).toBe(Math.max(0, pool.available - buffers));
          expect(suggested).toBeLessThanOrEqual(pool.available);
        }

        // (d) each physical stock is counted once: one stock plan per (product, pool), one figure.
        const figures = new Map<string, Set<number | null>>();
        for (const p of plans) (figures.get(stockId(p)) ?? figures.set(stockId(p), new Set()).get(stockId(p))!).add(p.available);
        for (const [id, set] of figures) expect(set.size, id).toBe(1);
        const ids = stockPlans.map(stockId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(figures.keys()));
        const total = (xs: SkuPlan[]) => xs.reduce((s, p) => s + (p.available ?? 0), 0);
        const perPool = [...figures.values()].reduce((s, set) => s + ([...set][0] ?? 0), 0);
        expect(total(stockPlans)).toBe(perPool);
        // ... and no figure is more than the largest reading or count of that stock plus its released returns.
        for (const p of stockPlans) if (p.available !== null) expect(p.available, stockId(p)).toBeLessThanOrEqual(ceiling.get(stockId(p)) ?? 0);
        // Held returns are shown apart, once per stock, on every plan of it.
        for (const p of plans) expect(p.stock.heldReturns, p.key).toBe(held.get(stockId(p)) ?? 0);

        for (const p of stockPlans) {
          if (p.scope === 'pool' && p.poolId.startsWith('own:') && p.available !== null) seen.ownSplit++;
          if (p.scope === 'pool' && p.poolId === 'fba:EU') seen.fbaEu++;
          if (p.available === null) seen.unknown++;
          if (p.stock.source === 'count') seen.counted++;
          if (p.stock.source === 'listed') seen.listed++;
          if (p.clearance !== null) seen.clearance++;
          if (p.reorderDate !== null) seen.reorder++;
        }
        if (plans.some((p) => (p.channel?.buffer ?? 0) > 0)) seen.buffered++;
      }),
      { numRuns: 100 },
    );
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });
});
