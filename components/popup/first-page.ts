/**
 * The popup list's first rows: the reply to the request the entry script sent before the page
 * loaded (first-request.ts), once, when the filters are the opening ones; a fresh request
 * otherwise (and for every later refetch, or when that early message found no background).
 */
import type { ResponseOf } from '@/lib/messaging/protocol';
import { replyData } from '@/lib/messaging/rpc';
import { rpc } from '../runtime';
import { takeFirstReply } from './first-request';
import { atRiskRequest, HEAD_LIMIT, NO_FILTERS, type Filters } from './model';

type AtRisk = ResponseOf<'skus/at-risk'>;

/**
 * The first rows for `filters`.
 * @example await firstPage(NO_FILTERS) // the early reply, validated
 */
export function firstPage(filters: Filters): Promise<AtRisk> {
  const opening =
    filters.platform === NO_FILTERS.platform &&
    filters.marketplace === NO_FILTERS.marketplace &&
    filters.risk === NO_FILTERS.risk &&
    filters.search === NO_FILTERS.search &&
    filters.account === NO_FILTERS.account;
  const fresh = () => rpc('skus/at-risk', atRiskRequest(filters, HEAD_LIMIT));
  const early = opening ? takeFirstReply() : undefined;
  // A transport failure (the worker was stopping) is sent again by the client, which retries.
  return early ? early.then((reply) => replyData('skus/at-risk', reply), fresh) : fresh();
}
