/**
 * The one seller-account select of the popup's filters, the options page's export and its
 * import: the accounts pages have shown, the default account by its translated name. Shown
 * once a second account exists (with one account there is nothing to choose), or while a
 * choice other than "all" is set, so a stale choice can always be undone.
 */
import { useQuery } from '@tanstack/react-query';
import { accountLabel } from '@/lib/accounts/account-label';
import { useI18n } from './language';
import { rpc } from './runtime';

/**
 * The accounts pages have shown (one query shared by every user of it).
 * @example const accounts = useAccounts(); accounts.data?.accounts
 */
export function useAccounts(enabled = true) {
  return useQuery({ queryKey: ['accounts/list'], queryFn: () => rpc('accounts/list', {}), enabled });
}

export function AccountSelect({
  value,
  onChange,
  label,
  testId,
  allLabel,
  disabled = false,
  enabled = true,
}: {
  /** The chosen account id; '' = every account (only with `allLabel`). */
  value: string;
  onChange: (account: string) => void;
  label: string;
  testId: string;
  /** Offers "every account" as the first choice, with this text. */
  allLabel?: string;
  disabled?: boolean;
  /** False until the accounts may be asked for (the popup asks after its first rows). */
  enabled?: boolean;
}) {
  const { t } = useI18n();
  const accounts = useAccounts(enabled).data?.accounts ?? [];
  const stale = allLabel !== undefined && value !== '';
  if (accounts.length < 2 && !stale) return null;
  return (
    <label className="account-select">
      <span>{label}</span>
      <select value={value} data-testid={testId} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a, t('accounts.defaultName'))}
          </option>
        ))}
      </select>
    </label>
  );
}
