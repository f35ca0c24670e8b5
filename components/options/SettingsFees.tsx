/**
 * The fee fieldsets of the settings form: the FBA fee schedule the plans use (storage by season,
 * aged-inventory surcharge tiers, the low-inventory margin) in the schedule's currency, and the
 * per-SKU facts the fees need where no page shows them (size tier, shipping weight, unit volume)
 * in the seller's marketplace's units. Like every fieldset they hold no state (SettingsSection does).
 */
import { SIZE_TIERS, type SizeTier } from '@/lib/fees';
import { formatNumber } from '@/lib/i18n';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { NumberField, TextField } from './fields';
import { CapacityLimits, LowInventoryRates, MoneyField, WfsRates } from './SettingsFeeRates';
import { ReadSkuFacts, useFactText, useReadFeeFacts } from './SkuReadFacts';
import type { FieldErrors, SettingsForm, SkuFactRow } from './settings-form';
import { displayUnitsOf, FEE_SETTINGS_MARKETPLACE, shownVolume, shownWeight, storedVolume, storedWeight, type DisplayUnits } from './settings-units';

/** Every default is shown beside its field: read once from the one declaration of the defaults. */
const DEFAULTS = defaultSettings();

interface FeeFieldsetProps {
  form: SettingsForm;
  errors: FieldErrors;
  setBase: (patch: (s: Settings) => Settings) => void;
  update: (patch: Partial<SettingsForm>) => void;
  /** The seller's marketplace (its volume and weight units); amazon.com when unknown. */
  units: DisplayUnits;
}

/** The volume unit's name, for labels. */
function useVolumeUnit(units: DisplayUnits): string {
  const { t } = useI18n();
  return units.volume === 'litres' ? t('options.settings.unit.litres') : t('options.settings.unit.cubicFeet');
}

/**
 * The FBA fee schedule as the seller keeps it: storage per cubic foot by season, the aged
 * surcharge tiers, the margin above the low-inventory floor and the default unit volume.
 */
export function FeeScheduleFieldset({ form, errors, setBase, units }: FeeFieldsetProps) {
  const { t, language } = useI18n();
  const volumeUnit = useVolumeUnit(units);
  const fee = displayUnitsOf(FEE_SETTINGS_MARKETPLACE);
  const base = form.base;
  type Fees = Settings['storageFees'];
  const setFees = (patch: (fees: Fees) => Partial<Fees>) => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, ...patch(s.storageFees) } }));
  const money = { currency: fee.currency, minorDigits: fee.minorDigits };
  const defaultIs = (value: number, digits = 0) => t('options.settings.defaultIs', { value: formatNumber(language, value, digits) });
  return (
    <fieldset id="fee-schedule">
      <legend>{t('options.settings.storageFees', { marketplace: fee.marketplace })}</legend>
      <div className="grid">
        <MoneyField
          id="storageFees.monthlyPerCubicFootJanSep"
          label={t('options.settings.janSep')}
          minor={base.storageFees.monthlyPerCubicFootJanSep}
          defaultMinor={DEFAULTS.storageFees.monthlyPerCubicFootJanSep}
          {...money}
          error={errors['storageFees.monthlyPerCubicFootJanSep']}
          onChange={(v) => setFees(() => ({ monthlyPerCubicFootJanSep: v }))}
        />
        <MoneyField
          id="storageFees.monthlyPerCubicFootOctDec"
          label={t('options.settings.octDec')}
          minor={base.storageFees.monthlyPerCubicFootOctDec}
          defaultMinor={DEFAULTS.storageFees.monthlyPerCubicFootOctDec}
          {...money}
          error={errors['storageFees.monthlyPerCubicFootOctDec']}
          onChange={(v) => setFees(() => ({ monthlyPerCubicFootOctDec: v }))}
        />
        <NumberField
          id="fbaFees.lowInventoryMarginDays"
          label={t('options.settings.lowInventoryMargin')}
          value={base.fbaFees.lowInventoryMarginDays}
          hint={defaultIs(DEFAULTS.fbaFees.lowInventoryMarginDays)}
          error={errors['fbaFees.lowInventoryMarginDays']}
          onChange={(v) => setBase((s) => ({ ...s, fbaFees: { ...s.fbaFees, lowInventoryMarginDays: v } }))}
        />
        <NumberField
          id="storageFees.defaultUnitCubicFeet"
          label={t('options.settings.unitCubicFeet', { unit: volumeUnit })}
          value={shownVolume(base.storageFees.defaultUnitCubicFeet, units.volume)}
          hint={defaultIs(shownVolume(DEFAULTS.storageFees.defaultUnitCubicFeet, units.volume), 3)}
          error={errors['storageFees.defaultUnitCubicFeet']}
          onChange={(v) => setFees(() => ({ defaultUnitCubicFeet: storedVolume(v, units.volume) }))}
        />
      </div>
      <AgedTiers form={form} errors={errors} setFees={setFees} money={money} />
      <LowInventoryRates form={form} errors={errors} setBase={setBase} money={money} />
      <CapacityLimits form={form} errors={errors} setBase={setBase} />
      <WfsRates form={form} errors={errors} setFees={setFees} />
    </fieldset>
  );
}

/** The aged-inventory surcharge tiers: from which age, how much per cubic foot per month. */
function AgedTiers({
  form,
  errors,
  setFees,
  money,
}: {
  form: SettingsForm;
  errors: FieldErrors;
  setFees: (patch: (fees: Settings['storageFees']) => Partial<Settings['storageFees']>) => void;
  money: { currency: string; minorDigits: number };
}) {
  const { t } = useI18n();
  const tiers = form.base.storageFees.agedSurcharges;
  const setTier = (i: number, patch: Partial<(typeof tiers)[number]>) =>
    setFees((fees) => ({ agedSurcharges: fees.agedSurcharges.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)) }));
  return (
    <>
      <h3>{t('options.settings.agedTiers')}</h3>
      {tiers.map((step, i) => (
        <div className="row-editor" key={i}>
          <NumberField
            id={`storageFees.agedSurcharges.${i}.minDays`}
            label={t('options.settings.agedFrom')}
            value={step.minDays}
            error={errors[`storageFees.agedSurcharges.${i}.minDays`]}
            onChange={(minDays) => setTier(i, { minDays })}
          />
          <MoneyField
            id={`storageFees.agedSurcharges.${i}.perCubicFootMonthly`}
            label={t('options.settings.agedAmount')}
            minor={step.perCubicFootMonthly}
            defaultMinor={DEFAULTS.storageFees.agedSurcharges.find((d) => d.minDays === step.minDays)?.perCubicFootMonthly}
            {...money}
            error={errors[`storageFees.agedSurcharges.${i}.perCubicFootMonthly`]}
            onChange={(perCubicFootMonthly) => setTier(i, { perCubicFootMonthly })}
          />
          <button type="button" onClick={() => setFees((fees) => ({ agedSurcharges: fees.agedSurcharges.filter((_, j) => j !== i) }))}>
            {t('options.settings.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setFees((fees) => ({ agedSurcharges: [...fees.agedSurcharges, { minDays: 365, perCubicFootMonthly: 0 }] }))}>
        {t('options.settings.addSurcharge')}
      </button>
    </>
  );
}

/** A SKU's size tier ('' = not set), with the note of what a report read for it, if any. */
function TierField({ id, value, note, onChange }: { id: string; value: SizeTier | ''; note: string | undefined; onChange: (tier: SizeTier | '') => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('options.settings.sizeTier')}</label>
      <select id={id} value={value} aria-describedby={note ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value as SizeTier | '')}>
        <option value="">{t('options.settings.notSet')}</option>
        {SIZE_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {t(`options.settings.tier.${tier}`)}
          </option>
        ))}
      </select>
      {note && (
        <span id={`${id}-hint`} className="field-hint">
          {note}
        </span>
      )}
    </div>
  );
}

/**
 * Size tier, shipping weight and unit volume per SKU: the seller's entries, each field showing
 * what a page or report read for the SKU (used while the field is empty), then the SKUs with
 * read facts and no entry.
 */
export function SkuFactsFieldset({ form, errors, update, units }: FeeFieldsetProps) {
  const { t } = useI18n();
  const volumeUnit = useVolumeUnit(units);
  const weightUnit = units.weight === 'g' ? t('options.settings.unit.grams') : t('options.settings.unit.ounces');
  const read = useReadFeeFacts();
  const fact = useFactText(units);
  const set = (i: number, patch: Partial<SkuFactRow>) => update({ skuFacts: form.skuFacts.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const newRow = (sku: string): SkuFactRow => ({ sku, tier: '', weightOz: Number.NaN, cubicFeet: Number.NaN });
  const entered = new Set(form.skuFacts.map((r) => r.sku.trim()));
  return (
    <fieldset id="sku-facts">
      <legend>{t('options.settings.skuFacts')}</legend>
      <p className="hint">{t('options.settings.skuFactsHint')}</p>
      {form.skuFacts.map((row, i) => {
        const facts = read.get(row.sku.trim());
        return (
          <div className="row-editor" key={i}>
            <TextField
              id={`skuFacts.${i}.sku`}
              label={t('options.settings.sku')}
              value={row.sku}
              error={errors[`skuFacts.${i}.sku`]}
              onChange={(sku) => set(i, { sku })}
            />
            <TierField id={`skuFacts.${i}.tier`} value={row.tier} note={fact.note(facts, 'sizeTier', row.tier !== '')} onChange={(tier) => set(i, { tier })} />
            <NumberField
              id={`skuFacts.${i}.weight`}
              label={t('options.settings.shippingWeight', { unit: weightUnit })}
              value={shownWeight(row.weightOz, units.weight)}
              placeholder={fact.input(facts, 'shippingWeightOz')}
              hint={fact.note(facts, 'shippingWeightOz', !Number.isNaN(row.weightOz))}
              error={errors[`skuFacts.${i}.weight`]}
              onChange={(v) => set(i, { weightOz: storedWeight(v, units.weight) })}
            />
            <NumberField
              id={`skuFacts.${i}.volume`}
              label={t('options.settings.unitVolume', { unit: volumeUnit })}
              value={shownVolume(row.cubicFeet, units.volume)}
              placeholder={fact.input(facts, 'unitCubicFeet')}
              hint={fact.note(facts, 'unitCubicFeet', !Number.isNaN(row.cubicFeet))}
              error={errors[`skuFacts.${i}.volume`]}
              onChange={(v) => set(i, { cubicFeet: storedVolume(v, units.volume) })}
            />
            <button type="button" onClick={() => update({ skuFacts: form.skuFacts.filter((_, j) => j !== i) })}>
              {t('options.settings.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => update({ skuFacts: [...form.skuFacts, newRow('')] })}>
        {t('options.settings.addSku')}
      </button>
      <ReadSkuFacts
        facts={[...read.values()].filter((f) => !entered.has(f.sku))}
        units={units}
        onEnter={(sku) => update({ skuFacts: [...form.skuFacts, newRow(sku)] })}
      />
    </fieldset>
  );
}
