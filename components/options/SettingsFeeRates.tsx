/**
 * The fee schedule amounts beyond storage and the aged tiers, in the options page's fee
 * fieldset: the low-inventory-level rates per unit, the FBA capacity limits (Capacity Monitor)
 * with the seller's AWD use per marketplace, and the Walmart WFS storage rates, each in its
 * marketplace's currency or volume unit. Like every fieldset part they hold no state
 * (SettingsSection does).
 */
import { DEFAULT_AWD_LEG_DAYS, latestSchedule, SETTINGS_SCHEDULE, SETTINGS_WFS_SCHEDULE } from '@/lib/fees';
import { formatMoney, formatNumber } from '@/lib/i18n';
import { MARKETPLACES } from '@/lib/locale/markets';
import type { Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { NumberField } from './fields';
import type { FieldErrors, SettingsForm } from './settings-form';
import { currencySymbol, displayUnitsOf, majorOf, minorOf, shownVolume, storedVolume } from './settings-units';

/** What each part reads and writes: the form, its errors, and the settings it edits. */
interface RatesProps {
  form: SettingsForm;
  errors: FieldErrors;
  setBase: (patch: (s: Settings) => Settings) => void;
}

/** A money input in major units with the currency's symbol; the settings keep minor units. */
export function MoneyField(props: {
  id: string;
  label: string;
  minor: number;
  defaultMinor?: number;
  currency: string;
  minorDigits: number;
  error?: string;
  onChange: (minor: number) => void;
}) {
  const { t, language } = useI18n();
  const symbol = currencySymbol(language, props.currency);
  const hint =
    props.defaultMinor === undefined
      ? undefined
      : t('options.settings.defaultIs', { value: formatMoney(language, { amountMinor: props.defaultMinor, currency: props.currency }) });
  return (
    <NumberField
      id={props.id}
      label={`${props.label} (${symbol})`}
      value={majorOf(props.minor, props.minorDigits)}
      error={props.error}
      hint={hint}
      onChange={(v) => props.onChange(minorOf(v, props.minorDigits))}
    />
  );
}

/** The published low-inventory rate rows of the schedule the settings edit: the rows the editor shows, and each amount's default. */
const PUBLISHED_LOW_INVENTORY = (() => {
  const rates = latestSchedule(SETTINGS_SCHEDULE.marketplace, SETTINGS_SCHEDULE.channel)?.lowInventoryLevel;
  return typeof rates === 'object' ? rates : null;
})();

/**
 * The low-inventory-level fee per unit, one amount per row (size tier and weight) and supply band
 * of the published schedule; editing one amount keeps the seller's copy of every row.
 */
export function LowInventoryRates({ form, errors, setBase, money }: RatesProps & { money: { currency: string; minorDigits: number } }) {
  const { t, language } = useI18n();
  if (!PUBLISHED_LOW_INVENTORY) return null;
  type Row = NonNullable<Settings['fbaFees']['lowInventoryPerUnit']>[number];
  const published: Row[] = PUBLISHED_LOW_INVENTORY.rows.map((r) => ({ ...r, perUnitMinor: [...r.perUnitMinor] }));
  const rows = form.base.fbaFees.lowInventoryPerUnit ?? published;
  const bands = PUBLISHED_LOW_INVENTORY.supplyBandsUpToDays;
  const setAmount = (i: number, band: number, minor: number) =>
    setBase((s) => {
      const current = s.fbaFees.lowInventoryPerUnit ?? published;
      const next = current.map((r, j) => (j === i ? { ...r, perUnitMinor: r.perUnitMinor.map((v, b) => (b === band ? minor : v)) } : r));
      return { ...s, fbaFees: { ...s.fbaFees, lowInventoryPerUnit: next } };
    });
  const weightOf = (r: Row) => {
    const unit = t('options.settings.unit.ounces');
    if (r.upToWeightOz === null) return t('options.settings.weightAny');
    const upTo = formatNumber(language, r.upToWeightOz, 0);
    return r.overWeightOz > 0
      ? t('options.settings.weightRange', { over: formatNumber(language, r.overWeightOz, 0), upTo, unit })
      : t('options.settings.weightUpTo', { upTo, unit });
  };
  return (
    <>
      <h3>{t('options.settings.lowInventoryRates')}</h3>
      {rows.map((row, i) => (
        <div className="row-editor" key={i}>
          {bands.map((to, band) => (
            <MoneyField
              key={band}
              id={`fbaFees.lowInventoryPerUnit.${i}.perUnitMinor.${band}`}
              label={t('options.settings.lowInventoryRate', {
                tier: t(`options.settings.tier.${row.tier}`),
                weight: weightOf(row),
                from: band === 0 ? 0 : bands[band - 1]!,
                to,
              })}
              minor={row.perUnitMinor[band] ?? Number.NaN}
              defaultMinor={published[i]?.perUnitMinor[band]}
              {...money}
              error={errors[`fbaFees.lowInventoryPerUnit.${i}.perUnitMinor.${band}`]}
              onChange={(minor) => setAmount(i, band, minor)}
            />
          ))}
        </div>
      ))}
    </>
  );
}

/** Amazon marketplaces, the ones a capacity limit can be entered for. */
const AMAZON_MARKETPLACES = MARKETPLACES.filter((m) => m.platform === 'amazon').map((m) => m.id);

/** The FBA capacity limit per marketplace (Capacity Monitor), in the marketplace's volume unit; the settings keep cubic feet. */
export function CapacityLimits({ form, errors, setBase }: RatesProps) {
  const { t } = useI18n();
  const limits = Object.entries(form.base.fbaFees.capacityCubicFeetByMarketplace ?? {});
  const setLimits = (next: [string, number][]) =>
    setBase((s) => ({ ...s, fbaFees: { ...s.fbaFees, capacityCubicFeetByMarketplace: Object.fromEntries(next) } }));
  const unused = AMAZON_MARKETPLACES.find((id) => !limits.some(([m]) => m === id));
  return (
    <>
      <h3>{t('options.settings.capacity')}</h3>
      <p className="hint">{t('options.settings.capacityHint')}</p>
      {limits.map(([marketplace, cubicFeet], i) => {
        const volume = displayUnitsOf(marketplace).volume;
        const unit = volume === 'litres' ? t('options.settings.unit.litres') : t('options.settings.unit.cubicFeet');
        const id = `fbaFees.capacityCubicFeetByMarketplace.${marketplace}`;
        return (
          <div className="row-editor" key={i}>
            <div className="field">
              <label htmlFor={`capacity.${i}.marketplace`}>{t('options.settings.capacityMarketplace')}</label>
              <select
                id={`capacity.${i}.marketplace`}
                value={marketplace}
                onChange={(e) => setLimits(limits.map((l, j) => (j === i ? [e.target.value, l[1]] : l)))}
              >
                {AMAZON_MARKETPLACES.filter((m) => m === marketplace || !limits.some(([used]) => used === m)).map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <NumberField
              id={id}
              label={t('options.settings.capacityLimit', { unit })}
              value={shownVolume(cubicFeet, volume)}
              error={errors[id]}
              onChange={(v) => setLimits(limits.map((l, j) => (j === i ? [l[0], storedVolume(v, volume)] : l)))}
            />
            <AwdUse marketplace={marketplace} form={form} errors={errors} setBase={setBase} />
            <button type="button" onClick={() => setLimits(limits.filter((_, j) => j !== i))}>
              {t('options.settings.remove')}
            </button>
          </div>
        );
      })}
      {unused && (
        <button type="button" onClick={() => setLimits([...limits, [unused, Number.NaN]])}>
          {t('options.settings.addCapacity')}
        </button>
      )}
    </>
  );
}

/**
 * Whether the seller uses AWD in a marketplace with a capacity limit, and its days to FBA: when on,
 * what the limit cuts is priced held in AWD beside the own warehouse (lib/planning/awd-hold.ts).
 */
function AwdUse({ marketplace, form, errors, setBase }: RatesProps & { marketplace: string }) {
  const { t, language } = useI18n();
  const awd = form.base.fbaFees.awdByMarketplace?.[marketplace];
  const set = (next: { enabled: boolean; legDays: number }) =>
    setBase((s) => ({ ...s, fbaFees: { ...s.fbaFees, awdByMarketplace: { ...s.fbaFees.awdByMarketplace, [marketplace]: next } } }));
  const id = `fbaFees.awdByMarketplace.${marketplace}`;
  return (
    <>
      <div className="field">
        <input
          id={`${id}.enabled`}
          type="checkbox"
          checked={awd?.enabled ?? false}
          onChange={(e) => set({ enabled: e.target.checked, legDays: awd?.legDays ?? DEFAULT_AWD_LEG_DAYS })}
        />{' '}
        <label htmlFor={`${id}.enabled`}>{t('options.settings.awdEnabled')}</label>
      </div>
      {awd?.enabled && (
        <NumberField
          id={`${id}.legDays`}
          label={t('options.settings.awdLegDays')}
          value={awd.legDays}
          hint={t('options.settings.defaultIs', { value: formatNumber(language, DEFAULT_AWD_LEG_DAYS) })}
          error={errors[`${id}.legDays`]}
          onChange={(legDays) => set({ ...awd, legDays })}
        />
      )}
    </>
  );
}

/** The published walmart.com WFS amounts the seller's copy starts from (storage, long-term storage and its age), or null. */
const PUBLISHED_WFS = (() => {
  const s = latestSchedule(SETTINGS_WFS_SCHEDULE.marketplace, SETTINGS_WFS_SCHEDULE.channel);
  if (!s || s.storage === 'unknown' || s.agedSurcharge === 'unknown' || !s.agedSurcharge.tiers[0]) return null;
  const tier = s.agedSurcharge.tiers[0];
  return { storage: s.storage.perCubicFootMinor['large-standard'].base, longTerm: tier.perCubicFootMinor, afterDays: tier.minDays - 1 };
})();

/** Walmart WFS storage and long-term storage per cubic foot per month, in the WFS marketplace's currency. */
export function WfsRates({
  form,
  errors,
  setFees,
}: Omit<RatesProps, 'setBase'> & { setFees: (patch: (fees: Settings['storageFees']) => Partial<Settings['storageFees']>) => void }) {
  const { t } = useI18n();
  if (!PUBLISHED_WFS) return null;
  const published = { storage: PUBLISHED_WFS.storage, longTerm: PUBLISHED_WFS.longTerm };
  const rates = form.base.storageFees.wfsPerCubicFoot ?? published;
  const wfs = displayUnitsOf(SETTINGS_WFS_SCHEDULE.marketplace);
  const money = { currency: wfs.currency, minorDigits: wfs.minorDigits };
  const set = (patch: Partial<typeof rates>) => setFees((fees) => ({ wfsPerCubicFoot: { ...(fees.wfsPerCubicFoot ?? published), ...patch } }));
  return (
    <>
      <h3>{t('options.settings.wfsFees', { marketplace: wfs.marketplace })}</h3>
      <div className="grid">
        <MoneyField
          id="storageFees.wfsPerCubicFoot.storage"
          label={t('options.settings.wfsStorage')}
          minor={rates.storage}
          defaultMinor={published.storage}
          {...money}
          error={errors['storageFees.wfsPerCubicFoot.storage']}
          onChange={(storage) => set({ storage })}
        />
        <MoneyField
          id="storageFees.wfsPerCubicFoot.longTerm"
          label={t('options.settings.wfsLongTerm', { days: PUBLISHED_WFS.afterDays })}
          minor={rates.longTerm}
          defaultMinor={published.longTerm}
          {...money}
          error={errors['storageFees.wfsPerCubicFoot.longTerm']}
          onChange={(longTerm) => set({ longTerm })}
        />
      </div>
    </>
  );
}
