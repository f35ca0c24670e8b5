/**
 * Wiring only: opens the store, answers messages, re-plans after merges (debounced) and daily
 * (alarm), and keeps the badge current. The logic is in lib/background and lib/store.
 */
import { browser } from 'wxt/browser';
import { badgeText } from '@/lib/background/badge';
import { createReplanner } from '@/lib/background/replan';
import { createHandlers } from '@/lib/background/service';
import { createDispatcher } from '@/lib/messaging/rpc';
import { listAtRisk, openStore } from '@/lib/store';

const DAILY_REPLAN_ALARM = 'daily-replan';

export default defineBackground(() => {
  const dbReady = openStore();
  const now = () => new Date();

  const refreshBadge = async () => {
    const db = await dbReady;
    const { total } = await listAtRisk(db, { risk: 'stockout', limit: 1 });
    await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
    await browser.action.setBadgeText({ text: badgeText(total) });
  };

  const dispatchReady = dbReady.then((db) => {
    const replanner = createReplanner(db, now);
    return createDispatcher(
      createHandlers({ db, now, replan: (ids) => replanner.replan(ids), afterChange: () => void refreshBadge().catch(() => undefined) }),
    );
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
    void dbReady.then((db) => createReplanner(db, now).replan(undefined)).then(refreshBadge);
  });

  void refreshBadge().catch(() => undefined);
});
