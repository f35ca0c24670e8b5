/**
 * When the units on their way are likely to arrive. Seller pages show how many units are
 * inbound but rarely when they arrive, so the arrival is dated from when the inbound first
 * appeared (the shipment was created) plus the destination's transit and receiving days.
 */

/** One reading of a listing's inbound units (day number; undefined = the page did not show it). */
interface InboundReading {
  day: number;
  inbound: number | undefined;
}

/**
 * The day the inbound units of the newest reading most likely appeared: the middle of the gap
 * between the last reading that showed fewer inbound units and the first reading of the run
 * since, in which inbound only went down (units being received, not new shipments). A run that
 * starts at the first reading ever is dated on that reading (the earliest it can be said to
 * exist). null when the newest reading shows no inbound.
 * @example inboundSinceDay([{ day: 10, inbound: 0 }, { day: 17, inbound: 300 }, { day: 24, inbound: 120 }]) // 13.5 → 14 (rounded up)
 */
export function inboundSinceDay(readings: readonly InboundReading[]): number | null {
  const shown = readings.filter((r): r is { day: number; inbound: number } => r.inbound !== undefined).sort((a, b) => a.day - b.day);
  const newest = shown.at(-1);
  if (!newest || newest.inbound <= 0) return null;
  let first = shown.length - 1;
  while (first > 0 && shown[first - 1]!.inbound >= shown[first]!.inbound && shown[first - 1]!.inbound > 0) first--;
  if (first === 0) return shown[0]!.day;
  // Some day after the reading before the run: half-way is the unbiased guess for a visit gap.
  return Math.ceil((shown[first - 1]!.day + shown[first]!.day) / 2);
}

/**
 * The expected arrival day: `transitDays` after the inbound appeared, but never today or
 * earlier (units still shown as inbound past their expected day are late, not here).
 * @example inboundArrivalDay(14, 21, 20) // 35
 * @example inboundArrivalDay(14, 21, 40) // 41 (late: tomorrow at the earliest)
 */
export function inboundArrivalDay(sinceDay: number, transitDays: number, asOfDay: number): number {
  return Math.max(sinceDay + transitDays, asOfDay + 1);
}
