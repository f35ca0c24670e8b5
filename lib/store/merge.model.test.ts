/**
 * Model-based test of the merge: any sequence of page reads, old report imports, re-reads and
 * stock corrections leaves the store equal to a deliberately simple reference model: for each
 * listing, each field's value from the newest reading that showed it; for each order line, the
 * newest status; one history row per distinct (source, key, day, values); and on-hand stock
 * from the newest of the last stock reading and the last correction.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expect } from 'vitest';
import type { ListingObservation, OrderObservation, OrderStatus } from '../records';
import { addCalibration } from './adjustments';
import { openStore, type StoreDb } from './db';
import { mergeObservations } from './merge';
import { foldHistory } from './observation-store';
import { effectiveOnHand } from './tables/calibrations';
import { allObservations, allListings } from './test-helpers';
import { indexRowOf } from './tables/listings';
import { readAllOrderLines } from './order-store';

const FIELDS = ['available', 'inbound', 'title'] as const;
type Field = (typeof FIELDS)[number];
type Reading = ListingObservation | OrderObservation;
const RANK: Record<OrderStatus, number> = { pending: 0, unshipped: 1, shipped: 2, cancelled: 3 };

interface Model {
  listings: Map<string, Map<Field, { at: number; value: string | number }>>;
  orders: Map<string, { at: number; status: OrderStatus }>;
  history: Set<string>;
  calibrations: Map<string, { at: number; onHand: number }>;
  batches: Reading[][];
  /** The background's clock: it only moves forward (a merge or fold never runs "before" an earlier one). */
  clock: number;
}
interface Real {
  db: StoreDb;
}

const ms = (iso: string) => Date.parse(iso);

/** Same order of comparison as the store, written independently: number before string by type, then value. */
function tieWins(a: string | number, b: string | number): boolean {
  return JSON.stringify(a) > JSON.stringify(b);
}

function applyToModel(m: Model, readings: Reading[]): void {
  for (const r of readings) {
    const { observedAt, ...content } = r;
    // Listing readings are kept as history; an order reading lives on only in its order line.
    if (r.kind === 'listing') m.history.add(JSON.stringify(content));
    const at = ms(observedAt);
    if (r.kind === 'listing') {
      const key = `${r.platform}|${r.marketplace}|${r.sku}`;
      const fields = m.listings.get(key) ?? new Map();
      m.listings.set(key, fields);
      for (const f of FIELDS) {
        const value = r[f];
        if (value === undefined) continue;
        const had = fields.get(f);
        if (!had || at > had.at || (at === had.at && tieWins(value, had.value))) fields.set(f, { at, value });
      }
    } else {
      const key = `${r.orderId}`;
      const had = m.orders.get(key);
      if (!had || at > had.at || (at === had.at && RANK[r.status] > RANK[had.status])) m.orders.set(key, { at, status: r.status });
    }
  }
}

async function check(m: Model, db: StoreDb): Promise<void> {
  const rows = await allListings(db);
  expect(rows.map((r) => r.key).sort()).toEqual([...m.listings.keys()].sort());
  for (const row of rows) {
    const fields = m.listings.get(row.key)!;
    for (const f of FIELDS) {
      expect(row[f], `${row.key} ${f}`).toEqual(fields.get(f)?.value);
      const at = fields.get(f)?.at;
      expect(row.fieldObservedAt[f] && ms(row.fieldObservedAt[f]!)).toEqual(at);
    }
    const cal = m.calibrations.get(row.key);
    const readAt = fields.get('available')?.at;
    const expected = cal && (readAt === undefined || cal.at >= readAt) ? cal.onHand : fields.get('available')?.value;
    const stored = await db.calibrations.where('listingKey').equals(row.key).toArray();
    expect(effectiveOnHand(row, stored), `on hand ${row.key}`).toEqual(expected);
  }
  const orders = await readAllOrderLines(db);
  expect(Object.fromEntries(orders.map((o) => [o.orderId, o.status]))).toEqual(Object.fromEntries([...m.orders].map(([k, v]) => [k, v.status])));
  expect((await allObservations(db)).length).toBe(m.history.size);
  // The indexed rows the queries use are exactly the projection of the full rows (schema v4).
  const indexed = await db.listings.orderBy('key').toArray();
  expect(indexed).toEqual(rows.map((row, i) => indexRowOf(row, indexed[i]!)));
}

// Few SKUs, few instants: collisions, ties, repeats and out-of-order readings are the point.
const DAYS = ['2024-05-01', '2024-05-02', '2024-05-03'];
const instant = fc
  .record({ day: fc.constantFrom(...DAYS), hour: fc.constantFrom('08', '12'), minute: fc.constantFrom('00', '05') })
  .map(({ day, hour, minute }) => `${day}T${hour}:${minute}:00.000Z`);
const listingReading = (source: string) =>
  fc
    .record({
      sku: fc.constantFrom('A', 'B', 'C'),
      market: fc.constantFrom(['amazon', 'amazon.com'] as const, ['ebay', 'ebay.com'] as const),
      at: instant,
      available: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      inbound: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      title: fc.option(fc.constantFrom('Mug', 'Tea'), { nil: undefined }),
    })
    .map(({ sku, market, at, ...fields }): ListingObservation => {
      const obs: ListingObservation = {
        kind: 'listing',
        platform: market[0],
        marketplace: market[1],
        source,
        observedAt: at,
        observedDate: at.slice(0, 10),
        sku,
      };
      for (const f of FIELDS) if (fields[f] !== undefined) (obs as Record<string, unknown>)[f] = fields[f];
      return obs;
    });
const orderReading = fc
  .record({
    orderId: fc.constantFrom('o1', 'o2'),
    status: fc.constantFrom<OrderStatus>('pending', 'unshipped', 'shipped', 'cancelled'),
    at: instant,
  })
  .map(({ orderId, status, at }): OrderObservation => ({
    kind: 'order',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/orders',
    observedAt: at,
    observedDate: at.slice(0, 10),
    orderId,
    sku: 'A',
    quantity: 1,
    status,
    orderDate: '2024-05-01',
  }));

// Merging at the readings' own day keeps them in day chunks; a week later, old readings go to
// (and are looked up in) the listings' history records (observation-store.ts).
const MERGE_NOWS = [new Date('2024-05-03T23:00:00.000Z'), new Date('2024-05-05T00:00:00.000Z'), new Date('2024-05-09T00:00:00.000Z')];

class ReadPage implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly readings: Reading[],
    readonly label: string,
    readonly nowPick = 1,
  ) {}
  check = (m: Readonly<Model>) => MERGE_NOWS[this.nowPick]!.getTime() >= m.clock;
  async run(m: Model, r: Real) {
    m.clock = MERGE_NOWS[this.nowPick]!.getTime();
    await mergeObservations(r.db, this.readings, MERGE_NOWS[this.nowPick]!);
    applyToModel(m, this.readings);
    m.batches.push(this.readings);
    await check(m, r.db);
  }
  toString = () =>
    `${this.label}@${this.nowPick}(${this.readings.map((x) => `${x.kind === 'order' ? x.orderId + ':' + x.status : x.sku + '@' + x.marketplace}@${x.observedAt.slice(5, 16)}`).join(' ')})`;
}

class ReRead implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly laterMinutes: number,
    readonly nowPick = 1,
  ) {}
  check = (m: Readonly<Model>) => m.batches.length > 0 && MERGE_NOWS[this.nowPick]!.getTime() >= m.clock;
  async run(m: Model, r: Real) {
    m.clock = MERGE_NOWS[this.nowPick]!.getTime();
    const batch = m.batches[this.pick % m.batches.length]!.map((o) => ({
      ...o,
      observedAt: new Date(ms(o.observedAt) + this.laterMinutes * 60_000).toISOString(), // same day: minutes only
    }));
    await mergeObservations(r.db, batch, MERGE_NOWS[this.nowPick]!);
    applyToModel(m, batch);
    await check(m, r.db);
  }
  toString = () => `ReRead(${this.pick}, +${this.laterMinutes}m, @${this.nowPick})`;
}

/** The daily maintenance moving readings into history records: changes where they are, never what the store holds. */
class Fold implements fc.AsyncCommand<Model, Real> {
  constructor(readonly at: string) {}
  check = (m: Readonly<Model>) => ms(this.at) >= m.clock;
  async run(m: Model, r: Real) {
    m.clock = ms(this.at);
    await foldHistory(r.db, new Date(this.at));
    await check(m, r.db);
  }
  toString = () => `Fold(${this.at})`;
}

class Calibrate implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly onHand: number,
    readonly at: string,
  ) {}
  check = (m: Readonly<Model>) => m.listings.size > 0;
  async run(m: Model, r: Real) {
    const keys = [...m.listings.keys()].sort();
    const key = keys[this.pick % keys.length]!;
    await addCalibration(r.db, { listingKey: key, onHand: this.onHand, reason: 'count', by: 'test' }, new Date(this.at));
    const had = m.calibrations.get(key);
    if (!had || ms(this.at) >= had.at) m.calibrations.set(key, { at: ms(this.at), onHand: this.onHand });
    await check(m, r.db);
  }
  toString = () => `Calibrate(${this.pick}, ${this.onHand}, ${this.at})`;
}

let seq = 0;

describe('merge vs reference model', () => {
  it('any sequence of reads, imports, re-reads and corrections matches the model', async () => {
    const commands = [
      fc
        .tuple(fc.array(fc.oneof(listingReading('amazon/manage-inventory'), orderReading), { minLength: 1, maxLength: 6 }), fc.nat(2))
        .map(([rs, n]) => new ReadPage(rs, 'Page', n)),
      fc.tuple(fc.array(listingReading('report:amazon/fba-myi'), { minLength: 1, maxLength: 6 }), fc.nat(2)).map(([rs, n]) => new ReadPage(rs, 'Import', n)),
      fc.tuple(fc.nat(), fc.constantFrom(0, 5, 20), fc.nat(2)).map(([p, l, n]) => new ReRead(p, l, n)),
      fc.constantFrom('2024-05-03T23:00:00.000Z', '2024-05-04T12:00:00.000Z', '2024-05-06T00:00:00.000Z', '2024-05-09T00:00:00.000Z').map((at) => new Fold(at)),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), instant).map(([p, n, at]) => new Calibrate(p, n, at)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const db = await openStore(`model-${++seq}`);
        try {
          await fc.asyncModelRun(
            () => ({
              model: { listings: new Map(), orders: new Map(), history: new Set<string>(), calibrations: new Map(), batches: [], clock: 0 },
              real: { db },
            }),
            cmds,
          );
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  });
});
