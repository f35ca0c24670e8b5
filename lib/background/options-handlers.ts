/**
 * Handlers for the options page's messages (lib/messaging/protocol-options.ts). Composed from
 * the store's, the planner's and the forecaster's exports; the background owns the store.
 */
import type { ChartSeries } from '../charts/series';
import type { MergedListing, MergedPlan, MergedPool, MergedProduct, MergedReport } from '../export/merged-data';
import { productTotals } from '../export/merged';
import type { ProductListing, ProductSummary } from '../messaging/protocol-options';
import { forecastSeries, fitContext } from '../forecast/index';
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import type { Handlers } from '../messaging/rpc';
import type { optionsProtocol } from '../messaging/protocol-options';
import { demandDays, forecastValues, isoDate, poolDemand, reconstructDemand, type Calibration, type DemandSeries } from '../planning';
import { poolKindOf } from '../planning/pool-stock';
import type { SkuPlan } from '../planning/types';
import type { Observation } from '../records';
import { migrateSettings } from '../settings';
import {
  addCalibration, assignWarehouse, createWarehouse, deleteAllData, deleteWarehouse, exportBackup, getListingsWithPlans, getPlans, getProduct,
  linkListing, listListings, listWarehouses, loadPlanningInput, mergeObservations, recordReturn, renameWarehouse, resolveReturn, restoreBackup,
  storageEstimate, unlinkListing, type ListingRow, type ProductPlanningInput, type StoreDb, type StockPoolRow,
} from '../store';
import { OWN_WAREHOUSE_POOL } from '../store/tables/stockPools';
import { orderObservation } from './replan';
import type { BackgroundDeps } from './service';

type OptionsHandlers = Pick<Handlers, keyof typeof optionsProtocol>;

/**
 * Options-page messages change or reveal all of the seller's data, so only extension pages
 * may send them: a content script (sender URL on a seller site) is refused. Charts are the
 * exception (the in-page panel asks for them) and do not go through this check.
 * @example assertExtensionPage({ url: 'https://sellercentral.amazon.com/x' }) // throws
 */
/** Imports touching this many products (or a quarter of the catalogue) re-plan the whole store. */
export const LARGE_IMPORT_PRODUCTS = 200;

export function assertExtensionPage(sender: { url?: string }): void {
  if (sender.url !== undefined && /^https?:/i.test(sender.url)) throw new Error('This message is accepted only from the extension\'s own pages');
}

export function createOptionsHandlers(deps: BackgroundDeps): OptionsHandlers {
  const { db } = deps;
  /** Products touched by each import in progress, re-planned together by its last batch. */
  const imports = new Map<string, Set<string>>();
  const changed = async (productIds: readonly string[] | undefined) => {
    await deps.replan(productIds);
    deps.afterChange?.();
  };

  return {
    async 'product/chart'(request) {
      return productChart(db, request, deps.now());
    },

    async 'products/list'({ search, offset, limit }, sender) {
      assertExtensionPage(sender);
      const products = await productSummaries(db);
      const needle = search?.trim().toLowerCase();
      const hits = needle
        ? products.filter((p) => p.id.toLowerCase().includes(needle) || (p.name?.toLowerCase().includes(needle) ?? false) ||
          p.listings.some((l) => l.sku.toLowerCase().includes(needle) || (l.title?.toLowerCase().includes(needle) ?? false)))
        : products;
      return { products: hits.slice(offset, offset + limit), total: hits.length };
    },

    async 'products/detail'({ productId }, sender) {
      assertExtensionPage(sender);
      const detail = await getProduct(db, productId, { recentObservations: 0, recentOrders: 0 });
      if (!detail) throw new Error(`No product ${productId}`);
      const entry = { id: detail.product.id, name: detail.product.name, listings: detail.listings };
      const plans = await plansShown(db, detail.listings);
      return {
        product: summaryOf(entry, plans),
        position: productPosition(entry, plans),
        calibrations: detail.calibrations.map((c) => ({ id: c.id, listingKey: c.listingKey, onHand: c.onHand, previous: c.previous, reason: c.reason, by: c.by, at: c.at })),
        returns: detail.returns
          .filter((r): r is typeof r & { id: number } => r.id !== undefined)
          .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1))
          .map((r) => ({ id: r.id, listingKey: r.listingKey, units: r.units, orderId: r.orderId, reason: r.reason, receivedAt: r.receivedAt, status: r.status, resolvedAt: r.resolvedAt, resolvedBy: r.resolvedBy })),
      };
    },

    async 'products/link'({ listingKey, productId }, sender) {
      assertExtensionPage(sender);
      const [before] = await getListingsWithPlans(db, [listingKey]);
      await linkListing(db, listingKey, productId, deps.now());
      await changed([productId, ...(before ? [before.listing.productId] : [])]);
      return { ok: true };
    },

    async 'products/unlink'({ listingKey }, sender) {
      assertExtensionPage(sender);
      const [before] = await getListingsWithPlans(db, [listingKey]);
      const moved = await unlinkListing(db, listingKey, deps.now());
      await changed([moved.productId, ...(before ? [before.listing.productId] : [])]);
      return { ok: true };
    },

    async 'products/calibrate'(input, sender) {
      assertExtensionPage(sender);
      const row = await addCalibration(db, input, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },

    async 'returns/record'(input, sender) {
      assertExtensionPage(sender);
      const row = await recordReturn(db, input, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },

    async 'returns/resolve'({ id, status, by }, sender) {
      assertExtensionPage(sender);
      const row = await resolveReturn(db, id, status, by, deps.now());
      await changed([row.productId]);
      return { ok: true };
    },

    async 'warehouses/list'(_request, sender) {
      assertExtensionPage(sender);
      return { warehouses: await listWarehouses(db) };
    },

    async 'warehouses/create'({ name }, sender) {
      assertExtensionPage(sender);
      return warehouseOf(await createWarehouse(db, name), 0);
    },

    async 'warehouses/rename'({ id, name }, sender) {
      assertExtensionPage(sender);
      const row = await renameWarehouse(db, id, name);
      return warehouseOf(row, (await listWarehouses(db)).find((w) => w.id === id)?.listings ?? 0);
    },

    async 'warehouses/delete'({ id }, sender) {
      assertExtensionPage(sender);
      await deleteWarehouse(db, id);
      return { ok: true };
    },

    async 'listings/assign-pool'({ listingKey, poolId }, sender) {
      assertExtensionPage(sender);
      const moved = await assignWarehouse(db, listingKey, poolId);
      await changed([moved.productId]);
      return { ok: true, poolId: moved.poolId ?? null };
    },

    async 'import/commit'({ importId, batchIndex, rows, last }, sender) {
      assertExtensionPage(sender);
      // A worker that slept between batches lost the earlier batches' products: re-plan all then.
      const lostEarlierBatches = batchIndex > 0 && !imports.has(importId);
      const merged = await mergeObservations(db, rows, deps.now());
      let touched = imports.get(importId);
      if (!touched) imports.set(importId, (touched = new Set()));
      for (const id of merged.productIds) touched.add(id);
      if (last) {
        imports.delete(importId);
        // A large import (years of order history, a whole catalogue) re-plans the whole store,
        // which also refits the forecast context and ABC classes on the catalogue.
        const large = touched.size >= LARGE_IMPORT_PRODUCTS || touched.size * 4 >= (await db.products.count());
        await changed(lostEarlierBatches || large ? undefined : [...touched]);
      }
      return {
        received: merged.counts.received,
        stored: merged.counts.new + merged.counts.unchanged + merged.counts.stale,
        rejected: merged.counts.rejected,
        newListings: merged.counts.newListings,
        replanned: last,
      };
    },

    async 'export/merged'(_request, sender) {
      assertExtensionPage(sender);
      return mergedReport(db, deps.now());
    },

    async 'data/backup'(_request, sender) {
      assertExtensionPage(sender);
      const backup = await exportBackup(db, deps.now());
      const rows = Object.values(backup.tables).reduce((s, t) => s + t.length, 0);
      return { json: JSON.stringify(backup), rows };
    },

    async 'data/restore'({ json }, sender) {
      assertExtensionPage(sender);
      const tables = await restoreBackup(db, json);
      await changed(undefined);
      return { rows: Object.values(tables).reduce((s, n) => s + n, 0), tables };
    },

    async 'data/delete-all'(_request, sender) {
      assertExtensionPage(sender);
      await deleteAllData(db);
      deps.afterChange?.();
      return { ok: true };
    },

    async 'data/storage'(_request, sender) {
      assertExtensionPage(sender);
      return storageEstimate(db);
    },
  };
}

/** An own warehouse's row as the options page lists it. */
function warehouseOf(row: StockPoolRow, listings: number) {
  return { id: row.id, name: row.name, listings, isDefault: row.id === OWN_WAREHOUSE_POOL };
}

/** Every product with its listings, in product id order. */
async function productSummaries(db: StoreDb): Promise<ProductSummary[]> {
  const listings = await listListings(db);
  const byProduct = new Map<string, ListingRow[]>();
  for (const l of listings) (byProduct.get(l.productId) ?? byProduct.set(l.productId, []).get(l.productId)!).push(l);
  const products = await db.products.bulkGet([...byProduct.keys()]);
  const entries = [...byProduct].map(([id, ls], i) => ({ id, name: products[i]?.name, listings: ls }));
  entries.sort((a, b) => (a.id < b.id ? -1 : 1));
  return summarise(db, entries);
}

/** Products' listings with the figures the list shows (each pool's stock counted once). */
async function summarise(db: StoreDb, products: { id: string; name?: string; listings: ListingRow[] }[]): Promise<ProductSummary[]> {
  const plans = await plansShown(db, products.flatMap((p) => p.listings));
  return products.map((p) => summaryOf(p, plans));
}

function summaryOf(p: { id: string; name?: string; listings: ListingRow[] }, plans: ReadonlyMap<string, SkuPlan>): ProductSummary {
  const position = productPosition(p, plans);
  const pooled = position.pools.flatMap((pool) => (pool.plan ? [pool.plan] : []));
  const covers = pooled.map((x) => x.daysOfCover).filter((c): c is number => c !== null);
  const totals = productTotals(position);
  return {
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
    listings: [...p.listings].sort((a, b) => (a.key < b.key ? -1 : 1)).map(listingOf),
    planned: pooled.length > 0,
    healthScore: minOrNull(pooled.map((x) => x.healthScore).filter((h): h is number => h !== null)),
    daysOfCover: covers.length ? Math.min(...covers) : null,
    available: totals.available,
    inbound: totals.inbound,
    pools: position.pools.length,
  };
}

function minOrNull(values: readonly number[]): number | null {
  return values.length ? Math.min(...values) : null;
}

function listingOf(l: ListingRow): ProductListing {
  return {
    key: l.key, platform: l.platform, marketplace: l.marketplace, sku: l.sku, ...(l.title ? { title: l.title } : {}),
    linkRule: l.linkRule, available: l.available ?? null, poolId: l.poolId ?? null,
  };
}

/**
 * A plan reduced to what the merged report and the product view show.
 * @example mergedPlanOf(plan).clearance?.action // 'markdown'
 */
export function mergedPlanOf(plan: SkuPlan): MergedPlan {
  const step = plan.clearance ? plan.clearance.steps[plan.clearance.recommendedStep] : undefined;
  return {
    meanDaily: plan.forecast.meanDaily,
    daysOfCover: plan.daysOfCover,
    stockoutDate: plan.stockoutDate,
    reorderDate: plan.reorderDate,
    reorderDaysLate: plan.reorderDate ? plan.reorderDaysLate : 0,
    reorderQuantity: plan.reorderDate ? plan.reorderQuantity : null,
    safetyStock: plan.safetyStock,
    reorderPoint: plan.reorderPoint,
    healthScore: plan.healthScore,
    healthReasons: plan.healthReasons.map((r) => ({ code: r.code, points: r.points, params: r.params })),
    abcClass: plan.abcClass,
    lifecycleStage: plan.lifecycleStage,
    clearance: plan.clearance
      ? {
          action: plan.clearance.exit ? 'exit' : step && step.discountPct > 0 ? 'markdown' : 'hold',
          discountPct: step?.discountPct ?? null,
          excessUnits: plan.clearance.excessUnits,
        }
      : null,
  };
}

/**
 * The plans the product views show: the plan each listing shows (its `planKey`) and, for a
 * listing in a shared pool, the pool plan it points to (`poolKey`).
 */
async function plansShown(db: StoreDb, listings: readonly ListingRow[]): Promise<Map<string, SkuPlan>> {
  const keys = [...new Set(listings.flatMap((l) => (l.planKey ? [l.planKey] : [])))];
  const plans = new Map((await getPlans(db, keys)).flatMap((p) => (p ? [[p.key, p.plan] as const] : [])));
  const poolKeys = [...new Set([...plans.values()].flatMap((p) => (p.poolKey !== undefined && !plans.has(p.poolKey) ? [p.poolKey] : [])))];
  for (const p of await getPlans(db, poolKeys)) if (p) plans.set(p.key, p.plan);
  return plans;
}

/**
 * A figure of a pool from its listings' readings, the way the planner adds them: an FBA/WFS
 * page shows the pool's own figure (the largest reading), own-warehouse channels each hold part.
 */
function poolFigure(poolId: string, values: readonly (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length === 0) return null;
  return poolKindOf(poolId) === 'SELLER' ? known.reduce((s, v) => s + v, 0) : Math.max(...known);
}

/**
 * A product's whole position: one entry per physical stock (product x pool) with the one plan
 * made for it (the pool plan when several listings share it, else the single listing's plan),
 * so each unit is counted once; and each listing with the plan it shows and its channel line.
 */
export function productPosition(product: { id: string; name?: string; listings: readonly ListingRow[] }, plans: ReadonlyMap<string, SkuPlan>): MergedProduct {
  const members = [...product.listings].sort((a, b) => (a.key < b.key ? -1 : 1));
  const shownOf = (l: ListingRow) => (l.planKey ? plans.get(l.planKey) : undefined);
  // The planner's pool id when planned (a listing whose channel is unknown is planned in the own warehouse).
  const poolOf = (l: ListingRow) => shownOf(l)?.poolId || l.poolId || 'own:main';
  const byPool = new Map<string, ListingRow[]>();
  for (const l of members) (byPool.get(poolOf(l)) ?? byPool.set(poolOf(l), []).get(poolOf(l))!).push(l);
  const pools: MergedPool[] = [...byPool].sort(([a], [b]) => (a < b ? -1 : 1)).map(([poolId, ls]) => {
    const own = ls.map(shownOf).filter((p): p is SkuPlan => p !== undefined);
    const pooled = own.find((p) => p.poolKey !== undefined && plans.has(p.poolKey));
    const plan = pooled ? plans.get(pooled.poolKey!)! : own[0];
    return {
      poolId,
      planKey: plan?.key ?? null,
      listingKeys: ls.map((l) => l.key),
      stock: plan ? plan.available : null,
      stockSource: plan ? plan.stock.source : 'unknown',
      stockHint: plan ? plan.stock.hint : null,
      inbound: plan ? plan.inbound : poolFigure(poolId, ls.map((l) => l.inbound)) ?? 0,
      reserved: poolFigure(poolId, ls.map((l) => l.reserved)),
      heldReturns: plan ? plan.stock.heldReturns : 0,
      plan: plan ? mergedPlanOf(plan) : null,
    };
  });
  return {
    id: product.id,
    ...(product.name ? { name: product.name } : {}),
    pools,
    listings: members.map((l): MergedListing => {
      const own = shownOf(l);
      const seller = poolKindOf(poolOf(l)) === 'SELLER';
      return {
        key: l.key, platform: l.platform, marketplace: l.marketplace, sku: l.sku, ...(l.title ? { title: l.title } : {}),
        poolId: poolOf(l),
        available: own ? own.available : l.available ?? null,
        inbound: own ? own.inbound : l.inbound ?? null,
        listed: own?.channel ? own.channel.listed : seller ? l.available ?? null : null,
        channel: own?.channel ?? null,
        plan: own ? mergedPlanOf(own) : null,
      };
    }),
  };
}

/** Every product's whole position (stock per pool counted once, the pool's plan) and each listing with its own plan. */
export async function mergedReport(db: StoreDb, now: Date): Promise<MergedReport> {
  const listings = await listListings(db);
  const plans = await plansShown(db, listings);
  const byProduct = new Map<string, ListingRow[]>();
  for (const l of listings) (byProduct.get(l.productId) ?? byProduct.set(l.productId, []).get(l.productId)!).push(l);
  const ids = [...byProduct.keys()].sort();
  const rows = await db.products.bulkGet(ids);
  const products = ids.map((id, i) => productPosition({ id, ...(rows[i]?.name ? { name: rows[i]!.name } : {}), listings: byProduct.get(id)! }, plans));
  return { generatedAt: now.toISOString(), products };
}

/** Today in a listing's marketplace zone. */
function todayFor(listingKey: string, now: Date): string {
  const marketplace = listingKey.split('|')[1] ?? '';
  return isoDateInZone(now, marketplaceById(marketplace)?.timeZone ?? 'UTC');
}

/**
 * One listing's demand rebuilt the way the planner does (readings + order lines + the seller's
 * stock corrections), up to today in its marketplace.
 */
export function listingDemand(product: ProductPlanningInput, listingKey: string, historyDays: number, now: Date): DemandSeries {
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
  const found = await getListingsWithPlans(db, product.listings.map((l) => l.key));
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
  const earliest = (f: (p: SkuPlan) => string | null) => plans.map(f).filter((d): d is string => d !== null).sort()[0] ?? null;
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
