/**
 * A listing's reading facts (stock-groups.ts ReadingFacts) carried forward by new readings,
 * without the readings before them: what reconstruct-extend.ts does for the demand series. Each
 * fact is the newest reading's that showed it, a list the new readings append to, or the walk
 * back to when the inbound appeared, which continues from the last reading that showed inbound
 * units when the new ones do not settle it.
 */
import type { ListingObservation } from '../records';
import { dayNumber } from './days';
import { inboundAppeared, runStart, shownInOrder, type ShownReading } from './inbound-arrival';
import type { ReadingFacts } from './plan-input';

/**
 * The facts from the old readings and `added` together (as stock-groups.ts works them out from
 * all of them), given the old facts and the last old reading that showed inbound units
 * (`lastShown`, as inboundAppeared sorts them; null when none did). `added`: readings newer than
 * every old one, in time order, none at the same time as another.
 * @example extendReadingFacts(facts, null, [listingAt('2026-01-06', { available: 7 })]).available // 7
 */
export function extendReadingFacts(facts: ReadingFacts, lastShown: ShownReading | null, added: readonly ListingObservation[]): ReadingFacts {
  const newest = <K extends keyof ListingObservation>(field: K): ListingObservation[K] | undefined => {
    for (let i = added.length - 1; i >= 0; i--) if (added[i]![field] !== undefined) return added[i]![field];
    return undefined;
  };
  const price = newest('price');
  const startDate = newest('startDate');
  const status = newest('status');
  const stockReading = [...added].reverse().find((o) => o.available !== undefined);
  const fbaSource = facts.platform === 'amazon' && added.some((o) => /fba/i.test(o.source));
  return {
    ...facts,
    fulfillment: newest('fulfillment') ?? facts.fulfillment ?? (fbaSource ? 'FBA' : undefined),
    available: newest('available') ?? facts.available,
    stockDay: stockReading ? dayNumber(stockReading.observedDate) : facts.stockDay,
    inbound: newest('inbound') ?? facts.inbound,
    inboundAppeared: appearedAfter(facts.inboundAppeared, lastShown, added),
    reserved: newest('reserved') ?? facts.reserved,
    unfulfillable: newest('unfulfillable') ?? facts.unfulfillable,
    priceMinor: price ? price.amountMinor : facts.priceMinor,
    currency: price ? price.currency : facts.currency,
    ageBuckets: newest('ageBuckets') ?? facts.ageBuckets,
    startDay: startDate !== undefined ? (Number.isFinite(dayNumber(startDate)) ? dayNumber(startDate) : null) : facts.startDay,
    ended: status !== undefined ? status === 'ended' : facts.ended,
    fba: extendedFbaFacts(facts.fba, added),
  };
}

/**
 * inboundAppeared over the old readings and the new: the walk back from the newest reading
 * crosses the new ones; once it reaches `lastShown` it goes on exactly as the old walk did from
 * there (the old newest), so it ends in the old window.
 */
function appearedAfter(
  old: ReadingFacts['inboundAppeared'],
  lastShown: ShownReading | null,
  added: readonly ListingObservation[],
): ReadingFacts['inboundAppeared'] {
  const shown = shownInOrder(added.map((o) => ({ day: dayNumber(o.observedDate), inbound: o.inbound, available: o.available, unitsSold: o.unitsSold })));
  if (shown.length === 0) return old;
  const all = lastShown ? [lastShown, ...shown] : shown;
  const walk = inboundAppeared(all);
  return walk && lastShown && runStart(all) === 0 ? old : walk;
}

/** The FBA facts with the new readings' stock appended and their newer figures. */
function extendedFbaFacts(fba: ReadingFacts['fba'], added: readonly ListingObservation[]): ReadingFacts['fba'] {
  const onHand: number[] = [];
  let { shown, volume, size } = fba;
  const marketplaces = new Set(fba.marketplaces);
  for (const o of added) {
    marketplaces.add(o.marketplace);
    const day = dayNumber(o.observedDate);
    if (o.available !== undefined && Number.isFinite(day)) onHand.push(day, o.available + (o.reserved ?? 0));
    if (o.platformHistoricalDaysOfSupply !== undefined && (shown === null || o.observedAt > shown.at))
      shown = { at: o.observedAt, day, days: o.platformHistoricalDaysOfSupply };
    if (o.unitCubicFeet !== undefined && (volume === null || o.observedAt > volume.at)) volume = { at: o.observedAt, cubicFeet: o.unitCubicFeet };
    if (o.sizeTier !== undefined && o.shippingWeightOz !== undefined && (size === null || o.observedAt > size.at)) {
      size = { at: o.observedAt, size: { tier: o.sizeTier, shippingWeightOz: o.shippingWeightOz } };
    }
  }
  const merged = new Int32Array(fba.onHand.length + onHand.length);
  merged.set(fba.onHand);
  merged.set(onHand, fba.onHand.length);
  return { marketplaces: [...marketplaces].sort(), onHand: merged, shown, volume, size };
}
