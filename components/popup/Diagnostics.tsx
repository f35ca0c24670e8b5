import { useQuery } from '@tanstack/react-query';
import { diagnosticText, pageTypeName } from '@/lib/content/codes';
import { formatTime } from '@/lib/i18n';
import { useI18n } from '../language';
import { rpc } from '../runtime';

/** Reading problems of the latest reading of each page type, shown only when there are some. */
export function Diagnostics() {
  const { t, language } = useI18n();
  const recent = useQuery({ queryKey: ['diagnostics/recent'], queryFn: () => rpc('diagnostics/recent', {}) });
  const pages = (recent.data?.pages ?? []).filter((p) => p.diagnostics.length > 0);
  if (pages.length === 0) return null;
  return (
    <details className="diagnostics" data-testid="diagnostics" open={pages.some((p) => p.diagnostics.some((d) => d.level === 'error'))}>
      <summary>
        {t('popup.diagnostics')} ({pages.reduce((n, p) => n + p.diagnostics.length, 0)})
      </summary>
      {pages.map((page) => (
        <div key={page.adapterId}>
          <h2>
            {t('popup.diagnostics.page', {
              pageType: pageTypeName(language, page.adapterId),
              time: formatTime(language, page.readAt),
            })}
          </h2>
          <ul>
            {page.diagnostics.slice(0, 10).map((d, i) => (
              <li key={i} data-level={d.level}>
                {diagnosticText(language, d)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
