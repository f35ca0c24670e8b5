import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commitRows, countByReport, readReportFile, type CommitTotals, type FilePreview } from '@/lib/import/pipeline';
import { formatNumber } from '@/lib/i18n';
import { MARKETPLACES } from '@/lib/locale/markets';
import { IMPORT_BATCH_ROWS } from '@/lib/messaging/protocol-options';
import type { Observation } from '@/lib/records';
import { useI18n } from '../language';
import { rpc } from '../runtime';

const PREVIEW_ROWS = 5;

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; fraction: number }
  | { kind: 'preview'; previews: FilePreview[] }
  | { kind: 'storing'; done: number; total: number }
  | { kind: 'done'; totals: CommitTotals }
  | { kind: 'error'; message: string };

export function ImportSection() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [marketplace, setMarketplace] = useState('amazon.com');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const busy = stage.kind === 'reading' || stage.kind === 'storing';

  const read = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    try {
      const previews: FilePreview[] = [];
      for (const file of files) {
        setStage({ kind: 'reading', name: file.name, fraction: 0 });
        previews.push(await readReportFile(file, { marketplace, now: new Date() }, {
          onProgress: (read, total) => setStage({ kind: 'reading', name: file.name, fraction: total ? read / total : 1 }),
        }));
      }
      setStage({ kind: 'preview', previews });
    } catch (error) {
      setStage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const confirm = async (rows: Observation[]) => {
    setStage({ kind: 'storing', done: 0, total: rows.length });
    try {
      const totals = await commitRows(rows, (batch) => rpc('import/commit', batch), {
        batchSize: IMPORT_BATCH_ROWS,
        onProgress: (done, total) => setStage({ kind: 'storing', done, total }),
      });
      setStage({ kind: 'done', totals });
      void queryClient.invalidateQueries();
    } catch (error) {
      setStage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const levelText = (level: 'error' | 'warning' | 'info') => t(`options.import.level.${level}`);
  return (
    <div>
      <div className="field">
        <label htmlFor="import-marketplace">{t('options.import.marketplace')}</label>
        <select id="import-marketplace" value={marketplace} disabled={busy} onChange={(e) => setMarketplace(e.target.value)}>
          {MARKETPLACES.map((m) => <option key={m.id} value={m.id}>{m.id}</option>)}
        </select>
      </div>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void read([...e.dataTransfer.files]); }}
      >
        <span>{t('options.import.drop')}</span>{' '}
        <label htmlFor="import-files" className="button-like">{t('options.import.choose')}</label>
        <input id="import-files" className="visually-hidden-file" type="file" multiple accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" disabled={busy}
          onChange={(e) => { void read([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </div>

      {stage.kind === 'reading' && (
        <div>
          <label htmlFor="import-progress">{t('options.import.progress', { name: stage.name })}</label>{' '}
          <progress id="import-progress" max={1} value={stage.fraction} />
        </div>
      )}

      {stage.kind === 'preview' && <Preview previews={stage.previews} onConfirm={confirm} onCancel={() => setStage({ kind: 'idle' })} levelText={levelText} />}

      {stage.kind === 'storing' && (
        <div>
          <label htmlFor="import-store-progress">{t('options.import.storing', { done: formatNumber(language, stage.done), total: formatNumber(language, stage.total) })}</label>{' '}
          <progress id="import-store-progress" max={Math.max(1, stage.total)} value={stage.done} />
        </div>
      )}
      {stage.kind === 'done' && (
        <p role="status" data-testid="import-done">
          {t('options.import.done', { stored: formatNumber(language, stage.totals.stored), newListings: formatNumber(language, stage.totals.newListings), rejected: formatNumber(language, stage.totals.rejected) })}
        </p>
      )}
      {stage.kind === 'error' && <p role="alert">{t('options.error', { message: stage.message })}</p>}
    </div>
  );
}

function Preview({ previews, onConfirm, onCancel, levelText }: {
  previews: FilePreview[]; onConfirm: (rows: Observation[]) => void; onCancel: () => void; levelText: (l: 'error' | 'warning' | 'info') => string;
}) {
  const { t, language } = useI18n();
  const rows = previews.flatMap((p) => p.rows);
  const counts = countByReport(previews);
  return (
    <section aria-labelledby="import-preview-heading" data-testid="import-preview">
      <h3 id="import-preview-heading">{t('options.import.preview')}</h3>
      <p>{t('options.import.nothingStored')}</p>
      <table data-testid="import-counts">
        <thead>
          <tr>
            <th scope="col">{t('options.import.report')}</th>
            <th scope="col" className="num">{t('options.import.file')}</th>
            <th scope="col" className="num">{t('options.import.listings')}</th>
            <th scope="col" className="num">{t('options.import.orders')}</th>
            <th scope="col" className="num">{t('options.import.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.reportId ?? ''} data-report={c.reportId ?? 'unknown'}>
              <th scope="row">{c.reportId ?? t('options.import.unknownReport')}</th>
              <td className="num">{formatNumber(language, c.files)}</td>
              <td className="num" data-testid="count-listing">{formatNumber(language, c.listing)}</td>
              <td className="num" data-testid="count-order">{formatNumber(language, c.order)}</td>
              <td className="num" data-testid="count-errors">{formatNumber(language, c.linesWithProblems)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {previews.map((p) => (
        <div key={p.name}>
          <h4>{p.name}{p.reportTitle ? ` — ${p.reportTitle}` : ''}</h4>
          {p.rows.length > 0 && (
            <table aria-label={`${t('options.import.firstRows')}: ${p.name}`}>
              <thead>
                <tr>
                  <th scope="col">{t('options.import.kind')}</th>
                  <th scope="col">SKU</th>
                  <th scope="col">{t('options.export.column.name')}</th>
                  <th scope="col" className="num">{t('options.products.units')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
                  <tr key={i}>
                    <td>{t(`options.import.kind.${r.kind}`)}</td>
                    <td>{r.sku}</td>
                    <td>{r.kind === 'listing' ? r.title ?? '' : r.orderDate}</td>
                    <td className="num">{r.kind === 'listing' ? (r.available === undefined ? t('common.none') : formatNumber(language, r.available)) : formatNumber(language, r.quantity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(p.lineProblems.length > 0 || p.fileProblems.length > 0) && (
            <table aria-label={`${t('options.import.problems')}: ${p.name}`} data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('options.import.line')}</th>
                  <th scope="col">{t('options.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {[...p.fileProblems, ...p.lineProblems].map((d, i) => (
                  <tr key={i} data-line={d.row ?? ''}>
                    <td className="num">{typeof d.row === 'number' ? formatNumber(language, d.row) : t('common.none')}</td>
                    <td>{levelText(d.level)}: {d.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {rows.length === 0 && <p>{t('options.import.empty')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={rows.length === 0} onClick={() => onConfirm(rows)}>
          {t('options.import.confirm', { count: formatNumber(language, rows.length) })}
        </button>
        <button type="button" onClick={onCancel}>{t('options.import.cancel')}</button>
      </div>
    </section>
  );
}
