/**
 * Store benchmarks: merging a 5,000-row page into a large store, and the popup's at-risk query.
 * This suite runs in Node on fake-indexeddb (a pure-JS IndexedDB: slower than Chromium's, which
 * is backed by LevelDB in C++); store-chromium.ts runs the same scenario (runStoreScenario)
 * in headless Chromium, where the extension runs.
 *
 * The store is seeded by writing rows straight into the tables (not through the merge), in
 * large bulkPut chunks, until the target size or a time budget is reached; the table notes say
 * which size was reached.
 */
import 'fake-indexeddb/auto';
import type { ListingObservation } from '../../lib/records';
import { Dexie } from 'dexie';
import { searchTables, openStore, type StoreDb } from '../../lib/store/db';
import { declareSchema } from '../../lib/store/schema';
import { mergeObservations } from '../../lib/store/merge';
import { savePlans } from '../../lib/store/plans';
import { loadReplanInput } from '../../lib/store/planning-input';
import { replanProducts, type ReplanStep } from '../../lib/background/replan';
import { panelsOf } from '../../lib/background/page-handlers';
import { listingKey } from '../../lib/records';
import { listAtRisk } from '../../lib/store/queries';
import { applyListingObservation, linkKeysOf, newListingRow, type ListingRow } from '../../lib/store/tables/listings';
import { observationIdOf, type ObservationRow } from '../../lib/store/tables/observations';
import { productIdFor } from '../../lib/store/tables/products';
import { readAllListings, writeListings } from '../../lib/store/listing-store';
import { FOLD_LAG_DAYS, foldHistory } from '../../lib/store/observation-store';
import { deleteHistoryDigests, writeHistoryDigests } from '../../lib/store/history-digest';
import { observationChunksOf } from '../../lib/store/tables/observationChunks';
import { poolIdFor, poolRowFor } from '../../lib/store/tables/stockPools';
import { median } from './shared/median';
import type { SkuPlan } from '../../lib/planning/types';
import type { BenchSuite, BenchTable } from './types';
import { storeBenchPart, storeBenchPooled, type StoreBenchPart } from './store-parts';

/** Sizes of the scenario (env STORE_BENCH_SKUS, STORE_BENCH_OBSERVATIONS, STORE_BENCH_SEED_MS in Node). */
export interface StoreScenarioOptions {
  skus: number;
  targetObservations: number;
  /** Seeding stops at this many ms even if the target is not reached (the table says so). */
  seedBudgetMs: number;
  /**
   * One part after the seeding (env STORE_BENCH_ONLY): `replan`, the re-plan cases (no page
   * merges before them, no queries); `queries`, the popup's queries (after saving a plan for
   * every listing). Default: everything.
   */
  only?: StoreBenchPart;
  /**
   * Each product's Walmart listing fulfilled by the seller instead of WFS, so it and the eBay
   * listing share the own warehouse (pool plans, as for a multi-channel seller shipping from one
   * stock; env STORE_BENCH_POOLED=1). Default: every listing alone in its pool.
   */
  pooled?: boolean;
}

export interface StoreScenarioResult {
  rows: (string | number)[][];
  notes: string[];
}

const PAGE_ROWS = 5_000;
const CHUNK = 20_000;
const DAY_MS = 86_400_000;
const START = Date.parse('2023-01-01T10:00:00.000Z');

type Market = readonly ['amazon' | 'walmart' | 'ebay', string, 'FBA' | 'WFS' | 'SELLER'];

/** Each product's listings, one per marketplace, each in a pool of its own. */
const ALONE: readonly Market[] = [
  ['amazon', 'amazon.com', 'FBA'],
  ['amazon', 'amazon.de', 'FBA'],
  ['walmart', 'walmart.com', 'WFS'],
  ['ebay', 'ebay.com', 'SELLER'],
];

/** The same with the Walmart listing shipped by the seller: it shares the own warehouse with the eBay one. */
const POOLED: readonly Market[] = [
  ['amazon', 'amazon.com', 'FBA'],
  ['amazon', 'amazon.de', 'FBA'],
  ['walmart', 'walmart.com', 'SELLER'],
  ['ebay', 'ebay.com', 'SELLER'],
];

/** The markets of this run (runStoreScenario sets them from its options; every helper below reads them). */
let MARKETS: readonly Market[] = ALONE;

function reading(i: number, day: number, minute = 0): ListingObservation {
  const [platform, marketplace, fulfillment] = MARKETS[i % MARKETS.length]!;
  const at = new Date(START + day * DAY_MS + minute * 60_000).toISOString();
  return {
    kind: 'listing',
    platform,
    marketplace,
    source: `${platform}/inventory`,
    observedAt: at,
    observedDate: at.slice(0, 10),
    sku: `SKU-${String(Math.floor(i / MARKETS.length)).padStart(5, '0')}`,
    fulfillment,
    title: `Item ${i} ${marketplace}`,
    available: (i * 7 + day * 3) % 97,
    inbound: (i + day) % 13,
    price: { amountMinor: 999 + (i % 500), currency: 'USD' },
  };
}

/** The same listing read again later in the day, one unit sold since (a new reading, not a repeat). */
function soldSince(r: ListingObservation): ListingObservation {
  return { ...r, available: Math.max(0, (r.available ?? 1) - 1), inbound: (r.inbound ?? 0) + 1 };
}

function plan(row: ListingRow, i: number): SkuPlan {
  const daysOfCover = (i * 37) % 400;
  return {
    key: row.key,
    scope: 'listing',
    sku: row.sku,
    platform: row.platform,
    marketplace: row.marketplace,
    listingKeys: [row.key],
    productId: row.productId,
    poolId: row.poolId ?? 'fba:NA',
    asOf: '2024-01-01',
    available: row.available ?? 0,
    stock: { source: 'reading', heldReturns: 0, hint: null },
    inbound: 0,
    pendingUnits: 0,
    daysOfCover,
    stockoutDate: null,
    inboundArrivalDate: null,
    stockoutDateWithInbound: null,
    reorderDate: null,
    reorderDaysLate: 0,
    reorderQuantity: 0,
    reorderPoint: 0,
    safetyStock: 0,
    leadTimeDays: 30,
    forecast: { model: 'ma28', meanDaily: 1, horizonDays: 90, p50: 90, p90: 110, historyDays: 90, censoredDays: 0 },
    healthScore: 80,
    healthReasons: daysOfCover < 30 ? [{ code: 'stockout-soon', points: 20, params: {} }] : [],
    lifecycleStage: 'maturity',
    abcClass: 'B',
    clearance: null,
    storage: null,
    alerts: [],
    oversell: { pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} },
    channel: null,
    computedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** Seeds a store as runStoreScenario does (also used by backup-scenario.ts). */
export async function seed(
  db: StoreDb,
  { skus: SKUS, targetObservations: TARGET_OBSERVATIONS, seedBudgetMs: SEED_BUDGET_MS }: StoreScenarioOptions,
): Promise<{ observations: number; seconds: number; days: number }> {
  const started = performance.now();
  const listings: ListingRow[] = [];
  for (let i = 0; i < SKUS; i++) {
    const obs = reading(i, 0);
    let row = newListingRow(obs, obs.observedAt);
    row = applyListingObservation(row, obs, obs.observedAt).row;
    // Listings of one SKU across markets share a product (as sku linking would do).
    const founder = `${MARKETS[0]![0]}|${MARKETS[0]![1]}|${obs.sku}`;
    row = {
      ...row,
      productId: productIdFor(founder, () => false),
      linkRule: i % MARKETS.length ? 'sku' : 'none',
      poolId: poolIdFor(row.platform, row.marketplace, row.fulfillment),
    };
    listings.push(row);
  }
  await db.products.bulkPut(listings.filter((_, i) => i % MARKETS.length === 0).map((l) => ({ id: l.productId, createdAt: l.firstSeenAt, founderKey: l.key })));
  await db.stockPools.bulkPut(['fba:NA', 'fba:EU', 'wfs:walmart.com', 'own:main'].map(poolRowFor));
  // History: one reading per listing per day, going back as many days as the target needs.
  const days = Math.ceil(TARGET_OBSERVATIONS / SKUS);
  // Written as the store keeps them (schema v4) once the daily maintenance has run: the last
  // FOLD_LAG_DAYS days in day chunks, older days in each listing's history record.
  const perListing: ObservationRow[][] = listings.map(() => []);
  let written = 0;
  for (let day = 1; day <= days && written < TARGET_OBSERVATIONS; day++) {
    for (let i = 0; i < SKUS && written < TARGET_OBSERVATIONS; i++, written++) {
      const obs = reading(i, day);
      const at = obs.observedAt;
      perListing[i]!.push({
        id: observationIdOf(obs),
        kind: 'listing',
        key: listings[i]!.key,
        listingKey: listings[i]!.key,
        source: obs.source,
        observedAt: at,
        observedDate: obs.observedDate,
        lastSeenAt: at,
        record: obs,
      });
    }
    if (performance.now() - started > SEED_BUDGET_MS) break;
  }
  const seededDays = Math.ceil(written / SKUS);
  const cutoff = new Date(START + (seededDays + 1 - FOLD_LAG_DAYS) * DAY_MS).toISOString().slice(0, 10);
  for (let i = 0; i < SKUS; i += CHUNK / 100) {
    const batch = perListing
      .slice(i, i + CHUNK / 100)
      .map((rows, j) => ({ key: listings[i + j]!.key, rows: rows.filter((r) => r.observedDate < cutoff).sort((a, b) => (a.id < b.id ? -1 : 1)) }));
    await db.listingHistory.bulkPut(batch.filter((h) => h.rows.length));
    // With their digests, as the daily fold leaves them (lib/store/history-digest.ts): the re-plan reads those.
    await writeHistoryDigests(
      db,
      batch.map((h) => [h.key, h.rows] as const),
    );
  }
  await db.observationChunks.bulkPut(observationChunksOf(perListing.flat().filter((r) => r.observedDate >= cutoff)));
  const lastDay = Math.ceil(written / SKUS);
  // Listings as of the last seeded day (and their search rows, which the merge would write).
  const latest = listings.map((row, i) => {
    const obs = reading(i, lastDay);
    return applyListingObservation(row, obs, obs.observedAt).row;
  });
  await db.transaction('rw', [db.listings, db.listingChunks, ...searchTables(db)], () => writeListings(db, latest));
  return { observations: written, seconds: (performance.now() - started) / 1000, days: lastDay };
}

/**
 * The worker between two page reads (or before the next day's job): a seller reads pages
 * seconds to hours apart, and V8 collects an idle heap then. Back to back, each page's re-plan
 * here paid for the garbage of the phase before it (the whole-store re-plan allocates about
 * 1.45 GB), which no page read in the extension does; a full collection (where the engine
 * exposes one: Chromium is launched with --expose-gc) before each page's merge stands for that
 * idle time. The merge's own garbage, and the re-plan's, stay in the timing (page-read-chromium
 * collects before each timed read the same way).
 */
function idleWorker(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Marks the start/end of a measured phase for a profiling host (store-chromium.ts with
 * STORE_BENCH_CHROMIUM_PROFILE set exposes `__storeBenchPhase` to start/stop the CPU profiler
 * and count IndexedDB requests). Outside timed regions; a no-op elsewhere.
 */
async function phase(name: string, edge: 'start' | 'stop'): Promise<void> {
  const hook = (globalThis as { __storeBenchPhase?: (name: string, edge: string) => Promise<void> }).__storeBenchPhase;
  if (hook) await hook(name, edge);
}

/**
 * The whole scenario on a fresh store (deleted afterwards), in whatever environment provides
 * IndexedDB: seed, merge pages, save plans, query.
 */
export async function runStoreScenario(options: StoreScenarioOptions): Promise<StoreScenarioResult> {
  const { skus: SKUS, targetObservations: TARGET_OBSERVATIONS, seedBudgetMs: SEED_BUDGET_MS } = options;
  MARKETS = options.pooled ? POOLED : ALONE;
  const db = await openStore(`bench-store-${Date.now()}`);
  try {
    const seeded = await seed(db, options);
    const rows: (string | number)[][] = [];

    if (options.only === undefined) rows.push(...(await mergeCases(db, seeded.days, SKUS)));
    if (options.only !== 'queries') rows.push(...(await replanCases(db, seeded.days, SKUS)));
    if (options.only !== 'replan') rows.push(...(await queryCases(db, SKUS)));
    const notes = [
      `Store: ${SKUS.toLocaleString('en')} listings, ${seeded.observations.toLocaleString('en')} observation rows (${seeded.days} days of history)` +
        (seeded.observations < TARGET_OBSERVATIONS
          ? ` — target ${TARGET_OBSERVATIONS.toLocaleString('en')} not reached within the ${SEED_BUDGET_MS / 1000} s seeding budget`
          : '') +
        `; seeding took ${seeded.seconds.toFixed(0)} s.`,
      'Merge times include zod validation of every record and the single read-write transaction.',
      options.pooled
        ? "Pooled (STORE_BENCH_POOLED=1): each product's Walmart and eBay listings share the own warehouse, so a re-plan makes and saves pool plans."
        : 'Each listing alone in its pool (STORE_BENCH_POOLED=1: Walmart and eBay listings share the own warehouse).',
    ];
    return { rows, notes };
  } finally {
    db.close();
    await db.delete();
  }
}

/** Merges of 5,000-row pages: known SKUs on new days, the same page re-read, never-seen SKUs. */
async function mergeCases(db: StoreDb, days: number, SKUS: number): Promise<(string | number)[][]> {
  const seeded = { days };
  const rows: (string | number)[][] = [];
  // Merge: the seller opens a 5,000-row page the next day (new values for known SKUs) — 3 pages, 3 days.
  const mergeTimes: number[] = [];
  let counts = '';
  for (let k = 1; k <= 3; k++) {
    const page = Array.from({ length: PAGE_ROWS }, (_, j) => reading((j * 2 + k) % SKUS, seeded.days + k));
    await phase(`merge-known-${k}`, 'start');
    const t0 = performance.now();
    const result = await mergeObservations(db, page, new Date(START + (seeded.days + k + 1) * DAY_MS));
    mergeTimes.push(performance.now() - t0);
    await phase(`merge-known-${k}`, 'stop');
    counts = `new ${result.counts.new}, unchanged ${result.counts.unchanged}`;
  }
  rows.push([`mergeObservations: ${PAGE_ROWS} rows, known SKUs, new day`, median(mergeTimes).toFixed(0), Math.max(...mergeTimes).toFixed(0), '< 500', counts]);

  const again = Array.from({ length: PAGE_ROWS }, (_, j) => reading((j * 2 + 3) % SKUS, seeded.days + 3, 5));
  const reread: number[] = [];
  for (let k = 0; k < 3; k++) {
    await phase(`merge-reread-${k}`, 'start');
    const t0 = performance.now();
    await mergeObservations(db, again, new Date(START + (seeded.days + 5) * DAY_MS));
    reread.push(performance.now() - t0);
    await phase(`merge-reread-${k}`, 'stop');
  }
  rows.push([
    `mergeObservations: same ${PAGE_ROWS}-row page re-read 5 min later`,
    median(reread).toFixed(0),
    Math.max(...reread).toFixed(0),
    '< 500',
    'no new rows',
  ]);

  const fresh = Array.from({ length: PAGE_ROWS }, (_, j) => ({ ...reading(j, seeded.days + 6), sku: `NEW-${j}` }));
  await phase('merge-fresh', 'start');
  const t1 = performance.now();
  const created = await mergeObservations(db, fresh, new Date(START + (seeded.days + 7) * DAY_MS));
  const freshMs = performance.now() - t1;
  await phase('merge-fresh', 'stop');
  rows.push([`mergeObservations: ${PAGE_ROWS} never-seen SKUs (linking, new products)`, freshMs.toFixed(0), '', '< 500', `linked ${created.counts.linked}`]);
  return rows;
}

/** A re-plan's steps as it reports them (replanProducts' onStep), for the table's notes. */
function stepTimes() {
  const steps: [ReplanStep, number][] = [];
  return {
    add: (step: ReplanStep, ms: number) => void steps.push([step, ms]),
    text: () => `steps (ms): ${steps.map(([step, ms]) => `${step} ${ms.toFixed(0)}`).join(' · ')}`,
  };
}

/**
 * A re-plan as the background's queue runs it. After a page (`pageKeys`): timed until the page's
 * panels are answered from its plans (the seller's wait: page-handlers.ts answers before the
 * save), then until the plans are saved (readers of plans wait for that: handlers.ts); without a
 * page, until the plans are saved. Then the work it leaves for later (reorder lines, demand
 * cache), timed apart: the queue runs it before the next re-plan starts.
 */
async function timedReplan(
  db: StoreDb,
  productIds: readonly string[] | undefined,
  now: Date,
  { onStep, pageKeys }: { onStep?: (step: ReplanStep, ms: number) => void; pageKeys?: readonly string[] } = {},
) {
  let afterPlans: (() => Promise<void>) | undefined;
  let answeredMs: number | undefined;
  const listingsBefore = db.memory.listings.stats();
  const start = performance.now();
  const planned = await replanProducts(db, productIds, now, {
    onStep,
    later: (work) => (afterPlans = work),
    ...(pageKeys
      ? {
          onPlans: async (fresh) => {
            await panelsOf(db, pageKeys, false, fresh);
            answeredMs = performance.now() - start;
          },
        }
      : {}),
  });
  const plansMs = performance.now() - start;
  await afterPlans?.();
  const listingsAfter = db.memory.listings.stats();
  // Reads of the listings table's rows by product or whole answered from memory (record-cache.ts), and all such reads.
  const byProduct = {
    fromMemory: listingsAfter.hits - listingsBefore.hits,
    all: listingsAfter.hits - listingsBefore.hits + listingsAfter.misses - listingsBefore.misses,
  };
  return { planned, waitMs: answeredMs ?? plansMs, plansMs, laterMs: performance.now() - start - plansMs, byProduct };
}

/** The note on what a re-plan left for later (and, after a page, when its plans were saved). */
function laterNote(run: { waitMs: number; plansMs: number; laterMs: number; byProduct: { fromMemory: number; all: number } }): string {
  const saved = run.waitMs === run.plansMs ? '' : `panels answered, plans saved ${(run.plansMs - run.waitMs).toFixed(0)} ms later; `;
  const memory =
    run.byProduct.all > 0 ? `; reads of listings (by product, or the whole table) from memory: ${run.byProduct.fromMemory} of ${run.byProduct.all}` : '';
  return `${saved}then ${run.laterMs.toFixed(0)} ms writing reorder lines and demand cache before the next re-plan${memory}`;
}

/** The listing keys of a page's rows (the panels it asks for). */
function keysOf(rows: readonly ListingObservation[]): string[] {
  return rows.map((r) => listingKey(r));
}

/**
 * How many readings a re-plan of these products loads (every one, digests' readings in). Only
 * the count is kept: holding the loaded input (1,000,000 readings for the 5,000-row page) would
 * leave the re-plans timed after it marking it in every garbage collection, which the
 * extension's re-plans never do.
 */
async function readingsLoaded(db: StoreDb, productIds: readonly string[]): Promise<number> {
  const input = await loadReplanInput(db, productIds);
  return input.products.reduce((n, p) => n + p.observations.length, 0);
}

/** What follows a merge in the background: re-plans of the products it touched, cold and warm. */
async function replanCases(db: StoreDb, days: number, SKUS: number): Promise<(string | number)[][]> {
  const seeded = { days };
  const rows: (string | number)[][] = [];
  // A seller's store holds a plan for every listing (the daily re-plan makes them): page re-plans
  // then work beside 10,000 cached plans, as they do in the extension, not in an empty table.
  const whole = await timedReplan(db, undefined, new Date(START + (seeded.days + 8) * DAY_MS));
  rows.push([
    `the daily re-plan of the whole store (${whole.planned} plans)`,
    whole.plansMs.toFixed(0),
    '',
    '',
    `fits the forecast context and ABC classes on the whole catalogue; ${laterNote(whole)}`,
  ]);

  // What follows a merge in the background: re-plan the products it touched (a 250-row page, then a 5,000-row one).
  idleWorker();
  const smallPage = Array.from({ length: 250 }, (_, j) => reading((j * 40 + 3) % SKUS, seeded.days + 8));
  const small = await mergeObservations(db, smallPage, new Date(START + (seeded.days + 9) * DAY_MS));
  const tSmallLoad = performance.now();
  const smallReadings = await readingsLoaded(db, small.productIds);
  const smallLoadMs = performance.now() - tSmallLoad;
  await phase('replan-small', 'start');
  const smallRun = await timedReplan(db, small.productIds, new Date(START + (seeded.days + 9) * DAY_MS), { pageKeys: keysOf(smallPage) });
  await phase('replan-small', 'stop');
  rows.push([
    `re-plan after a 250-row page until its panels answer: ${small.productIds.length} products (load history, forecast, plan ${smallRun.planned} plans, panels)`,
    smallRun.waitMs.toFixed(0),
    '',
    '',
    `of which loading ${smallReadings.toLocaleString('en')} readings ${smallLoadMs.toFixed(0)} ms; ${laterNote(smallRun)}`,
  ]);
  // Every page re-plan here reuses the forecast context and ABC classes the whole-store re-plan
  // above fitted and cached (lib/store/catalogue-fit.ts; fresh for two days), as in the extension.
  // The same 250 rows read again later that day with new values: the other channels of each
  // product keep their demand series from the store's cache (lib/background/demand-cache.ts),
  // as every first page of a day does after the daily re-plan.
  idleWorker();
  const smallAgainPage = Array.from({ length: 250 }, (_, j) => soldSince(reading((j * 40 + 3) % SKUS, seeded.days + 8, 90 + j)));
  const smallAgain = await mergeObservations(db, smallAgainPage, new Date(START + (seeded.days + 9) * DAY_MS));
  await phase('replan-small-warm', 'start');
  const smallSteps = stepTimes();
  const smallWarm = await timedReplan(db, smallAgain.productIds, new Date(START + (seeded.days + 9) * DAY_MS), {
    onStep: smallSteps.add,
    pageKeys: keysOf(smallAgainPage),
  });
  await phase('replan-small-warm', 'stop');
  rows.push([
    `re-plan after the same 250 rows read again that day (demand cache warm: ${smallAgain.productIds.length} products)`,
    smallWarm.waitMs.toFixed(0),
    '',
    '< 500',
    `each product: the page channel carried forward by its new stock reading, its other channels from the cache; ${smallSteps.text()}; ${laterNote(smallWarm)}`,
  ]);
  // The same again with the listings' history digests dropped first: the re-plan reads their
  // history records, as it did before digests (and writes the digests back), on the same machine load.
  // Since schema v10 the digest record holds the listing's cached demand too: it goes with it, so every series is rebuilt.
  idleWorker();
  const smallColdPage = Array.from({ length: 250 }, (_, j) => soldSince(soldSince(reading((j * 40 + 3) % SKUS, seeded.days + 8, 200 + j))));
  const smallCold = await mergeObservations(db, smallColdPage, new Date(START + (seeded.days + 9) * DAY_MS));
  const coldKeys = (await Promise.all(smallCold.productIds.map((id) => db.listings.where('productId').equals(id).primaryKeys()))).flat();
  await deleteHistoryDigests(db, coldKeys);
  const coldRun = await timedReplan(db, smallCold.productIds, new Date(START + (seeded.days + 9) * DAY_MS), { pageKeys: keysOf(smallColdPage) });
  rows.push([
    `re-plan after the same 250 rows, history digests dropped (history records read, as before digests, and every series rebuilt: ${smallCold.productIds.length} products)`,
    coldRun.waitMs.toFixed(0),
    '',
    '',
    `reads the history records and writes their digests; ${laterNote(coldRun)}`,
  ]);
  idleWorker();
  const largePage = Array.from({ length: PAGE_ROWS }, (_, j) => reading((j * 2 + 1) % SKUS, seeded.days + 8));
  const touched = await mergeObservations(db, largePage, new Date(START + (seeded.days + 9) * DAY_MS));
  const tLoad = performance.now();
  const readings = await readingsLoaded(db, touched.productIds);
  const loadMs = performance.now() - tLoad;
  await phase('replan-large', 'start');
  const largeRun = await timedReplan(db, touched.productIds, new Date(START + (seeded.days + 9) * DAY_MS), { pageKeys: keysOf(largePage) });
  await phase('replan-large', 'stop');
  rows.push([
    `re-plan after that merge until its panels answer: ${touched.productIds.length} products (load history, forecast, plan ${largeRun.planned} plans, panels)`,
    largeRun.waitMs.toFixed(0),
    '',
    '',
    `of which loading ${readings.toLocaleString('en')} readings ${loadMs.toFixed(0)} ms; ${laterNote(largeRun)}`,
  ]);
  idleWorker();
  const largeAgainPage = Array.from({ length: PAGE_ROWS }, (_, j) => soldSince(reading((j * 2 + 1) % SKUS, seeded.days + 8, 120 + (j % 60))));
  const touchedAgain = await mergeObservations(db, largeAgainPage, new Date(START + (seeded.days + 9) * DAY_MS));
  await phase('replan-large-warm', 'start');
  const largeSteps = stepTimes();
  const largeWarm = await timedReplan(db, touchedAgain.productIds, new Date(START + (seeded.days + 9) * DAY_MS), {
    onStep: largeSteps.add,
    pageKeys: keysOf(largeAgainPage),
  });
  await phase('replan-large-warm', 'stop');
  rows.push([
    `re-plan after the same ${PAGE_ROWS} rows read again that day (demand cache warm: ${touchedAgain.productIds.length} products)`,
    largeWarm.waitMs.toFixed(0),
    '',
    '< 3000',
    `the page channels carried forward by their new stock readings, the other channels from the cache; ${largeSteps.text()}; ${laterNote(largeWarm)}`,
  ]);
  // The daily job the next day, nothing read since: every series is carried from the cache to the
  // new day (demand-cache.ts), not rebuilt; the forecast context and ABC classes are fitted again.
  idleWorker();
  const nextDaySteps = stepTimes();
  const nextDay = await timedReplan(db, undefined, new Date(START + (seeded.days + 10) * DAY_MS), { onStep: nextDaySteps.add });
  rows.push([
    `the next day's re-plan of the whole store, nothing read since (${nextDay.planned} plans)`,
    nextDay.plansMs.toFixed(0),
    '',
    '',
    `every series carried from the demand cache; ${nextDaySteps.text()}; ${laterNote(nextDay)}`,
  ]);
  rows.push(...(await dailyFbaPageCases(db, seeded.days + 10, SKUS)));
  return rows;
}

/**
 * A seller who reads the FBA Inventory page every day: 250 FBA rows with units sold in the last
 * 7, 30 and 90 days, on two days running, each followed by the re-plan of their products. A
 * listing's new counts reach over days its older readings settled, so its series is rebuilt from
 * its readings (lib/planning/reconstruct-extend.ts carries only counts that move no older day), unlike the
 * stock-only readings of the cases above. The first day is the day of the whole-store re-plan
 * before it; the second comes before that day's whole re-plan, so every plan of the products
 * moves to the new day (as on a seller's first page of a day before the daily job has run).
 */
async function dailyFbaPageCases(db: StoreDb, firstDay: number, SKUS: number): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const day of [firstDay, firstDay + 1]) {
    const page = Array.from({ length: 250 }, (_, j) => withSalesWindows(reading((j * 40) % SKUS, day), j + day));
    idleWorker();
    const merged = await mergeObservations(db, page, new Date(START + day * DAY_MS));
    const steps = stepTimes();
    await phase(`replan-fba-day-${day - firstDay + 1}`, 'start');
    const run = await timedReplan(db, merged.productIds, new Date(START + day * DAY_MS), { onStep: steps.add, pageKeys: keysOf(page) });
    await phase(`replan-fba-day-${day - firstDay + 1}`, 'stop');
    rows.push([
      `re-plan after a 250-row FBA Inventory page with 7/30/90-day sales, ${day === firstDay ? 'the day of the whole re-plan' : 'again the next day, before its whole re-plan'} (${merged.productIds.length} products)`,
      run.waitMs.toFixed(0),
      '',
      '',
      `the other channels from the cache; ${steps.text()}; ${laterNote(run)}`,
    ]);
  }
  return rows;
}

/** A reading with the FBA Inventory page's "units sold" counts, from a seed that moves them day to day. */
function withSalesWindows(r: ListingObservation, seed: number): ListingObservation {
  const weekly = 10 + (seed % 9);
  return {
    ...r,
    unitsSold: [
      { windowDays: 7, units: weekly },
      { windowDays: 30, units: weekly * 4 + (seed % 5) },
      { windowDays: 90, units: weekly * 12 + (seed % 13) },
    ],
  };
}

/** savePlans for every listing, then the popup's queries. */
async function queryCases(db: StoreDb, SKUS: number): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];

  // Plans for every seeded listing, then the popup's queries.
  const all = await readAllListings(db);
  const plans = all.filter((l) => !l.sku.startsWith('NEW-')).map(plan);
  await phase('savePlans', 'start');
  const t2 = performance.now();
  await savePlans(db, plans);
  const savePlansMs = performance.now() - t2;
  await phase('savePlans', 'stop');
  const queries: [string, Parameters<typeof listAtRisk>[1]][] = [
    ['listAtRisk: all, first 50', { limit: 50 }],
    ['listAtRisk: all, first 500 (popup default)', {}],
    ['listAtRisk: risk = stockout', { risk: 'stockout' }],
    ['listAtRisk: amazon.de only', { platform: 'amazon', marketplace: 'amazon.de' }],
    ['listAtRisk: search "SKU-012"', { search: 'SKU-012' }],
    ['listAtRisk: search "item 1" (broad: 1,111 matches)', { search: 'item 1' }],
  ];
  for (const [label, q] of queries) {
    await listAtRisk(db, q); // warm
    const times: number[] = [];
    let total = 0;
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      total = (await listAtRisk(db, q)).total;
      times.push(performance.now() - t0);
    }
    rows.push([label, median(times).toFixed(1), Math.max(...times).toFixed(1), '< 50', `total ${total}`]);
    await phase(`query-${queries.findIndex(([l]) => l === label)}`, 'start'); // one more run, for profiling only
    await listAtRisk(db, q);
    await phase(`query-${queries.findIndex(([l]) => l === label)}`, 'stop');
  }
  rows.push([`savePlans: ${SKUS} plans (each listing's plan key and search entry written too)`, savePlansMs.toFixed(0), '', '', '']);
  return rows;
}

/**
 * The v3 -> v4 schema upgrade (observations into chunks) on a v3 store seeded with
 * `observations` readings of `skus` listings: how long a seller's browser spends in it.
 */
export async function runUpgradeScenario({ skus, observations }: { skus: number; observations: number }): Promise<StoreScenarioResult> {
  const name = `bench-upgrade-${Date.now()}`;
  const old = new Dexie(name);
  declareSchema(old, 3);
  await old.open();
  const listings = Array.from({ length: skus }, (_, i) => {
    const obs = reading(i, 0);
    const row = applyListingObservation(newListingRow(obs, obs.observedAt), obs, obs.observedAt).row;
    return { ...row, productId: productIdFor(row.key, () => false), linkKeys: linkKeysOf(row) };
  });
  await old.table('listings').bulkPut(listings);
  let written = 0;
  for (let day = 1; written < observations; day++) {
    const rows: ObservationRow[] = [];
    for (let i = 0; i < skus && written + rows.length < observations; i++) {
      const obs = reading(i, day);
      rows.push({
        id: observationIdOf(obs),
        kind: 'listing',
        key: listings[i]!.key,
        listingKey: listings[i]!.key,
        source: obs.source,
        observedAt: obs.observedAt,
        observedDate: obs.observedDate,
        lastSeenAt: obs.observedAt,
        record: obs,
      });
    }
    await old.table('observations').bulkPut(rows);
    written += rows.length;
  }
  old.close();
  const t0 = performance.now();
  const db = await openStore(name);
  const ms = performance.now() - t0;
  const chunks = await db.observationChunks.count();
  const t1 = performance.now();
  const folded = await foldHistory(db, new Date(START + 10_000 * DAY_MS));
  const foldMs = performance.now() - t1;
  db.close();
  await Dexie.delete(name);
  return {
    rows: [
      [
        `upgrade v3 -> v4: ${skus.toLocaleString('en')} listings, ${written.toLocaleString('en')} observations`,
        ms.toFixed(0),
        ((ms / written) * 1000).toFixed(1),
        `${chunks} day chunks`,
      ],
      [
        `then the background's first fold of them into history records`,
        foldMs.toFixed(0),
        ((foldMs / Math.max(folded, 1)) * 1000).toFixed(1),
        `${folded.toLocaleString('en')} readings moved`,
      ],
    ],
    notes: [
      'Runs once, when the extension updates to schema v4, inside the worker (kept alive by lib/background/keep-alive.ts: Chrome stops a worker after 30 s without extension API calls).',
    ],
  };
}

const suite: BenchSuite = async () => {
  const { rows, notes } = await runStoreScenario({
    skus: Number(process.env.STORE_BENCH_SKUS ?? 10_000),
    targetObservations: Number(process.env.STORE_BENCH_OBSERVATIONS ?? 1_000_000),
    seedBudgetMs: Number(process.env.STORE_BENCH_SEED_MS ?? 150_000),
    only: storeBenchPart(process.env.STORE_BENCH_ONLY),
    pooled: storeBenchPooled(process.env.STORE_BENCH_POOLED),
  });
  const table: BenchTable = {
    title: 'Store (Dexie on fake-indexeddb, Node)',
    environment: `Node ${process.version}, fake-indexeddb (pure JS; Chromium's IndexedDB is faster: see store-chromium), one process`,
    columns: ['operation', 'median ms', 'max ms', 'target ms', 'notes'],
    rows,
    notes,
  };
  return [table];
};

export default suite;
