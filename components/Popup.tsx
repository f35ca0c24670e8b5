import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { formatDate, formatNumber } from '@/lib/i18n';
import { urgencyOf } from '@/lib/content/panel-view';
import { rpc } from './runtime';
import { useI18n } from './language';

export function Popup() {
  const { t, language } = useI18n();
  const atRisk = useQuery({ queryKey: ['skus/at-risk'], queryFn: () => rpc('skus/at-risk', { limit: 500 }) });

  return (
    <main className="popup">
      <header>
        <h1>{t('popup.title')}</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </header>
      {atRisk.isPending && <p role="status">{t('popup.loading')}</p>}
      {atRisk.isError && <p role="alert">{t('popup.error', { message: atRisk.error.message })}</p>}
      {atRisk.data && atRisk.data.items.length === 0 && <p className="empty">{t('popup.empty')}</p>}
      {atRisk.data && atRisk.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('popup.column.sku')}</th>
              <th scope="col">{t('popup.column.platform')}</th>
              <th scope="col">{t('popup.column.available')}</th>
              <th scope="col">{t('popup.column.daysOfCover')}</th>
              <th scope="col">{t('popup.column.reorder')}</th>
            </tr>
          </thead>
          <tbody>
            {atRisk.data.items.map((item) => (
              <tr key={item.key} data-testid="at-risk-row" data-sku={item.sku} data-urgency={urgencyOf(item)}>
                <td>
                  <a href={item.url} target="_blank" rel="noreferrer" title={item.title}>
                    {item.sku}
                  </a>
                </td>
                <td>{item.marketplace}</td>
                <td className="num">{item.available ?? t('common.none')}</td>
                <td className="num" data-testid="days-of-cover">
                  {item.daysOfCover === null ? t('common.none') : formatNumber(language, Math.floor(item.daysOfCover))}
                </td>
                <td>
                  {item.reorderQuantity && item.reorderDate
                    ? `${formatNumber(language, item.reorderQuantity)} · ${formatDate(language, item.reorderDate)}`
                    : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
