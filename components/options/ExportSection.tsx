import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { reportOfAccount } from '@/lib/accounts/report';
import { mergedJson, mergedSheets, mergedTable, toCsv, toXlsx, UTF8_BOM } from '@/lib/export';
import { formatNumber } from '@/lib/i18n';
import { AccountSelect } from '../AccountSelect';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { datedName, errorText, saveFile } from './format';

type Format = 'csv' | 'xlsx' | 'json';

export function ExportSection() {
  const { t, language } = useI18n();
  // One seller account or all ('' = all; the choice shows once a second account was seen).
  const [account, setAccount] = useState('');
  const listingsCsv = useMutation({
    mutationFn: () => rpc('export/listings-csv', account ? { account } : {}),
    onSuccess: ({ csv }) => saveFile(datedName('stock-copilot-listings', 'csv'), UTF8_BOM + csv, 'text/csv;charset=utf-8'),
  });
  const merged = useMutation({
    mutationFn: async (format: Format) => {
      const whole = await rpc('export/merged', {});
      const report = account ? reportOfAccount(whole, account) : whole;
      const table = mergedTable(report, language);
      if (format === 'csv') saveFile(datedName('stock-copilot-report', 'csv'), UTF8_BOM + toCsv(table.header, table.rows), 'text/csv;charset=utf-8');
      if (format === 'xlsx') {
        const bytes = toXlsx(mergedSheets(report, language));
        saveFile(
          datedName('stock-copilot-report', 'xlsx'),
          bytes as Uint8Array<ArrayBuffer>,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
      }
      if (format === 'json') saveFile(datedName('stock-copilot-report', 'json'), mergedJson(report, language), 'application/json');
      return table.rows.length;
    },
  });
  return (
    <div>
      <AccountSelect value={account} onChange={setAccount} label={t('accounts.filter')} allLabel={t('accounts.all')} testId="export-account" />
      <h3>{t('options.export.merged')}</h3>
      <p className="meta">{t('options.export.mergedNote')}</p>
      <div className="actions">
        <button type="button" disabled={merged.isPending} onClick={() => merged.mutate('csv')}>
          {t('options.export.mergedCsv')}
        </button>
        <button type="button" disabled={merged.isPending} onClick={() => merged.mutate('xlsx')}>
          {t('options.export.xlsx')}
        </button>
        <button type="button" disabled={merged.isPending} onClick={() => merged.mutate('json')}>
          {t('options.export.json')}
        </button>
      </div>
      {merged.isSuccess && <p role="status">{t('options.export.done', { count: formatNumber(language, merged.data) })}</p>}
      {merged.isError && <p role="alert">{errorText(t, merged.error)}</p>}
      <div className="actions">
        <button type="button" onClick={() => listingsCsv.mutate()} disabled={listingsCsv.isPending}>
          {t('options.export.csv')}
        </button>
      </div>
      {listingsCsv.isSuccess && <p role="status">{t('options.export.done', { count: formatNumber(language, listingsCsv.data.rowCount) })}</p>}
      {listingsCsv.isError && <p role="alert">{errorText(t, listingsCsv.error)}</p>}
    </div>
  );
}
