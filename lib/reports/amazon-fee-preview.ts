/**
 * Amazon's Fee Preview report (Reports > Fulfillment > Fee Preview; GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA):
 * one row per FBA SKU with active offers, giving the unit's packaged sides, weight and
 * product size tier, the one source the extension reads that shows the size tier. A row becomes
 * a listing reading with the size tier, one unit's volume (cubic feet, from the three sides)
 * and shipping weight (ounces): what the storage fee, the aged surcharge, the capacity check and
 * the low-inventory fee need. The estimated fees themselves are not recorded (no field holds
 * them, and the plans price fees from the dated schedules in lib/fees).
 *
 * Headers are the machine headers of the tab-separated download (English in every marketplace
 * as far as known: no translated download has been seen, so none is listed). Tier words: the US
 * names ("Small standard-size", "Large bulky", "Extra-large 0 to 50 lb"), the SP-API style
 * ("UsLargeStandardSize"), and the pre-2024 oversize names Amazon folded into large bulky and
 * extra-large. Other marketplaces' tiers (envelopes, parcels) are not the four US tiers the fee
 * schedules price: left out with a warning naming the value.
 */
import type { SizeTier } from '../fees/index';
import type { ListingDraft } from './definition';
import { defineReport, type RowReader } from './definition';
import { fulfillmentOf, readAsin, readId } from './fields';
import { compact } from './fields';
import { quoteValue } from './diagnostics';
import { cubicFeetOf } from './unit-volume';
import { ASIN, CURRENCY, FNSKU, SKU, TITLE, YOUR_PRICE } from './synonyms';

/** Tier words, compared with every non-letter, non-digit removed and lower-cased ("UsLargeStandardSize", "Large standard-size"). */
const TIER_WORDS: readonly [RegExp, SizeTier][] = [
  [/^(us)?smallstandard(size)?$/, 'small-standard'],
  [/^(us)?largestandard(size)?$/, 'large-standard'],
  [/^(us)?largebulky(size)?$/, 'large-bulky'],
  // Before February 2024 (US): small, medium and large oversize became large bulky; special oversize extra-large.
  [/^(us)?(small|medium|large)oversize(size)?$/, 'large-bulky'],
  [/^(us)?(specialoversize|extralarge)/, 'extra-large'],
];

/**
 * The fee schedules' size tier a product-size-tier cell names, or undefined.
 * @example sizeTierOf('Large standard-size') // 'large-standard'
 * @example sizeTierOf('Extra-large 50+ to 70 lb') // 'extra-large'
 * @example sizeTierOf('Standard parcel') // undefined (an EU tier)
 */
export function sizeTierOf(cell: string): SizeTier | undefined {
  const word = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
  return TIER_WORDS.find(([re]) => re.test(word))?.[1];
}

/** Cubic inches per unit of dimension cubed. */
const CUBIC_INCHES_PER: readonly [RegExp, number][] = [
  [/^(in|inch|inches)$/i, 1],
  [/^(cm|centimet(er|re)s?)$/i, 1 / 16.387064],
  [/^(mm|millimet(er|re)s?)$/i, 1 / 16387.064],
];
/** Ounces per unit of weight. */
const OUNCES_PER: readonly [RegExp, number][] = [
  [/^(lb|lbs|pounds?)$/i, 16],
  [/^(oz|ounces?)$/i, 1],
  [/^(g|grams?|grammes?)$/i, 1 / 28.349523125],
  [/^(kg|kilograms?|kilogrammes?)$/i, 35.27396195],
];
/**
 * Amazon's US dimensional weight: cubic inches over 139 is pounds. A published rule (the FBA
 * size tier help page), not in fees.md: with it a light but large unit gets the weight row
 * Amazon charges it by.
 */
const DIMENSIONAL_CUBIC_INCHES_PER_POUND = 139;

type Key = 'longest' | 'median' | 'shortest' | 'dimensionUnit' | 'weight' | 'weightUnit';

/**
 * A unit cell's factor: the cell's unit when it names one, else the US unit when the row is
 * from amazon.com (the US file's unit when it says none), else undefined; a named unit not
 * known is a warning naming it.
 */
function unitFactor(r: RowReader<Key>, key: 'dimensionUnit' | 'weightUnit', table: readonly [RegExp, number][], usUnit: string): number | undefined {
  const unit = r.text(key, 40) ?? (r.rowMarket.country === 'US' ? usUnit : undefined);
  if (unit === undefined) return undefined;
  const factor = table.find(([re]) => re.test(unit.trim()))?.[1];
  if (factor === undefined) r.warn(key, 'unknown-unit', { value: quoteValue(unit) });
  return factor;
}

/** A side or weight cell over 0, else undefined (a zero or negative cell is a warning). */
function positive(r: RowReader<Key>, key: Key): number | undefined {
  const value = r.decimal(key);
  if (value === undefined || value > 0) return value;
  r.warn(key, 'bad-number', { value: String(value), reason: 'out of range' });
  return undefined;
}

/**
 * One unit's volume in cubic inches from its three sides, or undefined when a side or the unit
 * is missing or unreadable.
 */
function cubicInchesOf(r: RowReader<Key>): number | undefined {
  const sides = [positive(r, 'longest'), positive(r, 'median'), positive(r, 'shortest')];
  if (sides.some((s) => s === undefined)) return undefined;
  const factor = unitFactor(r, 'dimensionUnit', CUBIC_INCHES_PER, 'inches');
  return factor === undefined ? undefined : (sides as number[]).reduce((v, s) => v * s, 1) * factor;
}

/**
 * The shipping weight in ounces the fee rows go by: the unit's weight for small standard, the
 * greater of it and the dimensional weight for the larger tiers; undefined without a tier, or
 * for a larger tier without its sides.
 */
function shippingWeightOzOf(r: RowReader<Key>, tier: SizeTier | undefined, cubicInches: number | undefined): number | undefined {
  if (tier === undefined) return undefined;
  const weight = positive(r, 'weight');
  const factor = weight === undefined ? undefined : unitFactor(r, 'weightUnit', OUNCES_PER, 'pounds');
  if (weight === undefined || factor === undefined) return undefined;
  const unitOz = weight * factor;
  // Without the sides a larger tier's dimensional weight is unknown, and the unit's weight alone could pick a cheaper row.
  if (tier !== 'small-standard' && cubicInches === undefined) return undefined;
  const ounces = round3(tier === 'small-standard' ? unitOz : Math.max(unitOz, (cubicInches! / DIMENSIONAL_CUBIC_INCHES_PER_POUND) * 16));
  if (ounces > 0 && ounces <= MAX_WEIGHT_OZ) return ounces;
  r.warn('weight', 'bad-number', { value: String(weight), reason: 'out of range' });
  return undefined;
}

/** The heaviest shipping weight a record holds (the settings' bound too): more is a misread. */
const MAX_WEIGHT_OZ = 1e6;

/** Three decimals: what the sides and weights are given to, without float noise (0.30000000000000004). */
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * One unit's cubic feet, to six decimals, within the bound every report's volume keeps
 * (unit-volume.ts): a larger or vanishing figure is a misread, left out with a warning on the
 * longest side.
 */
function unitCubicFeetOf(r: RowReader<Key>, cubicInches: number | undefined): number | undefined {
  if (cubicInches === undefined) return undefined;
  const cubicFeet = cubicFeetOf(cubicInches, 'cubic inches', r.rowMarket);
  const rounded = cubicFeet === undefined ? 0 : Math.round(cubicFeet * 1e6) / 1e6;
  if (rounded > 0) return rounded;
  r.warn('longest', 'bad-number', { value: String(r.decimal('longest')), reason: 'out of range' });
  return undefined;
}

/** Fee Preview (GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA): size tier, unit volume and shipping weight per FBA SKU. */
export const amazonFeePreview = defineReport({
  id: 'amazon/fee-preview',
  platform: 'amazon',
  kind: 'listing',
  title: 'Fee Preview',
  snapshot: true,
  columns: {
    sku: SKU,
    fnsku: FNSKU,
    asin: ASIN,
    title: TITLE,
    price: YOUR_PRICE,
    currency: CURRENCY,
    fulfilledBy: ['fulfilled-by', 'fulfilled by'],
    longest: ['longest-side', 'longest side'],
    median: ['median-side', 'median side'],
    shortest: ['shortest-side', 'shortest side'],
    lengthAndGirth: ['length-and-girth', 'length and girth'],
    dimensionUnit: ['unit-of-dimension', 'unit of dimension'],
    weight: ['item-package-weight', 'item package weight'],
    weightUnit: ['unit-of-weight', 'unit of weight'],
    sizeTier: ['product-size-tier', 'product size tier'],
    // Not recorded; listed so detection counts them and a file with them reads as this report.
    feeTotal: ['estimated-fee-total', 'estimated fee total', 'estimated-fee'],
    referralFee: ['estimated-referral-fee-per-unit', 'estimated referral fee per unit'],
    fulfillmentFee: ['expected-fulfillment-fee-per-unit', 'expected fulfillment fee per unit'],
  },
  required: ['sku'],
  signatures: [['sizeTier'], ['longest', 'median', 'shortest'], ['feeTotal', 'fulfillmentFee']],
  map(r) {
    const sku = r.text('sku', 200);
    if (sku === undefined) return r.reject('missing-sku');
    const tierCell = r.text('sizeTier', 80);
    const sizeTier = tierCell === undefined ? undefined : sizeTierOf(tierCell);
    if (tierCell !== undefined && sizeTier === undefined) r.warn('sizeTier', 'unknown-size-tier', { value: quoteValue(tierCell) });
    const cubicInches = cubicInchesOf(r);
    return compact<ListingDraft>({
      kind: 'listing',
      sku,
      asin: readAsin(r, 'asin'),
      fnsku: readId(r, 'fnsku', 20),
      title: r.text('title', 2000),
      // The report lists FBA inventory only: a row that does not say is FBA.
      fulfillment: fulfillmentOf(r.raw('fulfilledBy')) ?? 'FBA',
      price: r.money('price', 'currency'),
      sizeTier,
      unitCubicFeet: unitCubicFeetOf(r, cubicInches),
      shippingWeightOz: shippingWeightOzOf(r, sizeTier, cubicInches),
    });
  },
});
