import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commitFiles, readReportFile, resumableImport, type CommitTotals, type FilePreview, type ImportProgress } from '@/lib/import/pipeline';
import { formatNumber } from '@/lib/i18n';
import { MARKETPLACES } from '@/lib/locale/markets';
import { IMPORT_BATCH_ROWS } from '@/lib/messaging/protocol-options';
import { isStorageFull } from '@/lib/messaging/rpc';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { importJournal } from './import-journal';
import { Preview } from './ImportPreview';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; fraction: number }
  | { kind: 'preview'; previews: FilePreview[]; files: File[]; now: Date; resume: ImportProgress | undefined }
  | { kind: 'storing'; done: number; total: number }
  | { kind: 'done'; totals: CommitTotals }
  | { kind: 'error'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The sales period a Business Report covers (its file has no dates); '' until chosen. */
interface SalesPeriod {
  from: string;
  to: string;
}

export function ImportSection() {
  const [marketplace, setMarketplace] = useState('amazon.com');
  const [period, setPeriod] = useState<SalesPeriod>({ from: '', to: '' });
  const { stage, busy, read, confirm, cancel } = useImport(marketplace, period);
  return (
    <div>
      {stage.kind === 'idle' && <Interrupted />}
      <FileSource marketplace={marketplace} onMarketplace={setMarketplace} busy={busy} onFiles={(files) => void read(files)} />
      <PeriodFields period={period} onPeriod={setPeriod} busy={busy} />
      <StageView stage={stage} onConfirm={confirm} onCancel={cancel} />
    </div>
  );
}

/**
 * The import's steps: read the files into a preview (nothing stored yet), then store the rows
 * the seller confirmed, with progress for both.
 */
/** The SKUs stored under each ASIN of the marketplace: a report without a SKU column is joined through them. */
async function knownSkusByAsin(marketplace: string): Promise<Map<string, string[]>> {
  const { pairs } = await rpc('listings/sku-by-asin', { marketplace });
  const map = new Map<string, string[]>();
  for (const { asin, sku } of pairs) map.set(asin, [...(map.get(asin) ?? []), sku]);
  return map;
}

function useImport(marketplace: string, period: SalesPeriod) {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const busy = stage.kind === 'reading' || stage.kind === 'storing';

  // The same options for the preview and the storing pass, so both read the same rows.
  const [readOptions, setReadOptions] = useState<Parameters<typeof readReportFile>[1]>();

  const read = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    try {
      const previews: FilePreview[] = [];
      const now = new Date();
      // Only reports without dates (Business Reports) use the period; none chosen: they ask for it.
      const options = { marketplace, now, skuByAsin: await knownSkusByAsin(marketplace), ...(period.from || period.to ? { dateRange: period } : {}) };
      setReadOptions(options);
      for (const file of files) {
        setStage({ kind: 'reading', name: file.name, fraction: 0 });
        previews.push(
          await readReportFile(file, options, {
            onProgress: (read, total) => setStage({ kind: 'reading', name: file.name, fraction: total ? read / total : 1 }),
          }),
        );
      }
      setStage({ kind: 'preview', previews, files, now, resume: resumableImport(importJournal.load(), files) });
    } catch (error) {
      setStage({ kind: 'error', message: messageOf(error) });
    }
  };

  const confirm = async () => {
    if (stage.kind !== 'preview' || !readOptions) return;
    const total = stage.previews.reduce((n, p) => n + p.counts.listing + p.counts.order, 0);
    const { files, resume } = stage;
    setStage({ kind: 'storing', done: resume?.rowsDone ?? 0, total });
    try {
      const totals = await commitFiles(files, readOptions, {
        batchSize: IMPORT_BATCH_ROWS,
        rowsTotal: total,
        send: (batch) => rpc('import/commit', batch),
        journal: importJournal,
        ...(resume ? { resume } : {}),
        onProgress: (done) => setStage({ kind: 'storing', done, total }),
      });
      setStage({ kind: 'done', totals });
      void queryClient.invalidateQueries();
    } catch (error) {
      setStage({ kind: 'error', message: messageOf(error) });
    }
  };

  return { stage, busy, read, confirm, cancel: () => setStage({ kind: 'idle' }) };
}

/** The marketplace the files are for, and the drop zone / file picker. */
function FileSource({
  marketplace,
  onMarketplace,
  busy,
  onFiles,
}: {
  marketplace: string;
  onMarketplace: (id: string) => void;
  busy: boolean;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  return (
    <>
      <div className="field">
        <label htmlFor="import-marketplace">{t('options.import.marketplace')}</label>
        <select id="import-marketplace" value={marketplace} disabled={busy} onChange={(e) => onMarketplace(e.target.value)}>
          {MARKETPLACES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
            </option>
          ))}
        </select>
      </div>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles([...e.dataTransfer.files]);
        }}
      >
        <span>{t('options.import.drop')}</span>{' '}
        <label htmlFor="import-files" className="button-like">
          {t('options.import.choose')}
        </label>
        <input
          id="import-files"
          className="visually-hidden-file"
          type="file"
          multiple
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          disabled={busy}
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
    </>
  );
}

/** First and last day of the sales period, for Business Reports (whose files carry no dates). */
function PeriodFields({ period, onPeriod, busy }: { period: SalesPeriod; onPeriod: (p: SalesPeriod) => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="field">
      <legend>{t('options.import.range')}</legend>
      <label htmlFor="import-range-from">{t('options.import.rangeFrom')}</label>{' '}
      <input id="import-range-from" type="date" value={period.from} disabled={busy} onChange={(e) => onPeriod({ ...period, from: e.target.value })} />{' '}
      <label htmlFor="import-range-to">{t('options.import.rangeTo')}</label>{' '}
      <input id="import-range-to" type="date" value={period.to} disabled={busy} onChange={(e) => onPeriod({ ...period, to: e.target.value })} />
    </fieldset>
  );
}

/** Progress, preview, outcome or error of the current step. */
function StageView({ stage, onConfirm, onCancel }: { stage: Stage; onConfirm: () => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  switch (stage.kind) {
    case 'reading':
      // Keyed, so the reading and storing progress never share one element.
      return (
        <div key="reading">
          <label htmlFor="import-progress">{t('options.import.progress', { name: stage.name })}</label>{' '}
          <progress id="import-progress" max={1} value={stage.fraction} />
        </div>
      );
    case 'preview':
      return <Preview previews={stage.previews} resume={stage.resume} onConfirm={onConfirm} onCancel={onCancel} />;
    case 'storing':
      return (
        <div key="storing">
          <label htmlFor="import-store-progress">
            {t('options.import.storing', { done: formatNumber(language, stage.done), total: formatNumber(language, stage.total) })}
          </label>{' '}
          <progress id="import-store-progress" max={Math.max(1, stage.total)} value={stage.done} />
        </div>
      );
    case 'done':
      return (
        <p role="status" data-testid="import-done">
          {t('options.import.done', {
            stored: formatNumber(language, stage.totals.stored),
            newListings: formatNumber(language, stage.totals.newListings),
            rejected: formatNumber(language, stage.totals.rejected),
          })}
        </p>
      );
    case 'error':
      // A full disk says what to do, in the seller's language (lib/i18n/messages-backup.ts).
      return <p role="alert">{isStorageFull({ message: stage.message }) ? t('backup.importStorageFull') : t('options.error', { message: stage.message })}</p>;
    default:
      return null;
  }
}

/** An import that stopped before its last batch (the page was closed): how to finish it. */
function Interrupted() {
  const { t, language } = useI18n();
  const progress = importJournal.load();
  if (!progress) return null;
  return (
    <p role="status" data-testid="import-interrupted">
      {t('options.import.interrupted', {
        files: progress.files.map((f) => f.split('|')[0]).join(', '),
        done: formatNumber(language, progress.rowsDone),
        total: formatNumber(language, progress.rowsTotal),
      })}
    </p>
  );
}
