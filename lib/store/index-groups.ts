/**
 * Which records a RecordCache (record-cache.ts) knows every one of for some values of one index:
 * a group is complete when a committed read of that value (or of the whole table) listed its
 * records, and it follows every write the cache sees once the write's transaction completes.
 * Why: a page's re-plan asks the listings of each of its products by the `productId` index, a
 * request each (250 for a 250-row page, 40-100 ms in Chromium), and the page before asked the same.
 *
 * A group says which primary keys; the records themselves are the cache's copy. A group is
 * answered from only while every member is in the copy (the cache checks), so a record dropped
 * from the copy (a write asked, an abort) makes its group ask IndexedDB again, never answer short.
 * Groups are keyed by the index value's JSON (strings and numbers only; other values are not grouped).
 * After a write that failed in a transaction that went on, the cache forgets every group: the
 * key may end with any of the values written for it there.
 */
export class IndexGroups {
  /** Index value (JSON) -> the copy's keys of every record with that value. */
  private readonly groups = new Map<string, Set<string>>();
  /** The copy's key of each record in a group -> its group. */
  private readonly groupOf = new Map<string, string>();

  constructor(readonly index: string) {}

  /**
   * The group key of a record (its value under the index), or undefined when it has none it can be grouped by.
   * @example new IndexGroups('productId').valueOf({ productId: 'p:1' }) // '"p:1"'
   */
  valueOf(record: unknown): string | undefined {
    const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[this.index] : undefined;
    return groupKeyOf(value);
  }

  /** The keys of every record with this index value, when known. */
  members(group: string): ReadonlySet<string> | undefined {
    return this.groups.get(group);
  }

  /** A committed read found exactly these records (copy keys) with this index value. */
  know(group: string, keys: readonly string[]): void {
    this.drop(group);
    // A key in another group means that group missed a write: neither can be trusted.
    for (const key of keys) if (this.groupOf.has(key)) this.drop(this.groupOf.get(key)!);
    this.groups.set(group, new Set(keys));
    for (const key of keys) this.groupOf.set(key, group);
  }

  /**
   * A committed read of the whole table: every record, each with its key. Only the values seen
   * become groups (a value no record has stays unknown, not empty).
   */
  knowAll(records: readonly (readonly [string, unknown])[]): void {
    this.clear();
    for (const [key, record] of records) {
      const group = this.valueOf(record);
      if (group === undefined) continue;
      let members = this.groups.get(group);
      if (!members) this.groups.set(group, (members = new Set()));
      members.add(key);
      this.groupOf.set(key, group);
    }
  }

  /** A completed write of this record (undefined: deleted): it leaves its old group and joins its new one if that one is known. */
  wrote(key: string, record: unknown): void {
    const before = this.groupOf.get(key);
    const after = record === undefined ? undefined : this.valueOf(record);
    if (before === after) return;
    if (before !== undefined) {
      this.groups.get(before)?.delete(key);
      this.groupOf.delete(key);
    }
    const members = after === undefined ? undefined : this.groups.get(after);
    if (members && after !== undefined) {
      members.add(key);
      this.groupOf.set(key, after);
    }
  }

  /** The record left the copy for good (least recently used): its group can no longer be answered. */
  evicted(key: string): void {
    const group = this.groupOf.get(key);
    if (group !== undefined) this.drop(group);
  }

  clear(): void {
    this.groups.clear();
    this.groupOf.clear();
  }

  /** How many groups are known (tests). */
  get size(): number {
    return this.groups.size;
  }

  private drop(group: string) {
    const members = this.groups.get(group);
    if (!members) return;
    for (const key of members) this.groupOf.delete(key);
    this.groups.delete(group);
  }
}

/**
 * The group key of an index value: strings and finite numbers only (as IndexedDB orders them, distinct).
 * @example groupKeyOf('p:1') // '"p:1"'
 * @example groupKeyOf(['a']) // undefined
 */
export function groupKeyOf(value: unknown): string | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? JSON.stringify(value) : undefined;
}
