/**
 * The re-plan's use of the store's demand cache (lib/store/daily-demand.ts): each listing's
 * reconstructed demand, and the facts its readings decide (stock-groups.ts ReadingFacts), are
 * reused when the fingerprint of its inputs is unchanged, rebuilt otherwise, and the rebuilt
 * ones are stored for the next re-plan. A page read changes the readings of the listings on the
 * page; the other listings of the products it touched (their other channels) keep theirs, and
 * their history is never decoded: the fingerprint takes their history digest's stored sums.
 * Today's date is not in the fingerprint: on a later day a series is carried to it (unknown
 * days added, reconstruct.ts seriesOnLaterDay) unless its history window's start would move, so
 * the first page of a day rebuilds only its own listings, not every other channel too.
 *
 * A listing the page read has new readings: when they are stock readings after the newest one
 * its series was built from (no "sold in the last N days" counts, which overlap older days), the
 * series and facts are carried forward by those readings alone (reconstruct-extend.ts,
 * reading-facts-extend.ts: exact, or refused), so its history is not decoded either.
 *
 * Facts and series are rebuilt by the planner's own code (listingFactsOf, given only the
 * listings that missed) and handed to it as `knownFacts`, so a plan from the cache equals a
 * plan rebuilt from all readings (demand-cache.property.test.ts).
 */
import type { Calibration, PlanExtras } from '../planning';
import { dayNumber } from '../planning/days';
import type { DemandSeries } from '../planning/demand-series';
import { inputsLastDay, seriesOnLaterDay } from '../planning/reconstruct';
import { continuationOf, extendDemand } from '../planning/reconstruct-extend';
import { extendReadingFacts } from '../planning/reading-facts-extend';
import {
  completeFacts,
  listingFactsOfGroups,
  marketplaceToday,
  observationsByListing,
  readingFactsOf,
  type ListingFacts,
  type ReadingFacts,
} from '../planning/stock-groups';
import type { ListingObservation, Observation } from '../records';
import type { Settings } from '../settings/schema';
import {
  DEMAND_SERIES_DATE,
  demandInputsFingerprint,
  demandOfDigest,
  NO_READINGS,
  readDemandCache,
  readingsDigestText,
  readingsSums,
  writeDemandCache,
  type DemandCacheRow,
  type HistoryDigestRow,
  type ProductReplanInput,
  type ReadingsSums,
  type StoreDb,
} from '../store';

/**
 * Bumped when reconstruction, or the facts kept with each series (ReadingFacts and how they are
 * worked out), change in a way that makes stored records wrong; the extension's version is part
 * of every fingerprint too, so an update never reuses an older build's records.
 */
const RECONSTRUCTION_VERSION = 'r5';

/** The running extension's version ('' outside an extension: tests, benches). */
function extensionVersion(): string {
  const runtime = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime;
  try {
    return runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

/** What demandOfProducts found: every listing's facts for the planner, and how many were reused. */
interface CachedDemand {
  /** Each listing's facts with its demand series (the planner's `knownFacts`). */
  factsOf: Record<string, ListingFacts>;
  /** Series rebuilt here (their inputs changed or were never cached), to store after planning. */
  rebuilt: DemandCacheRow[];
  reused: number;
  /** Series carried forward by their new readings alone (extendedByNewReadings), stored with the rebuilt ones. */
  extended: number;
}

/**
 * Each listing's facts and demand series for a re-plan: the cached ones when its inputs are
 * unchanged, else rebuilt. `observations` and `extras` are what the planner would be given
 * (replan.ts plannerInputOf), `products` the rows they came from (for the readings' stored ids,
 * and the history digests left out of `observations`: the listings that miss get their whole
 * observations, by listing, from `observationsOf`, a batch of listings at a time (rebuildBatches);
 * without it, from `observations`).
 * @example const { factsOf, rebuilt } = await demandOfProducts(db, input.products, observations, extras, settings, now)
 */
export async function demandOfProducts(
  db: StoreDb,
  products: readonly ProductReplanInput[],
  observations: readonly Observation[],
  extras: PlanExtras,
  settings: Settings,
  now: Date,
  observationsOf?: (missed: ReadonlySet<string>) => Promise<ReadonlyMap<string, readonly Observation[]>>,
): Promise<CachedDemand> {
  const byListing = observationsByListing(observations);
  const calibrationsOf = groupBy(extras.calibrations ?? [], (c) => c.listingKey);
  const { idOf, digestOf, cached, keys } = await storedDemandOf(db, products, byListing);
  // What every listing's reconstruction reads besides its own rows. Not today's date: a series
  // whose inputs did not change is carried to today (seriesOnLaterDay), so a listing the seller
  // has not read since yesterday keeps its cached series.
  const common = [RECONSTRUCTION_VERSION, extensionVersion(), String(settings.historyDays), JSON.stringify(extras.orderImportSpans ?? [])];
  const out: CachedDemand = { factsOf: {}, rebuilt: [], reused: 0, extended: 0 };
  const missed = new Map<string, string>();
  for (const key of keys) {
    const list = byListing.get(key) ?? [];
    const digest = digestOf.get(key);
    // As the planner does (stock-groups listingFactsOf): today in the zone of the listing's marketplace.
    const end = marketplaceToday(now, digest?.base?.marketplace ?? list[0]!.marketplace);
    const parts = { list, calibrations: calibrationsOf.get(key) ?? [], idOf, digested: digest?.sums ?? NO_READINGS, common };
    const inputs = { ...parts, fingerprint: fingerprintOf(parts) };
    const found = fromCache(cached.get(key), inputs, end, settings);
    if (!found) {
      missed.set(key, inputs.fingerprint);
      continue;
    }
    out.factsOf[key] = completeFacts(found.facts, end, found.series, extras.inboundArrivals?.[key]);
    if (found.carried) {
      out.rebuilt.push(found.carried);
      out.extended++;
    } else out.reused++;
  }
  // The planner's own reconstruction, on the listings that missed only (same extras), a batch at a time.
  for (const batch of rebuildBatches([...missed.keys()])) {
    const theirs = observationsOf
      ? await observationsOf(new Set(batch))
      : new Map(batch.flatMap((key) => (byListing.has(key) ? [[key, byListing.get(key)!] as const] : [])));
    for (const facts of listingFactsOfGroups(theirs, settings, now, { ...extras, demandOf: {} })) {
      const fingerprint = missed.get(facts.key);
      if (fingerprint === undefined) continue;
      out.factsOf[facts.key] = facts;
      out.rebuilt.push(rebuiltRow(facts, fingerprint, theirs.get(facts.key) ?? [], calibrationsOf.get(facts.key) ?? [], extras.orderImportSpans ?? []));
    }
  }
  return out;
}

/**
 * Listings whose series are rebuilt at once: their readings are decoded together, so a
 * re-plan that rebuilds the whole store (the first after an update or a restore) holds one
 * batch's readings in memory, not every listing's. A page's re-plan rebuilds fewer and stays one batch.
 */
const REBUILD_BATCH_LISTINGS = 1_000;

/**
 * The listings to rebuild, in batches of REBUILD_BATCH_LISTINGS, in key order.
 * @example rebuildBatches(['b', 'a']) // [['a', 'b']]
 */
function rebuildBatches(keys: readonly string[]): string[][] {
  const sorted = [...keys].sort();
  const batches: string[][] = [];
  for (let i = 0; i < sorted.length; i += REBUILD_BATCH_LISTINGS) batches.push(sorted.slice(i, i + REBUILD_BATCH_LISTINGS));
  return batches;
}

/**
 * The cached rows of the listings the loader gave (their digests hold them since schema v10;
 * read again only for listings it gave no digest of), every listing's key, the stored id of
 * each reading, and the digests with readings.
 */
async function storedDemandOf(db: StoreDb, products: readonly ProductReplanInput[], byListing: ReadonlyMap<string, readonly Observation[]>) {
  const idOf = new Map<Observation, string>();
  const digestOf = new Map<string, HistoryDigestRow>();
  const cached = new Map<string, DemandCacheRow>();
  const carried = new Set<string>();
  for (const p of products) {
    for (const row of p.observations) idOf.set(row.record, row.id);
    for (const d of p.digests ?? []) {
      carried.add(d.key);
      const hit = demandOfDigest(d);
      if (hit) cached.set(d.key, hit);
      if (d.count > 0) digestOf.set(d.key, d);
    }
  }
  const keys = [...new Set([...byListing.keys(), ...digestOf.keys()])];
  for (const [key, row] of await readDemandCache(
    db,
    keys.filter((k) => !carried.has(k)),
  ))
    cached.set(key, row);
  return { idOf, digestOf, cached, keys };
}

/**
 * A listing's facts and series from its cache record: the record's own when its inputs are
 * unchanged (carried to today), or carried forward by its new readings (`carried`, to store);
 * null when it must be rebuilt.
 */
function fromCache(
  hit: DemandCacheRow | undefined,
  inputs: ListingInputs,
  end: string,
  settings: Settings,
): { facts: ReadingFacts; series: DemandSeries; carried?: DemandCacheRow } | null {
  if (!hit?.facts) return null;
  if (hit.inputs === inputs.fingerprint) {
    const series = seriesOnLaterDay(
      { startDay: hit.startDay, units: hit.units, how: hit.how },
      dayNumber(end),
      settings.historyDays,
      hit.inputsThrough ?? Infinity,
    );
    if (series) return { facts: hit.facts, series };
  }
  const carried = extendedByNewReadings(hit, inputs, end, settings);
  return carried?.facts ? { facts: carried.facts, series: { startDay: carried.startDay, units: carried.units, how: carried.how }, carried } : null;
}

/** The cache record of a listing rebuilt from all its observations (its facts as the planner worked them out). */
function rebuiltRow(
  facts: ListingFacts,
  fingerprint: string,
  observations: readonly Observation[],
  calibrations: readonly Calibration[],
  importSpans: NonNullable<PlanExtras['orderImportSpans']>,
): DemandCacheRow {
  const { series } = facts;
  const inputsThrough = inputsLastDay(observations, calibrations, importSpans);
  const continuation = continuationOf(observations, inputsThrough, series);
  return {
    key: facts.key,
    date: DEMAND_SERIES_DATE,
    inputs: fingerprint,
    inputsThrough,
    startDay: series.startDay,
    units: series.units,
    how: series.how,
    facts: readingFactsOf(facts),
    ...(continuation ? { continuation } : {}),
  };
}

/** The fingerprint of a listing's inputs (inputParts) with what every listing shares. */
function fingerprintOf(inputs: Omit<ListingInputs, 'fingerprint'>): string {
  return demandInputsFingerprint([...inputs.common, ...inputParts(inputs.list, inputs.calibrations, inputs.idOf, inputs.digested)]);
}

/** What extendedByNewReadings compares: a listing's current inputs, as demandOfProducts fingerprints them. */
interface ListingInputs {
  /** Its observations outside the history digest (the day chunks'). */
  list: readonly Observation[];
  calibrations: readonly Calibration[];
  idOf: ReadonlyMap<Observation, string>;
  /** Its history digest's stored sums. */
  digested: ReadingsSums;
  /** The fingerprint parts every listing shares. */
  common: readonly string[];
  /** The fingerprint of all of them. */
  fingerprint: string;
}

/**
 * The cache record carried forward by the readings newer than its continuation's baseline, or
 * null (rebuild). Exact, not a guess: the other inputs must be the very ones the record was
 * built from (the fingerprint without the new readings equals the record's), the new readings
 * must be in the day chunks (a history digest is not decoded), and extendDemand must be sure.
 */
function extendedByNewReadings(hit: DemandCacheRow, inputs: ListingInputs, end: string, settings: Settings): DemandCacheRow | null {
  const { continuation, facts } = hit;
  if (!continuation || !facts || hit.inputsThrough === undefined) return null;
  const newer = (o: Observation): o is ListingObservation => o.kind === 'listing' && o.observedAt > continuation.baseline.observedAt;
  const added = inputs.list.filter(newer).sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0));
  // A listing's start date bounds the days an imported order history covers for it (listingOrderCoverage): a new one moves older days.
  if (added.length === 0 || added.some((o) => o.startDate !== undefined && dayNumber(o.startDate) !== facts.startDay)) return null;
  const before = inputs.list.filter((o) => !newer(o));
  if (fingerprintOf({ ...inputs, list: before }) !== hit.inputs) return null;
  const extended = extendDemand(hit, continuation, added, { end, historyDays: settings.historyDays, calibrations: inputs.calibrations });
  if (!extended) return null;
  const { series, continuation: next } = extended;
  return {
    key: hit.key,
    date: DEMAND_SERIES_DATE,
    inputs: inputs.fingerprint,
    inputsThrough: Math.max(hit.inputsThrough, inputsLastDay(added, [], [])),
    startDay: series.startDay,
    units: series.units,
    how: series.how,
    facts: extendReadingFacts(facts, continuation.lastShown, added),
    ...(next ? { continuation: next } : {}),
  };
}

/**
 * Stores the series a re-plan rebuilt.
 * @example await saveRebuiltDemand(db, cached)
 */
export async function saveRebuiltDemand(db: StoreDb, cached: CachedDemand): Promise<void> {
  await writeDemandCache(db, cached.rebuilt);
}

/**
 * Every input of one listing's reconstruction and facts as text: its readings as one
 * order-free digest (the loader orders them by time and id, so the set fixes the order;
 * readings-digest.ts), those of its history digest given as their stored sums, its order
 * lines in order (every field the planner reads of them) and its stock corrections. `idOf`
 * gives the stored id of each reading record (a hash of all of it but its time).
 */
function inputParts(
  list: readonly Observation[],
  calibrations: readonly Calibration[],
  idOf: ReadonlyMap<Observation, string>,
  digested: ReadingsSums,
): string[] {
  const parts: string[] = [];
  const readings: { id: string; at: string }[] = [];
  for (const o of list) {
    if (o.kind === 'listing') readings.push({ id: idOf.get(o) ?? JSON.stringify(o), at: o.observedAt });
    else parts.push(`o|${o.orderId}|${o.sku}|${o.status}|${o.quantity}|${o.orderDate}|${o.observedDate}|${o.observedAt}|${o.source}|${o.fulfillment ?? ''}`);
  }
  parts.push(`r|${readingsDigestText(readingsSums(readings, digested))}`);
  for (const c of calibrations) parts.push(`c|${c.date}|${c.kind}|${c.units}`);
  return parts;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(item);
  }
  return out;
}
