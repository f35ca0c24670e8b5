/**
 * Glue between the store and the planning core: load what the planner needs for some
 * products, plan, cache the plans. Bursts of merges (several tabs, a paging grid) are
 * coalesced: calls that arrive while a run is in progress are served together by the next run.
 */
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { type Calibration, type PlanExtras } from '../planning';
import { planByAccount } from '../accounts/plan';
import { parseAccountsDoc } from '../accounts/registry';
import type { Observation } from '../records';
import { migrateSettings } from '../settings';
import {
  CATALOGUE_FIT_MAX_AGE_MS,
  loadCatalogueFit,
  loadOrderImportSpans,
  loadInboundArrivals,
  loadInboundShipments,
  loadAccounts,
  HistoryMovedError,
  loadReplanInput,
  OWN_WAREHOUSE_POOL,
  saveCatalogueFit,
  savePlans,
  readingsOfListings,
  type OrderRow,
  type ProductReplanInput,
  type StoreDb,
} from '../store';
import { demandOfProducts, saveRebuiltDemand } from './demand-cache';
import { arrivalsByListing } from '../inbound/arrivals';
import { withPurchasingAnswers } from './purchase-panels';
import { saveReorderValues } from './reorder-values';
import { withSharedCapacity } from './fba-capacity-plans';
import { freshPlansOf, type FreshPlans } from './fresh-plans';

/**
 * An order row as the observation the planner reads (the store keeps each line's latest state).
 * @example orderObservation(row).kind // 'order'
 */
export function orderObservation(order: OrderRow): Observation {
  return {
    kind: 'order',
    platform: order.platform,
    marketplace: order.marketplace,
    // Its seller account: the planner keys the line to its listing with it (records.ts listingKey).
    ...(order.account ? { account: order.account } : {}),
    source: order.source,
    observedAt: order.observedAt,
    observedDate: order.observedAt.slice(0, 10),
    orderId: order.orderId,
    sku: order.sku,
    quantity: order.quantity,
    status: order.status,
    orderDate: order.orderDate,
    ...(order.itemPrice ? { itemPrice: order.itemPrice } : {}),
    ...(order.fulfillment ? { fulfillment: order.fulfillment } : {}),
  };
}

/**
 * Re-plans the given products (all when undefined) and caches the result; returns how many
 * plans were written. A whole-store re-plan fits the forecast context and ABC classes on the
 * whole catalogue and caches them; a re-plan of a few products reuses that fit (while it is
 * fresh), so a page's batch never ranks or fits on itself alone.
 * @example await replanProducts(db, merged.productIds, new Date())
 */
export async function replanProducts(
  db: StoreDb,
  productIds: readonly string[] | undefined,
  now: Date,
  {
    onStep,
    later,
    onPlans,
  }: {
    /** Each step's wall time as it ends (the store bench's breakdown). */
    onStep?: (step: ReplanStep, ms: number) => void;
    /**
     * Answers from the plans before they are saved (a page's panels: fresh-plans.ts): the save
     * starts once it is done, so what it reads of the store is read before the save's write
     * transaction holds the tables. Its failure does not stop the save. Not called when the
     * re-plan had nothing to plan (nothing is saved then either).
     */
    onPlans?: OnPlans;
    /**
     * Takes what is left once the plans are saved (the reorder lines and the demand cache the
     * next re-plan reads, and a whole re-plan's catalogue fit), so the caller can answer the
     * panels first and run it before its next re-plan; without it the re-plan does it itself.
     */
    later?: (afterPlans: () => Promise<void>) => void;
  } = {},
): Promise<number> {
  try {
    return await replanOnce(db, productIds, now, { onStep, later, onPlans }, true);
  } catch (error) {
    // A history rewritten between loading and rebuilding (the daily fold, an old-dated import): load it again, readings in.
    if (!(error instanceof HistoryMovedError)) throw error;
    return replanOnce(db, productIds, now, { onStep, later, onPlans }, false);
  }
}

/**
 * One try of replanProducts. `deferDigests`: the loader leaves the history digests' readings out
 * (a listing whose cached facts hold needs none of them), and those of the listings rebuilt are
 * read afterwards (readingsOfListings), which throws HistoryMovedError if one was rewritten in
 * between; without it they are read in the loader's transaction.
 */
async function replanOnce(
  db: StoreDb,
  productIds: readonly string[] | undefined,
  now: Date,
  { onStep, later, onPlans }: { onStep?: (step: ReplanStep, ms: number) => void; later?: (afterPlans: () => Promise<void>) => void; onPlans?: OnPlans },
  deferDigests: boolean,
): Promise<number> {
  let stepStart = performance.now();
  const stepDone = (step: ReplanStep) => {
    const end = performance.now();
    onStep?.(step, end - stepStart);
    stepStart = end;
  };
  const [input, stored, orderImportSpans, arrivals, shipments] = await Promise.all([
    // History digests' readings are left out: listings whose cached facts hold need none of them. So for the
    // whole store too (the daily job: most series are carried from the cache).
    loadReplanInput(db, productIds, { deferDigests }),
    productIds === undefined ? undefined : loadCatalogueFit(db),
    loadOrderImportSpans(db),
    loadInboundArrivals(db),
    loadInboundShipments(db),
  ]);
  stepDone('load');
  const { observations, ...options } = plannerInputOf(input.products);
  if (observations.length === 0 && !input.products.some((p) => p.digests?.some((d) => d.count > 0))) return 0;
  const settings = migrateSettings(input.settings);
  // Days imported order histories covered: a listing absent from them sold nothing then.
  // Arrival dates the seller entered, and the estimates of the shipments each listing's units are in (tied by
  // hand or by the shipment's contents page), date the inbound instead of the transit-days guess.
  const listingKeys = input.products.flatMap((p) => p.listings.map((l) => l.key));
  const extras = { ...options, orderImportSpans, inboundArrivals: arrivalsByListing(arrivals, shipments, listingKeys) };
  // Facts and demand of listings whose inputs did not change come from the store's cache (demand-cache.ts).
  const demand = await demandOfProducts(db, input.products, observations, extras, settings, now, (missed) =>
    observationsOfListings(db, input.products, missed),
  );
  const fresh = stored && now.getTime() - Date.parse(stored.fittedAt) < CATALOGUE_FIT_MAX_AGE_MS ? stored.fit : undefined;
  // Accounts with settings of their own (lib/accounts/settings.ts) are planned with them.
  const accounts = parseAccountsDoc(await loadAccounts(db));
  stepDone('demand');
  // Every listing's facts are worked out: the planner reads them, not the readings again.
  const { plans, fit } = planByAccount([], settings, accounts, now, {
    ...extras,
    knownFacts: demand.factsOf,
    ...(fresh ? { forecastContext: fresh.forecastContext, abcOf: fresh.abcOf } : {}),
  });
  stepDone('plan');
  // Placed orders come off (and pool transfers are suggested) before caching, so urgency, badge and every view count them once.
  // The FBA capacity limit is shared by a marketplace's stocks once each reorder is final (fba-capacity-plans.ts).
  const answered = await withPurchasingAnswers(db, plans, productIds === undefined ? undefined : listingKeys);
  stepDone('purchasing');
  const capped = await withSharedCapacity(db, answered.plans, productIds === undefined);
  stepDone('capacity');
  // Purchasing counted the plans to trust its stored lines: the save takes that count, not another.
  const { planCountBefore: planCount } = answered.reorderValues;
  const replacing = productIds === undefined ? { replaceAll: true } : { replaceFor: listingKeys, replaceProducts: productIds, planCount };
  if (onPlans) {
    await onPlans(freshPlansOf(capped, productIds === undefined ? 'all' : productIds, input.listings)).catch(() => undefined);
    stepDone('answer');
  }
  const saved = await savePlans(db, capped, replacing);
  stepDone('save-plans');
  const afterPlans = async () => {
    await saveReorderValues(db, answered.reorderValues, now, saved);
    stepDone('reorder-lines');
    await saveRebuiltDemand(db, demand);
    if (productIds === undefined) await saveCatalogueFit(db, fit, now);
    stepDone('save-demand');
  };
  if (later) later(afterPlans);
  else await afterPlans();
  return plans.length;
}

/**
 * The planner's arguments for some products: every reading and order line as an observation,
 * which product and pool each listing belongs to, the seller's counts (the latest per pool),
 * stock corrections, and returns held or released.
 * @example planFromObservations(plannerInputOf(products).observations, settings, now)
 */
export function plannerInputOf(products: readonly ProductReplanInput[]) {
  const observations: Observation[] = [];
  const productOf: Record<string, string> = {};
  const poolOf: Record<string, string> = {};
  const calibrations: Calibration[] = [];
  const counts: Record<string, { onHand: number; date: string; at: string }> = {};
  const returns: NonNullable<PlanExtras['returns']>[number][] = [];
  for (const product of products) {
    for (const listing of product.listings) {
      productOf[listing.key] = product.productId;
      if (listing.poolId) poolOf[listing.key] = listing.poolId;
    }
    for (const row of product.observations) observations.push(row.record);
    for (const order of product.orders) observations.push(orderObservation(order));
    for (const c of product.calibrations) {
      const day = localDay(c.listingKey, c.at);
      // The store keeps the counted total; reconstruction wants the signed fix it made.
      if (c.previous !== null && c.onHand !== c.previous) {
        calibrations.push({ listingKey: c.listingKey, date: day, kind: 'correction', units: c.onHand - c.previous });
      }
      const stock = `${product.productId}@${c.poolId ?? poolOf[c.listingKey] ?? OWN_WAREHOUSE_POOL}`;
      if (!counts[stock] || counts[stock].at <= c.at) counts[stock] = { onHand: c.onHand, date: day, at: c.at };
    }
    for (const r of product.returns) {
      if (r.status === 'held')
        returns.push({ listingKey: r.listingKey, units: r.units, status: 'held', date: localDay(r.listingKey, r.receivedAt), at: r.receivedAt });
      else if (r.status === 'sellable') {
        const at = r.resolvedAt ?? r.receivedAt;
        returns.push({ listingKey: r.listingKey, units: r.units, status: 'released', date: localDay(r.listingKey, at), at });
      }
    }
  }
  const poolCounts = counts;
  return { observations, productOf, poolOf, calibrations, poolCounts, returns };
}

/**
 * The planner's observations of some listings, by listing: for those listings, what
 * observationsByListing(plannerInputOf(products).observations) gives for the products with their
 * digests' readings in (readings in the loader's order, then order lines), without building the
 * other listings' or a key per observation. Deferred digests' readings of these listings are
 * read here (readingsOfListings: throws HistoryMovedError if one was rewritten since loading).
 * @example (await observationsOfListings(db, products, new Set([key]))).get(key)
 */
export async function observationsOfListings(
  db: StoreDb,
  products: readonly ProductReplanInput[],
  keys: ReadonlySet<string>,
): Promise<Map<string, Observation[]>> {
  const out = new Map<string, Observation[]>();
  for (const [key, readings] of await readingsOfListings(db, products, keys))
    out.set(
      key,
      readings.map((r) => r.record),
    );
  for (const p of products) {
    for (const order of p.orders) {
      if (!keys.has(order.listingKey)) continue;
      const list = out.get(order.listingKey);
      if (list) list.push(orderObservation(order));
      else out.set(order.listingKey, [orderObservation(order)]);
    }
  }
  return out;
}

/** The calendar day of an instant in the marketplace of a listing key. */
function localDay(listingKey: string, at: string): string {
  const zone = marketplaceById(listingKey.split('|')[1] ?? '')?.timeZone ?? 'UTC';
  return isoDateInZone(new Date(at), zone);
}

/** Answers from a re-plan's plans before they are saved (replanProducts' `onPlans`). */
export type OnPlans = (fresh: FreshPlans) => Promise<void>;

/** The steps of a re-plan, in order, as `replanProducts` reports their wall time ('answer' only with `onPlans`). */
export const REPLAN_STEPS = ['load', 'demand', 'plan', 'purchasing', 'capacity', 'answer', 'save-plans', 'reorder-lines', 'save-demand'] as const;
export type ReplanStep = (typeof REPLAN_STEPS)[number];

/** Re-plan calls served by one run: their products, the run's promise, and their callers' `onPlans`. */
interface ReplanBatch {
  ids: Set<string> | 'all';
  promise: Promise<void>;
  answers: OnPlans[];
}

/**
 * The one re-plan queue over a store. A re-plan answers (its promise resolves) once its plans are
 * saved; a caller that answers a page gives `onPlans` and answers from the plans before the save
 * (replanProducts' `onPlans`: every caller's in a coalesced batch runs before it saves). What a
 * re-plan leaves for later (replanProducts' `later`: the demand cache and reorder lines) runs,
 * under `keepAwake`, before the next re-plan starts, which reads them.
 * @example await createReplanner(db, () => new Date()).replan(productIds)
 */
export function createReplanner(
  db: StoreDb,
  now: () => Date,
  { keepAwake = (work: Promise<void>) => work }: { keepAwake?: (work: Promise<void>) => Promise<void> } = {},
) {
  let running: Promise<void> = Promise.resolve();
  let pending: ReplanBatch | undefined;
  // A save of plans some caller has already answered from (`onPlans`), while it runs.
  let answeredSave: Promise<void> | undefined;

  return {
    /** Resolves when plans for these products (and any coalesced with them) are cached; `onPlans` runs before they are. */
    replan(productIds: readonly string[] | undefined, onPlans?: OnPlans): Promise<void> {
      if (!pending) {
        const batch: ReplanBatch = { ids: new Set(), promise: Promise.resolve(), answers: [] };
        let afterPlans: (() => Promise<void>) | undefined;
        batch.promise = running.then(async () => {
          pending = undefined;
          const answers = batch.answers;
          let saved: Promise<void> | undefined;
          const run = replanProducts(db, batch.ids === 'all' ? undefined : [...batch.ids], now(), {
            later: (work) => (afterPlans = work),
            ...(answers.length
              ? {
                  onPlans: async (fresh: FreshPlans) => {
                    // From the first answer on, readers of plans wait for the save (plansSaved), so none reads older plans than a panel showed.
                    answeredSave = saved = run.then(
                      () => undefined,
                      () => undefined,
                    );
                    await Promise.all(answers.map((answer) => answer(fresh).catch(() => undefined)));
                  },
                }
              : {}),
          });
          try {
            await run;
          } finally {
            if (answeredSave === saved) answeredSave = undefined;
          }
        });
        // A failed write of the cache only costs the next re-plan time (it rebuilds what it misses).
        running = batch.promise
          .catch(() => undefined)
          .then(() => (afterPlans ? keepAwake(afterPlans()) : undefined))
          .catch(() => undefined);
        pending = batch;
      }
      const batch = pending;
      if (productIds === undefined) batch.ids = 'all';
      else if (batch.ids !== 'all') for (const id of productIds) batch.ids.add(id);
      if (onPlans) batch.answers.push(onPlans);
      return batch.promise;
    },
    /**
     * Resolves when no save of plans a caller has answered from is under way: a reader of plans
     * then sees at least what the last page's panels showed.
     */
    plansSaved(): Promise<void> {
      return answeredSave ?? Promise.resolve();
    },
    /** Resolves when every queued re-plan, and what each left for later, is done. */
    idle(): Promise<void> {
      return running;
    },
  };
}
