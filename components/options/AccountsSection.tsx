import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BAND_FIELDS,
  fieldLabel,
  formOf,
  inheritedOf,
  LINE_FIELDS,
  lineHelp,
  NUMBER_FIELDS,
  overridesOf,
  problemText,
  type FieldProblem,
  type FormField,
  type OverridesForm,
} from '@/lib/accounts/overrides-form';
import { accountLabel } from '@/lib/accounts/account-label';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useAccounts } from '../AccountSelect';
import { AccountMerge } from './AccountMerge';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { FieldError } from './fields';

type Account = ResponseOf<'accounts/list'>['accounts'][number];

/** The seller accounts pages have shown, each with the settings it plans with instead of the global ones. */
export function AccountsSection() {
  const { t } = useI18n();
  const list = useAccounts();
  // The global settings: what each empty field inherits, shown beside it.
  const global = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  const inherited = global.data ? inheritedOf(global.data.settings) : undefined;
  return (
    <div>
      <p className="meta">{t('accounts.intro')}</p>
      {list.isError && <p role="alert">{errorText(t, list.error)}</p>}
      {(list.data?.accounts ?? []).map((account) => (
        <AccountSettings key={account.id} account={account} inherited={inherited} />
      ))}
      <AccountMerge accounts={list.data?.accounts ?? []} />
    </div>
  );
}

function AccountSettings({ account, inherited }: { account: Account; inherited: OverridesForm | undefined }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OverridesForm>(() => formOf(account.overrides));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: async () => {
      const result = overridesOf(form, account.overrides);
      if (!result.ok) {
        setProblems(result.problems);
        throw new Error(result.problems.map((p) => problemText(language, p)).join('; '));
      }
      setProblems([]);
      await rpc('accounts/save-overrides', { account: account.id, overrides: result.overrides });
    },
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  const errorOf = (f: FormField) => {
    const text = problems.filter((p) => p.field === f).map((p) => problemText(language, p));
    return text.length > 0 ? { error: text.join(' ') } : {};
  };
  const idOf = (f: FormField) => `account-${account.id}-${f}`;
  const inheritedText = (f: FormField) => (inherited?.[f] ? t('accounts.inherited', { value: inherited[f] }) : t('accounts.inheritedNone'));
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
      {[...NUMBER_FIELDS, ...BAND_FIELDS].map((f) => (
        <label key={f} htmlFor={idOf(f)}>
          <span>{fieldLabel(language, f)}</span>
          <input
            id={idOf(f)}
            inputMode="decimal"
            value={form[f]}
            placeholder={inherited?.[f] ?? ''}
            aria-invalid={problems.some((p) => p.field === f)}
            onChange={(e) => setForm({ ...form, [f]: e.target.value })}
          />
          <span className="meta" data-testid="inherited">
            {inheritedText(f)}
          </span>
          <FieldError id={idOf(f)} {...errorOf(f)} />
        </label>
      ))}
      {LINE_FIELDS.map((f) => (
        <label key={f} htmlFor={idOf(f)}>
          <span>{fieldLabel(language, f)}</span>
          <textarea
            id={idOf(f)}
            rows={3}
            value={form[f]}
            aria-invalid={problems.some((p) => p.field === f)}
            onChange={(e) => setForm({ ...form, [f]: e.target.value })}
          />
          <span className="meta">{lineHelp(language, f)}</span>
          <span className="meta" data-testid="inherited">
            {inherited?.[f] ? t('accounts.inherited', { value: inherited[f].replace(/\n/g, '; ') }) : t('accounts.inheritedNone')}
          </span>
          <FieldError id={idOf(f)} {...errorOf(f)} />
        </label>
      ))}
      <div className="actions">
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
          {t('accounts.save')}
        </button>
      </div>
      {save.isSuccess && <p role="status">{t('accounts.saved')}</p>}
      {save.isError && problems.length === 0 && <p role="alert">{errorText(t, save.error)}</p>}
    </fieldset>
  );
}
