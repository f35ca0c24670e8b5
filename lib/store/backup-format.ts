/**
 * The backup file, format 2: newline-delimited JSON, so that neither its writer nor its reader
 * ever holds it whole (a store of a million readings is most of a gigabyte of JSON).
 *
 *   line 1:   header {format, version: 2, schemaVersion, exportedAt, tables: {<table>: {rows, checksum}}}
 *   line 2…:  chunk  {table, rows: [...]}   at most CHUNK_ROWS rows and about CHUNK_BYTES each
 *
 * Rows are written as canonical JSON (keys sorted), each table in key order (readings by
 * listing group, then id), so the checker can refuse a repeated key by comparing with the row
 * before, whatever the file's size. Order lines are the exception: they come day chunk by day
 * chunk, as the store keeps them (files written before schema v5 have them in key order), and
 * the checker remembers their keys. A table's checksum adds up a hash of every row's text: it
 * does not depend on which chunk a row sits in, and two stores with the same rows give the
 * same checksums.
 *
 * Format 1, the single JSON object older versions wrote, is read too: the options page cuts its
 * tables into the same chunk lines behind a header `{format, version: 1, schemaVersion}`; those
 * have no counts or checksums to check, and their keys are checked for repeats with a set (they
 * were at most 64 MiB: they came through one message).
 */
import { z } from 'zod';
import { backupProblemMessage, type BackupProblemCode } from '../messaging/protocol-backup';
import { isoDateTimeSchema } from '../records';
import { TABLE_NAMES, type TableName } from './db';
import { groupOf } from './groups';
import { contentHash } from './hash';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { calibrationRowSchema } from './tables/calibrations';
import { dailyDemandRowSchema } from './tables/dailyDemand';
import { listingRowSchema } from './tables/listings';
import { observationRowSchema } from './tables/observations';
import { orderRowSchema } from './tables/orders';
import { planRowSchema } from './tables/plans';
import { productRowSchema } from './tables/products';
import { returnRowSchema } from './tables/returns';
import { settingsRowSchema } from './tables/settings';
import { stockPoolRowSchema } from './tables/stockPools';

export const BACKUP_FORMAT = 'stock-copilot-backup';
/** Version of the backup file layout (not the database schema version). */
export const BACKUP_VERSION = 2;
/** The single-JSON layout of older versions, still restored. */
const LEGACY_BACKUP_VERSION = 1;

/**
 * The `settings` row that marks a store being restored (cleared, not yet fully written). It
 * describes the store, not the seller's data, so backups leave it out.
 */
export const RESTORE_MARKER_ID = 'restore-in-progress';

const tableSchemas = {
  products: productRowSchema,
  listings: listingRowSchema,
  stockPools: stockPoolRowSchema,
  observations: observationRowSchema,
  orders: orderRowSchema,
  dailyDemand: dailyDemandRowSchema,
  calibrations: calibrationRowSchema,
  returns: returnRowSchema,
  // Every settings row is backed up, including documents other features keep under their own ids.
  settings: settingsRowSchema.extend({ id: z.string().min(1).max(200) }),
  plans: planRowSchema,
} satisfies Record<TableName, z.ZodType>;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  schemaVersion: z.number().int().positive(),
  exportedAt: isoDateTimeSchema,
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((n) => [n, z.object({ rows: z.number().int().min(0), checksum: z.string().regex(/^[0-9a-f]{32}$/) })])) as {
      [K in TableName]: z.ZodObject<{ rows: z.ZodNumber; checksum: z.ZodString }>;
    },
  ),
});
type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTableSummary = BackupHeader['tables'];

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupProblemCode,
    detail = '',
  ) {
    super(backupProblemMessage(code, detail));
  }
}

/** A row's primary key, comparable as IndexedDB orders keys (numbers before strings, arrays by element). */
type RowKey = string | number | readonly (string | number)[] | undefined;

/**
 * The key a table's rows are written in order of (undefined: an auto-increment row without id).
 * Readings go by listing group first: the writer reads them one group at a time.
 * @example rowKeyOf('dailyDemand', { key: 'a|b|c', date: '2024-05-01' }) // ['a|b|c', '2024-05-01']
 */
export function rowKeyOf(table: TableName, row: Record<string, unknown>): RowKey {
  switch (table) {
    case 'listings':
    case 'orders':
    case 'plans':
      return row.key as string;
    case 'dailyDemand':
      return [row.key as string, row.date as string];
    case 'observations':
      return [groupOf(row.listingKey as string), row.id as string];
    case 'calibrations':
    case 'returns':
      return row.id as number | undefined;
    default:
      return row.id as string;
  }
}

/**
 * Orders two keys as IndexedDB does (negative: a first).
 * @example compareKeys(['a', 2], ['a', 10]) < 0 // true
 */
export function compareKeys(a: NonNullable<RowKey>, b: NonNullable<RowKey>): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareKeys(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An order-free sum of row hashes: four 32-bit lanes of each row's 106-bit content hash, added.
 * @example const sum = new TableChecksum(); sum.add('{"id":"a"}'); sum.value().length // 32
 */
export class TableChecksum {
  private readonly lanes = [0, 0, 0, 0];
  add(rowText: string): void {
    const hash = contentHash(rowText);
    for (let i = 0; i < 4; i++) this.lanes[i] = (this.lanes[i]! + parseInt(hash.slice(i * 7, i * 7 + 7), 16)) >>> 0;
  }
  value(): string {
    return this.lanes.map((l) => l.toString(16).padStart(8, '0')).join('');
  }
}

/**
 * The text a row's checksum is taken of, given its canonical JSON: the checker hashes
 * JSON.stringify of the row it parsed, which is that text except when an object has
 * integer-like keys (JavaScript puts those first), so those rows are put through the same.
 * @example checksumTextOf('{"":0,"0":false}') // '{"0":false,"":0}'
 */
export function checksumTextOf(canonicalText: string): string {
  return INTEGER_KEY.test(canonicalText) ? JSON.stringify(JSON.parse(canonicalText)) : canonicalText;
}
/** An object key a JavaScript object orders first (may also match inside a string value: then the check costs a parse, nothing else). */
const INTEGER_KEY = /[{,]"(?:0|[1-9]\d*)":/;

/**
 * A cheap fingerprint of a line (length and FNV-1a), to tell that the second pass of a restore
 * reads the very lines the first pass checked.
 * @example lineFingerprint('abc') === lineFingerprint('abc') // true
 */
export function lineFingerprint(line: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  return `${line.length}:${(h >>> 0).toString(16)}`;
}

/** What a backup line holds once checked. */
export interface CheckedChunk {
  table: TableName;
  rows: Record<string, unknown>[];
}

/**
 * The header's problems, or the header: a foreign file, a newer version, a damaged header.
 * @example parseHeader('{"hello":1}') // throws BackupError not-backup
 */
function parseHeader(text: string): { version: 1 | 2; header?: BackupHeader } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError('not-json');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) throw new BackupError('not-backup');
  const { version, schemaVersion } = data as { version?: unknown; schemaVersion?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('newer-version', `backup format ${version}`);
  if (typeof schemaVersion === 'number' && schemaVersion > CURRENT_SCHEMA_VERSION) throw new BackupError('newer-version', `database schema ${schemaVersion}`);
  if (version === LEGACY_BACKUP_VERSION) return { version: 1 };
  const parsed = headerSchema.safeParse(data);
  if (!parsed.success) throw new BackupError('damaged', `header: ${describeIssue(parsed.error.issues[0])}`);
  return { version: 2, header: parsed.data };
}

/** @example describeIssue({ path: ['record', 'sku'], message: 'Required' }) // 'record.sku: Required' */
function describeIssue(issue: { path: readonly PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid';
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Per-table state of a check in progress. */
interface TableState {
  rows: number;
  checksum: TableChecksum;
  last?: NonNullable<RowKey>;
  /** Format 1 only: keys seen (its rows are in no particular order). */
  seen?: Set<string>;
}

/**
 * Checks a backup line by line, keeping only what the checks need (a checksum and the last key
 * per table, product ids): refused lines throw BackupError naming where.
 * @example const v = new BackupChecker(headerLine); for (const l of lines) v.check(l); v.finish();
 */
export class BackupChecker {
  readonly version: 1 | 2;
  readonly header: BackupHeader | undefined;
  private readonly tables = new Map<TableName, TableState>();
  private readonly productIds = new Set<string>();
  /** Products named by listings before (or without) their product row: product id -> listing key. */
  private readonly wantedProducts = new Map<string, string>();
  private lineNo = 1;

  constructor(headerText: string) {
    const { version, header } = parseHeader(headerText);
    this.version = version;
    this.header = header;
  }

  /** Rows the file holds, when its header says (format 2). */
  get totalRows(): number | null {
    return this.header ? TABLE_NAMES.reduce((n, t) => n + this.header!.tables[t].rows, 0) : null;
  }

  /** Rows checked so far, over all tables. */
  get rowsChecked(): number {
    let n = 0;
    for (const s of this.tables.values()) n += s.rows;
    return n;
  }

  /** Checks one chunk line and returns its rows as the schemas parse them. */
  check(line: string): CheckedChunk {
    this.lineNo++;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new BackupError('damaged', `line ${this.lineNo} is cut off or not JSON`);
    }
    const { table, rows } = (typeof data === 'object' && data !== null ? data : {}) as { table?: unknown; rows?: unknown };
    if (typeof table !== 'string' || !(TABLE_NAMES as readonly string[]).includes(table) || !Array.isArray(rows)) {
      throw new BackupError('damaged', `line ${this.lineNo} is not a chunk of a known table`);
    }
    const name = table as TableName;
    const state = this.stateOf(name);
    const expected = this.header?.tables[name].rows;
    if (expected !== undefined && state.rows + rows.length > expected) {
      throw new BackupError('damaged', `${name}: more rows than the header's ${expected}`);
    }
    return { table: name, rows: rows.map((raw, i) => this.checkRow(name, state, raw, i)) };
  }

  private stateOf(name: TableName): TableState {
    let state = this.tables.get(name);
    // Order lines come day chunk by day chunk, as the store keeps them, not in key order: their
    // keys are remembered to refuse a repeat (as version 1 files do for every table).
    if (!state)
      this.tables.set(
        name,
        (state = { rows: 0, checksum: new TableChecksum(), ...(this.version === 1 || name === 'orders' ? { seen: new Set<string>() } : {}) }),
      );
    return state;
  }

  private checkRow(name: TableName, state: TableState, raw: unknown, i: number): Record<string, unknown> {
    const where = `${name} row ${state.rows + 1} (line ${this.lineNo}, row ${i + 1})`;
    if (this.header) state.checksum.add(JSON.stringify(raw));
    const parsed = tableSchemas[name].safeParse(raw);
    if (!parsed.success) throw new BackupError('damaged', `${where}: ${describeIssue(parsed.error.issues[0])}`);
    const row = parsed.data as Record<string, unknown>;
    const key = rowKeyOf(name, row);
    if (key !== undefined) {
      if (state.seen) {
        const text = JSON.stringify(key);
        if (state.seen.has(text)) throw new BackupError('duplicate', `${where}: key ${text} again`);
        state.seen.add(text);
      } else {
        if (state.last !== undefined && compareKeys(state.last, key) >= 0)
          throw new BackupError('duplicate', `${where}: key ${JSON.stringify(key)} repeated or out of order`);
        state.last = key;
      }
    }
    if (name === 'products') this.productIds.add(row.id as string);
    if (name === 'listings' && !this.productIds.has(row.productId as string)) this.wantedProducts.set(row.productId as string, row.key as string);
    state.rows++;
    return row;
  }

  /**
   * After the last line: every table complete (counts and checksums of the header), every
   * listing's product there. Returns the rows per table.
   */
  finish(): Record<TableName, number> {
    for (const name of TABLE_NAMES) {
      const state = this.tables.get(name);
      const rows = state?.rows ?? 0;
      if (this.header) {
        const expected = this.header.tables[name];
        if (rows !== expected.rows) throw new BackupError('truncated', `${name}: ${rows} of ${expected.rows} rows`);
        if (rows > 0 && state!.checksum.value() !== expected.checksum) throw new BackupError('checksum', name);
      } else if (!state) throw new BackupError('damaged', `table ${name} is missing`);
    }
    for (const [productId, listing] of this.wantedProducts) {
      if (!this.productIds.has(productId)) throw new BackupError('missing-product', `${listing}: ${productId}`);
    }
    return Object.fromEntries(TABLE_NAMES.map((n) => [n, this.tables.get(n)?.rows ?? 0])) as Record<TableName, number>;
  }
}

/**
 * The header line of a backup whose rows were written with these summaries.
 * @example headerLine(tables, 4, new Date())
 */
export function headerLine(tables: BackupTableSummary, schemaVersion: number, now: Date): string {
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion, exportedAt: now.toISOString(), tables };
  return JSON.stringify(header);
}
