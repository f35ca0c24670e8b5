/**
 * Handlers of the main protocol map's messages (lib/messaging/protocol.ts): a page's reading,
 * the at-risk list, the CSV export, reader diagnostics and settings. Plain functions of a
 * store and a clock, so the same code runs in the service worker and in vitest.
 */
import { refusalMessage } from '../messaging/refusals';
import { marketplaceForUrl } from '../locale/markets';
import type { AtRiskItem, PanelData, ParsedRequestOf, ResponseOf } from '../messaging/protocol';
import { isStorageFull, STORAGE_FULL, type Handlers } from '../messaging/rpc';
import { accountIdSchema, accountOfKey, DEFAULT_ACCOUNT, listingKey, withAccount, type Diagnostic, type Observation } from '../records';
import { parseAccountsDoc, resolveAccount, stampAccount, type AccountsDoc, type PageAccount } from '../accounts/registry';
import { accountOverridesSchema, type AccountOverrides } from '../accounts/settings';
import { migrateSettings } from '../settings';
import {
  exportListingsCsv,
  getListingsWithPlans,
  listAtRisk,
  loadAccounts,
  loadSettings,
  mergeObservations,
  saveAccounts,
  updateSettings,
  type StoreDb,
} from '../store';
import type { BackgroundDeps } from './deps';
import { sellerPageUrl } from './links';
import { panelFromPlan } from './panels';
import { withPoolMembers } from './pool-members';
import type { FreshPlans } from './fresh-plans';

type PageMessage =
  | 'page/ingest'
  | 'panels/stored'
  | 'options/open'
  | 'accounts/list'
  | 'accounts/save-overrides'
  | 'skus/at-risk'
  | 'export/listings-csv'
  | 'diagnostics/recent'
  | 'settings/get'
  | 'settings/save';

interface PageDiagnostics {
  adapterId: string;
  url: string;
  readAt: string;
  diagnostics: Diagnostic[];
}

/**
 * The latest reading's diagnostics per page type, for the popup; a reading is cheap to redo, so
 * losing these when the worker sleeps only costs a page visit. They name the pages read, so
 * "delete all data" forgets them too (createHandlers).
 */
export type RecentDiagnostics = Map<string, PageDiagnostics>;

export function createPageHandlers(deps: BackgroundDeps, recentDiagnostics: RecentDiagnostics): Pick<Handlers, PageMessage> {
  const { db } = deps;

  return {
    'page/ingest': (request, sender) => ingestPage(deps, recentDiagnostics, request, sender.url),
    'panels/stored': (request, sender) => storedPanels(db, request, sender.url),

    async 'options/open'({ section }) {
      await deps.openOptions?.(section);
      return {};
    },

    async 'accounts/list'() {
      const doc = parseAccountsDoc(await loadAccounts(db));
      return {
        accounts: doc.accounts.map((a) => ({
          id: a.id,
          name: a.name,
          platforms: [...new Set(a.sellers.map((x) => x.platform))].sort(),
          overrides: overridesOf(doc, a.id),
        })),
        lastByPlatform: doc.lastByPlatform,
        lastByHost: doc.lastByHost,
      };
    },

    async 'accounts/save-overrides'({ account, overrides }) {
      await db.transaction('rw', db.settings, async () => {
        const doc = parseAccountsDoc(await loadAccounts(db));
        if (!doc.accounts.some((a) => a.id === account)) throw new Error(refusalMessage('account-missing', { account }));
        const next = { ...doc, overrides: { ...doc.overrides } };
        if (Object.keys(overrides).length === 0) delete next.overrides[account];
        else next.overrides[account] = overrides;
        await saveAccounts(db, next, deps.now());
      });
      await deps.replan(undefined);
      deps.afterChange?.();
      return {};
    },

    async 'skus/at-risk'(query) {
      // The popup's opening request, from memory when the first screen is current (first-screen.ts).
      return deps.firstScreen?.answer(query) ?? atRiskItems(db, query);
    },

    async 'export/listings-csv'({ account }) {
      return exportListingsCsv(db, account);
    },

    async 'diagnostics/recent'() {
      return { pages: [...recentDiagnostics.values()] };
    },

    async 'settings/get'() {
      return { settings: migrateSettings(await loadSettings(db)) };
    },

    async 'settings/save'({ settings }) {
      // Which pages hide their panels is the seller pages' to say (panels/set-hidden): a form
      // read before the seller hid them there must not show them again.
      const saved = await updateSettings(db, (stored) => ({ ...settings, hiddenPanels: migrateSettings(stored).hiddenPanels }), deps.now());
      await deps.replan(undefined);
      deps.afterChange?.();
      return { settings: saved };
    },
  };
}

/**
 * A page's reading: stamped with the account the page shows, merged, re-planned, and answered
 * with the panels of its listings. A full disk leaves nothing half-written (one transaction).
 */
async function ingestPage(
  deps: BackgroundDeps,
  recentDiagnostics: RecentDiagnostics,
  request: ParsedRequestOf<'page/ingest'>,
  url: string | undefined,
): Promise<ResponseOf<'page/ingest'>> {
  const { db } = deps;
  const own = ownMarketplaceRows(request, url);
  const { account, diagnostics } = await pageAccount(deps, url, request.account, own.diagnostics);
  // The account comes from the page's chrome, resolved here; never from the rows themselves.
  const checkedAccount = accountIdSchema.parse(account);
  const rows = own.rows.map((r) => stampAccount(r, checkedAccount));
  recentDiagnostics.set(request.adapterId, { adapterId: request.adapterId, url: request.url, readAt: deps.now().toISOString(), diagnostics });
  // The dispatcher parsed every row with the request schema (observationSchema each) and the
  // account stamped on them is checked above: the merge need not parse them again (a 5,000-row
  // page's second check took about 0.1 s of the worker, which runs zod without eval).
  const merged = await mergeObservations(db, rows, deps.now(), { validated: true }).catch((error: unknown) => {
    // Say it in words the page can show.
    if (isStorageFull(error)) throw new Error(`${STORAGE_FULL}: the browser has no room left for the extension's data; nothing from this page was saved`);
    throw error;
  });
  // Order rows show their listing's panel too (an order page's rows are its listings' sales).
  const keys = rows.map((r) => listingKey(r));
  if (merged.productIds.length === 0) return { panels: await panelsOf(db, keys, false) };
  return { panels: await answeredBeforeSave(deps, merged.productIds, (fresh) => panelsOf(db, keys, false, fresh)) };
}

/**
 * Re-plans some products and answers from their plans before the save (the seller waits for
 * the answer, not for the save: up to a second and more for a large page of a pooled store).
 * The after-change hook runs once they are saved. A re-plan with nothing to plan answers from
 * the store after it.
 */
function answeredBeforeSave<T>(deps: BackgroundDeps, productIds: readonly string[], answer: (fresh?: FreshPlans) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    const saved = deps.replan(productIds, async (fresh) => {
      answered = true;
      await answer(fresh).then(resolve, reject);
    });
    saved.then(
      () => {
        deps.afterChange?.();
        if (!answered) answer().then(resolve, reject);
      },
      (error: unknown) => {
        // After an answer the save's failure costs only the next re-plan's time (it is planned again); before one, the page hears it.
        if (answered) console.warn('Saving the re-planned plans failed', error);
        else reject(error);
      },
    );
  });
}

/**
 * The stored panels of the listings a page names. A page asks only about listings of its own
 * marketplace (it is untrusted input), by their default-account keys: they are looked up in
 * the account the page shows (read only: the registry changes with the page's ingest).
 */
async function storedPanels(
  db: StoreDb,
  { keys, account: shown }: ParsedRequestOf<'panels/stored'>,
  url: string | undefined,
): Promise<ResponseOf<'panels/stored'>> {
  const market = marketplaceForUrl(url ?? '');
  if (!market) return { panels: [] };
  const prefix = `${market.platform}|${market.id}|`;
  const account = resolveAccount(parseAccountsDoc(await loadAccounts(db)), market.platform, hostOf(url), shown).account;
  const ownKeys = keys.filter((k) => k.startsWith(prefix) && accountOfKey(k) === DEFAULT_ACCOUNT).map((k) => withAccount(k, account));
  const entries = await getListingsWithPlans(db, [...new Set(ownKeys)]);
  // Every stored channel, planned or not: the reader's history clue for rows whose page does not say who ships.
  const channels = entries.flatMap((e) => (e?.listing.fulfillment ? [{ sku: e.listing.sku, fulfillment: e.listing.fulfillment }] : []));
  return { panels: await panelsFrom(db, entries, true), channels };
}

/**
 * The rows of a page's reading that belong to the page's own marketplace (a page is untrusted
 * input: it writes only there), and its diagnostics with one more when rows were dropped.
 * @example ownMarketplaceRows({ rows: [deRow], diagnostics: [] }, 'https://sellercentral.amazon.com/…').diagnostics[0].code // 'foreign-marketplace'
 */
function ownMarketplaceRows(
  request: { rows: Observation[]; diagnostics: Diagnostic[] },
  url: string | undefined,
): { rows: Observation[]; diagnostics: Diagnostic[] } {
  const market = marketplaceForUrl(url ?? '');
  const rows = request.rows.filter((r) => r.platform === market?.platform && r.marketplace === market.id);
  const diagnostics = [...request.diagnostics];
  if (rows.length < request.rows.length) {
    diagnostics.push({
      level: 'error',
      code: 'foreign-marketplace',
      message: `${request.rows.length - rows.length} rows named another marketplace and were ignored`,
    });
  }
  return { rows, diagnostics };
}

/** An account's valid overrides (an invalid stored one reads as none, as planning treats it). */
function overridesOf(doc: AccountsDoc, account: string): AccountOverrides {
  const parsed = accountOverridesSchema.safeParse(doc.overrides[account] ?? {});
  return parsed.success ? parsed.data : {};
}

/** The host of a page URL ('' when there is none). */
function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
}

/**
 * The store account of a page's readings, resolved and remembered in one transaction (two
 * tabs reading at once must not lose each other's new account), and the page's diagnostics
 * with one more when the page did not show its account. Also the account of the shipments a
 * Shipments page shows (lib/background/inbound-handlers.ts).
 */
export async function pageAccount(
  deps: BackgroundDeps,
  url: string | undefined,
  shown: PageAccount | undefined,
  diagnostics: Diagnostic[],
): Promise<{ account: string; diagnostics: Diagnostic[] }> {
  const { db } = deps;
  const market = marketplaceForUrl(url ?? '');
  if (!market) return { account: DEFAULT_ACCOUNT, diagnostics };
  const host = hostOf(url);
  const resolution = await db.transaction('rw', db.settings, async () => {
    const r = resolveAccount(parseAccountsDoc(await loadAccounts(db)), market.platform, host, shown);
    if (r.changed) await saveAccounts(db, r.doc, deps.now());
    return r;
  });
  if (!resolution.fallback) return { account: resolution.account, diagnostics };
  const name = resolution.doc.accounts.find((a) => a.id === resolution.account)?.name ?? resolution.account;
  const diagnostic: Diagnostic = {
    level: 'warning',
    code: 'account-not-shown',
    message: `This page does not show which seller account it belongs to; its readings were filed under ${name}, the account last seen on ${host}`,
    // The id too, so a view names the default account in its language (lib/content/codes.ts diagnosticText).
    params: { account: name, accountId: resolution.account, host },
  };
  return { account: resolution.account, diagnostics: [...diagnostics.filter((d) => d.code !== 'account-not-shown'), diagnostic] };
}

/**
 * The panels of stored listings by key (each once); `stored` as in panelsFrom. `fresh`: a
 * re-plan's plans not saved yet, shown as the store will show them once they are.
 * @example await panelsOf(db, [key], false, freshPlansOf(plans, 'all', []))
 */
export async function panelsOf(db: StoreDb, keys: readonly string[], stored: boolean, fresh?: FreshPlans): Promise<PanelData[]> {
  return panelsFrom(db, await getListingsWithPlans(db, [...new Set(keys)], fresh?.shown), stored, fresh);
}

/**
 * The panels of loaded listings. `stored`: only listings with a plan, marked as the last stored
 * answer shown while a re-plan runs.
 */
async function panelsFrom(db: StoreDb, entries: Awaited<ReturnType<typeof getListingsWithPlans>>, stored: boolean, fresh?: FreshPlans): Promise<PanelData[]> {
  const panels: PanelData[] = [];
  for (const entry of entries) {
    if (!entry || (stored && !entry.plan)) continue;
    const panel = panelFromPlan(entry.plan, entry.listing);
    panels.push(stored ? { ...panel, updating: true } : panel);
  }
  // Details list the pool's other channels (pool-members.ts).
  return withPoolMembers(db, panels, fresh);
}

/** The popup's list: listings at risk by the query, each with its panel and its seller-page link. */
export async function atRiskItems(db: StoreDb, query: ParsedRequestOf<'skus/at-risk'>): Promise<ResponseOf<'skus/at-risk'>> {
  const [{ items, total }, stored] = await Promise.all([
    listAtRisk(db, {
      ...(query.platform ? { platform: query.platform } : {}),
      ...(query.marketplace ? { marketplace: query.marketplace } : {}),
      ...(query.search ? { search: query.search } : {}),
      ...(query.account ? { account: query.account } : {}),
      risk: query.risk,
      limit: query.limit,
    }),
    db.listings.count(),
  ]);
  const out: AtRiskItem[] = items.map(({ listing, plan }) => ({
    ...panelFromPlan(plan, listing),
    platform: listing.platform,
    marketplace: listing.marketplace,
    ...(listing.account ? { account: listing.account } : {}),
    url: sellerPageUrl(listing.platform, listing.marketplace, listing.sku),
  }));
  return { items: out, total, stored };
}
