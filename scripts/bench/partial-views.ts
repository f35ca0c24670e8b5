/**
 * Partial views, end to end: does the planner's stockout date beat the seller's rule
 * "stock / (units sold last 30 days / 30)" when all it sees is what an Amazon FBA Inventory page
 * shows at each visit?
 *
 * Each real daily series (train + test as one history, from its first sale) drives a simulated
 * FBA product (./partial-views/simulate.ts): start stock 45 days of mean demand, lost sales when
 * out, order 45 days of mean demand when stock + on order falls below 25 days of it, arriving 21
 * days later. Mean demand = the series' mean over its training part (from the first sale), fixed.
 * The seller visits the FBA Inventory page every 7 days ("weekly": available, inbound, units sold
 * last 7/30/90 days), every 14 days ("fortnightly": last 7/30 days), or weekly and also reads the
 * orders page ("weekly + orders": one shipped order record per day with sales, last 7 days). The
 * records are built and validated with lib/records.ts's schemas.
 *
 * At each scoring origin (a visit day) the whole catalogue of the data set is planned from the
 * records so far, as the extension's full re-plan does: planFromObservations with
 * defaultSettings() except the FBA lead time = 21 days (0 production + 21 transit: the simulated
 * order shows as inbound from the day it is placed). Readings older than historyDays (+14) are not
 * passed (the planner's reconstruction drops them anyway).
 *
 * Truth: the first day after the origin on which demand goes unserved (the simulation keeps
 * ordering), within 28 days; none = 29, and every prediction is capped to 0..29.
 * Origins: every 28 days back from the last training day, at least 120 days after the first sale;
 * TRAINING origins have their 28-day truth window inside the training part; TEST origins are the
 * last training day and the visit 14 days before it (truth windows reaching into the test part).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dayNumber, isoDate } from '../../lib/planning/days.ts';
import { planFromObservations } from '../../lib/planning/plan.ts';
import type { Observation } from '../../lib/records.ts';
import { defaultSettings, type Settings } from '../../lib/settings/schema.ts';
import { capped, CAP, ErrorStats, firstUnservedDay, hadStockout, HORIZON, plannerFirstUnservedDay, ruleDay } from './partial-views/score.ts';
import { pageReading, simulateFba, visitDays, visitRecords, type Simulation } from './partial-views/simulate.ts';
import type { BenchSuite, BenchTable } from './types.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedData = join(repoRoot, '..', 'shared', 'data');
const bundledData = join(repoRoot, 'lib', 'forecast', 'testdata');

const LEAD_DAYS = 21;
const WARMUP_DAYS = 120;
const ORIGIN_STEP = 28;
const TEST_ORIGINS_BACK = [14, 0];
const RETAIL_SAMPLE = 150;
const RETAIL_MIN_MEAN = 0.2;

export interface Variant {
  name: string;
  every: number;
  windows: number[];
  orderDays: number;
  /** Planner MAE at most this times the t30 rule's. */
  target: number;
}

export const VARIANTS: Variant[] = [
  { name: 'weekly', every: 7, windows: [7, 30, 90], orderDays: 0, target: 0.85 },
  { name: 'fortnightly', every: 14, windows: [7, 30], orderDays: 0, target: 0.9 },
  { name: 'weekly + orders', every: 7, windows: [7, 30, 90], orderDays: 7, target: 0.85 },
  // A seller who opens the page every morning: each 7-day count shares six days with the one before.
  { name: 'daily', every: 1, windows: [7, 30, 90], orderDays: 0, target: 0.85 },
];

/**
 * The variants a run measures: env PARTIAL_VIEWS_ONLY, names separated by commas (every one when
 * unset); a name no variant has is refused with the choices.
 * @example variantsToRun('weekly,daily').map((v) => v.every) // [7, 1]
 */
export function variantsToRun(only: string | undefined): Variant[] {
  if (!only) return VARIANTS;
  return only.split(',').map((name) => {
    const variant = VARIANTS.find((v) => v.name === name.trim());
    if (!variant) throw new Error(`PARTIAL_VIEWS_ONLY=${only}: "${name}" is none of ${VARIANTS.map((v) => v.name).join(', ')}`);
    return variant;
  });
}

const METHODS = ['planner', 't30', 't7', 't90'] as const;
type Method = (typeof METHODS)[number];

const SPLITS = [
  ['all', () => true],
  ['recent stockout (28d before)', (o: OriginFacts) => o.recentStockout],
  ['no recent stockout', (o: OriginFacts) => !o.recentStockout],
  ['order in transit', (o: OriginFacts) => o.inTransit],
  ['nothing in transit', (o: OriginFacts) => !o.inTransit],
  // Both methods say "out today" on an empty shelf and are scored against its next customer: a tie that dilutes the ratio.
  ['shelf empty at origin', (o: OriginFacts) => o.available === 0],
  ['stock on hand at origin', (o: OriginFacts) => o.available > 0],
  ['stockout in next 28d', (o: OriginFacts) => o.truth < CAP],
  ['no stockout in next 28d', (o: OriginFacts) => o.truth === CAP],
] as const;

interface Row {
  id: string;
  start: string;
  values: (number | null)[];
}

export interface Product {
  sku: string;
  /** Day number of simulation day 0 (the first sale). */
  startDay: number;
  /** Days of the training part (from the first sale). */
  trainDays: number;
  mean: number;
  sim: Simulation;
}

export interface OriginFacts {
  sku: string;
  date: string;
  part: 'train' | 'test';
  truth: number;
  recentStockout: boolean;
  inTransit: boolean;
  available: number;
  inbound: number;
  unitsSold: Record<number, number>;
  predicted: Record<Method, number | null>;
  plan: { stockoutDate: string | null; inboundArrivalDate: string | null; stockoutDateWithInbound: string | null; meanDaily: number; available: number | null };
  /** Mean daily demand over the truth window (what the rates try to guess). */
  futureRate: number;
  /** Days from the origin to the arrival of the order in transit (null = none). */
  arrivalIn: number | null;
}

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
}

/** Train + test of a data set as one history per series, or null when absent. */
export function loadHistories(name: string, dirs: string[]): { rows: { id: string; start: string; train: number[]; test: number[] }[]; source: string } | null {
  for (const dir of dirs) {
    const trainPath = join(dir, `${name}.train.jsonl`);
    const testPath = join(dir, `${name}.test.jsonl`);
    if (!existsSync(trainPath) || !existsSync(testPath)) continue;
    const test = new Map(readJsonl(testPath).map((r) => [r.id, r]));
    const rows = readJsonl(trainPath)
      .filter((r) => test.has(r.id))
      .map((r) => ({ id: r.id, start: r.start, train: r.values.map((v) => v ?? 0), test: test.get(r.id)!.values.map((v) => v ?? 0) }));
    return { rows, source: dir === sharedData ? '../shared/data' : 'bundled copy' };
  }
  return null;
}

/** A product from its history, starting at the first sale (null when the training part has none). */
export function productOf(row: { id: string; start: string; train: number[]; test: number[] }): Product | null {
  const first = row.train.findIndex((v) => v > 0);
  if (first < 0) return null;
  const train = row.train.slice(first);
  const mean = train.reduce((a, b) => a + b, 0) / train.length;
  const values = [...train, ...row.test];
  return {
    sku: row.id,
    startDay: dayNumber(row.start) + first,
    trainDays: train.length,
    mean,
    sim: simulateFba(values, { meanDemand: mean, leadDays: LEAD_DAYS }),
  };
}

/** Days from `day` to the arrival of the earliest order in transit at its end (null = none). */
function arrivalAfter(sim: Simulation, day: number): number | null {
  let best: number | null = null;
  for (const o of sim.orders) if (o.day <= day && o.arrivalDay > day && (best === null || o.arrivalDay < best)) best = o.arrivalDay;
  return best === null ? null : best - day;
}

/** Scoring origins of a product (simulation days), by part. */
function originsOf(p: Product): { day: number; part: 'train' | 'test' }[] {
  const last = p.trainDays - 1;
  const out: { day: number; part: 'train' | 'test' }[] = [];
  for (let o = last - ORIGIN_STEP; o >= WARMUP_DAYS; o -= ORIGIN_STEP) out.push({ day: o, part: 'train' });
  for (const back of TEST_ORIGINS_BACK) if (last - back >= WARMUP_DAYS) out.push({ day: last - back, part: 'test' });
  return out.sort((a, b) => a.day - b.day);
}

export function benchSettings(): Settings {
  const settings = defaultSettings();
  settings.leadTimes.defaultProductionDays = 0;
  settings.leadTimes.transitDaysByDestination.FBA = LEAD_DAYS;
  return settings;
}

/** Every origin of every product of one data set under one variant, scored. */
export function runVariant(
  products: readonly Product[],
  variant: Variant,
  settings: Settings,
): { origins: OriginFacts[]; planMs: number; calls: number; records: number } {
  // Each product's visit records, oldest first, with their day numbers.
  const recordsOf = products.map((p) => {
    const last = p.trainDays - 1;
    const days = visitDays(0, last, variant.every, last);
    const list: { day: number; record: Observation }[] = [];
    for (const d of days) {
      for (const record of visitRecords(p.sim, d, { sku: p.sku, startDay: p.startDay, windows: variant.windows, orderDays: variant.orderDays })) {
        list.push({ day: p.startDay + d, record });
      }
    }
    return list;
  });
  const records = recordsOf.reduce((s, l) => s + l.length, 0);
  const byDate = new Map<number, { product: number; day: number; part: 'train' | 'test' }[]>();
  products.forEach((p, i) => {
    for (const o of originsOf(p)) {
      const calendar = p.startDay + o.day;
      let list = byDate.get(calendar);
      if (!list) byDate.set(calendar, (list = []));
      list.push({ product: i, day: o.day, part: o.part });
    }
  });
  const origins: OriginFacts[] = [];
  let planMs = 0;
  for (const calendar of [...byDate.keys()].sort((a, b) => a - b)) {
    const oldest = calendar - settings.historyDays - 14;
    const observations: Observation[] = [];
    for (const list of recordsOf) for (const r of list) if (r.day > oldest && r.day <= calendar) observations.push(r.record);
    const date = isoDate(calendar);
    const started = performance.now();
    const plans = planFromObservations(observations, settings, new Date(`${date}T20:00:00Z`));
    planMs += performance.now() - started;
    const planOf = new Map(plans.filter((p) => p.scope === 'listing').map((p) => [p.sku, p]));
    for (const { product, day, part } of byDate.get(calendar)!) {
      const p = products[product]!;
      const plan = planOf.get(p.sku);
      if (!plan) throw new Error(`no plan for ${p.sku} on ${date}`);
      if (plan.asOf !== date) throw new Error(`plan for ${p.sku} is as of ${plan.asOf}, expected ${date}`);
      const reading = pageReading(p.sim, day, variant.windows);
      const sold = Object.fromEntries(reading.unitsSold.map((w) => [w.windowDays, w.units])) as Record<number, number>;
      const rule = (w: number) => (sold[w] === undefined ? undefined : ruleDay(reading.available, sold[w], w));
      let future = 0;
      for (let k = 1; k <= HORIZON; k++) future += p.sim.demand[day + k] ?? 0;
      origins.push({
        sku: p.sku,
        date,
        part,
        truth: firstUnservedDay(p.sim, day),
        recentStockout: hadStockout(p.sim, day),
        inTransit: p.sim.onOrderEnd[day]! > 0,
        available: reading.available,
        inbound: reading.inbound,
        unitsSold: sold,
        predicted: { planner: plannerFirstUnservedDay(plan), t30: rule(30) ?? null, t7: rule(7) ?? null, t90: rule(90) ?? null },
        plan: {
          stockoutDate: plan.stockoutDate,
          inboundArrivalDate: plan.inboundArrivalDate,
          stockoutDateWithInbound: plan.stockoutDateWithInbound,
          meanDaily: plan.forecast.meanDaily,
          available: plan.available,
        },
        futureRate: future / HORIZON,
        arrivalIn: arrivalAfter(p.sim, day),
      });
    }
  }
  return { origins, planMs, calls: byDate.size, records };
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : '-');

function statsOf(origins: readonly OriginFacts[], hasT90: boolean): Record<Method, ErrorStats> {
  const stats = Object.fromEntries(METHODS.map((m) => [m, new ErrorStats()])) as Record<Method, ErrorStats>;
  for (const o of origins) {
    for (const m of METHODS) {
      if (m === 't90' && !hasT90) continue;
      stats[m].add(capped(o.predicted[m]), o.truth);
    }
  }
  return stats;
}

function describe(o: OriginFacts): string {
  const days = (m: Method) => (o.predicted[m] === null ? 'never' : String(o.predicted[m]));
  const arrival = o.plan.inboundArrivalDate !== null ? `, plan inbound arrival ${o.plan.inboundArrivalDate}` : '';
  const sold = Object.entries(o.unitsSold)
    .map(([w, u]) => `t${w}=${u}`)
    .join(' ');
  return (
    `${o.sku} @ ${o.date}: available ${o.available}, inbound ${o.inbound}, ${sold}; planner ${days('planner')} d (forecast ${fmt(o.plan.meanDaily, 3)}/d` +
    `${arrival}), t30 rule ${days('t30')} d, truth ${o.truth === CAP ? 'none in 28 d' : `${o.truth} d`} (actual demand ${fmt(o.futureRate, 2)}/d` +
    `${o.recentStockout ? ', stocked out in the 28 d before' : ''})`
  );
}

/**
 * What explains the planner's score: its stock-on-hand date alone, its dating of the inbound
 * arrival against the simulation's, and forecasts that are off the scale.
 */
function diagnostics(origins: readonly OriginFacts[]): string[] {
  const notes: string[] = [];
  const daysFrom = (o: OriginFacts, date: unknown) => (typeof date === 'string' ? dayNumber(date) - dayNumber(o.date) : null);
  if (origins.some((o) => o.plan.inboundArrivalDate !== undefined)) {
    const parts = (['train', 'test'] as const).map((part) => {
      const list = origins.filter((o) => o.part === part);
      const onHand = new ErrorStats();
      const onHandOut = new ErrorStats();
      for (const o of list) {
        onHand.add(capped(daysFrom(o, o.plan.stockoutDate)), o.truth);
        if (o.truth < CAP) onHandOut.add(capped(daysFrom(o, o.plan.stockoutDate)), o.truth);
      }
      return `${part === 'train' ? 'TRAINING' : 'TEST'} ${fmt(onHand.mae)} (stockout in next 28d: ${fmt(onHandOut.mae)})`;
    });
    notes.push(`planner on hand only (its stockoutDate, ignoring inboundArrivalDate / stockoutDateWithInbound): MAE ${parts.join(', ')}`);
    const dated = origins.filter((o) => o.arrivalIn !== null && o.plan.inboundArrivalDate !== null);
    const errors = dated.map((o) => daysFrom(o, o.plan.inboundArrivalDate)! - o.arrivalIn!);
    const tomorrow = dated.filter((o) => daysFrom(o, o.plan.inboundArrivalDate) === 1 && o.arrivalIn! > 1).length;
    const transit = origins.filter((o) => o.arrivalIn !== null).length;
    notes.push(
      `inbound arrival, plan vs simulation, at the ${transit} origins with an order in transit (${dated.length} dated by the plan): mean error ${fmt(errors.reduce((a, b) => a + b, 0) / errors.length)} d,` +
        ` MAE ${fmt(errors.reduce((a, b) => a + Math.abs(b), 0) / errors.length)} d, ${pct(errors.filter((e) => Math.abs(e) <= 1).length / errors.length)} within 1 d;` +
        ` ${tomorrow} dated "tomorrow" (past due) while the units were still >1 d away`,
    );
  }
  const wild = origins.filter((o) => o.plan.meanDaily > 100 * ((o.unitsSold[30] ?? 0) / 30 + 1));
  if (wild.length) {
    const o = wild[0]!;
    notes.push(
      `forecast off the scale (mean daily > 100x (t30/30 + 1)) at ${wild.length} origins, e.g. ${o.sku} @ ${o.date}: ${o.plan.meanDaily.toExponential(2)}/d with t30=${o.unitsSold[30]}`,
    );
  }
  return notes;
}

function variantTable(dataset: string, variant: Variant, origins: readonly OriginFacts[], environment: string, seconds: number): BenchTable {
  const hasT90 = variant.windows.includes(90);
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const part of ['train', 'test'] as const) {
    const inPart = origins.filter((o) => o.part === part);
    for (const [label, keep] of SPLITS) {
      const subset = inPart.filter(keep);
      const s = statsOf(subset, hasT90);
      const ratio = (m: Method) => s[m].mae / s.t30.mae;
      rows.push([
        part === 'train' ? 'TRAINING' : 'TEST',
        label,
        subset.length,
        fmt(s.planner.mae),
        pct(s.planner.share3),
        fmt(s.planner.bias),
        fmt(ratio('planner')),
        fmt(s.t30.mae),
        pct(s.t30.share3),
        fmt(s.t30.bias),
        fmt(s.t7.mae),
        fmt(ratio('t7')),
        hasT90 ? fmt(s.t90.mae) : '-',
        hasT90 ? fmt(ratio('t90')) : '-',
      ]);
    }
    const all = statsOf(inPart, hasT90);
    const none = statsOf(
      inPart.filter((o) => o.truth === CAP),
      hasT90,
    );
    const ratio = all.planner.mae / all.t30.mae;
    const partName = part === 'train' ? 'TRAINING' : 'TEST';
    notes.push(
      `${ratio <= variant.target ? 'MET   ' : 'MISSED'} ${partName}: planner MAE <= ${variant.target}x the t30 rule: ${fmt(all.planner.mae)} vs ${fmt(all.t30.mae)} days (${fmt(ratio)}x)`,
    );
    notes.push(
      `${none.planner.mae <= none.t30.mae ? 'MET   ' : 'MISSED'} ${partName}: no worse than the t30 rule when there is no stockout in the next 28 days: ${fmt(none.planner.mae)} vs ${fmt(none.t30.mae)} days`,
    );
  }
  notes.push(...diagnostics(origins));
  // Where the planner loses most against the rule (training origins only: tuning may look at these).
  const worst = origins
    .filter((o) => o.part === 'train')
    .map((o) => ({ o, loss: Math.abs(capped(o.predicted.planner) - o.truth) - Math.abs(capped(o.predicted.t30) - o.truth) }))
    .sort((a, b) => b.loss - a.loss)
    .slice(0, 3);
  for (const { o, loss } of worst) notes.push(`worst vs the rule (training, +${loss} d): ${describe(o)}`);
  notes.push(
    `MAE in days with prediction and truth capped at ${CAP} (no stockout in ${HORIZON} d = ${CAP}); <=3d = share within 3 days; bias = mean (predicted - truth); x/t30 = MAE ratio to the t30 rule.` +
      ` Suite wall time so far: ${seconds.toFixed(0)} s.`,
  );
  return {
    title: `Partial views: ${dataset}, ${variant.name} (every ${variant.every} d, t${variant.windows.join('/t')}${variant.orderDays ? ` + ${variant.orderDays} d of orders` : ''})`,
    environment,
    columns: [
      'part',
      'split',
      'origins',
      'planner MAE',
      'planner <=3d',
      'planner bias',
      'planner/t30',
      't30 MAE',
      't30 <=3d',
      't30 bias',
      't7 MAE',
      't7/t30',
      't90 MAE',
      't90/t30',
    ],
    rows,
    notes,
  };
}

function originsTable(
  summaries: { dataset: string; source: string; products: Product[]; skipped: string; origins: OriginFacts[] }[],
  environment: string,
): BenchTable {
  const rows: (string | number)[][] = [];
  for (const s of summaries) {
    for (const part of ['train', 'test'] as const) {
      const list = s.origins.filter((o) => o.part === part);
      const dates = list.map((o) => o.date).sort();
      const share = (f: (o: OriginFacts) => boolean) => pct(list.filter(f).length / list.length);
      rows.push([
        s.dataset,
        part === 'train' ? 'TRAINING' : 'TEST',
        new Set(list.map((o) => o.sku)).size,
        list.length,
        new Set(dates).size,
        dates[0] ?? '-',
        dates.at(-1) ?? '-',
        share((o) => o.recentStockout),
        share((o) => o.inTransit),
        share((o) => o.truth < CAP),
      ]);
    }
  }
  const notes = summaries.map((s) => {
    const lost = s.products.reduce((a, p) => a + p.sim.lost.reduce((x, y) => x + y, 0), 0);
    const demand = s.products.reduce((a, p) => a + p.sim.demand.reduce((x, y) => x + y, 0), 0);
    return `${s.dataset} (${s.source}): ${s.products.length} products ${s.skipped}; simulated fill rate ${pct(1 - lost / demand)} of all demand.`;
  });
  notes.push(
    `Origins: every ${ORIGIN_STEP} days back from each series' last training day, at least ${WARMUP_DAYS} days after its first sale (TRAINING: truth window inside the training part);` +
      ` TEST: the last training day and the visit ${TEST_ORIGINS_BACK[0]} days before it (truth windows reach into the ${HORIZON}-day test part). The same origins in every variant.`,
  );
  notes.push(
    `Amazon's own days-of-supply figure is not simulated (its method is not public), so it is not among the rules; the rules use the origin reading's available units and t7/t30/t90, ignoring inbound as sellers do (zero rate = never).`,
  );
  return {
    title: 'Partial views: origins scored',
    environment,
    columns: ['data set', 'part', 'series', 'origins', 'dates', 'first', 'last', 'recent stockout', 'in transit', 'stockout in next 28d'],
    rows,
    notes,
  };
}

const suite: BenchSuite = async () => {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const settings = benchSettings();
  const environment = () => `Node ${process.versions.node}, planner on one core of ${availableParallelism()}, 1-min load average ${loadavg()[0]!.toFixed(1)}`;
  const datasets: { name: string; dirs: string[]; pick: (rows: Product[]) => { products: Product[]; skipped: string } }[] = [
    {
      name: 'm5_tiny_daily',
      dirs: [sharedData],
      pick: (all) => ({ products: all, skipped: '(all series with a sale in training)' }),
    },
    {
      name: 'online_retail_daily',
      dirs: [sharedData, bundledData],
      pick: (all) => {
        const eligible = all.filter((p) => p.mean >= RETAIL_MIN_MEAN && p.trainDays > WARMUP_DAYS + ORIGIN_STEP);
        return {
          products: eligible.slice(0, RETAIL_SAMPLE),
          skipped: `(the first ${RETAIL_SAMPLE} in file order of the ${eligible.length} with training mean >= ${RETAIL_MIN_MEAN}/day and > ${WARMUP_DAYS + ORIGIN_STEP} training days from the first sale, of ${all.length})`,
        };
      },
    },
  ];
  const tables: BenchTable[] = [];
  const summaries: Parameters<typeof originsTable>[0] = [];
  const timings: string[] = [];
  for (const spec of datasets) {
    const data = loadHistories(spec.name, spec.dirs);
    if (!data) {
      tables.push({
        title: `Partial views: ${spec.name}`,
        environment: '',
        columns: [],
        rows: [],
        notes: [`skipped: ${spec.name}.{train,test}.jsonl not found`],
      });
      continue;
    }
    const all = data.rows.map(productOf).filter((p): p is Product => p !== null);
    const { products, skipped } = spec.pick(all);
    const variants = variantsToRun(process.env.PARTIAL_VIEWS_ONLY);
    for (const variant of variants) {
      const run = runVariant(products, variant, settings);
      timings.push(
        `${spec.name} ${variant.name}: ${run.calls} catalogue plans (${products.length} listings, ${run.records} records in all) in ${(run.planMs / 1000).toFixed(1)} s of planning`,
      );
      tables.push(variantTable(spec.name, variant, run.origins, environment(), (performance.now() - started) / 1000));
      if (variant === variants[0]) summaries.push({ dataset: spec.name, source: data.source, products, skipped, origins: run.origins });
    }
  }
  const origins = originsTable(summaries, environment());
  const seconds = (performance.now() - started) / 1000;
  origins.notes!.push(...timings);
  origins.notes!.push(
    `Whole suite: ${seconds.toFixed(0)} s wall; 1-min load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (timings are inflated when other jobs share the cores).`,
  );
  return [origins, ...tables];
};

export default suite;
