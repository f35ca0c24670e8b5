/**
 * An order-free digest of a set of readings (stored id and time), kept as running sums so the
 * digest of a union is the sum of its parts' digests: a listing's history digest record stores
 * the sums of the readings it holds (history-digest.ts), and a re-plan adds the day chunks'
 * readings to them without decoding the history (lib/background/demand-cache.ts).
 */

/** The running state of a readings digest (see readingsDigest). */
export interface ReadingsSums {
  count: number;
  sum1: number;
  sum2: number;
  xor3: number;
}

/** The sums of no readings. */
export const NO_READINGS: ReadingsSums = Object.freeze({ count: 0, sum1: 0, sum2: 0, xor3: 0 });

/**
 * The sums of some readings, added to `into` (default none). A stored id is already a content
 * hash, so its first 16 hex digits are two random 32-bit words; each is mixed with a hash of
 * the time and summed (or xor-ed), plus the count. An id that is not a stored hash (a reading
 * without a stored row) is hashed as text. One pass, no long text: hashing the joined ids of a
 * million readings took about a second.
 * @example readingsSums([a, b]).count // 2
 */
export function readingsSums(readings: Iterable<{ id: string; at: string }>, into: ReadingsSums = NO_READINGS): ReadingsSums {
  let { count, sum1, sum2, xor3 } = into;
  for (const { id, at } of readings) {
    let t = 0x2545f491;
    for (let i = 0; i < at.length; i++) t = Math.imul(t ^ at.charCodeAt(i), 0x01000193);
    t = fmix(t);
    let w1 = parseInt(id.slice(0, 8), 16);
    let w2 = parseInt(id.slice(8, 16), 16);
    if (id.length < 16 || w1 !== w1 || w2 !== w2) [w1, w2] = textWords(id);
    sum1 = (sum1 + fmix(w1 ^ t)) | 0;
    sum2 = (sum2 + fmix(w2 + Math.imul(t, 31))) | 0;
    xor3 ^= fmix(w1 + Math.imul(w2, 0x27d4eb2f) + t);
    count++;
  }
  return { count, sum1, sum2, xor3 };
}

/**
 * The sums of two disjoint sets of readings together.
 * @example addReadingsSums(readingsSums([a]), readingsSums([b])) // equals readingsSums([a, b])
 */
export function addReadingsSums(a: ReadingsSums, b: ReadingsSums): ReadingsSums {
  return { count: a.count + b.count, sum1: (a.sum1 + b.sum1) | 0, sum2: (a.sum2 + b.sum2) | 0, xor3: a.xor3 ^ b.xor3 };
}

/**
 * The digest as text (96 bits and the count).
 * @example readingsDigestText(readingsSums([])) // '0.0.0.0'
 */
export function readingsDigestText(s: ReadingsSums): string {
  return `${s.count}.${(s.sum1 >>> 0).toString(36)}.${(s.sum2 >>> 0).toString(36)}.${(s.xor3 >>> 0).toString(36)}`;
}

/**
 * A 96-bit digest of a set of readings (stored id and time): equal sets, equal digests, in any order.
 * @example readingsDigest([a, b]) === readingsDigest([b, a]) // true
 */
export function readingsDigest(readings: Iterable<{ id: string; at: string }>): string {
  return readingsDigestText(readingsSums(readings));
}

/** Two 32-bit hashes of a text (for ids that are not a stored content hash). */
function textWords(text: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193);
    h2 = Math.imul(h2 ^ ch, 0x85ebca6b);
  }
  return [h1, h2];
}

/** MurmurHash3's finaliser: spreads every input bit over the 32 output bits. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
