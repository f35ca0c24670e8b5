import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import { rpc } from '../runtime';
import { useI18n } from '../language';
import { openOptions } from './actions';
import { AtRiskList } from './AtRiskList';
import { Diagnostics } from './Diagnostics';
import { EmptyState } from './EmptyState';
import { FilterBar } from './Filters';
import { firstPage, headQueryKey } from './first-page';
import { atRiskRequest, FULL_LIMIT, HEAD_LIMIT, NO_FILTERS, type Filters } from './model';
import './popup.css';

/** How often rows marked as updating are asked for again (answered from the background's memory, cheap). */
const UPDATING_RECHECK_MS = 1_000;

/**
 * At-risk SKUs across every marketplace, most urgent first. The first rows are asked for
 * alone (fast first paint; the request leaves before React mounts, see first-page.ts); the
 * whole list (up to 20,000) only when the seller scrolls near the end of them, so opening the
 * popup never makes the background build and send thousands of rows nobody looks at.
 */
export function Popup() {
  const { t, language } = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Typing stays responsive: the queries follow the search a render behind.
  const query = useDeferredValue(filters);
  const queryKey = JSON.stringify(query);
  // The filters (as a key) for which the seller scrolled near the end of the first rows.
  const [wantFull, setWantFull] = useState<string | undefined>(undefined);
  const head = useQuery({
    queryKey: headQueryKey(query),
    queryFn: () => firstPage(query),
    placeholderData: keepPreviousData,
    // Rows from before a write still under way (the background's first screen): ask again until current.
    refetchInterval: (current) => (current.state.data?.updating ? UPDATING_RECHECK_MS : false),
  });
  const full = useQuery({
    queryKey: ['skus/at-risk', query, FULL_LIMIT],
    queryFn: () => rpc('skus/at-risk', atRiskRequest(query, FULL_LIMIT)),
    enabled: wantFull === queryKey && head.isSuccess && !head.isPlaceholderData && head.data.total > HEAD_LIMIT,
    placeholderData: keepPreviousData,
  });
  const data = full.data && !full.isPlaceholderData ? full.data : head.data;
  const nothingStored = data !== undefined && data.stored === 0;

  return (
    <main className="popup">
      <header>
        <h1>{t(query.risk === 'all' ? 'risk.all' : 'popup.title')}</h1>
        <button type="button" className="link" onClick={openOptions}>
          {t('popup.openOptions')}
        </button>
        <a className="link" href="/options.html#purchase-plan" target="_blank" rel="noreferrer">
          {t('purchase.popupLink')}
        </a>
      </header>
      <Diagnostics />
      {/* The filter choices (a read of every listing key) wait until the first rows are shown. */}
      {!nothingStored && <FilterBar filters={filters} onChange={setFilters} loadChoices={head.isFetched} />}
      {head.isPending && <p role="status">{t('popup.loading')}</p>}
      {head.isError && <p role="alert">{t('popup.error', { message: head.error.message })}</p>}
      {nothingStored && <EmptyState />}
      {data && !nothingStored && (
        <>
          <p className="count" role="status" data-testid="at-risk-count">
            {t('popup.count', { shown: formatNumber(language, data.items.length), total: formatNumber(language, data.total) })}
          </p>
          {data.updating && (
            <p className="muted" data-testid="at-risk-updating">
              {t('popup.updating')}
            </p>
          )}
          {data.items.length === 0 ? (
            !data.updating && <p className="muted">{t('popup.noMatches')}</p>
          ) : (
            <AtRiskList items={data.items} accountFilter={query.account} onNearEnd={data.items.length < data.total ? () => setWantFull(queryKey) : undefined} />
          )}
        </>
      )}
    </main>
  );
}
