/**
 * The fieldsets of the settings form, one component each. They hold no state: the form
 * (SettingsSection) owns it and passes the setters down, so Save sees every fieldset at once.
 */
import { formatNumber } from '@/lib/i18n';
import { defaultSettings, DESTINATIONS, type HealthWeights, type Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { NumberField, TextField } from './fields';
import type { BufferRow, FieldErrors, SettingsForm, SupplierRow, WeightRow } from './settings-form';

const HEALTH_KEYS: (keyof HealthWeights)[] = [
  'noSales30d',
  'overstock90d',
  'stockoutSoon',
  'pendingAboveStock',
  'oversoldPool',
  'agedInventory',
  'outOfStock',
  'reorderOverdue',
  'unfulfillableUnits',
];

/** What every fieldset gets from the form. */
interface FieldsetProps {
  form: SettingsForm;
  errors: FieldErrors;
  /** Changes the stored settings part of the form. */
  setBase: (patch: (s: Settings) => Settings) => void;
  /** Changes the form's editable rows and texts (suppliers, buffers, weights, SKU list). */
  update: (patch: Partial<SettingsForm>) => void;
}

/** `rows` with row `i` patched. */
function patchRow<T>(rows: readonly T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** `rows` without row `i`. */
function withoutRow<T>(rows: readonly T[], i: number): T[] {
  return rows.filter((_, j) => j !== i);
}

/** Every default is shown beside its field, read from the one declaration of the defaults. */
const DEFAULTS = defaultSettings();

/** "Default: 60", in the UI language. */
function useDefaultHint() {
  const { t, language } = useI18n();
  return (value: number) => t('options.settings.defaultIs', { value: formatNumber(language, value, 3) });
}

function useDestinationName() {
  const { t } = useI18n();
  return (d: (typeof DESTINATIONS)[number]) => t(`options.destination.${d}`);
}

export function LanguageFieldset({ value, onChange }: { value: Settings['language']; onChange: (value: Settings['language']) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('options.settings.language')}</legend>
      <label htmlFor="settings-language">{t('options.settings.language')}</label>{' '}
      <select id="settings-language" value={value} onChange={(e) => onChange(e.target.value as Settings['language'])}>
        <option value="auto">{t('options.settings.languageAuto')}</option>
        <option value="en" lang="en">
          English
        </option>
        <option value="zh-CN" lang="zh-CN">
          简体中文
        </option>
      </select>
    </fieldset>
  );
}

export function LeadTimesFieldset({ form, errors, setBase, update }: FieldsetProps) {
  const { t } = useI18n();
  const defaultHint = useDefaultHint();
  const destinationName = useDestinationName();
  const base = form.base;
  return (
    <fieldset>
      <legend>{t('options.settings.leadTimes')}</legend>
      <div className="grid">
        <NumberField
          id="leadTimes.defaultProductionDays"
          label={t('options.settings.defaultProductionDays')}
          value={base.leadTimes.defaultProductionDays}
          hint={defaultHint(DEFAULTS.leadTimes.defaultProductionDays)}
          error={errors['leadTimes.defaultProductionDays']}
          onChange={(v) => setBase((s) => ({ ...s, leadTimes: { ...s.leadTimes, defaultProductionDays: v } }))}
        />
        {DESTINATIONS.map((d) => (
          <NumberField
            key={d}
            id={`leadTimes.transitDaysByDestination.${d}`}
            label={t('options.settings.transit', { destination: destinationName(d) })}
            value={base.leadTimes.transitDaysByDestination[d]}
            hint={defaultHint(DEFAULTS.leadTimes.transitDaysByDestination[d])}
            error={errors[`leadTimes.transitDaysByDestination.${d}`]}
            onChange={(v) =>
              setBase((s) => ({
                ...s,
                leadTimes: { ...s.leadTimes, transitDaysByDestination: { ...s.leadTimes.transitDaysByDestination, [d]: v } },
              }))
            }
          />
        ))}
      </div>
      <h3>{t('options.settings.suppliers')}</h3>
      {form.suppliers.map((row, i) => (
        <SupplierEditor
          key={i}
          index={i}
          row={row}
          errors={errors}
          onChange={(patch) => update({ suppliers: patchRow(form.suppliers, i, patch) })}
          onRemove={() => update({ suppliers: withoutRow(form.suppliers, i) })}
        />
      ))}
      <button
        type="button"
        onClick={() =>
          update({ suppliers: [...form.suppliers, { name: '', productionDays: base.leadTimes.defaultProductionDays, transit: {}, moq: 1, casePack: 1 }] })
        }
      >
        {t('options.settings.addSupplier')}
      </button>
      <TextField
        id="skuSupplier"
        multiline
        label={t('options.settings.skuSupplier')}
        value={form.skuSupplierText}
        error={errors.skuSupplier}
        onChange={(skuSupplierText) => update({ skuSupplierText })}
      />
    </fieldset>
  );
}

/** One supplier row: name, production days, transit days per destination, MOQ and case pack. */
function SupplierEditor({
  index: i,
  row,
  errors,
  onChange: set,
  onRemove,
}: {
  index: number;
  row: SupplierRow;
  errors: FieldErrors;
  onChange: (patch: Partial<SupplierRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const destinationName = useDestinationName();
  return (
    <div className="row-editor">
      <TextField
        id={`suppliers.${i}.name`}
        label={t('options.settings.supplierName')}
        value={row.name}
        error={errors[`suppliers.${i}.name`]}
        onChange={(name) => set({ name })}
      />
      <NumberField
        id={`suppliers.${i}.productionDays`}
        label={t('options.settings.productionDays')}
        value={row.productionDays}
        error={errors[`suppliers.${i}.productionDays`]}
        onChange={(productionDays) => set({ productionDays })}
      />
      {DESTINATIONS.map((d) => (
        <NumberField
          key={d}
          id={`suppliers.${i}.transit.${d}`}
          label={t('options.settings.supplierTransit', { destination: destinationName(d) })}
          value={row.transit[d] ?? Number.NaN}
          error={errors[`suppliers.${i}.transit.${d}`]}
          onChange={(v) => {
            const transit = { ...row.transit };
            if (Number.isNaN(v)) delete transit[d];
            else transit[d] = v;
            set({ transit });
          }}
        />
      ))}
      <NumberField
        id={`suppliers.${i}.moq`}
        label={t('options.settings.moq')}
        value={row.moq}
        error={errors[`suppliers.${i}.moq`]}
        onChange={(moq) => set({ moq })}
      />
      <NumberField
        id={`suppliers.${i}.casePack`}
        label={t('options.settings.casePack')}
        value={row.casePack}
        error={errors[`suppliers.${i}.casePack`]}
        onChange={(casePack) => set({ casePack })}
      />
      <button type="button" onClick={onRemove}>
        {t('options.settings.remove')}
      </button>
    </div>
  );
}

/** The common planning numbers, top-level fields of Settings, in the order the form shows them. */
const PLANNING_FIELDS = [
  ['targetCoverDays', 'options.settings.targetCoverDays'],
  ['serviceLevel', 'options.settings.serviceLevel'],
  ['defaultMoq', 'options.settings.defaultMoq'],
  ['defaultCasePack', 'options.settings.defaultCasePack'],
  ['defaultMarginPct', 'options.settings.defaultMarginPct'],
  ['historyDays', 'options.settings.historyDays'],
] as const;

export function PlanningFieldset({ form, errors, setBase }: FieldsetProps) {
  const { t } = useI18n();
  const defaultHint = useDefaultHint();
  const base = form.base;
  return (
    <fieldset>
      <legend>{t('options.settings.planning')}</legend>
      <div className="grid">
        {PLANNING_FIELDS.map(([key, label]) => (
          <NumberField
            key={key}
            id={key}
            label={t(label)}
            value={base[key]}
            hint={defaultHint(DEFAULTS[key])}
            error={errors[key]}
            onChange={(v) => setBase((s) => ({ ...s, [key]: v }))}
          />
        ))}
        <NumberField
          id="compaction.rawObservationDays"
          label={t('options.settings.rawObservationDays')}
          value={base.compaction.rawObservationDays}
          hint={defaultHint(DEFAULTS.compaction.rawObservationDays)}
          error={errors['compaction.rawObservationDays']}
          onChange={(v) => setBase((s) => ({ ...s, compaction: { rawObservationDays: v } }))}
        />
      </div>
    </fieldset>
  );
}

export function SafetyBuffersFieldset({ form, errors, update }: FieldsetProps) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('options.settings.safetyBuffers')}</legend>
      {form.buffers.map((row, i) => {
        const set = (patch: Partial<BufferRow>) => update({ buffers: patchRow(form.buffers, i, patch) });
        return (
          <div className="row-editor" key={i}>
            <TextField
              id={`buffers.${i}.channel`}
              label={t('options.settings.channel')}
              value={row.channel}
              error={errors[`buffers.${i}.channel`]}
              onChange={(channel) => set({ channel })}
            />
            <div className="field">
              <label htmlFor={`buffers.${i}.kind`}>{t('options.settings.bufferKind')}</label>
              <select id={`buffers.${i}.kind`} value={row.kind} onChange={(e) => set({ kind: e.target.value as 'percent' | 'fixed' })}>
                <option value="percent">{t('options.settings.percent')}</option>
                <option value="fixed">{t('options.settings.fixed')}</option>
              </select>
            </div>
            <NumberField
              id={`buffers.${i}.value`}
              label={t('options.settings.value')}
              value={row.value}
              error={errors[`buffers.${i}.value`]}
              onChange={(value) => set({ value })}
            />
            <button type="button" onClick={() => update({ buffers: withoutRow(form.buffers, i) })}>
              {t('options.settings.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => update({ buffers: [...form.buffers, { channel: '', kind: 'percent', value: 10 }] })}>
        {t('options.settings.addChannel')}
      </button>
    </fieldset>
  );
}

export function AllocationWeightsFieldset({ form, errors, update }: FieldsetProps) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('options.settings.allocationWeights')}</legend>
      {form.weights.map((row, i) => {
        const set = (patch: Partial<WeightRow>) => update({ weights: patchRow(form.weights, i, patch) });
        return (
          <div className="row-editor" key={i}>
            <TextField
              id={`weights.${i}.channel`}
              label={t('options.settings.channel')}
              value={row.channel}
              error={errors[`weights.${i}.channel`]}
              onChange={(channel) => set({ channel })}
            />
            <NumberField
              id={`weights.${i}.weight`}
              label={t('options.settings.weight')}
              value={row.weight}
              error={errors[`weights.${i}.weight`]}
              onChange={(weight) => set({ weight })}
            />
            <button type="button" onClick={() => update({ weights: withoutRow(form.weights, i) })}>
              {t('options.settings.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => update({ weights: [...form.weights, { channel: '', weight: 1 }] })}>
        {t('options.settings.addChannel')}
      </button>
    </fieldset>
  );
}

export function HealthWeightsFieldset({ form, errors, setBase }: FieldsetProps) {
  const { t } = useI18n();
  const defaultHint = useDefaultHint();
  const base = form.base;
  return (
    <fieldset>
      <legend>{t('options.settings.healthWeights')}</legend>
      <div className="grid">
        {HEALTH_KEYS.map((k) => (
          <NumberField
            key={k}
            id={`healthWeights.${k}`}
            label={t(`options.health.${k}`)}
            value={base.healthWeights[k]}
            hint={defaultHint(DEFAULTS.healthWeights[k])}
            error={errors[`healthWeights.${k}`]}
            onChange={(v) => setBase((s) => ({ ...s, healthWeights: { ...s.healthWeights, [k]: v } }))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function NotificationsFieldset({ enabled, onChange }: { enabled: boolean; onChange: (enabled: boolean) => void }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('options.settings.notifications')}</legend>
      <input id="notifications" type="checkbox" checked={enabled} onChange={(e) => onChange(e.target.checked)} />{' '}
      <label htmlFor="notifications">{t('options.settings.notificationsEnabled')}</label>
    </fieldset>
  );
}
