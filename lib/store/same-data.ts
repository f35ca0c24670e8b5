/**
 * Whether two values hold the same data: what JSON.stringify writes for them is the same, except
 * that key order does not matter and a number is never taken for null (JSON writes NaN and the
 * infinities as null; here NaN equals only NaN). Compared in place, without building either
 * string: a re-plan compares a thousand plans with their stored versions, most of them equal.
 * @example sameData({ a: 1, b: undefined, c: [1] }, { c: [1], a: 1 }) // true
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameItems(a, b);
  if (!isPlain(a) || !isPlain(b)) return JSON.stringify(a) === JSON.stringify(b);
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Arrays item by item (JSON writes an undefined item as null: here it equals only undefined). */
function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
  return true;
}

/** Objects field by field; a field holding undefined is absent, as in JSON. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in a) {
    if (a[key] === undefined) continue;
    count++;
    if (!sameData(a[key], b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) count--;
  return count === 0;
}

/** A plain object (not a Date, a typed array or a class instance with its own JSON form). */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
