/**
 * Content hashing for observation ids. Synchronous on purpose: an id is computed inside the
 * merge's IndexedDB transaction, and awaiting anything but IndexedDB there (crypto.subtle)
 * would let the transaction auto-commit half-way.
 */

/**
 * JSON with object keys sorted at every level, so equal content gives equal text whatever
 * the property order the reader produced. `undefined` members are dropped (as JSON does).
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: undefined }] }) // '{"a":[2,{"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** One 53-bit string hash (cyrb53) with a seed, as 14 hex digits. */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A 53-bit content hash (one cyrb53), for comparing one thing with its own earlier version (a
 * plan with the plan it replaces): a wrong "equal" needs those two to collide, about 1e-16 a
 * comparison; half contentHash's length where millions are stored side by side.
 * @example versionHash('abc').length // 14
 */
export function versionHash(text: string): string {
  return cyrb53(text, 0);
}

/**
 * A 106-bit content hash (two seeded cyrb53): collisions are negligible at millions of rows
 * (a single 53-bit hash would reach ~1e-4 odds at one million).
 * @example contentHash('abc').length // 28
 */
export function contentHash(text: string): string {
  return cyrb53(text, 0) + cyrb53(text, 0x9e3779b1);
}
