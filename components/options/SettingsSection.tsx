import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings/schema';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { FieldError } from './fields';
import { formOf, toSettings, type FieldErrors, type SettingsForm } from './settings-form';
import {
  AllocationWeightsFieldset,
  HealthWeightsFieldset,
  LanguageFieldset,
  LeadTimesFieldset,
  NotificationsFieldset,
  PlanningFieldset,
  SafetyBuffersFieldset,
} from './SettingsFieldsets';
import { FeeScheduleFieldset, SkuFactsFieldset } from './SettingsFees';
import { ThresholdFieldsets } from './SettingsThresholds';
import { displayUnitsOf } from './settings-units';

/**
 * The settings being edited: loaded once from the saved settings, validated on submit, with the
 * language saved at once and notifications asking the browser's permission inside the click.
 */
function useSettingsEditor() {
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  const [form, setForm] = useState<SettingsForm | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<'saved' | 'invalid' | 'denied' | undefined>();
  useEffect(() => {
    if (saved.data && !form) setForm(formOf(saved.data.settings));
  }, [saved.data, form]);
  const save = useMutation({
    mutationFn: (settings: Settings) => rpc('settings/save', { settings }),
    onSuccess: (result) => queryClient.setQueryData(['settings'], result),
  });
  if (!form) return { save, notice, errors };
  const setBase = (patch: (s: Settings) => Settings) => {
    setForm({ ...form, base: patch(form.base) });
    setNotice(undefined);
  };
  const update = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setNotice(undefined);
  };
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
  return { form, errors, notice, save, setBase, update, onSubmit, onLanguage, onNotifications };
}

/** The settings form: loads the saved settings, validates on Save, and shows the outcome. Its fieldsets are in SettingsFieldsets. */
export function SettingsSection() {
  const { t } = useI18n();
  // Money and volumes are shown in the units of the first marketplace the seller named in the guided start.
  const onboarding = useQuery({ queryKey: ['onboarding'], queryFn: () => rpc('onboarding/get', {}) });
  const units = displayUnitsOf(onboarding.data?.state.choices.marketplaces[0]);
  const editor = useSettingsEditor();
  if (!editor.form) return <p role="status">{t('options.loading')}</p>;
  const { form, errors, notice, save, setBase, update, onSubmit, onLanguage, onNotifications } = editor;
  const base = form.base;

  const fieldsetProps = { form, errors, setBase, update };
  return (
    <form onSubmit={onSubmit} noValidate>
      <LanguageFieldset value={base.language} onChange={onLanguage} />
      <LeadTimesFieldset {...fieldsetProps} />
      <PlanningFieldset {...fieldsetProps} />
      <FeeScheduleFieldset {...fieldsetProps} units={units} />
      <SkuFactsFieldset {...fieldsetProps} units={units} />
      <NotificationsFieldset enabled={base.notifications.enabled} onChange={(enabled) => void onNotifications(enabled)} />
      <h3>{t('options.settings.moreThresholds')}</h3>
      <ThresholdFieldsets base={base} errors={errors} setBase={setBase} units={units} />
      <SafetyBuffersFieldset {...fieldsetProps} />
      <AllocationWeightsFieldset {...fieldsetProps} />
      <HealthWeightsFieldset {...fieldsetProps} />

      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('options.settings.save')}
        </button>
        <span role="status">
          {notice === 'saved' && t('options.settings.saved')}
          {notice === 'denied' && t('options.settings.notificationsDenied')}
        </span>
        {notice === 'invalid' && <FieldError id="settings" error={t('options.settings.invalid')} />}
        {save.isError && <p role="alert">{errorText(t, save.error)}</p>}
      </div>
    </form>
  );
}
