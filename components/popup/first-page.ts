/**
 * The popup's first request, sent as soon as the popup script runs (before React renders),
 * so the background works on the first rows while the page mounts.
 */
import type { ResponseOf } from '@/lib/messaging/protocol';
import { rpc } from '../runtime';
import { atRiskRequest, HEAD_LIMIT, NO_FILTERS, type Filters } from './model';

type AtRisk = ResponseOf<'skus/at-risk'>;

let early: Promise<AtRisk> | undefined;

/** Sends the unfiltered first page now; the head query picks it up. */
export function prefetchFirstPage(): void {
  early ??= rpc('skus/at-risk', atRiskRequest(NO_FILTERS, HEAD_LIMIT));
}

/**
 * The first rows for `filters`: the prefetched answer once (when the filters are the initial
 * ones), a fresh request otherwise (and for every later refetch).
 */
export function firstPage(filters: Filters): Promise<AtRisk> {
  const unfiltered =
    filters.platform === NO_FILTERS.platform &&
    filters.marketplace === NO_FILTERS.marketplace &&
    filters.risk === NO_FILTERS.risk &&
    filters.search === NO_FILTERS.search &&
    filters.account === NO_FILTERS.account;
  if (unfiltered && early) {
    const answer = early;
    early = undefined;
    return answer;
  }
  return rpc('skus/at-risk', atRiskRequest(filters, HEAD_LIMIT));
}
