import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  commitStaged,
  createStager,
  readReportFile,
  resumableImport,
  type CommitTotals,
  type FilePreview,
  type ImportProgress,
  type StagedImport,
} from '@/lib/import/pipeline';
import { formatNumber } from '@/lib/i18n';
import { importAccountDefault } from '@/lib/accounts/registry';
import { MARKETPLACES, marketplaceById } from '@/lib/locale/markets';
import { IMPORT_BATCH_ROWS } from '@/lib/messaging/protocol-options';
import { isStorageFull } from '@/lib/messaging/rpc';
import { DEFAULT_ACCOUNT, type Platform } from '@/lib/records';
import { AccountSelect, useAccounts } from '../AccountSelect';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { importJournal } from './import-journal';
import { Preview } from './ImportPreview';
import { errorText } from './format';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; fraction: number }
  | { kind: 'preview'; previews: FilePreview[]; files: File[]; staged: StagedImport; now: Date; resume: ImportProgress | undefined }
  | { kind: 'storing'; done: number; total: number }
  | { kind: 'done'; totals: CommitTotals }
  | { kind: 'error'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The sales period a Business Report covers (its file has no dates); '' until chosen. */
interface SalesPeriod {
  from: string;
  to: string;
}

/** What the seller chose for the files: each read and the storing pass use the same. */
interface ImportChoices {
  marketplace: string;
  period: SalesPeriod;
  /** The seller account the files go to. */
  account: string;
}

export function ImportSection() {
  const [marketplace, setMarketplace] = useState('amazon.com');
  const [period, setPeriod] = useState<SalesPeriod>({ from: '', to: '' });
  // The account the seller picked; until then the one suggested for the files' platform.
  const [pickedAccount, setPickedAccount] = useState<string>();
  const accounts = useAccounts();
  const { stage, busy, read, confirm, cancel } = useImport();
  const previews = stage.kind === 'preview' ? stage.previews : [];
  const platform = previews.find((p) => p.platform)?.platform ?? marketplaceById(marketplace)?.platform;
  // The seller host of the marketplace the files name (else the one chosen) breaks the tie for old account documents.
  const host = marketplaceById(previews[0]?.marketplaces[0]?.marketplace ?? marketplace)?.host;
  const suggested = accounts.data ? importAccountDefault(accounts.data, platform, host) : DEFAULT_ACCOUNT;
  // An import that goes on from a stored batch stays in the account its batches went to.
  const resumed = stage.kind === 'preview' && stage.resume ? (stage.resume.account ?? DEFAULT_ACCOUNT) : undefined;
  const choices: ImportChoices = { marketplace, period, account: resumed ?? pickedAccount ?? suggested };
  // A change while the preview shows reads the files again, so the preview is what gets stored.
  const change = (next: Partial<ImportChoices>) => {
    if (stage.kind === 'preview') void read(stage.files, { ...choices, ...next });
  };
  // The files name each row's marketplace (All Orders' sales-channel): nothing to choose.
  const marketplaceNamed = previews.length > 0 && previews.every((p) => p.namesMarketplace);
  return (
    <div>
      {stage.kind === 'idle' && <Interrupted />}
      <ImportAccount
        account={choices.account}
        platform={platform}
        busy={busy || resumed !== undefined}
        onAccount={(account) => {
          setPickedAccount(account);
          change({ account });
        }}
      />
      <FileSource
        marketplace={marketplaceNamed ? undefined : marketplace}
        onMarketplace={(id) => {
          setMarketplace(id);
          change({ marketplace: id });
        }}
        busy={busy}
        onFiles={(files) => void read(files, choices)}
      />
      <PeriodFields
        period={period}
        onPeriod={(next) => {
          setPeriod(next);
          change({ period: next });
        }}
        busy={busy}
      />
      <StageView stage={stage} onConfirm={() => void confirm(choices.account)} onCancel={cancel} />
    </div>
  );
}

/** The seller account the files go to (shown once a second account exists), and why it is suggested. */
function ImportAccount({
  account,
  platform,
  busy,
  onAccount,
}: {
  account: string;
  platform: Platform | undefined;
  busy: boolean;
  onAccount: (id: string) => void;
}) {
  const { t } = useI18n();
  const several = (useAccounts().data?.accounts.length ?? 0) > 1;
  return (
    <div className="field">
      <AccountSelect value={account} onChange={onAccount} label={t('accounts.importAccount')} testId="import-account" disabled={busy} />
      {several && platform && <p className="meta">{t('accounts.importAccountNote', { platform: t(`platform.${platform}`) })}</p>}
    </div>
  );
}

/** The SKUs one account stores under each ASIN of the marketplace: a report without a SKU column is joined through them. */
async function knownSkusByAsin(marketplace: string, account: string): Promise<Map<string, string[]>> {
  const { pairs } = await rpc('listings/sku-by-asin', { marketplace, account });
  const map = new Map<string, string[]>();
  for (const { asin, sku } of pairs) map.set(asin, [...(map.get(asin) ?? []), sku]);
  return map;
}

/**
 * The import's steps: read the files into a preview (nothing stored yet, the rows kept packed),
 * then store the rows the seller confirmed, with progress for both.
 */
function useImport() {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const busy = stage.kind === 'reading' || stage.kind === 'storing';

  const read = async (files: File[], { marketplace, period, account }: ImportChoices) => {
    if (files.length === 0 || busy) return;
    try {
      const previews: FilePreview[] = [];
      const now = new Date();
      // Only reports without dates (Business Reports) use the period; none chosen: they ask for it.
      const options = { marketplace, now, skuByAsin: await knownSkusByAsin(marketplace, account), ...(period.from || period.to ? { dateRange: period } : {}) };
      // The preview's rows are what gets stored: the storing pass does not read the files again.
      const stager = createStager(IMPORT_BATCH_ROWS);
      for (const file of files) {
        setStage({ kind: 'reading', name: file.name, fraction: 0 });
        previews.push(
          await readReportFile(file, options, {
            stage: stager,
            onProgress: (read, total) => setStage({ kind: 'reading', name: file.name, fraction: total ? read / total : 1 }),
          }),
        );
      }
      setStage({ kind: 'preview', previews, files, staged: stager.finish(), now, resume: resumableImport(importJournal.load(), files) });
    } catch (error) {
      setStage({ kind: 'error', message: messageOf(error) });
    }
  };

  const confirm = async (account: string) => {
    if (stage.kind !== 'preview') return;
    const { files, staged, resume } = stage;
    const total = staged.rows;
    setStage({ kind: 'storing', done: resume?.rowsDone ?? 0, total });
    try {
      const totals = await commitStaged(staged, {
        files,
        account,
        send: (batch) => rpc('import/commit-packed', batch),
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

/**
 * The marketplace of files that do not name theirs (hidden once the chosen files name every
 * row's: `marketplace` undefined), and the drop zone / file picker.
 */
function FileSource({
  marketplace,
  onMarketplace,
  busy,
  onFiles,
}: {
  marketplace: string | undefined;
  onMarketplace: (id: string) => void;
  busy: boolean;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  return (
    <>
      {marketplace !== undefined && (
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
      )}
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
      return <p role="alert">{isStorageFull({ message: stage.message }) ? t('backup.importStorageFull') : errorText(t, new Error(stage.message))}</p>;
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
