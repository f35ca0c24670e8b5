/**
 * Wiring only: each concern's setup lives in lib/background/setup.ts. Listeners are registered
 * synchronously inside these calls, so a message or alarm that wakes the worker is not lost.
 */
import { browser } from 'wxt/browser';
import { setupAlarms, setupBadge, setupMessaging, setupNotifications, setupReplans, setupStore } from '@/lib/background/setup';
import { setupFirstRun } from '@/lib/background/onboarding-setup';

export default defineBackground(() => {
  setupFirstRun(browser);
  const store = setupStore(browser);
  setupBadge(browser, store);
  // Before the re-plan queue, so its baseline is read before the start-up re-plan writes.
  setupNotifications(browser, store);
  const replans = setupReplans(store);
  setupMessaging(browser, store, replans);
  setupAlarms(browser, store, replans);
});
