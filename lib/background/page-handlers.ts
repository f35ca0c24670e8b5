/**
 * Handlers of the main protocol map's messages (lib/messaging/protocol.ts): a page's reading,
 * the at-risk list, the CSV export, reader diagnostics and settings. Plain functions of a
 * store and a clock, so the same code runs in the service worker and in vitest.
 */
import { marketplaceForUrl } from '../locale/markets';
import type { AtRiskItem, PanelData, ParsedRequestOf, ResponseOf } from '../messaging/protocol';
import { isStorageFull, STORAGE_FULL, type Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import { listingKey, type Diagnostic, type Observation } from '../records';
import { migrateSettings } from '../settings';
import { exportListingsCsv, getListingsWithPlans, listAtRisk, loadSettings, mergeObservations, saveSettings, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';
import { sellerPageUrl } from './links';
import { panelFromPlan } from './panels';
import { withPlacedOrders } from './purchase-panels';

type PageMessage =
  'page/ingest' | 'panels/stored' | 'options/open' | 'skus/at-risk' | 'export/listings-csv' | 'diagnostics/recent' | 'settings/get' | 'settings/save';

interface PageDiagnostics {
  adapterId: string;
  url: string;
  readAt: string;
  diagnostics: Diagnostic[];
}

export function createPageHandlers(deps: BackgroundDeps): Pick<Handlers, PageMessage> {
  const { db } = deps;
  // The latest reading's diagnostics per page type, for the popup; a reading is cheap to redo,
  // so losing these when the worker sleeps only costs a page visit.
  const recentDiagnostics = new Map<string, PageDiagnostics>();

  return {
    async 'page/ingest'(request, sender) {
      const { rows, diagnostics } = ownMarketplaceRows(request, sender.url);
      recentDiagnostics.set(request.adapterId, { adapterId: request.adapterId, url: request.url, readAt: deps.now().toISOString(), diagnostics });
      const merged = await mergeObservations(db, rows, deps.now()).catch((error: unknown) => {
        // One transaction: a full disk leaves nothing half-written. Say so in words the page can show.
        if (isStorageFull(error)) throw new Error(`${STORAGE_FULL}: the browser has no room left for the extension's data; nothing from this page was saved`);
        throw error;
      });
      if (merged.productIds.length > 0) {
        await deps.replan(merged.productIds);
        deps.afterChange?.();
      }
      const keys = rows.filter((r) => r.kind === 'listing').map((r) => listingKey(r));
      return { panels: await panelsOf(db, keys, false, deps.now()) };
    },

    async 'panels/stored'({ keys }, sender) {
      // A page asks only about listings of its own marketplace (it is untrusted input).
      const market = marketplaceForUrl(sender.url ?? '');
      if (!market) return { panels: [] };
      const prefix = `${market.platform}|${market.id}|`;
      return {
        panels: await panelsOf(
          db,
          keys.filter((k) => k.startsWith(prefix)),
          true,
          deps.now(),
        ),
      };
    },

    async 'options/open'({ section }) {
      await deps.openOptions?.(section);
      return {};
    },

    async 'skus/at-risk'(query) {
      return atRiskItems(db, query, deps.now());
    },

    async 'export/listings-csv'() {
      return exportListingsCsv(db);
    },

    async 'diagnostics/recent'() {
      return { pages: [...recentDiagnostics.values()] };
    },

    async 'settings/get'() {
      return { settings: migrateSettings(await loadSettings(db)) };
    },

    async 'settings/save'({ settings }) {
      await saveSettings(db, settings, deps.now());
      await deps.replan(undefined);
      deps.afterChange?.();
      return { settings };
    },
  };
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

/**
 * The panels of stored listings by key (each once). `stored`: only listings with a plan, marked
 * as the last stored answer shown while a re-plan runs.
 */
async function panelsOf(db: StoreDb, keys: readonly string[], stored: boolean, now: Date): Promise<PanelData[]> {
  const panels: { panel: PanelData; plan: SkuPlan | undefined }[] = [];
  for (const entry of await getListingsWithPlans(db, [...new Set(keys)])) {
    if (!entry || (stored && !entry.plan)) continue;
    const panel = panelFromPlan(entry.plan, entry.listing);
    panels.push({ panel: stored ? { ...panel, updating: true } : panel, plan: entry.plan });
  }
  return withPlacedOrders(db, panels, now.toISOString().slice(0, 10));
}

/** The popup's list: listings at risk by the query, each with its panel and its seller-page link. */
async function atRiskItems(db: StoreDb, query: ParsedRequestOf<'skus/at-risk'>, now: Date): Promise<ResponseOf<'skus/at-risk'>> {
  const [{ items, total }, stored] = await Promise.all([
    listAtRisk(db, {
      ...(query.platform ? { platform: query.platform } : {}),
      ...(query.marketplace ? { marketplace: query.marketplace } : {}),
      ...(query.search ? { search: query.search } : {}),
      risk: query.risk,
      limit: query.limit,
    }),
    db.listings.count(),
  ]);
  const out: { panel: AtRiskItem; plan: SkuPlan | undefined }[] = items.map(({ listing, plan }) => ({
    panel: {
      ...panelFromPlan(plan, listing),
      platform: listing.platform,
      marketplace: listing.marketplace,
      url: sellerPageUrl(listing.platform, listing.marketplace, listing.sku),
    },
    plan,
  }));
  return { items: await withPlacedOrders(db, out, now.toISOString().slice(0, 10)), total, stored };
}
