/**
 * Properties of backups (fast-check):
 * - the checker gives back exactly the rows of any generated file (any chunking), and refuses
 *   any file corrupted on the way (a line cut, dropped, repeated, swapped, a character
 *   changed, the end cut off), unless the change left every row as it was (1,000 runs);
 * - any generated store (readings of any listings on any days, settings documents under any
 *   ids) round-trips exactly through the real writer and restore (fake-indexeddb, fewer runs:
 *   each run opens two databases);
 * - a corrupted backup of a store is refused before anything in the store changes.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from './backup';
import { BackupChecker, BackupError, checksumTextOf, compareKeys, headerLine, rowKeyOf, TableChecksum } from './backup-format';
import { TABLE_NAMES, type StoreDb, type TableName } from './db';
import { readAllOrderLines } from './order-store';
import { canonicalJson } from './hash';
import { mergeObservations } from './merge';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { allListings, allObservations, dropStores, freshStore, listingObs } from './test-helpers';

afterEach(dropStores);
const NOW = new Date('2024-05-10T12:00:00.000Z');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const STORE_RUNS = Number(process.env.BACKUP_STORE_RUNS ?? 25);
/** Each store run opens two databases and reads 128 listing groups twice. */
const STORE_TIMEOUT_MS = 240_000;

const isoDateTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const text = (max: number) => fc.string({ minLength: 1, maxLength: max });

const productRows = fc.uniqueArray(
  fc.record({ id: text(30), createdAt: isoDateTime, founderKey: text(30), name: text(40) }, { requiredKeys: ['id', 'createdAt', 'founderKey'] }),
  { selector: (r) => r.id, maxLength: 12 },
);
const settingsRows = fc.uniqueArray(fc.record({ id: text(20), value: fc.jsonValue({ maxDepth: 3 }), updatedAt: isoDateTime }), {
  selector: (r) => r.id,
  maxLength: 6,
});
const calibrationRows = fc.uniqueArray(
  fc.record(
    {
      id: fc.integer({ min: 1, max: 1e6 }),
      listingKey: text(30),
      productId: text(30),
      onHand: fc.integer({ min: 0, max: 1e6 }),
      previous: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      reason: text(40),
      by: text(20),
      at: isoDateTime,
    },
    { requiredKeys: ['id', 'listingKey', 'productId', 'onHand', 'previous', 'reason', 'by', 'at'] },
  ),
  { selector: (r) => r.id, maxLength: 8 },
);
const generatedTables = fc.record({ products: productRows, settings: settingsRows, calibrations: calibrationRows });

/** A format-2 file of these rows, chunks of `chunk` rows (the writer's key order and checksums). */
function fileOf(tables: Partial<Record<TableName, Record<string, unknown>[]>>, chunk: number): string[] {
  const lines: string[] = [];
  const summaries = Object.fromEntries(
    TABLE_NAMES.map((t) => {
      const rows = [...(tables[t] ?? [])].sort((a, b) => compareKeys(rowKeyOf(t, a)!, rowKeyOf(t, b)!));
      const texts = rows.map((r) => canonicalJson(r));
      const sum = new TableChecksum();
      texts.forEach((x) => sum.add(checksumTextOf(x)));
      for (let i = 0; i < texts.length; i += chunk) lines.push(`{"table":"${t}","rows":[${texts.slice(i, i + chunk).join(',')}]}`);
      return [t, { rows: texts.length, checksum: sum.value() }];
    }),
  );
  return [headerLine(summaries as never, CURRENT_SCHEMA_VERSION, NOW), ...lines];
}

/** The rows per table a file gives back through the checker (throws what the checker throws). */
function readBack(lines: readonly string[]): Record<string, unknown[]> {
  const checker = new BackupChecker(lines[0] ?? '');
  const out: Record<string, unknown[]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  for (const line of lines.slice(1)) {
    const { table, rows } = checker.check(line);
    out[table]!.push(...rows);
  }
  checker.finish();
  return out;
}

const corruption = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('char' as const), line: fc.nat(), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) }),
  fc.record({ kind: fc.constant('end' as const), at: fc.nat() }),
);
type Corruption = typeof corruption extends fc.Arbitrary<infer C> ? C : never;

/** The file's lines after one corruption, or undefined when this one would change nothing. */
function corrupt(lines: readonly string[], c: Corruption): string[] | undefined {
  const out = [...lines];
  const i = 'line' in c ? c.line % out.length : 0;
  const line = out[i]!;
  switch (c.kind) {
    case 'cut':
      out[i] = line.slice(0, c.at % line.length);
      break;
    case 'drop':
      out.splice(i, 1);
      break;
    case 'repeat':
      out.splice(i, 0, line);
      break;
    case 'swap': {
      const j = c.other % out.length;
      if (out[j] === line) return undefined;
      [out[i], out[j]] = [out[j]!, line];
      break;
    }
    case 'char': {
      const at = c.at % line.length;
      if (line[at] === c.char) return undefined;
      out[i] = line.slice(0, at) + c.char + line.slice(at + 1);
      break;
    }
    case 'end': {
      const whole = out.join('\n');
      const cut = whole.slice(0, c.at % whole.length);
      return cut.split('\n');
    }
  }
  return out;
}

describe('backup format (fast-check)', () => {
  it('gives back exactly the rows of any file, however chunked', () => {
    fc.assert(
      fc.property(generatedTables, fc.integer({ min: 1, max: 4 }), (tables, chunk) => {
        const back = readBack(fileOf(tables, chunk));
        for (const t of TABLE_NAMES) {
          const want = [...((tables as Partial<Record<TableName, Record<string, unknown>[]>>)[t] ?? [])].sort((a, b) =>
            compareKeys(rowKeyOf(t, a)!, rowKeyOf(t, b)!),
          );
          expect(back[t]).toEqual(JSON.parse(JSON.stringify(want))); // as JSON holds them (-0 is 0)
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses any corrupted file, unless every row came through as it was', () => {
    fc.assert(
      fc.property(generatedTables, fc.integer({ min: 1, max: 3 }), corruption, (tables, chunk, c) => {
        const lines = fileOf(tables, chunk);
        const bad = corrupt(lines, c);
        fc.pre(bad !== undefined);
        let back: Record<string, unknown[]>;
        try {
          back = readBack(bad!);
        } catch (error) {
          expect(error).toBeInstanceOf(BackupError);
          return;
        }
        expect(back).toEqual(readBack(lines));
      }),
      { numRuns: RUNS },
    );
  });
});

/** Readings of up to 6 listings on up to 20 days (old ones land in history records, recent ones in day chunks). */
const readings = fc.array(
  fc.record({
    sku: fc.constantFrom('A', 'B', 'MUG-1', 'Ünïcode "q"', 'x'.repeat(40), '1'),
    platform: fc.constantFrom('amazon' as const, 'ebay' as const),
    day: fc.integer({ min: 1, max: 20 }),
    available: fc.integer({ min: 0, max: 500 }),
  }),
  { minLength: 1, maxLength: 25 },
);

async function storeOf(rows: { sku: string; platform: 'amazon' | 'ebay'; day: number; available: number }[], docs: { id: string; value: unknown }[]) {
  const db = await freshStore('backup-property');
  const obs = rows.map((r) =>
    listingObs(r.sku, `2024-04-${String(r.day).padStart(2, '0')}T10:00:00Z`, {
      platform: r.platform,
      marketplace: r.platform === 'amazon' ? 'amazon.com' : 'ebay.com',
      available: r.available,
    }),
  );
  await mergeObservations(db, obs, NOW);
  for (const d of docs) await db.table('settings').put({ ...d, updatedAt: NOW.toISOString() });
  return db;
}

async function dump(db: StoreDb) {
  const read = (n: string) =>
    n === 'listings'
      ? allListings(db)
      : n === 'observations'
        ? allObservations(db).then((r) => r.sort((a, b) => (a.id < b.id ? -1 : 1)))
        : n === 'orders'
          ? readAllOrderLines(db)
          : db.table(n).toArray();
  return Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, await read(n)])));
}

// Documents as JSON holds them: a backup is JSON text, where -0 is 0 (the table test above compares the same way).
const jsonDocument = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const documents = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), value: jsonDocument }), {
  selector: (d) => d.id,
  maxLength: 3,
});

describe('backup of a store (fast-check, fake-indexeddb)', () => {
  it(
    'round-trips any generated store exactly',
    async () => {
      await fc.assert(
        fc.asyncProperty(readings, documents, async (rows, docs) => {
          const db = await storeOf(rows, docs);
          const before = await dump(db);
          const text = await exportBackup(db, NOW);
          const other = await freshStore('backup-property');
          await restoreBackup(other, text, NOW);
          expect(await dump(other)).toEqual(before);
          expect((await exportBackup(other, NOW)).split('\n')[0]).toBe(text.split('\n')[0]);
          db.close();
          other.close();
        }),
        { numRuns: STORE_RUNS },
      );
    },
    STORE_TIMEOUT_MS,
  );

  it(
    'refuses a corrupted backup of any store before changing anything',
    async () => {
      await fc.assert(
        fc.asyncProperty(readings, corruption, async (rows, c) => {
          const db = await storeOf(rows, []);
          const text = await exportBackup(db, NOW);
          const bad = corrupt(text.trimEnd().split('\n'), c);
          fc.pre(bad !== undefined);
          const before = await dump(db);
          try {
            await restoreBackup(db, bad!.join('\n'), NOW);
            expect(await dump(db)).toEqual(before); // a change that left every row as it was
          } catch (error) {
            expect(error).toBeInstanceOf(BackupError);
            expect(await dump(db)).toEqual(before);
          }
          db.close();
        }),
        { numRuns: STORE_RUNS },
      );
    },
    STORE_TIMEOUT_MS,
  );
});
