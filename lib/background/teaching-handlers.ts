/**
 * Handlers of the taught columns (lib/messaging/protocol-teaching.ts). A content script's page
 * type and marketplace come from its sender URL (pages are untrusted input: a page can teach
 * only itself). Taught columns change what the next reading finds, not any plan: no re-plan.
 */
import { marketplaceForUrl } from '../locale/markets';
import { normalizeHeader } from '../locale/headers';
import { MAX_TAUGHT_COLUMNS, taughtColumnSchema, type TaughtColumn, type teachingProtocol } from '../messaging/protocol-teaching';
import type { Handlers } from '../messaging/rpc';
import type { Sender } from '../messaging/senders';
import { adapterForUrl } from '../platforms';
import { loadTaughtColumns, updateTaughtColumns } from '../store';
import type { BackgroundDeps } from './deps';

/**
 * The stored taught columns, each validated on its own (one damaged entry does not lose the rest).
 * @example validTaughtColumns([{ pageType: 'x' }, goodColumn]) // [goodColumn]
 */
export function validTaughtColumns(raw: unknown): TaughtColumn[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = taughtColumnSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The list after teaching `column`: it replaces an earlier choice for the same field or the same
 * header on that page type and marketplace (a column holds one field); newest last, capped.
 * @example withTaughtColumn([], column).length // 1
 */
export function withTaughtColumn(list: readonly TaughtColumn[], column: TaughtColumn): TaughtColumn[] {
  const header = normalizeHeader(column.header);
  const kept = list.filter(
    (c) => !(c.pageType === column.pageType && c.marketplace === column.marketplace && (c.field === column.field || normalizeHeader(c.header) === header)),
  );
  return [...kept, column].slice(-MAX_TAUGHT_COLUMNS);
}

/**
 * The list without one page type's, marketplace's and field's taught column.
 * @example withoutTaughtColumn([column], column).length // 0
 */
export function withoutTaughtColumn(list: readonly TaughtColumn[], key: Pick<TaughtColumn, 'pageType' | 'marketplace' | 'field'>): TaughtColumn[] {
  return list.filter((c) => !(c.pageType === key.pageType && c.marketplace === key.marketplace && c.field === key.field));
}

/**
 * The page type and marketplace of a content script's sender, or undefined off supported pages.
 * @example pageOfSender({ url: 'https://www.ebay.com/sh/lst/active' }) // { pageType: 'ebay/active-listings', marketplace: 'ebay.com' }
 */
export function pageOfSender(sender: Sender): { pageType: string; marketplace: string } | undefined {
  const url = sender.url ?? '';
  const market = marketplaceForUrl(url);
  const adapter = market ? adapterForUrl(new URL(url)) : undefined;
  return market && adapter ? { pageType: adapter.id, marketplace: market.id } : undefined;
}

type TeachingMessage = keyof typeof teachingProtocol;

export function createTeachingHandlers(deps: BackgroundDeps): Pick<Handlers, TeachingMessage> {
  const { db } = deps;
  const load = async () => validTaughtColumns(await loadTaughtColumns(db));
  const change = (edit: (columns: TaughtColumn[]) => TaughtColumn[]) => updateTaughtColumns(db, (stored) => edit(validTaughtColumns(stored)), deps.now());
  return {
    async 'teaching/page-columns'(_request, sender) {
      const page = pageOfSender(sender);
      const columns = page ? (await load()).filter((c) => c.pageType === page.pageType && c.marketplace === page.marketplace) : [];
      return { columns };
    },
    async 'teaching/teach'({ field, header, hint }, sender) {
      const page = pageOfSender(sender);
      if (!page) throw new Error('teaching/teach: the sender is not a page type the readers know');
      const column: TaughtColumn = { ...page, field, header, ...(hint ? { hint } : {}), taughtAt: deps.now().toISOString() };
      const all = await change((columns) => withTaughtColumn(columns, column));
      return { columns: all.filter((c) => c.pageType === page.pageType && c.marketplace === page.marketplace) };
    },
    async 'teaching/list'() {
      return { columns: await load() };
    },
    async 'teaching/remove'(key) {
      return { columns: await change((columns) => withoutTaughtColumn(columns, key)) };
    },
  };
}
