/**
 * How the settings form shows money and volumes: money in the marketplace's currency with its
 * symbol (the settings store integer minor units), volumes in cubic feet or litres and weights
 * in ounces or grams by marketplace (the settings store cubic feet and ounces, the units of
 * Amazon's US fee tables). Pure, so the conversions are tested without a page.
 */
import { SETTINGS_SCHEDULE } from '@/lib/fees';
import { formatMoney, type Language } from '@/lib/i18n';
import { marketplaceById } from '@/lib/locale/markets';

/** The marketplace whose fee schedule the settings' storage and aged-surcharge amounts copy (lib/fees). */
export const FEE_SETTINGS_MARKETPLACE = SETTINGS_SCHEDULE.marketplace;

/** Countries whose Amazon fee pages price storage per cubic foot; everywhere else the form uses litres. */
const CUBIC_FEET_COUNTRIES = new Set(['US', 'CA', 'GB']);
const LITRES_PER_CUBIC_FOOT = 28.316846592;
const GRAMS_PER_OUNCE = 28.349523125;

/** What a marketplace writes money, volume and weight in. */
export interface DisplayUnits {
  marketplace: string;
  currency: string;
  minorDigits: number;
  volume: 'cubic-feet' | 'litres';
  weight: 'oz' | 'g';
}

/**
 * The units the form uses for a marketplace (amazon.com when it is unknown).
 * @example displayUnitsOf('amazon.de') // { marketplace: 'amazon.de', currency: 'EUR', minorDigits: 2, volume: 'litres', weight: 'g' }
 */
export function displayUnitsOf(marketplace: string | undefined): DisplayUnits {
  const m = (marketplace && marketplaceById(marketplace)) || marketplaceById(FEE_SETTINGS_MARKETPLACE)!;
  const feet = CUBIC_FEET_COUNTRIES.has(m.country);
  return { marketplace: m.id, currency: m.currency, minorDigits: m.minorDigits, volume: feet ? 'cubic-feet' : 'litres', weight: feet ? 'oz' : 'g' };
}

/**
 * The currency's symbol as the UI language writes it.
 * @example currencySymbol('en', 'USD') // '$'
 */
export function currencySymbol(language: Language, currency: string): string {
  // Zero written as money, less its digits and separators: the one money formatter decides the symbol.
  return formatMoney(language, { amountMinor: 0, currency }, true).replace(/[\d\s.,\u00a0]/g, '') || currency;
}

/** Rounds away float noise from a unit conversion (the form shows what the seller would type). */
const tidy = (value: number, digits: number) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

/** @example majorOf(78, 2) // 0.78 */
export const majorOf = (minor: number, minorDigits: number): number => tidy(minor / 10 ** minorDigits, minorDigits);
/** NaN stays NaN, for the schema to refuse. @example minorOf(0.78, 2) // 78 */
export const minorOf = (major: number, minorDigits: number): number => Math.round(major * 10 ** minorDigits);

/** Stored cubic feet in the marketplace's volume unit. @example shownVolume(1, 'litres') // 28.3168 */
export const shownVolume = (cubicFeet: number, unit: DisplayUnits['volume']): number =>
  unit === 'litres' ? tidy(cubicFeet * LITRES_PER_CUBIC_FOOT, 4) : cubicFeet;
/** @example storedVolume(28.3168, 'litres') // ≈ 1 */
export const storedVolume = (shown: number, unit: DisplayUnits['volume']): number => (unit === 'litres' ? shown / LITRES_PER_CUBIC_FOOT : shown);

/** Stored ounces in the marketplace's weight unit. @example shownWeight(16, 'g') // 453.6 */
export const shownWeight = (ounces: number, unit: DisplayUnits['weight']): number => (unit === 'g' ? tidy(ounces * GRAMS_PER_OUNCE, 1) : ounces);
/** @example storedWeight(453.6, 'g') // ≈ 16 */
export const storedWeight = (shown: number, unit: DisplayUnits['weight']): number => (unit === 'g' ? shown / GRAMS_PER_OUNCE : shown);
