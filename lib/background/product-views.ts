/**
 * How the options page sees products: each product's listings with the figures its list row
 * shows, and its whole position (each physical stock once, with the one plan made for it).
 * Also the merged report's rows. Read-only views over the store's listings and cached plans.
 */
import type { MergedListing, MergedPlan, MergedPool, MergedProduct, MergedReport } from '../export/merged-data';
import { productTotals } from '../export/merged';
import { mergedCapacityOf } from '../export/merged-capacity';
import { mergedFeesOf } from '../export/merged-fees';
import type { ResponseOf } from '../messaging/protocol';
import type { ProductListing, ProductSummary } from '../messaging/protocol-options';
import { clearanceActionOf } from '../planning/clearance';
import { poolKindOf } from '../planning/pool-stock';
import { URGENCY_LEVELS, urgencyOf } from '../planning/urgency';
import type { SkuPlan } from '../planning/types';
import { getListingsWithPlans, getPlans, getProduct, listListings, type ListingRow, type StoreDb } from '../store';
import { sortProducts, type ProductSort } from './product-order';

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
  const plans = await plansShown(
    db,
    products.flatMap((p) => p.listings),
  );
  return products.map((p) => summaryOf(p, plans));
}

function summaryOf(p: { id: string; name?: string; listings: ListingRow[] }, plans: ShownPlans): ProductSummary {
  const position = productPosition(p, plans);
  const pooled = position.pools.flatMap((pool) => (pool.plan ? [pool.plan] : []));
  const covers = pooled.map((x) => x.daysOfCover).filter((c): c is number => c !== null);
  const totals = productTotals(position);
  return {
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
    listings: [...p.listings].sort((a, b) => (a.key < b.key ? -1 : 1)).map(listingOf),
    planned: pooled.length > 0,
    urgency: mostUrgent(p.listings.flatMap((l) => plans.ofListing.get(l.key) ?? [])),
    healthScore: minOrNull(pooled.map((x) => x.healthScore).filter((h): h is number => h !== null)),
    daysOfCover: covers.length ? Math.min(...covers) : null,
    available: totals.available,
    inbound: totals.inbound,
    pools: position.pools.map((pool) => ({ poolId: pool.poolId, stock: pool.stock })),
  };
}

/** The most urgent level of the plans the listings show ('unknown' when there is none): a pool's listings all show its answer. */
function mostUrgent(plans: readonly SkuPlan[]): ProductSummary['urgency'] {
  const ranks = plans.map((plan) => URGENCY_LEVELS.indexOf(urgencyOf(plan).level));
  return ranks.length ? URGENCY_LEVELS[Math.min(...ranks)]! : 'unknown';
}

function minOrNull(values: readonly number[]): number | null {
  return values.length ? Math.min(...values) : null;
}

function listingOf(l: ListingRow): ProductListing {
  return {
    key: l.key,
    platform: l.platform,
    marketplace: l.marketplace,
    sku: l.sku,
    ...(l.title ? { title: l.title } : {}),
    linkRule: l.linkRule,
    available: l.available ?? null,
    poolId: l.poolId ?? null,
  };
}

/**
 * A plan reduced to what the merged report and the product view show.
 * @example mergedPlanOf(plan).clearance?.action // 'markdown'
 */
function mergedPlanOf(plan: SkuPlan): MergedPlan {
  const step = plan.clearance ? plan.clearance.steps[plan.clearance.recommendedStep] : undefined;
  return {
    meanDaily: plan.forecast.meanDaily,
    daysOfCover: plan.daysOfCover,
    stockoutDate: plan.stockoutDate,
    inboundArrivalDate: plan.inboundArrivalDate,
    stockoutDateWithInbound: plan.stockoutDateWithInbound,
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
          action: clearanceActionOf(plan.clearance),
          discountPct: step?.discountPct ?? null,
          excessUnits: plan.clearance.excessUnits,
        }
      : null,
    ...(plan.fees ? { fees: mergedFeesOf(plan.fees) } : {}),
    ...(plan.fbaCapacityClaim ? { capacity: [mergedCapacityOf(plan)!] } : {}),
  };
}

/** The plans the product views show, by plan key, and the plan each listing shows, by listing key. */
interface ShownPlans {
  byKey: ReadonlyMap<string, SkuPlan>;
  ofListing: ReadonlyMap<string, SkuPlan>;
}

/**
 * The plans the product views show: the plan each listing shows (its indexed row names it:
 * the full rows carry no plan fields) and, for a listing in a shared pool, the pool plan it
 * points to (`poolKey`).
 */
async function plansShown(db: StoreDb, listings: readonly ListingRow[]): Promise<ShownPlans> {
  const shown = await getListingsWithPlans(
    db,
    listings.map((l) => l.key),
  );
  const ofListing = new Map(shown.flatMap((r) => (r?.plan ? [[r.listing.key, r.plan] as const] : [])));
  const byKey = new Map([...ofListing.values()].map((p) => [p.key, p] as const));
  const poolKeys = [...new Set([...byKey.values()].flatMap((p) => (p.poolKey !== undefined && !byKey.has(p.poolKey) ? [p.poolKey] : [])))];
  for (const p of await getPlans(db, poolKeys)) if (p) byKey.set(p.key, p.plan);
  return { byKey, ofListing };
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
function productPosition(product: { id: string; name?: string; listings: readonly ListingRow[] }, shown: ShownPlans): MergedProduct {
  const members = [...product.listings].sort((a, b) => (a.key < b.key ? -1 : 1));
  const plans = shown.byKey;
  const shownOf = (l: ListingRow) => shown.ofListing.get(l.key);
  // The planner's pool id when planned (a listing whose channel is unknown is planned in the own warehouse).
  const poolOf = (l: ListingRow) => shownOf(l)?.poolId || l.poolId || 'own:main';
  const byPool = new Map<string, ListingRow[]>();
  for (const l of members) (byPool.get(poolOf(l)) ?? byPool.set(poolOf(l), []).get(poolOf(l))!).push(l);
  const pools: MergedPool[] = [...byPool]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([poolId, ls]) => {
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
        inbound: plan
          ? plan.inbound
          : (poolFigure(
              poolId,
              ls.map((l) => l.inbound),
            ) ?? 0),
        reserved: poolFigure(
          poolId,
          ls.map((l) => l.reserved),
        ),
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
        key: l.key,
        platform: l.platform,
        marketplace: l.marketplace,
        sku: l.sku,
        ...(l.title ? { title: l.title } : {}),
        poolId: poolOf(l),
        available: own ? own.available : (l.available ?? null),
        inbound: own ? own.inbound : (l.inbound ?? null),
        listed: own?.channel ? own.channel.listed : seller ? (l.available ?? null) : null,
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

/**
 * Products whose id, name, or a listing's SKU or title contains `search` (case-insensitive),
 * in the chosen order, one page of them, and how many matched.
 */
export async function searchProducts(
  db: StoreDb,
  search: string | undefined,
  offset: number,
  limit: number,
  sort: ProductSort = 'urgency',
): Promise<{ products: ProductSummary[]; total: number }> {
  const products = await productSummaries(db);
  const needle = search?.trim().toLowerCase();
  const hits = needle
    ? products.filter(
        (p) =>
          p.id.toLowerCase().includes(needle) ||
          (p.name?.toLowerCase().includes(needle) ?? false) ||
          p.listings.some((l) => l.sku.toLowerCase().includes(needle) || (l.title?.toLowerCase().includes(needle) ?? false)),
      )
    : products;
  return { products: sortProducts(hits, sort).slice(offset, offset + limit), total: hits.length };
}

/** A product's summary, whole position, stock calibrations and returns (newest first). */
export async function productDetail(db: StoreDb, productId: string): Promise<ResponseOf<'products/detail'>> {
  const detail = await getProduct(db, productId, { recentObservations: 0, recentOrders: 0 });
  if (!detail) throw new Error(`No product ${productId}`);
  const entry = { id: detail.product.id, name: detail.product.name, listings: detail.listings };
  const plans = await plansShown(db, detail.listings);
  return {
    product: summaryOf(entry, plans),
    position: productPosition(entry, plans),
    calibrations: detail.calibrations.map((c) => ({
      id: c.id,
      listingKey: c.listingKey,
      onHand: c.onHand,
      previous: c.previous,
      reason: c.reason,
      by: c.by,
      at: c.at,
    })),
    returns: detail.returns
      .filter((r): r is typeof r & { id: number } => r.id !== undefined)
      .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1))
      .map((r) => ({
        id: r.id,
        listingKey: r.listingKey,
        units: r.units,
        orderId: r.orderId,
        reason: r.reason,
        receivedAt: r.receivedAt,
        status: r.status,
        resolvedAt: r.resolvedAt,
        resolvedBy: r.resolvedBy,
      })),
  };
}
