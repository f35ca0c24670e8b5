/**
 * Listings spread over a fixed number of groups by a hash of their key. Schema v4 stores the
 * full listing rows, and the readings of one marketplace day, one record per group: in
 * Chromium's IndexedDB every record read or written costs tens of microseconds whatever its
 * size, so a 5,000-row page costs ~128 record writes instead of ~10,000 (see
 * lib/store/schema.ts, v4).
 */

/** Enough groups that a small page rewrites little, few enough that a big page writes few records. */
export const STORE_GROUPS = 128;

/**
 * The group of a listing key (FNV-1a, stable across versions: stored records depend on it).
 * @example groupOf('amazon|amazon.com|MUG-1') // same number every time, 0..127
 */
export function groupOf(listingKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < listingKey.length; i++) {
    h ^= listingKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % STORE_GROUPS;
}

/**
 * Groups of some keys, sorted, without repeats.
 * @example groupsOf(['a', 'a']).length // 1
 */
export function groupsOf(keys: Iterable<string>): number[] {
  const out = new Set<number>();
  for (const k of keys) out.add(groupOf(k));
  return [...out].sort((a, b) => a - b);
}
