/**
 * Handlers of the main protocol map's messages (lib/messaging/protocol.ts): a page's reading,
 * the at-risk list, the CSV export, reader diagnostics and settings. Plain functions of a
 * store and a clock, so the same code runs in the service worker and in vitest.
 */
import { marketplaceForUrl } from '../locale/markets';
import type { AtRiskItem, PanelData } from '../messaging/protocol';
import { isStorageFull, STORAGE_FULL, type Handlers } from '../messaging/rpc';
import type { Diagnostic } from '../records';
import { migrateSettings } from '../settings';
import { exportListingsCsv, getListingsWithPlans, listAtRisk, loadSettings, mergeObservations, saveSettings } from '../store';
import type { BackgroundDeps } from './deps';
import { sellerPageUrl } from './links';
import { panelFromPlan } from './panels';

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
      // Only content scripts on seller pages get here (protocol senders), and a page writes only
      // rows of its own marketplace: a page is untrusted input.
      const senderMarket = marketplaceForUrl(sender.url ?? '');
      const rows = request.rows.filter((r) => r.platform === senderMarket?.platform && r.marketplace === senderMarket.id);
      const diagnostics = [...request.diagnostics];
      if (rows.length < request.rows.length) {
        diagnostics.push({
          level: 'error',
          code: 'foreign-marketplace',
          message: `${request.rows.length - rows.length} rows named another marketplace and were ignored`,
        });
      }
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
      const keys = [...new Set(rows.filter((r) => r.kind === 'listing').map((r) => `${r.platform}|${r.marketplace}|${r.sku}`))];
      const found = await getListingsWithPlans(db, keys);
      const panels: PanelData[] = [];
      for (const entry of found) {
        if (!entry) continue;
        panels.push(
          panelFromPlan(entry.plan, { key: entry.listing.key, sku: entry.listing.sku, title: entry.listing.title, available: entry.listing.available }),
        );
      }
      return { panels };
    },

    async 'panels/stored'({ keys }, sender) {
      // A page asks only about listings of its own marketplace (it is untrusted input).
      const market = marketplaceForUrl(sender.url ?? '');
      if (!market) return { panels: [] };
      const prefix = `${market.platform}|${market.id}|`;
      const found = await getListingsWithPlans(db, [...new Set(keys.filter((k) => k.startsWith(prefix)))]);
      const panels: PanelData[] = [];
      for (const entry of found) {
        if (!entry?.plan) continue;
        const { listing } = entry;
        panels.push({
          ...panelFromPlan(entry.plan, { key: listing.key, sku: listing.sku, title: listing.title, available: listing.available }),
          updating: true,
        });
      }
      return { panels };
    },

    async 'options/open'({ section }) {
      await deps.openOptions?.(section);
      return {};
    },

    async 'skus/at-risk'(query) {
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
      const out: AtRiskItem[] = items.map(({ listing, plan }) => ({
        ...panelFromPlan(plan, { key: listing.key, sku: listing.sku, title: listing.title, available: listing.available }),
        platform: listing.platform,
        marketplace: listing.marketplace,
        url: sellerPageUrl(listing.platform, listing.marketplace, listing.sku),
      }));
      return { items: out, total, stored };
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
