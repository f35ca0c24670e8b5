/**
 * The plan-speed bench's catalogues, deterministic so every run plans the same stocks: the
 * plain one (demand, stock, inbound: no fee facts) and an FBA one whose listings carry what an
 * FBA seller's pages give (daily on-hand readings, size tier and weight, unit volume, age
 * buckets, sometimes Amazon's historical days of supply), so the fee block runs on every plan.
 */
import { createHash } from 'node:crypto';
import { SIZE_TIERS } from '../../../lib/records';
import { dayNumber } from '../../../lib/planning/days';
import { onHandPairs, wholeUnitsShipped, type OnHandReading } from '../../../lib/planning/fees-history';
import type { FbaFacts } from '../../../lib/planning/fees-facts';
import type { PlanInput } from '../../../lib/planning/plan-listing';
import { HOW_CENSORED, HOW_INFERRED, type DemandSeries } from '../../../lib/planning/demand-series';
import type { AgeBucket } from '../../../lib/planning/storage';
import type { SkuPlan } from '../../../lib/planning/types';
import { seededRandom } from '../../../lib/random';

export const DAYS = 730;
export const NOW = new Date('2026-03-01T12:00:00Z');
export const TODAY = dayNumber('2026-03-01');

/** Poisson draw by inversion (rates here are small). */
function poisson(rate: number, next: () => number): number {
  if (rate <= 0) return 0;
  if (rate > 30) return Math.max(0, Math.round(rate + Math.sqrt(rate) * (next() + next() + next() - 1.5) * 2));
  let k = 0;
  let p = Math.exp(-rate);
  let s = p;
  const u = next();
  while (u > s && k < 200) {
    k++;
    p *= rate / k;
    s += p;
  }
  return k;
}

export interface SyntheticSku {
  series: DemandSeries;
  available: number;
  inbound: number;
  /** Mean daily demand the series was drawn around. */
  base: number;
}

/** Smooth, intermittent, trending, or with out-of-stock stretches (i mod 4). */
export function syntheticSku(i: number): SyntheticSku {
  const next = seededRandom(1000 + i);
  const kind = i % 4;
  const base = kind === 1 ? 0.05 + next() * 0.4 : 0.5 + next() * 20;
  const trend = kind === 2 ? ((next() - 0.4) * 2) / DAYS : 0;
  const units = new Float64Array(DAYS);
  const how = new Uint8Array(DAYS).fill(HOW_INFERRED);
  for (let d = 0; d < DAYS; d++) {
    const weekday = d % 7 === 5 || d % 7 === 6 ? 1.3 : 0.9;
    units[d] = poisson(Math.max(0, base * weekday * (1 + (trend * d * DAYS) / 2)), next);
  }
  if (kind === 3) {
    for (let k = 0; k < 3; k++) {
      const from = Math.floor(next() * (DAYS - 30));
      const length = 3 + Math.floor(next() * 20);
      for (let d = from; d < Math.min(DAYS, from + length); d++) {
        units[d] = Number.NaN;
        how[d] = HOW_CENSORED;
      }
    }
  }
  const available = Math.floor(next() * base * 120);
  const inbound = next() < 0.3 ? Math.floor(base * 60) : 0;
  return { series: { startDay: TODAY - DAYS + 1, units, how }, available, inbound, base };
}

/** The plain catalogue's input: an FBA listing without fee facts (the fee block does not run). */
export function inputFor(i: number, sku: SyntheticSku): PlanInput {
  const key = `amazon|amazon.com|SKU-${i}`;
  return {
    key,
    scope: 'listing',
    sku: `SKU-${i}`,
    platform: 'amazon',
    marketplace: 'amazon.com',
    listingKeys: [key],
    series: sku.series,
    asOfDay: TODAY,
    productId: `SKU-${i}`,
    poolId: 'fba:NA',
    destination: 'FBA',
    available: sku.available,
    stockSource: 'reading',
    stockHint: null,
    heldReturns: 0,
    releasedReturns: 0,
    inbound: sku.inbound,
    reserved: 0,
    unfulfillable: 0,
    pendingUnits: 0,
    priceMinor: 1999,
    currency: 'USD',
    ageBuckets: [{ minDays: 0, maxDays: 90, units: sku.available }],
    startDay: TODAY - DAYS,
    ended: false,
    pool: null,
  };
}

/**
 * The FBA catalogue's input: the same demand, plus the facts an FBA seller's pages give. Stock
 * is walked over the last `readingDays` days from the demand (whole units shipped, an empty
 * shelf on censored days) with a receipt whenever it runs under a month of demand, and read
 * every day; today's reading is the plan's stock. A third of the listings are restocked late
 * and in small lots, so their plans weigh sending early against the low-inventory fee.
 */
export function fbaInputFor(i: number, sku: SyntheticSku, readingDays: number): PlanInput {
  const next = seededRandom(500_000 + i);
  const shipped = wholeUnitsShipped(sku.series);
  const readings: OnHandReading[] = [];
  // A third run lean (restocked late, in small lots), half of them just restocked: the fee block then weighs sending early.
  const [reorderAt, lotDays] = i % 3 === 0 ? [8, 12] : [30, 30];
  let onHand = Math.round(sku.base * (reorderAt + next() * 60));
  for (let d = TODAY - readingDays + 1; d <= TODAY; d++) {
    const sold = shipped[d - sku.series.startDay]!;
    onHand = sold === sold ? Math.max(0, onHand - sold) : 0;
    if (onHand < sku.base * reorderAt && next() < 0.15) onHand += Math.round(sku.base * (lotDays + next() * 2 * lotDays)) + 1;
    if (i % 6 === 0 && d === TODAY - 20) onHand += Math.round(sku.base * 45);
    readings.push({ day: d, onHand });
  }
  const reserved = Math.min(onHand, Math.floor(next() * 3));
  const available = onHand - reserved;
  const fba: FbaFacts = {
    marketplace: 'amazon.com',
    readings: onHandPairs(readings),
    shown: i % 2 === 0 ? { day: TODAY - (i % 7), days: Math.round(5 + next() * 80) } : null,
    unitCubicFeet: Math.round((0.02 + next() * 1.5) * 1000) / 1000,
    size: { tier: SIZE_TIERS[i % 3]!, shippingWeightOz: Math.round(2 + next() * 60) },
  };
  return {
    ...inputFor(i, sku),
    available,
    reserved,
    ageBuckets: ageBucketsOf(available, sku.base, next),
    fba,
  };
}

/** Amazon's five age buckets over `units`: slow sellers hold older stock. */
function ageBucketsOf(units: number, base: number, next: () => number): AgeBucket[] {
  const oldShare = base < 1 ? 0.2 + next() * 0.5 : next() * 0.15;
  const shares = [1 - oldShare, oldShare * 0.4, oldShare * 0.3, oldShare * 0.2, oldShare * 0.1];
  const bounds: [number, number | null][] = [
    [0, 90],
    [91, 180],
    [181, 270],
    [271, 365],
    [366, null],
  ];
  let left = units;
  return bounds.map(([minDays, maxDays], k) => {
    const n = k === bounds.length - 1 ? left : Math.min(left, Math.round(units * shares[k]!));
    left -= n;
    return { minDays, maxDays, units: n };
  });
}

/**
 * SHA-1 of every plan in order (JSON): the checksum sums reorder quantities only, this changes
 * when any field of any plan does.
 */
export function plansDigest(plans: readonly SkuPlan[]): string {
  const hash = createHash('sha1');
  for (const p of plans) hash.update(JSON.stringify(p)).update('\n');
  return hash.digest('hex');
}
