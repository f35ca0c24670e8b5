/**
 * The popup list's first rows: the reply to the request the entry script sent before the page
 * loaded (first-request.ts). When it had arrived before the app loaded, the app starts with it
 * in the query cache (prefillFirstScreen, with the settings reply: the first render is the
 * first paint's rows, in the same language); else the list takes it once, when the filters
 * are the opening ones. A fresh request otherwise (and for every later refetch, or when that
 * early message found no background).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { replyData } from '@/lib/messaging/rpc';
import { rpc } from '../runtime';
import { takeFirstReply } from './first-request';
import { atRiskRequest, HEAD_LIMIT, NO_FILTERS, type Filters } from './model';

type AtRisk = ResponseOf<'skus/at-risk'>;

/**
 * The query key of the list's first rows for `filters`.
 * @example headQueryKey(NO_FILTERS) // ['skus/at-risk', NO_FILTERS, 60]
 */
export function headQueryKey(filters: Filters): readonly unknown[] {
  return ['skus/at-risk', filters, HEAD_LIMIT];
}

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

/**
 * Puts the first requests' replies that arrived before the app loaded (first-paint.ts
 * handOver) into the query cache, validated by the protocol's schemas; a reply that fails is
 * left out (its query asks again and shows the error).
 * @example mountPage(<Popup />, (client) => prefillFirstScreen(client, handOver()));
 */
export function prefillFirstScreen(client: QueryClient, replies: { atRisk?: unknown; settings?: unknown }): void {
  const keep = (key: readonly unknown[], data: () => unknown) => {
    try {
      client.setQueryData(key, data());
    } catch {
      // Not kept: the query sends its own request.
    }
  };
  // The key LanguageProvider (components/language.tsx) reads the settings under.
  if (replies.settings !== undefined) keep(['settings'], () => replyData('settings/get', replies.settings));
  if (replies.atRisk !== undefined) keep(headQueryKey(NO_FILTERS), () => replyData('skus/at-risk', replies.atRisk));
}
