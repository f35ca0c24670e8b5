/**
 * How many units a stock pool holds, and how the planner knows. A pool is physical stock:
 * FBA per Amazon region, WFS per marketplace, or an own warehouse. Its channels' listings each
 * show something about it, but only some of what they show is the pool's count.
 */
import type { KnowledgeHint, StockSource } from './types';

/** Where replenishment goes for a pool, and so what its pages show. */
export type PoolKind = 'FBA' | 'WFS' | 'SELLER';

/**
 * The pool kind of a pool id (`fba:EU`, `wfs:walmart.com`, `own:main`, `own:<name>`).
 * @example poolKindOf('fba:EU') // 'FBA'
 */
export function poolKindOf(poolId: string): PoolKind {
  return poolId.startsWith('fba:') ? 'FBA' : poolId.startsWith('wfs:') ? 'WFS' : 'SELLER';
}

interface PoolMemberStock {
  /** Latest `available` a page showed for this listing (null = never shown). */
  available: number | null;
  /** Day (day number) of that reading. */
  stockDay: number | null;
}

interface SellerCount {
  /** Units the seller counted. */
  onHand: number;
  /** Day (day number, marketplace zone) of the count. */
  day: number;
  /** Instant of the count (ISO), when known: orders it against returns released the same day. */
  at?: string;
}

export interface ReturnEvent {
  units: number;
  /** Day the units were received (held) or released to stock (released). */
  day: number;
  status: 'held' | 'released';
  /** Instant (ISO) of the receipt or release, when known. */
  at?: string;
}

export interface PoolStock {
  /** Units at `stockDay` (null = unknown). The planner moves it forward by the demand since. */
  onHand: number | null;
  /** Day the figure is as of (null = today). */
  stockDay: number | null;
  source: StockSource;
  hint: KnowledgeHint | null;
  /** Returned units released to stock after `stockDay`: they add to it. */
  releasedSince: number;
  /** Returned units awaiting inspection: possible supply, shown apart. */
  heldReturns: number;
}

/**
 * A pool's on-hand basis, best source first: the seller's count (unless a page that shows the
 * pool's own count read it later), the pool's own count from an FBA/WFS page, then, for an own
 * warehouse nobody counted, the largest quantity any channel lists (an estimate: a channel's
 * listed quantity is what it offers, not what is on the shelf). Otherwise unknown, with the
 * page or count that would make it known.
 * @example poolStock('fba:EU', [{ available: 120, stockDay: 100 }, { available: 118, stockDay: 103 }], undefined, []).onHand // 118
 * @example poolStock('own:main', [{ available: 50, stockDay: 100 }], { onHand: 80, day: 99 }, []).source // 'count'
 */
export function poolStock(poolId: string, members: readonly PoolMemberStock[], count: SellerCount | undefined, returns: readonly ReturnEvent[]): PoolStock {
  const kind = poolKindOf(poolId);
  const newest = newestReading(members);
  let basis: Pick<PoolStock, 'onHand' | 'stockDay' | 'source' | 'hint'> & { at?: string };
  if (count && !(kind !== 'SELLER' && newest && newest.stockDay! > count.day)) {
    basis = { onHand: count.onHand, stockDay: count.day, source: 'count', hint: null, ...(count.at ? { at: count.at } : {}) };
  } else if (kind !== 'SELLER' && newest) {
    basis = { onHand: newest.available, stockDay: newest.stockDay, source: 'reading', hint: null };
  } else if (kind === 'SELLER' && newest) {
    const largest = members.reduce(
      (best, m) => (m.available !== null && (best === null || m.available > best.available!) ? m : best),
      null as PoolMemberStock | null,
    )!;
    basis = { onHand: largest.available, stockDay: largest.stockDay, source: 'listed', hint: 'count' };
  } else {
    basis = {
      onHand: null,
      stockDay: null,
      source: 'unknown',
      hint: kind === 'FBA' ? 'open:amazon/fba-inventory' : kind === 'WFS' ? 'open:walmart/wfs-inventory' : 'count',
    };
  }
  let releasedSince = 0;
  let heldReturns = 0;
  for (const r of returns) {
    if (r.status === 'held') heldReturns += r.units;
    else if (releasedAfter(r, basis)) releasedSince += r.units;
  }
  const { at: _at, ...rest } = basis;
  return { ...rest, releasedSince: basis.onHand === null ? 0 : releasedSince, heldReturns };
}

/** A release counts when it came after the basis: by instant when both are known, else by day. */
function releasedAfter(r: ReturnEvent, basis: { stockDay: number | null; at?: string }): boolean {
  if (basis.stockDay === null) return true;
  if (r.at !== undefined && basis.at !== undefined && r.day === basis.stockDay) return r.at > basis.at;
  return r.day > basis.stockDay;
}

function newestReading(members: readonly PoolMemberStock[]): PoolMemberStock | undefined {
  let newest: PoolMemberStock | undefined;
  for (const m of members) {
    if (m.available === null || m.stockDay === null) continue;
    if (!newest || m.stockDay > newest.stockDay!) newest = m;
  }
  return newest;
}
