/**
 * The fee amounts of the per-account settings form (lib/accounts/overrides-form.ts) that are
 * not storage or aged tiers: the low-inventory-level rates, one field per published rate row
 * with its bands written "0.89 / 0.63 / 0.32", and the money every fee field is typed in. Each
 * amount is typed in major units of the currency of the schedule it copies (amazon.com FBA for
 * storage, aged and low-inventory amounts; walmart.com WFS for the WFS ones) and kept in minor
 * units. The rows and bands are those of the newest published schedule, the one the seller's
 * amounts are copied into (lib/fees withSellerFees), so a field never names a row it cannot set.
 */
import { latestSchedule, SETTINGS_SCHEDULE, SETTINGS_WFS_SCHEDULE } from '../fees/index';
import { formatMoney, formatNumber, t, type Language } from '../i18n';
import { marketplaceById } from '../locale/markets';
import { settingsSchema, type Settings } from '../settings/schema';
import { lowInventoryRowKey } from './settings';

/** The currency an amount is typed in, and its minor digits. */
export interface FeeMoney {
  currency: string;
  minorDigits: number;
}

const moneyOf = (marketplace: string): FeeMoney => {
  const market = marketplaceById(marketplace)!;
  return { currency: market.currency, minorDigits: market.minorDigits };
};
/** The money of the FBA amounts (storage, aged tiers, low-inventory rates). */
export const FBA_MONEY = moneyOf(SETTINGS_SCHEDULE.marketplace);
/** The money of the WFS amounts. */
export const WFS_MONEY = moneyOf(SETTINGS_WFS_SCHEDULE.marketplace);

/** Minor units as the seller types the amount. @example moneyText(50, FBA_MONEY) // '0.50' */
export const moneyText = (minor: number, money: FeeMoney) => (minor / 10 ** money.minorDigits).toFixed(money.minorDigits);
/** A typed amount in minor units (NaN when it is not a number). @example minorOfText('0.5', FBA_MONEY) // 50 */
export const minorOfText = (text: string, money: FeeMoney) =>
  /^[0-9]+(\.[0-9]+)?$/.test(text) ? Math.round(Number(text) * 10 ** money.minorDigits) : Number.NaN;

type LowInventoryRow = NonNullable<Settings['fbaFees']['lowInventoryPerUnit']>[number];
const amountSchema = settingsSchema.shape.fbaFees.shape.lowInventoryPerUnit.unwrap().element.shape.perUnitMinor.element;

/** The newest published low-inventory rates: the rows the form shows and the bands each row has. */
const PUBLISHED = (() => {
  const rates = latestSchedule(SETTINGS_SCHEDULE.marketplace, SETTINGS_SCHEDULE.channel)?.lowInventoryLevel;
  return typeof rates === 'object' ? { rows: rates.rows, bands: rates.supplyBandsUpToDays } : { rows: [], bands: [] };
})();

/** The published rows as the settings keep them (what an account inherits when the settings hold none). */
export const PUBLISHED_LOW_INVENTORY_ROWS: LowInventoryRow[] = PUBLISHED.rows.map((r) => ({ ...r, perUnitMinor: [...r.perUnitMinor] }));

/** The long-term storage age of the newest WFS schedule (over this many days), for its field's label. */
const WFS_LONG_TERM_AFTER_DAYS = (() => {
  const aged = latestSchedule(SETTINGS_WFS_SCHEDULE.marketplace, SETTINGS_WFS_SCHEDULE.channel)?.agedSurcharge;
  return typeof aged === 'object' && aged.tiers[0] ? aged.tiers[0].minDays - 1 : 365;
})();

/** One field per published row: `lowInventory.0` is the first row. */
export type BandField = `lowInventory.${number}`;
export const BAND_FIELDS: readonly BandField[] = PUBLISHED.rows.map((_, i) => `lowInventory.${i}` as const);
const rowOf = (field: BandField) => PUBLISHED.rows[Number(field.slice('lowInventory.'.length))]!;

/**
 * The row's amounts as the form writes them, from the rows held (the account's, or the inherited ones); '' when none holds the row.
 * @example bandsText('lowInventory.0', [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [89, 63, 32] }]) // '0.89 / 0.63 / 0.32'
 */
export function bandsText(field: BandField, rows: readonly LowInventoryRow[] | undefined): string {
  const key = lowInventoryRowKey(rowOf(field));
  const row = rows?.find((r) => lowInventoryRowKey(r) === key);
  return row ? row.perUnitMinor.map((m) => moneyText(m, FBA_MONEY)).join(' / ') : '';
}

/**
 * The row a filled field sets (one amount per band, each valid for the settings), or null when it does not read.
 * @example rowOfBands('lowInventory.0', '1 / 0.5 / 0.25')?.perUnitMinor // [100, 50, 25]
 */
export function rowOfBands(field: BandField, text: string): LowInventoryRow | null {
  const amounts = text.split('/').map((part) => minorOfText(part.trim(), FBA_MONEY));
  if (amounts.length !== PUBLISHED.bands.length || !amounts.every((a) => amountSchema.safeParse(a).success)) return null;
  const { tier, overWeightOz, upToWeightOz } = rowOf(field);
  return { tier, overWeightOz, upToWeightOz, perUnitMinor: amounts };
}

/** A row's label: its size tier and weight range, the currency and the bands, in the global settings form's words. */
export function bandLabel(language: Language, field: BandField): string {
  const row = rowOf(field);
  const unit = t(language, 'options.settings.unit.ounces');
  const upTo = row.upToWeightOz === null ? '' : formatNumber(language, row.upToWeightOz, 0);
  const weight =
    row.upToWeightOz === null
      ? t(language, 'options.settings.weightAny')
      : row.overWeightOz > 0
        ? t(language, 'options.settings.weightRange', { over: formatNumber(language, row.overWeightOz, 0), upTo, unit })
        : t(language, 'options.settings.weightUpTo', { upTo, unit });
  const bands = PUBLISHED.bands.map((to, i) => `${i === 0 ? 0 : PUBLISHED.bands[i - 1]}–${to}`).join(' / ');
  return t(language, 'accounts.lowInventoryRow', { tier: t(language, `options.settings.tier.${row.tier}`), weight, currency: FBA_MONEY.currency, bands });
}

/** Why a row's field was refused: the number of amounts it takes and their minimum. */
export function bandProblemText(language: Language, field: string): string {
  const min = formatMoney(language, { amountMinor: amountSchema.minValue ?? 0, currency: FBA_MONEY.currency });
  return t(language, 'accounts.invalidBands', { field, count: formatNumber(language, PUBLISHED.bands.length), min });
}

/** The WFS fields' labels. */
export function wfsLabel(language: Language, part: 'storage' | 'longTerm'): string {
  if (part === 'storage') return t(language, 'accounts.wfsStorage', { currency: WFS_MONEY.currency });
  return t(language, 'accounts.wfsLongTerm', { currency: WFS_MONEY.currency, days: formatNumber(language, WFS_LONG_TERM_AFTER_DAYS) });
}
