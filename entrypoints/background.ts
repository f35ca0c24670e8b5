/**
 * Wiring only: opens the store, answers messages, re-plans after merges (debounced) and daily
 * (alarm), and keeps the badge current. The logic is in lib/background and lib/store.
 */
import { browser } from 'wxt/browser';
import { badgeText } from '@/lib/background/badge';
import { runDailyMaintenance } from '@/lib/background/daily';
import { whileBusy } from '@/lib/background/keep-alive';
import { sellerPageUrl } from '@/lib/background/links';
import { createNotifier, NOTIFY_ICON } from '@/lib/background/notify';
import { languageFromTag } from '@/lib/i18n';
import { migrateSettings } from '@/lib/settings';
import { loadSettings } from '@/lib/store/adjustments';
import { createReplanner } from '@/lib/background/replan';
import { loadCatalogueFit } from '@/lib/store/catalogue-fit';
import { createHandlers } from '@/lib/background/service';
import { createDispatcher } from '@/lib/messaging/rpc';
import { listAtRisk, openStore } from '@/lib/store';
import { foldHistory } from '@/lib/store/observation-store';

const DAILY_REPLAN_ALARM = 'daily-replan';

export default defineBackground(() => {
  // Opening may run a schema upgrade over the whole history: keep the worker alive through it.
  const keepAlive = () => browser.runtime.getPlatformInfo();
  const dbReady = whileBusy(openStore(), keepAlive);
  // Readings past their first days move to their listings' history records (after the v3 -> v4
  // upgrade, the whole history): re-plans then read one record per listing.
  void dbReady.then((db) => whileBusy(foldHistory(db, now()), keepAlive)).catch(() => undefined);
  const now = () => new Date();

  const refreshBadge = async () => {
    const db = await dbReady;
    // The badge counts what the one urgency rule says needs attention (the popup's default list).
    const { total } = await listAtRisk(db, { risk: 'attention', limit: 1 });
    await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
    await browser.action.setBadgeText({ text: badgeText(total) });
  };

  // Notifications (optional permission): SKUs newly at risk after a re-plan.
  const notifierReady = dbReady.then(async (db) => {
    const notifier = createNotifier({
      db, urlOf: sellerPageUrl, summaryUrl: browser.runtime.getURL('/popup.html'),
      settings: async () => {
        const settings = migrateSettings(await loadSettings(db));
        return { enabled: settings.notifications.enabled, language: settings.language === 'auto' ? languageFromTag(navigator.language) : settings.language };
      },
      api: {
        permitted: () => browser.permissions.contains({ permissions: ['notifications'] }),
        show: async (spec) => void (await browser.notifications.create(spec.id, { type: 'basic', iconUrl: NOTIFY_ICON, title: spec.title, message: spec.message })),
      },
    });
    await notifier.baseline();
    return notifier;
  });
  const onNotificationClick = (id: string) => {
    void notifierReady.then((n) => { const url = n.targets.get(id); if (url) void browser.tabs.create({ url }); });
  };
  const listenForClicks = () => {
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClick)) browser.notifications.onClicked.addListener(onNotificationClick);
  };
  listenForClicks();
  browser.permissions.onAdded.addListener(listenForClicks);
  const afterChange = () => {
    void refreshBadge().catch(() => undefined);
    void notifierReady.then((n) => n.afterChange()).catch(() => undefined);
  };

  // One re-plan queue for page reads, imports, settings and the daily job.
  const replannerReady = dbReady.then((db) => createReplanner(db, now));
  const dispatchReady = Promise.all([dbReady, notifierReady, replannerReady]).then(([db, , replanner]) => {
    // A store never planned whole by this version (new install, upgrade, plans of an older
    // planner): plan it all once, which also fits the forecast context and ABC on the catalogue.
    void loadCatalogueFit(db).then((fit) => (fit ? undefined : whileBusy(replanner.replan(undefined), keepAlive).then(afterChange))).catch(() => undefined);
    // A re-plan after a big page reads the products' whole history (seconds at a million readings): keep the worker awake.
    return createDispatcher(createHandlers({ db, now, replan: (ids) => whileBusy(replanner.replan(ids), keepAlive), afterChange }));
  });

  // Registered synchronously so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void dispatchReady
      .then((dispatch) => dispatch(message, { url: sender.url ?? sender.tab?.url }))
      .then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });

  browser.runtime.onInstalled.addListener(() => {
    void browser.alarms.create(DAILY_REPLAN_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAILY_REPLAN_ALARM) return;
    // Compact old readings, then re-plan: a new day moves every date even without new readings.
    void Promise.all([dbReady, replannerReady]).then(([db, replanner]) => whileBusy(runDailyMaintenance(db, now(), (ids) => replanner.replan(ids)), keepAlive)).then(afterChange);
  });

  void refreshBadge().catch(() => undefined);
});
