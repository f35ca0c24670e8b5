import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber, type MessageKey } from '@/lib/i18n';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { BackupButton, InterruptedRestoreNotice, RestoreField } from './BackupControls';
import { formatBytes, errorText } from './format';

/**
 * Asks the browser to keep the extension's data when disk space runs low (persist() exists only
 * on pages, not in the service worker); answers whether it will.
 */
async function askPersistentStorage(): Promise<boolean | null> {
  const storage = (globalThis as { navigator?: { storage?: { persist?: () => Promise<boolean> } } }).navigator?.storage;
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Backup, restore (BackupControls.tsx), delete everything, and what the store holds. */
export function DataSection() {
  const storage = useQuery({ queryKey: ['data/storage'], queryFn: () => rpc('data/storage', {}) });
  const persisted = useQuery({ queryKey: ['storage/persist'], queryFn: askPersistentStorage, staleTime: Infinity });
  return (
    <div>
      <InterruptedRestoreNotice />
      <BackupButton />
      <RestoreField />
      <DeleteAll />
      <StorageUse storage={storage.data} />
      <Persistence persisted={persisted.data} />
    </div>
  );
}

/** Every view shows stored data, so a restore or delete refreshes them all. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries();
}

/** Delete all data, behind a confirmation step. */
function DeleteAll() {
  const { t } = useI18n();
  const refresh = useRefreshAll();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => rpc('data/delete-all', { confirm: 'delete-all' }),
    onSuccess: () => {
      setConfirming(false);
      refresh();
    },
  });
  return (
    <div className="actions">
      {!confirming && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('options.data.delete')}
        </button>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="delete-confirm-text" className="confirm">
          <p id="delete-confirm-text">{t('options.data.deleteConfirm')}</p>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('options.data.deleteYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('options.import.cancel')}
          </button>
        </div>
      )}
      {remove.isSuccess && !confirming && <span role="status">{t('options.data.deleted')}</span>}
      {remove.isError && <p role="alert">{errorText(t, remove.error)}</p>}
    </div>
  );
}

/** Rows and approximate size per table, and the browser's own usage figure when it gives one. */
function StorageUse({ storage }: { storage: ResponseOf<'data/storage'> | undefined }) {
  const { t, language } = useI18n();
  return (
    <>
      <h3>{t('options.data.storage')}</h3>
      {storage && (
        <table data-testid="storage">
          <thead>
            <tr>
              <th scope="col">{t('options.data.table')}</th>
              <th scope="col" className="num">
                {t('options.data.rows')}
              </th>
              <th scope="col" className="num">
                {t('options.data.size')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(storage.tables).map(([name, s]) => (
              <tr key={name} data-table={name}>
                <th scope="row">{t(`options.data.table.${name}` as MessageKey)}</th>
                <td className="num">{formatNumber(language, s.rows)}</td>
                <td className="num">{formatBytes(language, s.approxBytes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('options.data.total')}</th>
              <td className="num" data-testid="storage-total-rows">
                {formatNumber(language, storage.totalRows)}
              </td>
              <td className="num">{formatBytes(language, storage.approxBytes)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {storage?.browser?.usage !== undefined && storage.browser.quota !== undefined && (
        <p>{t('options.data.browserUsage', { usage: formatBytes(language, storage.browser.usage), quota: formatBytes(language, storage.browser.quota) })}</p>
      )}
    </>
  );
}

/**
 * Says so when the browser promised to keep the data when the disk fills. Chromium answers no
 * to extension pages but never evicts an extension holding unlimitedStorage, so a "no" is not
 * shown as a warning.
 */
function Persistence({ persisted }: { persisted: boolean | null | undefined }) {
  const { t } = useI18n();
  return persisted ? <p data-testid="storage-persisted">{t('options.data.persisted')}</p> : null;
}
