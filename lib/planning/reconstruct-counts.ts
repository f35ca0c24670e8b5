/**
 * The intervals of known sales that reconstruction's coarser layers (reconstruct-layers.ts) place:
 * "units sold in the last N days" counts, changes of a cumulative sold count, and stock deltas
 * between readings net of the seller's stock events.
 */
import type { ListingObservation } from '../records';
import type { Calibration, IntervalCount } from './reconstruct-grid';

/** "Units sold in the last w days" read on day d = units of days [d-w+1, d]; the latest reading per (w, d) wins. */
export function windowedCounts(listings: readonly ListingObservation[], index: (iso: string) => number, n: number): IntervalCount[] {
  // Keyed by a number, not a text: a daily reader's two years are ~2,000 counts per rebuild (a
  // text key per count was 15% of such a reconstruction). Both parts are whole and 0 <= d < n.
  const byKey = new Map<number, IntervalCount>();
  for (const o of listings) {
    const d = index(o.observedDate);
    for (const w of o.unitsSold ?? []) {
      const from = d - w.windowDays + 1;
      // A day that cannot be placed (NaN) covers no day either way: left out.
      if (!(from >= 0) || !(d < n)) continue;
      byKey.set(w.windowDays * n + d, { from, to: d, units: w.units });
    }
  }
  return [...byKey.values()];
}

/** Cumulative sold counts: the change between consecutive visits fell on the days after the first visit up to the second. */
export function cumulativeCounts(listings: readonly ListingObservation[], index: (iso: string) => number, n: number): IntervalCount[] {
  const out: IntervalCount[] = [];
  let previous: { day: number; sold: number } | undefined;
  for (const o of listings) {
    if (o.cumulativeSold === undefined) continue;
    const day = index(o.observedDate);
    if (previous && day > previous.day && o.cumulativeSold >= previous.sold && previous.day + 1 >= 0 && day < n) {
      out.push({ from: previous.day + 1, to: day, units: o.cumulativeSold - previous.sold });
    }
    // A drop means the listing was relisted and the count restarted: start again from here.
    if (!previous || day > previous.day || o.cumulativeSold < previous.sold) previous = { day, sold: o.cumulativeSold };
    else previous.sold = o.cumulativeSold;
  }
  return out;
}

/**
 * Stock deltas: sold = stock before - stock after + received - removed + corrections. Receipts
 * come from the seller's calibrations, or (when there are none in the interval) from the drop
 * in inbound units. A negative result means an unrecorded receipt: the interval is skipped.
 */
export function stockDeltaCounts(
  listings: readonly ListingObservation[],
  calibrations: readonly Calibration[],
  index: (iso: string) => number,
  n: number,
): IntervalCount[] {
  // Readings in time order; a seller's count is a reading that starts a new baseline (the gap
  // to the reading before it is a correction, not sales).
  const readings: { day: number; available: number; inbound: number | undefined; count: boolean }[] = [];
  for (const o of listings) {
    if (o.available !== undefined) readings.push({ day: index(o.observedDate), available: o.available, inbound: o.inbound, count: false });
  }
  for (const c of calibrations) {
    if (c.kind === 'count') readings.push({ day: index(c.date), available: c.units, inbound: undefined, count: true });
  }
  readings.sort((a, b) => a.day - b.day || Number(a.count) - Number(b.count));
  const out: IntervalCount[] = [];
  let previous: (typeof readings)[number] | undefined;
  for (const reading of readings) {
    const { day } = reading;
    if (previous && !reading.count && day > previous.day && previous.day + 1 >= 0 && day < n) {
      let received = 0;
      let netOther = 0;
      let sawReceipt = false;
      for (const c of calibrations) {
        const cd = index(c.date);
        if (cd <= previous.day || cd > day) continue;
        if (c.kind === 'receipt') {
          received += c.units;
          sawReceipt = true;
        } else if (c.kind === 'removal') netOther -= c.units;
        else if (c.kind === 'correction') netOther += c.units;
      }
      if (!sawReceipt && previous.inbound !== undefined && reading.inbound !== undefined) {
        received = Math.max(0, previous.inbound - reading.inbound);
      }
      const sold = previous.available - reading.available + received + netOther;
      if (sold >= 0) out.push({ from: previous.day + 1, to: day, units: sold });
    }
    previous = reading;
  }
  return out;
}
