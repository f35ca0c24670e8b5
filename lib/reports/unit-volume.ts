/**
 * One unit's volume in cubic feet from an Amazon report (Manage FBA Inventory's
 * `per-unit-volume`, the inventory planning report's `item-volume`, or its `storage-volume`
 * over the units stored), for the storage fee, the aged surcharge and the capacity check. The
 * unit is the file's `volume-unit-measurement` cell when it has one; without it the figure is
 * read only where Amazon prices storage per cubic foot (US, CA, GB), never guessed elsewhere.
 */
import type { Marketplace } from '../locale/markets';

const CUBIC_FEET_PER: readonly [RegExp, number][] = [
  [/^(cubic[ -]?f(ee|oo)?t|ft3|ft³|cu\.? ?ft|立方英尺|kubikfu(ß|ss)|立方フィート)$/i, 1],
  [/^(cubic[ -]?met(er|re)s?|m3|m³|立方米|kubikmeter|立方メートル)$/i, 35.3146667],
  [/^(cubic[ -]?centimet(er|re)s?|cm3|cm³|立方厘米|kubikzentimeter|立方センチメートル)$/i, 1 / 28316.846592],
  [/^(lit(er|re)s?|l|升|liter|リットル)$/i, 1 / 28.316846592],
  [/^(cubic[ -]?inch(es)?|in3|in³|cu\.? ?in|立方英寸|kubikzoll|立方インチ)$/i, 1 / 1728],
];

/** Countries whose Amazon reports give volumes in cubic feet when they do not say. */
const CUBIC_FEET_COUNTRIES = new Set(['US', 'CA', 'GB']);

/**
 * A volume cell in cubic feet: the unit cell's factor, else cubic feet where that is the
 * marketplace's unit; undefined when the unit is not known or the value is not a plausible
 * one-unit volume (over 0, at most 1,000 cubic feet).
 * @example cubicFeetOf(0.35, undefined, usMarket) // 0.35
 * @example cubicFeetOf(0.01, 'cubic meters', deMarket) // 0.353...
 * @example cubicFeetOf(0.01, undefined, deMarket) // undefined
 */
export function cubicFeetOf(value: number | undefined, unit: string | undefined, market: Marketplace): number | undefined {
  if (value === undefined || !(value > 0)) return undefined;
  const factor = unit === undefined ? (CUBIC_FEET_COUNTRIES.has(market.country) ? 1 : undefined) : CUBIC_FEET_PER.find(([re]) => re.test(unit.trim()))?.[1];
  if (factor === undefined) return undefined;
  const cubicFeet = value * factor;
  return cubicFeet <= 1000 ? cubicFeet : undefined;
}
