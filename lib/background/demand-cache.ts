/**
 * The re-plan's use of the store's demand cache (lib/store/daily-demand.ts): each listing's
 * reconstructed demand is reused when the fingerprint of its inputs is unchanged, rebuilt
 * otherwise, and the rebuilt series are stored for the next re-plan. A page read changes the
 * readings of the listings on the page; the other listings of the products it touched (their
 * other channels) keep their series.
 *
 * The series are rebuilt by the planner's own code (listingFactsOf, given only the listings
 * that missed) and handed to it as `demandOf`, so a plan from the cache equals a plan rebuilt
 * from all readings (demand-cache.property.test.ts).
 */
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import type { Calibration, DemandSeries, PlanExtras } from '../planning';
import { listingFactsOf, observationsByListing } from '../planning/stock-groups';
import { listingKey, type Observation } from '../records';
import type { Settings } from '../settings/schema';
import {
  DEMAND_SERIES_DATE,
  demandInputsFingerprint,
  readDemandCache,
  writeDemandCache,
  type DemandCacheRow,
  type ProductReplanInput,
  type StoreDb,
} from '../store';

/**
 * Bumped when reconstruction changes in a way that makes stored series wrong; the extension's
 * version is part of every fingerprint too, so an update never reuses an older build's series.
 */
const RECONSTRUCTION_VERSION = 'r2';

/** The running extension's version ('' outside an extension: tests, benches). */
function extensionVersion(): string {
  const runtime = (globalThis as { chrome?: { runtime?: { getManifest?: () => { version?: string } } } }).chrome?.runtime;
  try {
    return runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

/** What demandOfProducts found: the series for the planner, and how many were reused. */
interface CachedDemand {
  demandOf: Record<string, DemandSeries>;
  /** Series rebuilt here (their inputs changed or were never cached), to store after planning. */
  rebuilt: DemandCacheRow[];
  reused: number;
}

/**
 * Each listing's demand series for a re-plan: the cached one when its inputs are unchanged,
 * else rebuilt. `observations` and `extras` are exactly what the planner is given (replan.ts
 * plannerInputOf), `products` the rows they came from (for the readings' stored ids).
 * @example const { demandOf, rebuilt } = await demandOfProducts(db, input.products, observations, extras, settings, now)
 */
export async function demandOfProducts(
  db: StoreDb,
  products: readonly ProductReplanInput[],
  observations: readonly Observation[],
  extras: PlanExtras,
  settings: Settings,
  now: Date,
): Promise<CachedDemand> {
  const byListing = observationsByListing(observations);
  const calibrationsOf = groupBy(extras.calibrations ?? [], (c) => c.listingKey);
  const idOf = new Map<Observation, string>();
  for (const p of products) for (const row of p.observations) idOf.set(row.record, row.id);
  const cached = await readDemandCache(db, [...byListing.keys()]);
  // What every listing's reconstruction reads besides its own rows.
  const common = [RECONSTRUCTION_VERSION, extensionVersion(), String(settings.historyDays), JSON.stringify(extras.orderImportSpans ?? [])];
  const out: CachedDemand = { demandOf: {}, rebuilt: [], reused: 0 };
  const missed = new Map<string, string>();
  for (const [key, list] of byListing) {
    // As the planner does (stock-groups listingFactsOf): today in the zone of the listing's marketplace.
    const end = isoDateInZone(now, marketplaceById(list[0]!.marketplace)?.timeZone ?? 'UTC');
    const fingerprint = demandInputsFingerprint([...common, end, ...inputParts(list, calibrationsOf.get(key) ?? [], idOf)]);
    const hit = cached.get(key);
    if (hit && hit.inputs === fingerprint) {
      out.demandOf[key] = { startDay: hit.startDay, units: hit.units, how: hit.how };
      out.reused++;
    } else missed.set(key, fingerprint);
  }
  if (missed.size === 0) return out;
  // The planner's own reconstruction, on the listings that missed only (same order, same extras).
  const theirs = missed.size === byListing.size ? observations : observations.filter((o) => missed.has(listingKey(o)));
  for (const facts of listingFactsOf(theirs, settings, now, { ...extras, demandOf: {} })) {
    const fingerprint = missed.get(facts.key);
    if (fingerprint === undefined) continue;
    const { series } = facts;
    out.demandOf[facts.key] = series;
    out.rebuilt.push({ key: facts.key, date: DEMAND_SERIES_DATE, inputs: fingerprint, startDay: series.startDay, units: series.units, how: series.how });
  }
  return out;
}

/**
 * Stores the series a re-plan rebuilt.
 * @example await saveRebuiltDemand(db, cached)
 */
export async function saveRebuiltDemand(db: StoreDb, cached: CachedDemand): Promise<void> {
  await writeDemandCache(db, cached.rebuilt);
}

/**
 * Every input of one listing's reconstruction as text: its readings as one order-free digest
 * (the loader orders them by time and id, so the set fixes the order; readingsDigest), its
 * order lines in order (every field reconstruction reads) and its stock corrections.
 * `idOf` gives the stored id of each reading record (a hash of all of it but its time).
 */
function inputParts(list: readonly Observation[], calibrations: readonly Calibration[], idOf: ReadonlyMap<Observation, string>): string[] {
  const parts: string[] = [];
  const readings: { id: string; at: string }[] = [];
  for (const o of list) {
    if (o.kind === 'listing') readings.push({ id: idOf.get(o) ?? JSON.stringify(o), at: o.observedAt });
    else parts.push(`o|${o.orderId}|${o.sku}|${o.status}|${o.quantity}|${o.orderDate}|${o.observedDate}|${o.observedAt}|${o.source}`);
  }
  parts.push(`r|${readingsDigest(readings)}`);
  for (const c of calibrations) parts.push(`c|${c.date}|${c.kind}|${c.units}`);
  return parts;
}

/**
 * A 96-bit digest of a set of readings (stored id and time), in one pass and without building
 * a long text (hashing the joined ids of a million readings took about a second). A stored id
 * is already a content hash, so its first 16 hex digits are two random 32-bit words; each is
 * mixed with a hash of the time and summed (or xor-ed), plus the count. An id that is not a
 * stored hash (a reading without a stored row) is hashed as text.
 * @example readingsDigest([a, b]) === readingsDigest([b, a]) // true
 */
export function readingsDigest(readings: readonly { id: string; at: string }[]): string {
  let sum1 = 0;
  let sum2 = 0;
  let xor3 = 0;
  for (const { id, at } of readings) {
    let t = 0x2545f491;
    for (let i = 0; i < at.length; i++) t = Math.imul(t ^ at.charCodeAt(i), 0x01000193);
    t = fmix(t);
    let w1 = parseInt(id.slice(0, 8), 16);
    let w2 = parseInt(id.slice(8, 16), 16);
    if (id.length < 16 || w1 !== w1 || w2 !== w2) [w1, w2] = textWords(id);
    sum1 = (sum1 + fmix(w1 ^ t)) | 0;
    sum2 = (sum2 + fmix(w2 + Math.imul(t, 31))) | 0;
    xor3 ^= fmix(w1 + Math.imul(w2, 0x27d4eb2f) + t);
  }
  return `${readings.length}.${(sum1 >>> 0).toString(36)}.${(sum2 >>> 0).toString(36)}.${(xor3 >>> 0).toString(36)}`;
}

/** Two 32-bit hashes of a text (for ids that are not a stored content hash). */
function textWords(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x85ebca6b);
  }
  return [h1, h2];
}

/** MurmurHash3's finaliser: spreads every input bit over the 32 output bits. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
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
