/**
 * The import preview: what the chosen files would store (counts per report, each file's first
 * rows and problems), before anything is stored.
 */
import { countByReport, type FilePreview, type ImportProgress } from '@/lib/import/pipeline';
import { formatNumber, type MessageKey } from '@/lib/i18n';
import { importEn } from '@/lib/i18n/messages-import';
import { problemText } from '@/lib/reports';
import { useI18n } from '../language';
import { FeeFactDifferences } from './ImportFeeFacts';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * A registered report's name in the UI language (messages-import.ts names each), else its id.
 * @example reportName('amazon/orders', t) // '所有订单' in Chinese
 */
export function reportName(reportId: string, t: Translate): string {
  const key = `import.report.${reportId}`;
  return Object.prototype.hasOwnProperty.call(importEn, key) ? t(key as MessageKey) : reportId;
}

export function Preview({
  previews,
  resume,
  onConfirm,
  onCancel,
}: {
  previews: FilePreview[];
  /** An earlier import of the same files that stopped part-way: storing goes on from there. */
  resume: ImportProgress | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const rows = previews.reduce((n, p) => n + p.counts.listing + p.counts.order, 0);
  return (
    <section aria-labelledby="import-preview-heading" data-testid="import-preview">
      <h3 id="import-preview-heading">{t('options.import.preview')}</h3>
      <p>{t('options.import.nothingStored')}</p>
      <ReportCounts previews={previews} />
      {previews.map((p) => (
        <div key={p.name}>
          <h4>
            {p.name}
            {p.reportId ? ` — ${reportName(p.reportId, t)}` : ''}
          </h4>
          {p.marketplaces.length > 0 && (
            <p data-testid="import-marketplaces">
              {t(p.namesMarketplace ? 'options.import.namedMarketplaces' : 'options.import.marketplaces', {
                list: p.marketplaces.map((m) => `${m.marketplace} ${formatNumber(language, m.rows)}`).join(' · '),
              })}
            </p>
          )}
          {p.firstRows.length > 0 && <FirstRows preview={p} />}
          {(p.lineProblems.length > 0 || p.fileProblems.length > 0) && <Problems preview={p} />}
        </div>
      ))}
      <FeeFactDifferences previews={previews} />
      {rows === 0 && <p>{t('options.import.empty')}</p>}
      {resume && (
        <p role="status" data-testid="import-resume">
          {t('options.import.resume', { done: formatNumber(language, resume.rowsDone), total: formatNumber(language, resume.rowsTotal) })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={rows === 0} onClick={onConfirm}>
          {t('options.import.confirm', { count: formatNumber(language, rows) })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options.import.cancel')}
        </button>
      </div>
    </section>
  );
}

/** Files, listings, orders and lines with problems per report. */
function ReportCounts({ previews }: { previews: FilePreview[] }) {
  const { t, language } = useI18n();
  return (
    <table data-testid="import-counts">
      <thead>
        <tr>
          <th scope="col">{t('options.import.report')}</th>
          <th scope="col" className="num">
            {t('options.import.file')}
          </th>
          <th scope="col" className="num">
            {t('options.import.listings')}
          </th>
          <th scope="col" className="num">
            {t('options.import.orders')}
          </th>
          <th scope="col" className="num">
            {t('options.import.errors')}
          </th>
        </tr>
      </thead>
      <tbody>
        {countByReport(previews).map((c) => (
          <tr key={c.reportId ?? ''} data-report={c.reportId ?? 'unknown'}>
            <th scope="row">{c.reportId ? reportName(c.reportId, t) : t('options.import.unknownReport')}</th>
            <td className="num">{formatNumber(language, c.files)}</td>
            <td className="num" data-testid="count-listing">
              {formatNumber(language, c.listing)}
            </td>
            <td className="num" data-testid="count-order">
              {formatNumber(language, c.order)}
            </td>
            <td className="num" data-testid="count-errors">
              {formatNumber(language, c.linesWithProblems)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The first few rows of one file, so the seller can see the columns were read right. */
function FirstRows({ preview: p }: { preview: FilePreview }) {
  const { t, language } = useI18n();
  return (
    <table aria-label={`${t('options.import.firstRows')}: ${p.name}`}>
      <thead>
        <tr>
          <th scope="col">{t('options.import.kind')}</th>
          <th scope="col">SKU</th>
          <th scope="col">{t('options.export.column.name')}</th>
          <th scope="col" className="num">
            {t('options.products.units')}
          </th>
        </tr>
      </thead>
      <tbody>
        {p.firstRows.map((r, i) => (
          <tr key={i}>
            <td>{t(`options.import.kind.${r.kind}`)}</td>
            <td>{r.sku}</td>
            <td>{r.kind === 'listing' ? (r.title ?? '') : r.orderDate}</td>
            <td className="num">
              {r.kind === 'listing' ? (r.available === undefined ? t('common.none') : formatNumber(language, r.available)) : formatNumber(language, r.quantity)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One file's problems, file-wide ones first, each with the line it is about. */
function Problems({ preview: p }: { preview: FilePreview }) {
  const { t, language } = useI18n();
  const levelText = (level: 'error' | 'warning' | 'info') => t(`options.import.level.${level}`);
  return (
    <table aria-label={`${t('options.import.problems')}: ${p.name}`} data-testid="import-problems">
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('options.import.line')}
          </th>
          <th scope="col">{t('options.import.problems')}</th>
        </tr>
      </thead>
      <tbody>
        {[...p.fileProblems, ...p.lineProblems].map((d, i) => (
          <tr key={i} data-line={d.row ?? ''}>
            <td className="num">{typeof d.row === 'number' ? formatNumber(language, d.row) : t('common.none')}</td>
            <td>
              {levelText(d.level)}: {problemText(language, d)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
