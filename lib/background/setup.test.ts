import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeObservations, openStore, type StoreDb } from '../store';
import { listingObs } from '../store/test-helpers';
import { setupAlarms, setupBadge, setupMessaging, setupNotifications, setupReplans, setupStore, type BackgroundApi, DAILY_REPLAN_ALARM } from './setup';
import { EXTENSION_BASE_URL, SENDERS } from './test-background';

type Callback = (...args: never[]) => unknown;

/** A browser with the background's API: listeners are kept so a test can fire them; badge writes are recorded. */
function fakeBrowser() {
  const listeners = { message: [] as Callback[], alarm: [] as Callback[], permissionAdded: [] as Callback[] };
  const badge: string[] = [];
  const alarms: string[] = [];
  const listen = (list: Callback[]) => ({ addListener: (cb: Callback) => void list.push(cb) });
  const api: BackgroundApi = {
    runtime: {
      getPlatformInfo: async () => ({}),
      getURL: (path) => `${EXTENSION_BASE_URL}${path.slice(1)}`,
      onMessage: listen(listeners.message),
    },
    alarms: {
      create: async (name) => void alarms.push(name),
      get: async (name) => (alarms.includes(name) ? { name } : undefined),
      onAlarm: listen(listeners.alarm),
    },
    action: { setBadgeText: async ({ text }) => void badge.push(text), setBadgeBackgroundColor: async () => {} },
    permissions: { contains: async () => true, onAdded: listen(listeners.permissionAdded) },
    tabs: { create: async () => ({}) },
  };
  /** Sends a message the way runtime.onMessage delivers it; resolves with the reply. */
  const send = (message: unknown, sender: { url?: string }) =>
    new Promise<unknown>((resolve) => {
      for (const listener of listeners.message) expect(listener(message as never, sender as never, resolve as never)).toBe(true);
    });
  return { api, listeners, badge, alarms, send };
}

let db: StoreDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});
const open = async () => (db = await openStore(`setup-${Math.random()}`));
const never = <T>() => new Promise<T>(() => {});

describe('background setup', () => {
  it('answers messages while the notifications setup never finishes', async () => {
    const browser = fakeBrowser();
    const store = setupStore(browser.api, open);
    setupBadge(browser.api, store);
    let notifierStarts = 0;
    setupNotifications(browser.api, store, () => {
      notifierStarts++;
      return never();
    });
    const replans = setupReplans(store);
    setupMessaging(browser.api, store, replans);
    setupAlarms(browser.api, store, replans);
    // Registered synchronously: a message that wakes the worker is not lost.
    expect(browser.listeners.message).toHaveLength(1);

    expect(await browser.send({ type: 'settings/get', payload: {} }, SENDERS.popup)).toMatchObject({ ok: true, data: { settings: { language: 'auto' } } });
    // A change (which signals notifications) is answered too, and the badge still follows it.
    const reading = {
      url: SENDERS.content.url,
      adapterId: 'amazon/manage-inventory',
      rows: [
        {
          kind: 'listing',
          platform: 'amazon',
          marketplace: 'amazon.com',
          source: 'amazon/manage-inventory',
          observedAt: '2026-11-20T17:00:00.000Z',
          observedDate: '2026-11-20',
          sku: 'A',
          available: 0,
          fulfillment: 'FBA',
        },
      ],
      diagnostics: [],
    };
    expect(await browser.send({ type: 'page/ingest', payload: reading }, SENDERS.content)).toMatchObject({ ok: true, data: { panels: [{ sku: 'A' }] } });
    expect(await browser.send({ type: 'skus/at-risk', payload: { risk: 'all' } }, SENDERS.options)).toMatchObject({ ok: true, data: { total: 1 } });
    // The sender rules hold in the worker's listener (the frame URL, or the tab's).
    expect(await browser.send({ type: 'data/storage', payload: {} }, SENDERS.content)).toMatchObject({
      ok: false,
      error: expect.stringContaining('accepted only from'),
    });
    expect(notifierStarts).toBe(1);
  });

  it('answers messages when the notifications setup fails', async () => {
    const browser = fakeBrowser();
    const store = setupStore(browser.api, open);
    setupNotifications(browser.api, store, async () => {
      throw new Error('notifications broke');
    });
    setupMessaging(browser.api, store, setupReplans(store));
    expect(await browser.send({ type: 'popup/facets', payload: {} }, SENDERS.popup)).toEqual({ ok: true, data: { total: 0, marketplaces: [] } });
    store.changed(); // the failed notifier hears about changes without throwing
  });

  it('answers with an error (never silence) when the store does not open', async () => {
    const browser = fakeBrowser();
    const store = setupStore(browser.api, () => Promise.reject(new Error('quota exceeded')));
    setupMessaging(browser.api, store, setupReplans(store));
    expect(await browser.send({ type: 'settings/get', payload: {} }, SENDERS.popup)).toEqual({ ok: false, error: 'Error: quota exceeded' });
  });

  it('creates the daily alarm at every worker start when the browser dropped it, and never twice', async () => {
    const browser = fakeBrowser();
    const store = setupStore(browser.api, open);
    const replans = setupReplans(store);
    setupAlarms(browser.api, store, replans);
    await expect.poll(() => browser.alarms).toEqual([DAILY_REPLAN_ALARM]);
    // The worker starts again with the alarm still there: nothing new.
    setupAlarms(browser.api, store, replans);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(browser.alarms).toEqual([DAILY_REPLAN_ALARM]);
  });

  it('runs a missed daily job at the next start: a whole-catalogue plan more than a day old', async () => {
    for (const [ageHours, runs] of [
      [30, 1],
      [2, 0],
    ] as const) {
      const browser = fakeBrowser();
      const store = setupStore(browser.api, open);
      const replans = setupReplans(store);
      await mergeObservations(await store.dbReady, [listingObs('MUG-1', new Date().toISOString())], new Date());
      await replans.replan(undefined); // a whole plan now: the stored catalogue fit is dated now
      const later = new Date(Date.now() + ageHours * 3600 * 1000);
      const calls: (readonly string[] | undefined)[] = [];
      const restarted = { ...store, now: () => later };
      setupAlarms(browser.api, restarted, { replan: (ids) => (calls.push(ids), replans.replan(ids)) });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls.length, `${ageHours} h`).toBe(runs);
    }
  });

  it('uses one re-plan queue for messages and the daily job, and creates the daily alarm', async () => {
    const browser = fakeBrowser();
    const store = setupStore(browser.api, open);
    const calls: (readonly string[] | undefined)[] = [];
    const replans = setupReplans(store);
    const queue = {
      replan: (ids: readonly string[] | undefined) => {
        calls.push(ids);
        return replans.replan(ids);
      },
      plansSaved: replans.plansSaved,
    };
    setupMessaging(browser.api, store, queue);
    setupAlarms(browser.api, store, queue);
    await expect.poll(() => browser.alarms).toEqual([DAILY_REPLAN_ALARM]);

    const { settings } = ((await browser.send({ type: 'settings/get', payload: {} }, SENDERS.options)) as { data: { settings: object } }).data;
    await browser.send({ type: 'settings/save', payload: { settings } }, SENDERS.options);
    await browser.send({ type: 'import/commit', payload: { importId: 'i', batchIndex: 0, rows: [], last: true } }, SENDERS.options);
    // Settings re-plan everything; so does an import touching a quarter of the catalogue (here, all of none).
    expect(calls).toEqual([undefined, undefined]);
    let changes = 0;
    store.onChange(() => changes++);
    for (const listener of browser.listeners.alarm) listener({ name: DAILY_REPLAN_ALARM } as never);
    await expect.poll(() => changes).toBe(1);
    expect(calls).toEqual([undefined, undefined, undefined]);
  });
});
