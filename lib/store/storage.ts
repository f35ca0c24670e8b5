/**
 * How much the store holds, for the options page's storage section.
 */
import { TABLE_NAMES, type StoreDb, type TableName } from './db';

export interface StorageEstimate {
  tables: Record<TableName, { rows: number; approxBytes: number }>;
  totalRows: number;
  /** Sum of the tables' estimates: JSON size of a sample of rows times the row count. */
  approxBytes: number;
  /** The browser's own figures for the whole extension origin, when it offers them. */
  browser?: { usage?: number; quota?: number };
}

const SAMPLE = 50;

/**
 * Row counts per table and an approximate size (sampled, so it stays fast at a million rows).
 * @example (await storageEstimate(db)).tables.observations.rows
 */
export async function storageEstimate(db: StoreDb): Promise<StorageEstimate> {
  const entries = await db.transaction('r', TABLE_NAMES.map((n) => db.table(n)), () =>
    Promise.all(TABLE_NAMES.map(async (name) => {
      const table = db.table(name);
      const [rows, sample] = await Promise.all([table.count(), table.limit(SAMPLE).toArray()]);
      const sampleBytes = sample.reduce((sum, r) => sum + utf8Length(JSON.stringify(r)), 0);
      const approxBytes = sample.length ? Math.round((sampleBytes / sample.length) * rows) : 0;
      return [name, { rows, approxBytes }] as const;
    })));
  const tables = Object.fromEntries(entries) as StorageEstimate['tables'];
  const estimate: StorageEstimate = {
    tables,
    totalRows: entries.reduce((s, [, t]) => s + t.rows, 0),
    approxBytes: entries.reduce((s, [, t]) => s + t.approxBytes, 0),
  };
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> } } }).navigator?.storage;
  if (storage?.estimate) {
    try {
      const { usage, quota } = await storage.estimate();
      estimate.browser = { usage, quota };
    } catch {
      // Not offered in this context: the table estimate stands alone.
    }
  }
  return estimate;
}

/** @example utf8Length('é') // 2 */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}
