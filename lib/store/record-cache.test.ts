import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie, type Table } from 'dexie';
import { RecordCache } from './record-cache';
import { nativeTransaction, putMany } from './idb';
import { dropStores, freshStore } from './test-helpers';

interface Row {
  key: string;
  date: string;
  n: number;
  units?: Float64Array;
  /** Under a unique index: a second record with the same value fails to write. */
  tag?: string;
}

/** A table like dailyDemand: a compound key, and records of two kinds, only one of them kept. */
class CachedDb extends Dexie {
  rows!: Table<Row, [string, string]>;
  /** A table of string keys whose keys alone are kept (as the store's plans). */
  named!: Table<{ id: string; n: number; tag?: string }, string>;
  /** A table read by one value of its `group` index (as the store's listings by product). */
  members!: Table<Member, string>;
  readonly cache = new RecordCache({ table: 'rows', keeps: (k) => Array.isArray(k) && k[1] === 'kept', capacity: 3 });
  readonly keyCache = new RecordCache({ table: 'named', keeps: () => false, capacity: 0, allKeys: true });
  readonly groupCache = new RecordCache({ table: 'members', keeps: () => true, capacity: 4, index: 'group', whole: true });
  constructor(name: string, cached = true) {
    super(name);
    this.version(1).stores({ rows: '[key+date], date, &tag', named: 'id, &tag', members: 'id, group, &tag' });
    if (cached) for (const cache of [this.cache, this.keyCache, this.groupCache]) this.use(cache.middleware);
  }
}

interface Member {
  id: string;
  group?: string | number;
  n: number;
  tag?: string;
}

const opened: CachedDb[] = [];
async function open(cached = true): Promise<CachedDb> {
  const db = new CachedDb(`record-cache-${Math.random().toString(36).slice(2)}`, cached);
  await db.open();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await dropStores();
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Sequences each property tries (`npm run fuzz` sets FUZZ_RUNS: 10,000 sequences take several minutes, so its tests have no time limit there). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const INDEX_RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const row = (key: string, n: number, date = 'kept'): Row => ({ key, date, n });
/** A macrotask later: IndexedDB's events of transactions already ended (an abort) have fired. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const readOnly = <T>(db: CachedDb, read: () => Promise<T>) => db.transaction('r', [db.rows, db.named, db.members], read);

describe('recordCache', () => {
  it('answers a read-only read of a kept record from memory, with a copy of its own', async () => {
    const db = await open();
    const written = { ...row('a', 1), units: new Float64Array([1.5, NaN]) };
    await db.rows.put(written);
    // The write entered the copy when it completed; what the writer does to its object afterwards does not.
    written.n = 50;
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toMatchObject({ n: 1 });
    expect(db.cache.stats()).toMatchObject({ hits: 1, misses: 0, size: 1 });
    const first = (await readOnly(db, () => db.rows.bulkGet([['a', 'kept']])))[0]!;
    expect(db.cache.stats().hits).toBe(2);
    expect(first.units).toEqual(new Float64Array([1.5, NaN]));
    // What a caller does to its copy changes nothing the next read gets (IndexedDB gives a fresh clone too).
    first.n = 99;
    first.units![0] = 7;
    const second = (await readOnly(db, () => db.rows.get(['a', 'kept'])))!;
    expect([second.n, second.units![0]]).toEqual([1, 1.5]);
  });

  it('keeps what a read-only read found', async () => {
    const db = await open();
    // Written in a transaction that also cleared the table, the record is read from IndexedDB once, then kept.
    await db.transaction('rw', db.rows, async () => {
      await db.rows.put(row('a', 1));
      await db.rows.clear();
      await db.rows.put(row('a', 2));
    });
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toEqual(row('a', 2));
    expect(db.cache.stats()).toMatchObject({ hits: 0, misses: 1 });
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toEqual(row('a', 2));
    expect(db.cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('leaves records it does not keep, and missing ones, to IndexedDB', async () => {
    const db = await open();
    await db.rows.put(row('a', 1, 'other'));
    for (let i = 0; i < 2; i++)
      expect(
        await readOnly(db, () =>
          db.rows.bulkGet([
            ['a', 'other'],
            ['b', 'kept'],
          ]),
        ),
      ).toEqual([row('a', 1, 'other'), undefined]);
    expect(db.cache.stats()).toMatchObject({ hits: 0, size: 0 });
  });

  it('a completed write is what the next read gets from memory; an aborted one leaves the committed record', async () => {
    const db = await open();
    await db.rows.put(row('a', 1));
    await readOnly(db, () => db.rows.get(['a', 'kept']));
    await db.transaction('rw', db.rows, () => db.rows.put(row('a', 2)));
    const hits = db.cache.stats().hits;
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toEqual(row('a', 2));
    expect(db.cache.stats().hits).toBe(hits + 1);
    await expect(
      db.transaction('rw', db.rows, async () => {
        await db.rows.put(row('a', 3));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toEqual(row('a', 2));
    await db.rows.delete(['a', 'kept']);
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toBeUndefined();
  });

  it('never keeps what a read-write transaction read (its own writes, which may yet be undone)', async () => {
    const db = await open();
    await db.rows.put(row('a', 1));
    await expect(
      db.transaction('rw', db.rows, async () => {
        await db.rows.put(row('a', 2));
        expect(await db.rows.get(['a', 'kept'])).toEqual(row('a', 2));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // Dexie rejects before IndexedDB's abort event: wait for it, so the read below may be answered from memory.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toEqual(row('a', 1));
  });

  it('a write that failed in a transaction that went on does not enter it', async () => {
    const db = await open();
    await db.rows.bulkPut([row('a', 1), { ...row('b', 1), tag: 'x' }]);
    await db.transaction('rw', db.rows, async () => {
      // 'a' takes a tag 'b' holds: that put fails, the transaction goes on and commits 'c'.
      await db.rows.bulkPut([{ ...row('a', 2), tag: 'x' }, row('c', 2)]).catch(() => undefined);
    });
    const both = () =>
      readOnly(db, () =>
        db.rows.bulkGet([
          ['a', 'kept'],
          ['c', 'kept'],
        ]),
      );
    expect(await both()).toEqual([row('a', 1), row('c', 2)]);
    expect(await both()).toEqual([row('a', 1), row('c', 2)]);
  });

  it('a writer stays open after a failed write it handled: a reader opened meanwhile sees what it writes next', async () => {
    const db = await open();
    await db.rows.bulkPut([row('a', 1), { ...row('b', 1), tag: 'x' }]);
    await readOnly(db, () => db.rows.get(['b', 'kept']));
    let failed = () => {};
    const failure = new Promise<void>((resolve) => (failed = resolve));
    const writer = db.transaction('rw', db.rows, async () => {
      await db.rows.bulkPut([{ ...row('c', 3), tag: 'x' }]).catch(failed);
      await db.rows.get(['a', 'kept']);
      await db.rows.put(row('b', 3));
    });
    await failure;
    // Resumed in the writer's zone (its failure settled there): the reader is opened outside it.
    const reader = Dexie.ignoreTransaction(() => readOnly(db, () => db.rows.get(['b', 'kept'])));
    await writer;
    expect(await reader).toEqual(row('b', 3));
  });

  it('a read-only transaction opened while a writer is open sees its write (it comes after it), not the copy', async () => {
    const db = await open();
    await db.rows.bulkPut([row('a', 1), row('b', 1)]);
    await readOnly(db, () =>
      db.rows.bulkGet([
        ['a', 'kept'],
        ['b', 'kept'],
      ]),
    );
    const writer = db.transaction('rw', db.rows, async () => {
      // The write is asked only after a round trip: the reader below is opened before it.
      await db.rows.get(['b', 'kept']);
      await db.rows.put(row('a', 2));
    });
    const reader = readOnly(db, () => db.rows.get(['a', 'kept']));
    await writer;
    expect(await reader).toEqual(row('a', 2));
    // A read-write transaction reads IndexedDB too (its own writes).
    expect(await db.transaction('rw', db.rows, async () => (await db.rows.put(row('b', 5)), db.rows.get(['b', 'kept'])))).toEqual(row('b', 5));
  });

  it('a range delete or a clear empties it; it holds at most its capacity, the least recently used going first', async () => {
    const db = await open();
    await db.rows.bulkPut(['a', 'b', 'c', 'd'].map((k) => row(k, 1)));
    await readOnly(db, () => db.rows.bulkGet(['a', 'b', 'c'].map((k) => [k, 'kept'] as [string, string])));
    await readOnly(db, () => db.rows.get(['a', 'kept']));
    await readOnly(db, () => db.rows.get(['d', 'kept']));
    expect(db.cache.stats().size).toBe(3);
    // 'b' was the least recently used: read again, it is a miss; 'a' and 'd' are hits.
    const { hits, misses } = db.cache.stats();
    await readOnly(db, () => db.rows.bulkGet(['a', 'b', 'd'].map((k) => [k, 'kept'] as [string, string])));
    expect(db.cache.stats()).toMatchObject({ hits: hits + 2, misses: misses + 1 });
    // What it holds, told without counting as use: 'c' went when 'b' came back.
    expect(
      db.cache.holds([
        ['a', 'kept'],
        ['b', 'kept'],
        ['c', 'kept'],
        ['d', 'kept'],
        ['zz', 'kept'],
        ['a', 'other'],
      ]),
    ).toBe(3);
    expect(db.cache.stats()).toMatchObject({ hits: hits + 2, misses: misses + 1 });
    await db.rows.where('date').equals('kept').delete();
    expect(db.cache.holds([['a', 'kept']])).toBe(0);
    expect(db.cache.stats().size).toBe(0);
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toBeUndefined();
    await db.rows.put(row('a', 4));
    await readOnly(db, () => db.rows.get(['a', 'kept']));
    await db.rows.clear();
    expect(await readOnly(db, () => db.rows.get(['a', 'kept']))).toBeUndefined();
  });

  it('property: whatever the sequence of writes, aborted writes, deletions, clears and reads, every read gives what IndexedDB alone gives', async () => {
    const KEYS = ['a', 'b', 'c', 'd', 'e'] as const;
    const key = fc.constantFrom(...KEYS);
    const keys = fc.array(key, { minLength: 1, maxLength: 4 });
    const op = fc.oneof(
      fc.record({ op: fc.constant('put' as const), keys, n: fc.nat(9), abort: fc.boolean() }),
      fc.record({ op: fc.constant('delete' as const), keys }),
      fc.record({ op: fc.constant('clear' as const) }),
      // A read-only read, alone or opened while a writer (which reads, then writes) is open.
      fc.record({ op: fc.constant('read' as const), keys, writer: fc.boolean() }),
      // A writer that reads, writes, reads again, and may be undone.
      fc.record({ op: fc.constant('rw' as const), keys, writes: keys, n: fc.nat(9), abort: fc.boolean() }),
    );
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    const ids = (ks: readonly string[]) => ks.map((k) => [k, 'kept'] as [string, string]);
    /** Runs one step; gives what it read. */
    const run = async (db: CachedDb, step: Op): Promise<unknown> => {
      if (step.op === 'put' || step.op === 'rw') {
        const reads: unknown[] = [];
        await db
          .transaction('rw', db.rows, async () => {
            if (step.op === 'rw') reads.push(await db.rows.bulkGet(ids(step.keys)));
            await db.rows.bulkPut((step.op === 'rw' ? step.writes : step.keys).map((k) => row(k, step.n)));
            if (step.op === 'rw') reads.push(await db.rows.bulkGet(ids(step.keys)));
            if (step.abort) throw new Error('abort');
          })
          .catch(() => undefined);
        return reads;
      }
      if (step.op === 'delete') return db.rows.bulkDelete(ids(step.keys));
      if (step.op === 'clear') return db.rows.clear();
      const writer = step.writer
        ? db.transaction('rw', db.rows, async () => (await db.rows.get(ids(step.keys)[0]!), db.rows.put(row(step.keys[0]!, 42))))
        : null;
      const got = await readOnly(db, () => db.rows.bulkGet(ids(step.keys)));
      await writer;
      return got;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const [cached, plain] = [await open(), await open(false)];
        for (const step of [...ops, { op: 'read' as const, keys: [...KEYS], writer: false }]) expect(await run(cached, step)).toEqual(await run(plain, step));
      }),
      { numRuns: RUNS },
    );
  });

  it("the store's tables kept in memory cannot be written around it (idb.ts putMany, straight on IndexedDB)", async () => {
    const db = await freshStore('record-cache-around');
    for (const cache of Object.values(db.memory)) {
      const table = db.table(cache.table);
      await expect(db.transaction('rw', table, () => putMany(nativeTransaction(), table, []))).rejects.toThrow('kept in memory');
    }
    await db.transaction('rw', db.stockPools, () => putMany(nativeTransaction(), db.stockPools, [{ id: 'own:A', channel: 'SELLER', name: 'A' }]));
    expect(await db.stockPools.count()).toBe(1);
  });

  it('with allKeys, a read of every key is answered from memory once known, and follows every write', async () => {
    const db = await open();
    const keys = () => readOnly(db, () => db.named.toCollection().primaryKeys());
    await db.named.bulkPut([
      { id: 'b', n: 1 },
      { id: 'a', n: 1 },
    ]);
    expect(await keys()).toEqual(['a', 'b']);
    expect(db.keyCache.stats()).toMatchObject({ hits: 0, misses: 1 });
    await db.named.bulkPut([{ id: 'c', n: 1 }]);
    await db.named.delete('a');
    expect(await keys()).toEqual(['b', 'c']);
    expect(db.keyCache.stats()).toMatchObject({ hits: 1, misses: 1 });
    // A writer's own keys are read from IndexedDB; an aborted writer's keys never enter.
    await expect(
      db.transaction('rw', db.named, async () => {
        await db.named.add({ id: 'd', n: 1 });
        expect(await db.named.toCollection().primaryKeys()).toEqual(['b', 'c', 'd']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await keys()).toEqual(['b', 'c']);
    // A failed add in a writer that goes on: the keys are read again.
    await db.transaction('rw', db.named, () =>
      db.named
        .bulkAdd([
          { id: 'b', n: 2 },
          { id: 'e', n: 2 },
        ])
        .catch(() => undefined),
    );
    expect(await keys()).toEqual(['b', 'c', 'e']);
    // A new key whose put failed (its tag is taken) is not among them.
    await db.named.put({ id: 'c', n: 1, tag: 't' });
    await keys();
    await db.transaction('rw', db.named, () => db.named.bulkPut([{ id: 'z', n: 2, tag: 't' }]).catch(() => undefined));
    expect(await keys()).toEqual(['b', 'c', 'e']);
    await db.named.where('id').above('b').delete();
    expect(await keys()).toEqual(['b']);
    // Not every key, or not only keys: IndexedDB answers.
    expect(await readOnly(db, () => db.named.where('id').above('a').primaryKeys())).toEqual(['b']);
    expect(await readOnly(db, () => db.named.toCollection().reverse().primaryKeys())).toEqual(['b']);
  });

  it('property (allKeys): whatever the writes, aborts, failed adds and clears, a read of every key gives what IndexedDB alone gives', async () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd');
    const keys = fc.array(key, { minLength: 1, maxLength: 3 });
    const op = fc.oneof(
      fc.record({ op: fc.constant('put' as const), keys, abort: fc.boolean(), add: fc.boolean() }),
      fc.record({ op: fc.constant('delete' as const), keys }),
      fc.record({ op: fc.constant('clear' as const) }),
      fc.record({ op: fc.constant('read' as const), inWriter: fc.boolean(), behindWriter: fc.boolean() }),
    );
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    const run = async (db: CachedDb, step: Op): Promise<unknown> => {
      const all = () => db.named.toCollection().primaryKeys();
      if (step.op === 'put')
        return db
          .transaction('rw', db.named, async () => {
            const rows = step.keys.map((id) => ({ id, n: 1 }));
            await (step.add ? db.named.bulkAdd(rows).catch(() => undefined) : db.named.bulkPut(rows));
            const seen = await all();
            if (step.abort) throw new Error('abort');
            return seen;
          })
          .catch(() => 'aborted');
      if (step.op === 'delete') return db.named.bulkDelete(step.keys);
      if (step.op === 'clear') return db.named.clear();
      if (step.inWriter) return db.transaction('rw', db.named, async () => [await all(), await db.named.put({ id: 'e', n: 1 }), await all()]);
      const writer = step.behindWriter ? db.transaction('rw', db.named, async () => (await db.named.get('a'), db.named.delete('b'))) : null;
      const got = await readOnly(db, all);
      await writer;
      return got;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const [cached, plain] = [await open(), await open(false)];
        for (const step of [...ops, { op: 'read' as const, inWriter: false, behindWriter: false }])
          expect(await run(cached, step)).toEqual(await run(plain, step));
      }),
      { numRuns: RUNS },
    );
  });

  it('with an index, a read of one value is answered from memory once read, in key order, and follows moves, aborts and failed writes', async () => {
    const db = await open();
    const inGroup = (g: string) => readOnly(db, () => db.members.where('group').equals(g).toArray());
    await db.members.bulkPut([
      { id: 'b', group: 'x', n: 1 },
      { id: 'a', group: 'x', n: 2 },
      { id: 'c', group: 'y', n: 3 },
    ]);
    expect((await inGroup('x')).map((m) => m.id)).toEqual(['a', 'b']);
    const { hits } = db.groupCache.stats();
    const again = await inGroup('x');
    expect(again.map((m) => m.id)).toEqual(['a', 'b']);
    expect(db.groupCache.stats().hits).toBe(hits + 1);
    // A copy of its own.
    again[0]!.n = 99;
    expect((await inGroup('x'))[0]!.n).toBe(2);
    // A completed move: out of x, into y (y not read yet: unknown, so read) and a record deleted.
    await db.members.put({ id: 'b', group: 'y', n: 1 });
    expect((await inGroup('x')).map((m) => m.id)).toEqual(['a']);
    expect((await inGroup('y')).map((m) => m.id)).toEqual(['b', 'c']);
    await db.members.delete('c');
    expect((await inGroup('y')).map((m) => m.id)).toEqual(['b']);
    // An aborted move changes nothing.
    await db
      .transaction('rw', db.members, async () => (await db.members.put({ id: 'a', group: 'y', n: 5 }), Promise.reject(new Error('abort'))))
      .catch(() => undefined);
    // Once the abort has ended the writer (the next transaction may then be answered from memory).
    await settled();
    expect((await inGroup('x')).map((m) => [m.id, m.n])).toEqual([['a', 2]]);
    expect((await inGroup('y')).map((m) => m.id)).toEqual(['b']);
    // A move that failed (a unique tag taken) in a transaction that went on: its group is read again, and still holds it.
    await db.members.put({ id: 'd', group: 'z', n: 0, tag: 't' });
    await db.transaction('rw', db.members, async () => {
      await db.members.add({ id: 'e', group: 'x', n: 0, tag: 't' }).catch(() => undefined);
      await db.members.put({ id: 'a', group: 'y', n: 6, tag: 't' }).catch(() => undefined);
    });
    await settled();
    expect((await inGroup('x')).map((m) => [m.id, m.n])).toEqual([['a', 2]]);
    expect((await inGroup('y')).map((m) => m.id)).toEqual(['b']);
  });

  it('with an index, a read of the whole table makes every group; a read inside a writer that wrote is its own', async () => {
    const db = await open();
    await db.members.bulkPut([
      { id: 'a', group: 1, n: 1 },
      { id: 'b', group: 2, n: 2 },
      { id: 'c', group: 1, n: 3 },
    ]);
    await readOnly(db, () => db.members.toArray());
    const { hits, misses } = db.groupCache.stats();
    expect((await readOnly(db, () => db.members.where('group').equals(1).toArray())).map((m) => m.id)).toEqual(['a', 'c']);
    expect(db.groupCache.stats()).toMatchObject({ hits: hits + 1, misses });
    // The records themselves too.
    expect((await readOnly(db, () => db.members.bulkGet(['b', 'c']))).map((m) => m?.n)).toEqual([2, 3]);
    expect(db.groupCache.stats()).toMatchObject({ hits: hits + 3, misses });
    const seen = await db.transaction('rw', db.members, async () => {
      await db.members.put({ id: 'b', group: 1, n: 2 });
      return db.members.where('group').equals(1).toArray();
    });
    expect(seen.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect((await readOnly(db, () => db.members.where('group').equals(2).toArray())).map((m) => m.id)).toEqual([]);
  });

  it('a read of the whole table comes from memory once read whole, follows completed writes, and is read again after an undone write, past the capacity, or while a writer is open', async () => {
    const db = await open();
    const whole = () => readOnly(db, () => db.members.toArray());
    const ids = async () => (await whole()).map((m) => `${m.id}${m.n}`);
    await db.members.bulkPut([
      { id: 'a', group: 'x', n: 1 },
      { id: 'b', n: 2 },
    ]);
    await whole();
    const { hits } = db.groupCache.stats();
    expect(await ids()).toEqual(['a1', 'b2']);
    await db.members.put({ id: 'c', group: 'x', n: 3 });
    await db.members.delete('b');
    await settled();
    expect(await ids()).toEqual(['a1', 'c3']);
    expect(db.groupCache.stats().hits).toBe(hits + 2);
    // An undone overwrite took 'a' out of memory: read again (and whole again after that).
    await db.transaction('rw', db.members, async () => (await db.members.put({ id: 'a', n: 9 }), Promise.reject(new Error('abort')))).catch(() => undefined);
    await settled();
    expect(await ids()).toEqual(['a1', 'c3']);
    // A reader opened before a writer sees the table as it was, though the writer asked its write meanwhile.
    let writer: Promise<unknown> | undefined;
    const before = await readOnly(db, async () => {
      await db.members.get('c');
      writer = Dexie.ignoreTransaction(() => db.transaction('rw', db.members, () => db.members.put({ id: 'a', n: 5 })));
      await db.members.get('c');
      return db.members.toArray();
    });
    await writer;
    expect(before.map((m) => `${m.id}${m.n}`)).toEqual(['a1', 'c3']);
    await settled();
    expect(await ids()).toEqual(['a5', 'c3']);
    // More records than the copy holds (4).
    await db.members.bulkPut(['d', 'e', 'f'].map((id) => ({ id, n: 0 })));
    await settled();
    expect(await ids()).toEqual(['a5', 'c3', 'd0', 'e0', 'f0']);
  });

  it('without `whole`, a read of the whole table always goes to IndexedDB (an empty table read once is not kept as empty)', async () => {
    const db = await open();
    expect(await readOnly(db, () => db.named.toArray())).toEqual([]);
    await db.named.put({ id: 'a', n: 1 });
    await settled();
    expect(await readOnly(db, () => db.named.toArray())).toEqual([{ id: 'a', n: 1 }]);
  });

  it('property (index, whole): whatever the writes, moves, aborts, failed writes, deletions, clears and evictions, every read (by index value, of the whole table, by key) gives what IndexedDB alone gives', async () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const group = fc.constantFrom<string | number | undefined>('x', 'y', 1, undefined);
    const member = fc.record({ id, group, n: fc.nat(9), tag: fc.constantFrom<string | undefined>(undefined, undefined, 't') });
    // Reads weigh most: a group is answered from memory only after a read made it and before a write or a clear undoes it.
    const op = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          op: fc.constant('put' as const),
          members: fc.array(member, { minLength: 1, maxLength: 3 }),
          abort: fc.boolean(),
          add: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), ids: fc.array(id, { minLength: 1, maxLength: 2 }) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('clear' as const) }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('whole' as const) }) },
      { weight: 6, arbitrary: fc.record({ op: fc.constant('read' as const), group, inWriter: fc.boolean(), behindWriter: fc.boolean() }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('get' as const), ids: fc.array(id, { minLength: 1, maxLength: 3 }) }) },
    );
    type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
    // Each step may be followed by a pause, after which an aborted writer has ended (the next reader is then answered from memory).
    const steps = fc.array(fc.tuple(op, fc.boolean()), { maxLength: 30 });
    const clean = (m: Member) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as unknown as Member;
    const run = async (db: CachedDb, step: Op): Promise<unknown> => {
      const of = (g: string | number | undefined) => (g === undefined ? Promise.resolve([]) : db.members.where('group').equals(g).toArray());
      if (step.op === 'put')
        return db
          .transaction('rw', db.members, async () => {
            const rows = step.members.map(clean);
            // Each write alone, failures handled: a taken tag fails one write, and the transaction goes on.
            for (const r of rows)
              await (step.add ? db.members.add(r) : db.members.put(r)).then(
                () => 'ok',
                () => 'failed',
              );
            const seen = await of(step.members[0]!.group);
            if (step.abort) throw new Error('abort');
            return seen;
          })
          .catch(() => 'aborted');
      if (step.op === 'delete') return db.members.bulkDelete(step.ids);
      if (step.op === 'clear') return db.members.clear();
      if (step.op === 'whole') return readOnly(db, () => db.members.toArray());
      if (step.op === 'get') return readOnly(db, () => db.members.bulkGet(step.ids));
      if (step.inWriter)
        return db.transaction('rw', db.members, async () => [await of(step.group), await db.members.put({ id: 'e', group: 'x', n: 7 }), await of(step.group)]);
      const writer = step.behindWriter
        ? db.transaction('rw', db.members, async () => (await db.members.get('a'), db.members.put({ id: 'b', group: 'y', n: 8 })))
        : null;
      const got = await readOnly(db, () => of(step.group));
      await writer;
      return got;
    };
    let answeredFromMemory = 0;
    const finalReads: Op[] = ['x', 'y', 1].map((g) => ({ op: 'read' as const, group: g, inWriter: false, behindWriter: false }));
    await fc.assert(
      fc.asyncProperty(steps, async (ops) => {
        const [cached, plain] = [await open(), await open(false)];
        for (const [step, pause] of [...ops, ...finalReads.map((r) => [r, true] as const)]) {
          expect(await run(cached, step)).toEqual(await run(plain, step));
          if (pause) await settled();
        }
        answeredFromMemory += cached.groupCache.stats().hits;
      }),
      { numRuns: INDEX_RUNS },
    );
    // The property is about the copy: it must have answered often.
    expect(answeredFromMemory).toBeGreaterThan(20);
  });
});
