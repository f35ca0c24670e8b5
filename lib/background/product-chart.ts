/**
 * The series a product chart draws (lib/charts), for the options page and the in-page panel:
 * demand rebuilt the way the planner does, the forecaster's forecast, stock facts from the
 * cached plans.
 */
import type { ChartSeries } from '../charts/series';
import { forecastSeries, fitContext } from '../forecast/index';
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { demandDays, forecastValues, isoDate, poolDemand, reconstructDemand, type Calibration, type DemandSeries } from '../planning';
import type { SkuPlan } from '../planning/types';
import type { Observation } from '../records';
import { migrateSettings } from '../settings';
import { getListingsWithPlans, getPlans, loadPlanningInput, type ProductPlanningInput, type StoreDb } from '../store';
import { orderObservation } from './replan';

/** Today in a listing's marketplace zone. */
function todayFor(listingKey: string, now: Date): string {
  const marketplace = listingKey.split('|')[1] ?? '';
  return isoDateInZone(now, marketplaceById(marketplace)?.timeZone ?? 'UTC');
}

/**
 * One listing's demand rebuilt the way the planner does (readings + order lines + the seller's
 * stock corrections), up to today in its marketplace.
 */
function listingDemand(product: ProductPlanningInput, listingKey: string, historyDays: number, now: Date): DemandSeries {
  const observations: Observation[] = [];
  for (const row of product.observations) if (row.listingKey === listingKey) observations.push(row.record);
  for (const order of product.orders) if (order.listingKey === listingKey) observations.push(orderObservation(order));
  const calibrations: Calibration[] = [];
  for (const c of product.calibrations) {
    if (c.listingKey !== listingKey || c.previous === null || c.onHand === c.previous) continue;
    calibrations.push({ listingKey, date: todayFor(listingKey, new Date(c.at)), kind: 'correction', units: c.onHand - c.previous });
  }
  return reconstructDemand(observations, { end: todayFor(listingKey, now), historyDays, calibrations });
}

/**
 * The plans whose stock a chart shows: the listing's own plan, or for a product one plan per
 * pool (the pooled plan when several listings share it, else the single listing's plan).
 */
async function plansFor(db: StoreDb, product: ProductPlanningInput, listingKey: string | undefined): Promise<SkuPlan[]> {
  if (listingKey !== undefined) {
    const [own] = await getPlans(db, [listingKey]);
    return own ? [own.plan] : [];
  }
  const found = await getListingsWithPlans(
    db,
    product.listings.map((l) => l.key),
  );
  // One plan per physical stock: the listings of a shared pool all show the pool's answer, so
  // its stock and reorder are counted once.
  const byStock = new Map<string, SkuPlan>();
  for (const entry of found) if (entry?.plan) byStock.set(`${entry.plan.productId}@${entry.plan.poolId}`, entry.plan);
  return [...byStock.values()];
}

/**
 * Computes a chart's series from the store: demand from lib/planning, forecast from
 * lib/forecast (context fitted on the product's own series), stock facts from cached plans.
 */
export async function productChart(
  db: StoreDb,
  request: { listingKey?: string; productId?: string; historyDays: number; horizonDays: number },
  now: Date,
): Promise<ChartSeries> {
  let productId = request.productId;
  if (request.listingKey !== undefined) {
    const [entry] = await getListingsWithPlans(db, [request.listingKey]);
    if (!entry) throw new Error(`No listing ${request.listingKey}`);
    productId = entry.listing.productId;
  }
  const input = await loadPlanningInput(db, [productId!]);
  const product = input.products[0];
  if (!product) throw new Error(`No product ${productId}`);
  const settings = migrateSettings(input.settings);
  const members = request.listingKey !== undefined ? product.listings.filter((l) => l.key === request.listingKey) : product.listings;
  const serieses = members.map((l) => listingDemand(product, l.key, settings.historyDays, now));
  const combined = serieses.length === 1 ? serieses[0]! : poolDemand(serieses);

  const history = forecastValues(combined);
  const context = fitContext(serieses.map((s) => ({ values: forecastValues(s).values, freq: 'D' as const, start: isoDate(s.startDay) })));
  const forecast = forecastSeries({ values: history.values, freq: 'D', start: isoDate(history.firstDay) }, request.horizonDays, context);
  const asOfDay = combined.startDay + combined.units.length - 1;
  const asOf = combined.units.length ? isoDate(asOfDay) : todayFor(members[0]?.key ?? '', now);
  const startDay = combined.units.length ? asOfDay + 1 : NaN;

  const plans = await plansFor(db, product, request.listingKey);
  const sum = (f: (p: SkuPlan) => number) => plans.reduce((s, p) => s + f(p), 0);
  const earliest = (f: (p: SkuPlan) => string | null) =>
    plans
      .map(f)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  const reorderDate = earliest((p) => p.reorderDate);

  return {
    key: request.listingKey ?? product.product.id,
    scope: request.listingKey !== undefined ? 'listing' : 'product',
    ...(titleOf(product, request.listingKey) ? { title: titleOf(product, request.listingKey)! } : {}),
    asOf,
    history: demandDays(combined).slice(-request.historyDays),
    forecast: forecast.mean.slice(0, request.horizonDays).map((mean, i) => ({
      date: Number.isFinite(startDay) ? isoDate(startDay + i) : asOf,
      mean: Math.max(0, mean),
      p50Cum: Math.max(0, forecast.p50Cum[i] ?? 0),
      p90Cum: Math.max(0, forecast.p90Cum[i] ?? 0),
    })),
    available: plans.length ? sum((p) => p.available ?? 0) : members.reduce((s, l) => s + (l.available ?? 0), 0),
    inbound: plans.length ? sum((p) => p.inbound) : members.reduce((s, l) => s + (l.inbound ?? 0), 0),
    reorderPoint: plans.length ? sum((p) => p.reorderPoint) : null,
    reorderDate,
    reorderQuantity: reorderDate === null ? null : sum((p) => (p.reorderDate ? p.reorderQuantity : 0)),
    stockoutDate: earliest((p) => p.stockoutDate),
    forecastModel: forecast.model,
  };
}

function titleOf(product: ProductPlanningInput, listingKey: string | undefined): string | undefined {
  if (listingKey !== undefined) return product.listings.find((l) => l.key === listingKey)?.title;
  return product.product.name ?? product.listings.find((l) => l.title)?.title;
}
