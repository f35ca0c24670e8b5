import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FORM_FIELDS, formOf, overridesOf, type FormField, type OverridesForm } from '@/lib/accounts/overrides-form';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { FieldError } from './fields';
import { accountLabel } from '../../lib/accounts/registry';

type Account = ResponseOf<'accounts/list'>['accounts'][number];

const LABELS = {
  targetCoverDays: 'accounts.targetCoverDays',
  serviceLevel: 'accounts.serviceLevel',
  defaultMoq: 'accounts.defaultMoq',
  defaultCasePack: 'accounts.defaultCasePack',
} as const satisfies Record<FormField, string>;

/** The seller accounts pages have shown, each with the settings it plans with instead of the global ones. */
export function AccountsSection() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['accounts/list'], queryFn: () => rpc('accounts/list', {}) });
  return (
    <div>
      <p className="meta">{t('accounts.intro')}</p>
      {list.isError && <p role="alert">{t('options.error', { message: list.error.message })}</p>}
      {(list.data?.accounts ?? []).map((account) => (
        <AccountSettings key={account.id} account={account} />
      ))}
    </div>
  );
}

function AccountSettings({ account }: { account: Account }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OverridesForm>(() => formOf(account.overrides));
  const [invalid, setInvalid] = useState<FormField[]>([]);
  const save = useMutation({
    mutationFn: async () => {
      const result = overridesOf(form, account.overrides);
      if (!result.ok) {
        setInvalid(result.invalid);
        throw new Error(result.invalid.map((f) => t('accounts.invalid', { field: t(LABELS[f]) })).join('; '));
      }
      setInvalid([]);
      await rpc('accounts/save-overrides', { account: account.id, overrides: result.overrides });
    },
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  const idOf = (f: FormField) => `account-${account.id}-${f}`;
  return (
    <fieldset data-testid="account" data-account={account.id}>
      <legend>
        {accountLabel(account, t('accounts.defaultName'))}
        {account.id === 'default' ? ` (${t('accounts.default')})` : ''}
        {account.platforms.length ? ` · ${account.platforms.map((p) => t(`platform.${p}`)).join(', ')}` : ''}
      </legend>
      <p className="meta">
        {t('accounts.overrides')}: {t('accounts.overridesNote')}
      </p>
      {FORM_FIELDS.map((f) => (
        <label key={f} htmlFor={idOf(f)}>
          <span>{t(LABELS[f])}</span>
          <input
            id={idOf(f)}
            inputMode="decimal"
            value={form[f]}
            aria-invalid={invalid.includes(f)}
            onChange={(e) => setForm({ ...form, [f]: e.target.value })}
          />
          <FieldError id={idOf(f)} {...(invalid.includes(f) ? { error: t('accounts.invalid', { field: t(LABELS[f]) }) } : {})} />
        </label>
      ))}
      <div className="actions">
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
          {t('accounts.save')}
        </button>
      </div>
      {save.isSuccess && <p role="status">{t('accounts.saved')}</p>}
      {save.isError && invalid.length === 0 && <p role="alert">{t('options.error', { message: save.error.message })}</p>}
    </fieldset>
  );
}
