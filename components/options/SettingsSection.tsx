import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DESTINATIONS, type HealthWeights, type Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { FieldError, NumberField, TextField } from './fields';
import { formOf, toSettings, type FieldErrors, type SettingsForm } from './settings-form';

const HEALTH_KEYS: (keyof HealthWeights)[] = ['noSales30d', 'overstock90d', 'stockoutSoon', 'pendingAboveStock', 'oversoldPool', 'agedInventory', 'outOfStock', 'reorderOverdue', 'unfulfillableUnits'];

export function SettingsSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  const [form, setForm] = useState<SettingsForm | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<'saved' | 'invalid' | 'denied' | undefined>();
  useEffect(() => { if (saved.data && !form) setForm(formOf(saved.data.settings)); }, [saved.data, form]);

  const { language } = useI18n();
  const save = useMutation({
    mutationFn: (settings: Settings) => rpc('settings/save', { settings }),
    onSuccess: (result) => queryClient.setQueryData(['settings'], result),
  });

  if (!form) return <p role="status">{t('options.loading')}</p>;
  const base = form.base;
  const setBase = (patch: (s: Settings) => Settings) => { setForm({ ...form, base: patch(form.base) }); setNotice(undefined); };
  const update = (patch: Partial<SettingsForm>) => { setForm({ ...form, ...patch }); setNotice(undefined); };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const result = toSettings(form, language);
    setErrors(result.errors);
    if (!result.settings) return setNotice('invalid');
    save.mutate(result.settings, { onSuccess: () => setNotice('saved') });
  };

  /** Language applies at once: saved on its own, so the page switches without pressing Save. */
  const onLanguage = (value: Settings['language']) => {
    setBase((s) => ({ ...s, language: value }));
    const current = saved.data?.settings;
    if (current) save.mutate({ ...current, language: value });
  };

  /** Turning notifications on asks the browser for the optional permission, inside the click. */
  const onNotifications = async (enabled: boolean) => {
    if (enabled) {
      const granted = await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
      if (!granted) return setNotice('denied');
    }
    setBase((s) => ({ ...s, notifications: { enabled } }));
  };

  const destinationName = (d: (typeof DESTINATIONS)[number]) => t(`options.destination.${d}`);
  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t('options.settings.language')}</legend>
        <label htmlFor="settings-language">{t('options.settings.language')}</label>{' '}
        <select id="settings-language" value={base.language} onChange={(e) => onLanguage(e.target.value as Settings['language'])}>
          <option value="auto">{t('options.settings.languageAuto')}</option>
          <option value="en" lang="en">English</option>
          <option value="zh-CN" lang="zh-CN">简体中文</option>
        </select>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.leadTimes')}</legend>
        <div className="grid">
          <NumberField id="leadTimes.defaultProductionDays" label={t('options.settings.defaultProductionDays')} value={base.leadTimes.defaultProductionDays} error={errors['leadTimes.defaultProductionDays']}
            onChange={(v) => setBase((s) => ({ ...s, leadTimes: { ...s.leadTimes, defaultProductionDays: v } }))} />
          {DESTINATIONS.map((d) => (
            <NumberField key={d} id={`leadTimes.transitDaysByDestination.${d}`} label={t('options.settings.transit', { destination: destinationName(d) })} value={base.leadTimes.transitDaysByDestination[d]}
              error={errors[`leadTimes.transitDaysByDestination.${d}`]}
              onChange={(v) => setBase((s) => ({ ...s, leadTimes: { ...s.leadTimes, transitDaysByDestination: { ...s.leadTimes.transitDaysByDestination, [d]: v } } }))} />
          ))}
        </div>
        <h3>{t('options.settings.suppliers')}</h3>
        {form.suppliers.map((row, i) => {
          const set = (patch: Partial<typeof row>) => update({ suppliers: form.suppliers.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
          return (
            <div className="row-editor" key={i}>
              <TextField id={`suppliers.${i}.name`} label={t('options.settings.supplierName')} value={row.name} error={errors[`suppliers.${i}.name`]} onChange={(name) => set({ name })} />
              <NumberField id={`suppliers.${i}.productionDays`} label={t('options.settings.productionDays')} value={row.productionDays} error={errors[`suppliers.${i}.productionDays`]} onChange={(productionDays) => set({ productionDays })} />
              {DESTINATIONS.map((d) => (
                <NumberField key={d} id={`suppliers.${i}.transit.${d}`} label={t('options.settings.supplierTransit', { destination: destinationName(d) })} value={row.transit[d] ?? Number.NaN}
                  error={errors[`suppliers.${i}.transit.${d}`]}
                  onChange={(v) => { const transit = { ...row.transit }; if (Number.isNaN(v)) delete transit[d]; else transit[d] = v; set({ transit }); }} />
              ))}
              <NumberField id={`suppliers.${i}.moq`} label={t('options.settings.moq')} value={row.moq} error={errors[`suppliers.${i}.moq`]} onChange={(moq) => set({ moq })} />
              <NumberField id={`suppliers.${i}.casePack`} label={t('options.settings.casePack')} value={row.casePack} error={errors[`suppliers.${i}.casePack`]} onChange={(casePack) => set({ casePack })} />
              <button type="button" onClick={() => update({ suppliers: form.suppliers.filter((_, j) => j !== i) })}>{t('options.settings.remove')}</button>
            </div>
          );
        })}
        <button type="button" onClick={() => update({ suppliers: [...form.suppliers, { name: '', productionDays: base.leadTimes.defaultProductionDays, transit: {}, moq: 1, casePack: 1 }] })}>
          {t('options.settings.addSupplier')}
        </button>
        <TextField id="skuSupplier" multiline label={t('options.settings.skuSupplier')} value={form.skuSupplierText} error={errors.skuSupplier} onChange={(skuSupplierText) => update({ skuSupplierText })} />
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.planning')}</legend>
        <div className="grid">
          <NumberField id="targetCoverDays" label={t('options.settings.targetCoverDays')} value={base.targetCoverDays} error={errors.targetCoverDays} onChange={(v) => setBase((s) => ({ ...s, targetCoverDays: v }))} />
          <NumberField id="serviceLevel" label={t('options.settings.serviceLevel')} value={base.serviceLevel} error={errors.serviceLevel} onChange={(v) => setBase((s) => ({ ...s, serviceLevel: v }))} />
          <NumberField id="historyDays" label={t('options.settings.historyDays')} value={base.historyDays} error={errors.historyDays} onChange={(v) => setBase((s) => ({ ...s, historyDays: v }))} />
          <NumberField id="compaction.rawObservationDays" label={t('options.settings.rawObservationDays')} value={base.compaction.rawObservationDays} error={errors['compaction.rawObservationDays']} onChange={(v) => setBase((s) => ({ ...s, compaction: { rawObservationDays: v } }))} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.safetyBuffers')}</legend>
        {form.buffers.map((row, i) => {
          const set = (patch: Partial<typeof row>) => update({ buffers: form.buffers.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
          return (
            <div className="row-editor" key={i}>
              <TextField id={`buffers.${i}.channel`} label={t('options.settings.channel')} value={row.channel} error={errors[`buffers.${i}.channel`]} onChange={(channel) => set({ channel })} />
              <div className="field">
                <label htmlFor={`buffers.${i}.kind`}>{t('options.settings.bufferKind')}</label>
                <select id={`buffers.${i}.kind`} value={row.kind} onChange={(e) => set({ kind: e.target.value as 'percent' | 'fixed' })}>
                  <option value="percent">{t('options.settings.percent')}</option>
                  <option value="fixed">{t('options.settings.fixed')}</option>
                </select>
              </div>
              <NumberField id={`buffers.${i}.value`} label={t('options.settings.value')} value={row.value} error={errors[`buffers.${i}.value`]} onChange={(value) => set({ value })} />
              <button type="button" onClick={() => update({ buffers: form.buffers.filter((_, j) => j !== i) })}>{t('options.settings.remove')}</button>
            </div>
          );
        })}
        <button type="button" onClick={() => update({ buffers: [...form.buffers, { channel: '', kind: 'percent', value: 10 }] })}>{t('options.settings.addChannel')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.allocationWeights')}</legend>
        {form.weights.map((row, i) => {
          const set = (patch: Partial<typeof row>) => update({ weights: form.weights.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
          return (
            <div className="row-editor" key={i}>
              <TextField id={`weights.${i}.channel`} label={t('options.settings.channel')} value={row.channel} error={errors[`weights.${i}.channel`]} onChange={(channel) => set({ channel })} />
              <NumberField id={`weights.${i}.weight`} label={t('options.settings.weight')} value={row.weight} error={errors[`weights.${i}.weight`]} onChange={(weight) => set({ weight })} />
              <button type="button" onClick={() => update({ weights: form.weights.filter((_, j) => j !== i) })}>{t('options.settings.remove')}</button>
            </div>
          );
        })}
        <button type="button" onClick={() => update({ weights: [...form.weights, { channel: '', weight: 1 }] })}>{t('options.settings.addChannel')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.storageFees')}</legend>
        <div className="grid">
          <NumberField id="storageFees.monthlyPerCubicFootJanSep" label={t('options.settings.janSep')} value={base.storageFees.monthlyPerCubicFootJanSep} error={errors['storageFees.monthlyPerCubicFootJanSep']}
            onChange={(v) => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, monthlyPerCubicFootJanSep: v } }))} />
          <NumberField id="storageFees.monthlyPerCubicFootOctDec" label={t('options.settings.octDec')} value={base.storageFees.monthlyPerCubicFootOctDec} error={errors['storageFees.monthlyPerCubicFootOctDec']}
            onChange={(v) => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, monthlyPerCubicFootOctDec: v } }))} />
          <NumberField id="storageFees.defaultUnitCubicFeet" label={t('options.settings.unitCubicFeet')} value={base.storageFees.defaultUnitCubicFeet} error={errors['storageFees.defaultUnitCubicFeet']}
            onChange={(v) => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, defaultUnitCubicFeet: v } }))} />
        </div>
        {base.storageFees.agedSurcharges.map((step, i) => {
          const set = (patch: Partial<typeof step>) => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, agedSurcharges: s.storageFees.agedSurcharges.map((r, j) => (j === i ? { ...r, ...patch } : r)) } }));
          return (
            <div className="row-editor" key={i}>
              <NumberField id={`storageFees.agedSurcharges.${i}.minDays`} label={t('options.settings.agedFrom')} value={step.minDays} error={errors[`storageFees.agedSurcharges.${i}.minDays`]} onChange={(minDays) => set({ minDays })} />
              <NumberField id={`storageFees.agedSurcharges.${i}.perCubicFootMonthly`} label={t('options.settings.agedAmount')} value={step.perCubicFootMonthly} error={errors[`storageFees.agedSurcharges.${i}.perCubicFootMonthly`]} onChange={(perCubicFootMonthly) => set({ perCubicFootMonthly })} />
              <button type="button" onClick={() => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, agedSurcharges: s.storageFees.agedSurcharges.filter((_, j) => j !== i) } }))}>{t('options.settings.remove')}</button>
            </div>
          );
        })}
        <button type="button" onClick={() => setBase((s) => ({ ...s, storageFees: { ...s.storageFees, agedSurcharges: [...s.storageFees.agedSurcharges, { minDays: 365, perCubicFootMonthly: 0 }] } }))}>{t('options.settings.addSurcharge')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.healthWeights')}</legend>
        <div className="grid">
          {HEALTH_KEYS.map((k) => (
            <NumberField key={k} id={`healthWeights.${k}`} label={t(`options.health.${k}`)} value={base.healthWeights[k]} error={errors[`healthWeights.${k}`]}
              onChange={(v) => setBase((s) => ({ ...s, healthWeights: { ...s.healthWeights, [k]: v } }))} />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options.settings.notifications')}</legend>
        <input id="notifications" type="checkbox" checked={base.notifications.enabled} onChange={(e) => void onNotifications(e.target.checked)} />{' '}
        <label htmlFor="notifications">{t('options.settings.notificationsEnabled')}</label>
      </fieldset>

      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t('options.settings.save')}</button>
        <span role="status">
          {notice === 'saved' && t('options.settings.saved')}
          {notice === 'denied' && t('options.settings.notificationsDenied')}
        </span>
        {notice === 'invalid' && <FieldError id="settings" error={t('options.settings.invalid')} />}
        {save.isError && <p role="alert">{t('options.error', { message: save.error.message })}</p>}
      </div>
    </form>
  );
}
