/** Handlers for the popup's and panels' messages (lib/messaging/protocol-popup.ts). */
import type { Handlers } from '../messaging/rpc';
import type { popupProtocol } from '../messaging/protocol-popup';
import { PLATFORMS, type Platform } from '../records';
import { migrateSettings } from '../settings';
import { updateSettings } from '../store';
import type { BackgroundDeps } from './deps';

/**
 * The hidden page types after hiding or showing one (sorted, no duplicates).
 * @example withHidden(['b'], 'a', true) // ['a', 'b']
 */
export function withHidden(list: readonly string[], pageType: string, hidden: boolean): string[] {
  const set = new Set(list);
  if (hidden) set.add(pageType);
  else set.delete(pageType);
  return [...set].sort();
}

/**
 * Marketplace counts from listing keys ("platform|marketplace|sku"), platforms in PLATFORMS order.
 * @example facetsOfKeys(['amazon|amazon.com|A', 'amazon|amazon.com|B']) // [{ platform: 'amazon', marketplace: 'amazon.com', count: 2 }]
 */
export function facetsOfKeys(keys: readonly string[]): { platform: Platform; marketplace: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const key of keys) {
    const cut = key.indexOf('|', key.indexOf('|') + 1);
    if (cut < 0) continue;
    const head = key.slice(0, cut);
    counts.set(head, (counts.get(head) ?? 0) + 1);
  }
  const order = (p: string) => PLATFORMS.indexOf(p as Platform);
  return [...counts]
    .map(([head, count]) => {
      const [platform, marketplace] = head.split('|') as [Platform, string];
      return { platform, marketplace, count };
    })
    .filter((f) => order(f.platform) >= 0)
    .sort((a, b) => order(a.platform) - order(b.platform) || (a.marketplace < b.marketplace ? -1 : a.marketplace > b.marketplace ? 1 : 0));
}

export function createPopupHandlers(deps: BackgroundDeps): Pick<Handlers, keyof typeof popupProtocol> {
  const { db } = deps;
  return {
    async 'panels/set-hidden'({ pageType, hidden }) {
      const next = await updateSettings(
        db,
        (stored) => {
          const settings = migrateSettings(stored);
          return { ...settings, hiddenPanels: withHidden(settings.hiddenPanels, pageType, hidden).slice(0, 50) };
        },
        deps.now(),
      );
      return { hiddenPanels: next.hiddenPanels };
    },

    async 'popup/facets'() {
      const keys = (await db.listings.toCollection().primaryKeys()) as string[];
      return { total: keys.length, marketplaces: facetsOfKeys(keys) };
    },
  };
}
