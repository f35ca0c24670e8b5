import { useMutation } from '@tanstack/react-query';
import { UTF8_BOM } from '@/lib/export/csv';
import { rpc } from './runtime';
import { useI18n } from './language';

/** Saves text as a file through an <a download>, which needs no "downloads" permission. */
function saveText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Options() {
  const { t } = useI18n();
  const exportCsv = useMutation({
    mutationFn: () => rpc('export/listings-csv', {}),
    onSuccess: ({ csv }) => saveText(`stock-copilot-listings-${new Date().toISOString().slice(0, 10)}.csv`, UTF8_BOM + csv, 'text/csv;charset=utf-8'),
  });
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('options.export.heading')}</h2>
        <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
          {t('options.export.csv')}
        </button>
        {exportCsv.isSuccess && <p role="status">{t('options.export.done', { count: exportCsv.data.rowCount })}</p>}
        {exportCsv.isError && <p role="alert">{exportCsv.error.message}</p>}
      </section>
    </main>
  );
}
