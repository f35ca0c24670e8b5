/**
 * Air or sea: sea freight is cheap and slow. When the sea shipment would arrive after the
 * stock runs out, the order is split: enough units by air to bridge from the air arrival to
 * the sea arrival, the rest by sea.
 *
 * Why the split never leaves a stockout all-air would avoid: before the air arrival both are
 * the same; from the sea arrival on both have the same units in; in between the split has the
 * stock left at the air arrival plus at least the demand of those days.
 */
import { daysBetween } from '../locale/dates';
import type { Money } from '../records';

/** What a split is decided on (a purchase line carries all of it). */
export interface SplitInput {
  /** Units ordered, whole cases. */
  quantity: number;
  casePack: number;
  arrivalBySea: string;
  arrivalByAir: string;
  /** The day demand first goes unserved without this order (null = not within the forecast). */
  stockoutDate: string | null;
  /** Expected units a day (the plan's `forecast.meanDaily`). */
  meanDaily: number;
}

/** Freight per unit by each mode. */
export interface FreightCosts {
  airPerUnit: Money;
  seaPerUnit: Money;
}

export interface FreightSplit {
  /** `sea`: all by sea, in time or air is no faster; `split`: some by air; `air`: the bridge takes every unit. */
  mode: 'sea' | 'split' | 'air';
  airUnits: number;
  seaUnits: number;
  /** False when even the air units arrive after the stockout: the gap is shortened, not closed. */
  closesGap: boolean;
  /** Air units x (air - sea freight per unit); null when freight costs are not given or differ in currency. */
  extraFreight: Money | null;
}

/**
 * The freight split of one order. Air units = demand from the air arrival until the sea
 * arrival (days x `meanDaily`), rounded up to whole cases, at most the order. An arrival on
 * the stockout day is in time (the planner's rule for inbound units).
 * @example airSeaSplit({ quantity: 600, casePack: 24, arrivalBySea: '2026-05-11', arrivalByAir: '2026-04-11', stockoutDate: '2026-04-20', meanDaily: 10 })
 * // { mode: 'split', airUnits: 312, seaUnits: 288, closesGap: true, extraFreight: null } (30 days x 10 = 300 -> 13 cases)
 */
export function airSeaSplit(line: SplitInput, freight?: FreightCosts): FreightSplit {
  const { quantity, stockoutDate, arrivalByAir, arrivalBySea } = line;
  const allSea: FreightSplit = { mode: 'sea', airUnits: 0, seaUnits: quantity, closesGap: true, extraFreight: extraFreightOf(0, freight) };
  if (stockoutDate === null || arrivalBySea <= stockoutDate) return allSea;
  const bridgeDays = daysBetween(arrivalByAir, arrivalBySea);
  const casePack = Math.max(1, Math.round(line.casePack));
  const need = bridgeDays > 0 ? Math.ceil(line.meanDaily * bridgeDays - 1e-9) : 0;
  const airUnits = Math.min(quantity, Math.ceil(need / casePack) * casePack);
  if (airUnits <= 0) return { ...allSea, closesGap: false };
  return {
    mode: airUnits >= quantity ? 'air' : 'split',
    airUnits,
    seaUnits: quantity - airUnits,
    closesGap: arrivalByAir <= stockoutDate,
    extraFreight: extraFreightOf(airUnits, freight),
  };
}

/**
 * What sending `airUnits` by air instead of sea adds to the freight bill.
 * @example extraFreightOf(100, { airPerUnit: { amountMinor: 450, currency: 'USD' }, seaPerUnit: { amountMinor: 80, currency: 'USD' } }) // { amountMinor: 37000, currency: 'USD' }
 */
export function extraFreightOf(airUnits: number, freight?: FreightCosts): Money | null {
  if (!freight || freight.airPerUnit.currency !== freight.seaPerUnit.currency) return null;
  return { amountMinor: airUnits * (freight.airPerUnit.amountMinor - freight.seaPerUnit.amountMinor), currency: freight.airPerUnit.currency };
}
