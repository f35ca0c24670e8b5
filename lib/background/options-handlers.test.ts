import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import type { Observation } from '../records';
import { openStore, type StoreDb } from '../store';
import { createReplanner } from './replan';
import { createHandlers } from './service';

const NOW = new Date('2026-11-20T18:00:00Z');
const TODAY = '2026-11-20';
const SELLER_URL = 'https://sellercentral.amazon.com/myinventory/inventory';

let db: StoreDb | undefined;
afterEach(async () => { db?.close(); db = undefined; });

async function setup() {
  db = await openStore(`options-${Math.random()}`);
  const replanner = createReplanner(db, () => NOW);
  const handlers = createHandlers({ db, now: () => NOW, replan: (ids) => replanner.replan(ids) });
  return handlers;
}

function listing(sku: string, fields: Partial<Extract<Observation, { kind: 'listing' }>> = {}, date = TODAY): Observation {
  return { kind: 'listing', platform: 'amazon', marketplace: 'amazon.com', source: 'amazon/manage-inventory', observedAt: `${date}T17:00:00.000Z`, observedDate: date, sku, title: `Title ${sku}`, fulfillment: 'FBA', ...fields };
}

/** Orders of `perDay` units on each of the last `days` days, skipping the days in `skip`. */
function orders(sku: string, perDay: number, days: number): Observation[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(TODAY, -i - 1);
    return { kind: 'order', platform: 'amazon', marketplace: 'amazon.com', source: 'amazon/orders', observedAt: NOW.toISOString(), observedDate: TODAY, orderId: `111-${sku}-${i}`, sku, quantity: perDay, status: 'shipped', orderDate: date } satisfies Observation;
  });
}

async function seed(handlers: Awaited<ReturnType<typeof setup>>) {
  await handlers['page/ingest']({ url: 'https://sellercentral.amazon.com/orders-v3', adapterId: 'amazon/orders', rows: [...orders('MUG-1', 4, 60), ...orders('PLATE-2', 1, 60)], diagnostics: [] }, { url: 'https://sellercentral.amazon.com/orders-v3' });
  await handlers['page/ingest']({ url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [listing('MUG-1', { available: 200, asin: 'B0MUG00001' }), listing('PLATE-2', { available: 30 })], diagnostics: [] }, { url: SELLER_URL });
}

describe('product/chart', () => {
  it('returns the reconstructed history, the forecast per day with cumulative quantiles, and the plan stock', async () => {
    const handlers = await setup();
    await seed(handlers);
    const chart = await handlers['product/chart']({ listingKey: 'amazon|amazon.com|MUG-1', historyDays: 30, horizonDays: 14 }, { url: SELLER_URL });
    expect(chart.scope).toBe('listing');
    expect(chart.asOf).toBe(TODAY);
    expect(chart.history).toHaveLength(30);
    expect(chart.history.at(-1)!.date).toBe(TODAY);
    expect(chart.history.slice(0, -1).every((d) => d.how === 'exact' && d.units === 4)).toBe(true);
    expect(chart.forecast).toHaveLength(14);
    expect(chart.forecast[0]!.date).toBe(addDays(TODAY, 1));
    expect(chart.forecast[0]!.mean).toBeGreaterThan(2);
    expect(chart.forecast[0]!.mean).toBeLessThan(6);
    for (let i = 1; i < chart.forecast.length; i++) {
      expect(chart.forecast[i]!.p50Cum).toBeGreaterThanOrEqual(chart.forecast[i - 1]!.p50Cum);
      expect(chart.forecast[i]!.p90Cum).toBeGreaterThanOrEqual(chart.forecast[i]!.p50Cum);
    }
    expect(chart.available).toBe(200);
    expect(chart.reorderPoint).toBeGreaterThan(0);
  });

  it('charts a product by id, and marks out-of-stock days as censored gaps', async () => {
    const handlers = await setup();
    // Stock read each day: 10 for 10 days, then 0 (out of stock) for the last 5.
    const readings = Array.from({ length: 15 }, (_, i) => listing('GAP-1', { available: i < 10 ? 10 - i : 0 }, addDays(TODAY, i - 14)));
    for (const r of readings) await handlers['page/ingest']({ url: SELLER_URL, adapterId: 'amazon/manage-inventory', rows: [r], diagnostics: [] }, { url: SELLER_URL });
    const chart = await handlers['product/chart']({ productId: 'p:amazon|amazon.com|GAP-1', historyDays: 90, horizonDays: 7 }, {});
    expect(chart.scope).toBe('product');
    expect(chart.history.some((d) => d.units === null && d.how === 'censored')).toBe(true);
    expect(chart.history.some((d) => d.units !== null && d.units > 0)).toBe(true);
  });

  it('refuses requests naming neither or both, and unknown listings', async () => {
    const handlers = await setup();
    const { createDispatcher } = await import('../messaging/rpc');
    const dispatch = createDispatcher(handlers);
    expect(await dispatch({ type: 'product/chart', payload: {} })).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'product/chart', payload: { listingKey: 'a', productId: 'b' } })).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'product/chart', payload: { listingKey: 'amazon|amazon.com|NOPE' } })).toEqual({ ok: false, error: 'No listing amazon|amazon.com|NOPE' });
  });
});

