/**
 * Guided start, step 2: production days (default and per supplier) and transit days to each
 * destination the seller ships to, with the sea and air presets (lib/onboarding/presets.ts).
 * It edits the same settings as the Settings section, through its form model (settings-form.ts)
 * and the settings/save message; the ids are its own, since both are on the page at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FREIGHT_MODES, presetOf, withPreset } from '@/lib/onboarding/presets';
import { DESTINATIONS, type Destination, type Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { NumberField, TextField } from './fields';
import type { StepProps } from './FirstRunStep';
import { formOf, toSettings, type FieldErrors, type SettingsForm, type SupplierRow } from './settings-form';

export function FirstRunLeadTimes({ state, send, busy, onSettingsSaved }: StepProps & { onSettingsSaved: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  const [form, setForm] = useState<SettingsForm | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (saved.data && !form) setForm(formOf(saved.data.settings));
  }, [saved.data, form]);
  const save = useMutation({
    mutationFn: (settings: Settings) => rpc('settings/save', { settings }),
    onSuccess: (result) => {
      queryClient.setQueryData(['settings'], result);
      onSettingsSaved();
      send([{ type: 'complete', step: 'leadTimes' }]);
    },
  });
  if (!form) return <p role="status">{t('options.loading')}</p>;

  // The destinations of the channels chosen in step 1 (all of them when none was chosen).
  const chosen = DESTINATIONS.filter((d) => state.choices.channels.includes(d));
  const destinations = chosen.length ? chosen : [...DESTINATIONS];
  const leadTimes = form.base.leadTimes;
  const setLeadTimes = (patch: Partial<Settings['leadTimes']>) => setForm({ ...form, base: { ...form.base, leadTimes: { ...leadTimes, ...patch } } });
  const setSuppliers = (suppliers: SupplierRow[]) => setForm({ ...form, suppliers });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const result = toSettings(form, language);
    setErrors(result.errors);
    if (result.settings) save.mutate(result.settings);
  };

  return (
    <form onSubmit={submit} noValidate>
      <p>{t('onboarding.leadTimes.intro')}</p>
      <TransitFields leadTimes={leadTimes} destinations={destinations} errors={errors} onChange={setLeadTimes} />
      <SupplierRows rows={form.suppliers} errors={errors} defaultDays={leadTimes.defaultProductionDays} onChange={setSuppliers} />
      <p className="meta">{t('onboarding.leadTimes.more')}</p>
      {Object.keys(errors).length > 0 && <p role="alert">{errors.skuSupplier ?? t('options.settings.invalid')}</p>}
      {save.isError && <p role="alert">{errorText(t, save.error)}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || save.isPending}>
          {t('onboarding.leadTimes.save')}
        </button>
      </div>
    </form>
  );
}

/** The freight preset, the transit days to each destination and the default production days. */
function TransitFields({
  leadTimes,
  destinations,
  errors,
  onChange: setLeadTimes,
}: {
  leadTimes: Settings['leadTimes'];
  destinations: Destination[];
  errors: FieldErrors;
  onChange: (patch: Partial<Settings['leadTimes']>) => void;
}) {
  const { t } = useI18n();
  const preset = presetOf(leadTimes.transitDaysByDestination, destinations);
  return (
    <fieldset>
      <legend>{t('onboarding.leadTimes.preset')}</legend>
      <div className="inline">
        {FREIGHT_MODES.map((mode) => (
          <label key={mode} className="inline">
            <input
              type="radio"
              name="first-run-preset"
              checked={preset === mode}
              onChange={() => setLeadTimes({ transitDaysByDestination: withPreset(leadTimes.transitDaysByDestination, mode, destinations) })}
            />
            {t(`onboarding.leadTimes.preset.${mode}`)}
          </label>
        ))}
      </div>
      <p className="meta">{t('onboarding.leadTimes.presetNote')}</p>
      <div className="grid">
        {destinations.map((d) => (
          <NumberField
            key={d}
            id={`first-run-transit-${d}`}
            label={t('options.settings.transit', { destination: t(`options.destination.${d}`) })}
            value={leadTimes.transitDaysByDestination[d]}
            error={errors[`leadTimes.transitDaysByDestination.${d}`]}
            onChange={(v) => setLeadTimes({ transitDaysByDestination: { ...leadTimes.transitDaysByDestination, [d]: v } })}
          />
        ))}
        <NumberField
          id="first-run-production"
          label={t('options.settings.defaultProductionDays')}
          value={leadTimes.defaultProductionDays}
          error={errors['leadTimes.defaultProductionDays']}
          onChange={(v) => setLeadTimes({ defaultProductionDays: v })}
        />
      </div>
    </fieldset>
  );
}

/** Suppliers by name with their production days (the rest of a supplier is in Settings). */
function SupplierRows({
  rows,
  errors,
  defaultDays,
  onChange,
}: {
  rows: SupplierRow[];
  errors: FieldErrors;
  defaultDays: number;
  onChange: (rows: SupplierRow[]) => void;
}) {
  const { t } = useI18n();
  const patch = (i: number, p: Partial<SupplierRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset>
      <legend>{t('options.settings.suppliers')}</legend>
      {rows.map((row, i) => (
        <div key={i} className="row-editor">
          <TextField
            id={`first-run-supplier-${i}-name`}
            label={t('options.settings.supplierName')}
            value={row.name}
            error={errors[`suppliers.${i}.name`]}
            onChange={(name) => patch(i, { name })}
          />
          <NumberField
            id={`first-run-supplier-${i}-production`}
            label={t('options.settings.productionDays')}
            value={row.productionDays}
            error={errors[`suppliers.${i}.productionDays`]}
            onChange={(productionDays) => patch(i, { productionDays })}
          />
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('options.settings.remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { name: '', productionDays: defaultDays, transit: {}, moq: 1, casePack: 1 }])}>
        {t('options.settings.addSupplier')}
      </button>
    </fieldset>
  );
}
