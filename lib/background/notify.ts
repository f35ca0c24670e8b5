/**
 * Browser notifications when a SKU newly becomes at risk. The decision (which SKUs are new
 * since the last look, how many notifications, their text) is pure; the store read and the
 * browser call are thin functions beside it, wired in lib/background/setup.ts (setupNotifications).
 *
 * "At risk" for notifications = critical by the one urgency rule (lib/planning/urgency.ts):
 * a stockout before a reorder could arrive, or oversold stock. The rest shows in the popup but
 * does not interrupt the seller.
 */
import { t, type Language } from '../i18n';
import { formatNumber } from '../i18n';
import type { Platform } from '../records';
import { getListingsWithPlans, listingKeysAtRisk, readListings, type StoreDb } from '../store';
import type { RiskTag } from '../planning/urgency';
import { wholeDaysOfCover } from '../planning/cover';

/** The urgency rule's tag that raises a notification: only critical listings interrupt the seller. */
const NOTIFY_TAG = 'critical' satisfies RiskTag;
/** At most this many single-SKU notifications per re-plan; more become one summary. */
export const NOTIFY_CAP = 3;
/** SKUs named in the summary notification. */
const SUMMARY_NAMES = 5;

/** A 48×48 PNG (red square, three white bars): Chrome requires an icon for basic notifications. */
export const NOTIFY_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAATklEQVR42u3YMREAIAwDwGpBAP5dIAkEMDAUuA6fy56fE6P1Ug0gICAgoM+guQUICAjoKui4BwQEBJQD5feAgICAgICAaoP8Q0BAQM+7ALAB+x3SWsbdAAAAAElFTkSuQmCC';

export interface RiskItem {
  key: string;
  sku: string;
  platform: Platform;
  marketplace: string;
  daysOfCover: number | null;
  available: number | null;
  /** Seller page that shows the SKU (opened on click). */
  url: string;
}

interface NotificationSpec {
  /** Notification id: `sku:<listing key>` for one SKU, `summary:<n>` for the summary. */
  id: string;
  title: string;
  message: string;
  /** Opened when the notification is clicked (seller page, or the popup page for the summary). */
  url: string;
}

/**
 * Keys at risk now that were not at risk before, in the order of `current`.
 * @example newlyAtRisk(new Set(['a']), ['a', 'b']) // ['b']
 */
export function newlyAtRisk(previous: ReadonlySet<string>, current: readonly string[]): string[] {
  return current.filter((key) => !previous.has(key));
}

/**
 * The notifications for newly at-risk SKUs: one each up to `cap`, else one summary naming
 * the most urgent few (items are expected most urgent first).
 * @example planNotifications([a, b], 'en', { summaryUrl }).length // 2
 */
export function planNotifications(
  items: readonly RiskItem[],
  language: Language,
  options: { summaryUrl: string; cap?: number; /** All newly at-risk SKUs when `items` holds only the first few. */ total?: number },
): NotificationSpec[] {
  const cap = options.cap ?? NOTIFY_CAP;
  const total = Math.max(options.total ?? items.length, items.length);
  if (items.length === 0) return [];
  if (total <= cap) {
    return items.map((item) => ({
      id: `sku:${item.key}`,
      title: t(language, 'notify.one.title', { sku: item.sku }),
      message: t(language, 'notify.one.body', { marketplace: item.marketplace, detail: riskDetail(language, item) }),
      url: item.url,
    }));
  }
  const names = items
    .slice(0, SUMMARY_NAMES)
    .map((i) => i.sku)
    .join(', ');
  return [
    {
      id: `summary:${total}`,
      title: t(language, 'notify.many.title', { count: formatNumber(language, total) }),
      message: t(language, 'notify.many.body', { skus: names }),
      url: options.summaryUrl,
    },
  ];
}

/** One line on why the SKU is at risk. */
function riskDetail(language: Language, item: RiskItem): string {
  if (item.available === 0) return t(language, 'notify.detail.outOfStock');
  if (item.daysOfCover !== null) return t(language, 'notify.detail.cover', { days: formatNumber(language, wholeDaysOfCover(item.daysOfCover)) });
  return t(language, 'notify.detail.risk');
}

/**
 * Tracks the at-risk set between re-plans. The first look only sets the baseline (after a
 * worker restart nothing is "new"), later looks return what became at risk since.
 */
export class RiskTracker {
  private previous: Set<string> | undefined;

  /** Records the current set; returns the newly at-risk keys (none on the first call). */
  update(current: readonly string[]): string[] {
    const fresh = this.previous === undefined ? [] : newlyAtRisk(this.previous, current);
    this.previous = new Set(current);
    return fresh;
  }
}

/**
 * Listing keys with a notifying risk, most urgent first (keys only: cheap at 10,000 SKUs).
 * @example await riskKeys(db) // ['amazon|amazon.com|MUG-1', ...]
 */
async function riskKeys(db: StoreDb): Promise<string[]> {
  return listingKeysAtRisk(db, NOTIFY_TAG);
}

/** The rows to describe in notifications (only the few new keys are read). */
async function riskItems(db: StoreDb, keys: readonly string[], urlOf: (platform: Platform, marketplace: string, sku: string) => string): Promise<RiskItem[]> {
  // Stock from the full rows; days of cover from the plan each listing shows.
  const [rows, shown] = await db.transaction(
    'r',
    [db.listingChunks, db.listings, db.plans],
    async () => [await readListings(db, keys), await getListingsWithPlans(db, keys)] as const,
  );
  return rows.flatMap((row, i) =>
    row
      ? [
          {
            key: row.key,
            sku: row.sku,
            platform: row.platform,
            marketplace: row.marketplace,
            daysOfCover: shown[i]?.plan?.daysOfCover ?? null,
            available: row.available ?? null,
            url: urlOf(row.platform, row.marketplace, row.sku),
          },
        ]
      : [],
  );
}

/**
 * After a re-plan: the notifications to show for SKUs that became at risk since the last
 * call (reads keys, then only the few rows it names).
 * @example for (const n of await notificationsAfterReplan(db, tracker, 'en', sellerPageUrl, popupUrl)) show(n)
 */
export async function notificationsAfterReplan(
  db: StoreDb,
  tracker: RiskTracker,
  language: Language,
  urlOf: (platform: Platform, marketplace: string, sku: string) => string,
  summaryUrl: string,
): Promise<NotificationSpec[]> {
  const fresh = tracker.update(await riskKeys(db));
  if (fresh.length === 0) return [];
  const items = await riskItems(db, fresh.slice(0, Math.max(NOTIFY_CAP, SUMMARY_NAMES)), urlOf);
  return planNotifications(items, language, { summaryUrl, total: fresh.length });
}

/** The browser side of notifications, passed in (lib/background/setup.ts) so the notifier runs in tests. */
interface NotifyApi {
  /** True when the optional "notifications" permission is granted. */
  permitted(): Promise<boolean>;
  show(spec: NotificationSpec): Promise<void>;
}

/**
 * Checks for newly at-risk SKUs after each change and shows notifications when the seller
 * enabled them (settings.notifications.enabled) and granted the permission. The risk set is
 * tracked either way, so turning notifications on later does not replay old risks.
 * @example const notifier = createNotifier({ db, api, settings, summaryUrl }); await notifier.baseline(); await notifier.afterChange();
 */
export function createNotifier(deps: {
  db: StoreDb;
  api: NotifyApi;
  settings: () => Promise<{ enabled: boolean; language: Language }>;
  urlOf: (platform: Platform, marketplace: string, sku: string) => string;
  summaryUrl: string;
}) {
  const tracker = new RiskTracker();
  /** URL to open per shown notification id. */
  const targets = new Map<string, string>();
  let chain: Promise<unknown> = Promise.resolve();
  return {
    targets,
    /** Sets the baseline (call once when the worker starts, before any re-plan). */
    baseline(): Promise<void> {
      chain = chain.then(async () => tracker.update(await riskKeys(deps.db))).catch(() => undefined);
      return chain.then(() => undefined);
    },
    /** Looks for newly at-risk SKUs; resolves to the notifications shown. Runs one at a time. */
    afterChange(): Promise<NotificationSpec[]> {
      const run = chain.then(async () => {
        const { enabled, language } = await deps.settings();
        const specs = await notificationsAfterReplan(deps.db, tracker, language, deps.urlOf, deps.summaryUrl);
        if (!enabled || specs.length === 0 || !(await deps.api.permitted())) return [];
        for (const spec of specs) {
          targets.set(spec.id, spec.url);
          await deps.api.show(spec);
        }
        return specs;
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
}
