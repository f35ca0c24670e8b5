import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accountLabel } from '@/lib/accounts/account-label';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { isStorageFull } from '@/lib/messaging/rpc';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { errorText } from './format';

type Account = ResponseOf<'accounts/list'>['accounts'][number];
type Counts = ResponseOf<'accounts/merge'>['counts'];

/**
 * "Merge account X into Y": the seller picks two accounts, sees how much would move, and
 * confirms; nothing changes before the confirmation.
 */
export function AccountMerge({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const [pending, setPending] = useState<{ from: string; into: string; counts: Counts } | undefined>();
  const nameOf = (id: string) => {
    const account = accounts.find((a) => a.id === id);
    return account ? accountLabel(account, t('accounts.defaultName')) : id;
  };
  const check = useMutation({
    mutationFn: async () => ({ from, into, counts: (await rpc('accounts/merge', { from, into, confirm: false })).counts }),
    onSuccess: setPending,
  });
  const merge = useMutation({
    // Returns the names as they were: the merged-away account is gone from the list afterwards.
    mutationFn: async (chosen: { from: string; into: string }) => {
      const names = { from: nameOf(chosen.from), into: nameOf(chosen.into) };
      await rpc('accounts/merge', { ...chosen, confirm: true });
      return names;
    },
    onSuccess: () => {
      setPending(undefined);
      setFrom('');
      setInto('');
      void queryClient.invalidateQueries();
    },
  });
  // Shown while there is something to merge, and after a merge until its result is read.
  if (accounts.length < 2 && !merge.isSuccess) return null;
  const same = from !== '' && from === into;
  const error = check.error ?? merge.error;
  const choose = (set: (id: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    setPending(undefined);
    check.reset();
    merge.reset();
  };
  return (
    <fieldset data-testid="account-merge">
      <legend>{t('accounts.mergeHeading')}</legend>
      <p className="meta">{t('accounts.mergeNote')}</p>
      <AccountChoice id="account-merge-from" label={t('accounts.mergeFrom')} value={from} accounts={accounts} nameOf={nameOf} onChange={choose(setFrom)} />
      <AccountChoice id="account-merge-into" label={t('accounts.mergeInto')} value={into} accounts={accounts} nameOf={nameOf} onChange={choose(setInto)} />
      {same && <p role="alert">{t('accounts.mergeSame')}</p>}
      <div className="actions">
        <button type="button" disabled={!from || !into || same || check.isPending} onClick={() => check.mutate()}>
          {t('accounts.mergeCheck')}
        </button>
      </div>
      {pending && (
        <MergeConfirm
          text={t('accounts.mergeConfirmText', { ...pending.counts, from: nameOf(pending.from), into: nameOf(pending.into) })}
          busy={merge.isPending}
          onConfirm={() => merge.mutate({ from: pending.from, into: pending.into })}
          onCancel={() => setPending(undefined)}
        />
      )}
      {merge.isSuccess && <p role="status">{t('accounts.merged', merge.data)}</p>}
      {error && <p role="alert">{isStorageFull(error) ? t('accounts.mergeStorageFull') : errorText(t, error)}</p>}
    </fieldset>
  );
}

/** The confirm step: what the merge moves, and the buttons to merge or not. */
function MergeConfirm(props: { text: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div role="group" data-testid="account-merge-confirm">
      <p>{props.text}</p>
      <div className="actions">
        <button type="button" disabled={props.busy} onClick={props.onConfirm}>
          {t('accounts.mergeConfirm')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('accounts.mergeCancel')}
        </button>
      </div>
    </div>
  );
}

function AccountChoice(props: {
  id: string;
  label: string;
  value: string;
  accounts: readonly Account[];
  nameOf: (id: string) => string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  return (
    <label htmlFor={props.id}>
      <span>{props.label}</span>
      <select id={props.id} value={props.value} onChange={props.onChange}>
        <option value="" />
        {props.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {props.nameOf(a.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
