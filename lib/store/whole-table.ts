/**
 * When a read wants so many of a table's records that reading the table once beats a request
 * each. In Chromium every IndexedDB request costs about 50 µs whatever it returns, while one
 * read of many records costs by the byte (store bench, 2026-12-05: 10,000 plans in one read
 * 334–438 ms; 2,500 products and their listings 5,000 requests against two). Callers decide
 * first whether the table is worth counting (counting walks it too).
 */

/**
 * Whether `wanted` records are a third or more of a table of `total`.
 * @example wantsMostOf(1_000, 3_000) // true
 * @example wantsMostOf(1_000, 3_001) // false
 */
export function wantsMostOf(wanted: number, total: number): boolean {
  return wanted * 3 >= total;
}
