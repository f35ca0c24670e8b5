/**
 * The service worker's wiring, one setup function per concern; entrypoints/background.ts only
 * calls them, in order. The browser is passed in (the subset in BackgroundApi), so the wiring
 * runs in vitest with a fake browser and fake-indexeddb.
 *
 * Rules the wiring keeps:
 * - Listeners are registered synchronously (a message or alarm that wakes the worker is not lost).
 * - One re-plan queue (setupReplans) serves page reads, imports, settings changes, the
 *   start-up re-plan and the daily job, so bursts coalesce and runs never overlap.
 * - Messages wait only for the store: optional features (notifications) hang off the change
 *   signal and are never awaited, so a slow or failed notifications setup costs nothing else.
 */
import { languageFromTag } from '../i18n';
import { createDispatcher } from '../messaging/rpc';
import { OPTIONS_PAGE } from '../messaging/senders';
import { migrateSettings } from '../settings';
import { foldHistory, listAtRisk, loadCatalogueFit, loadSettings, openStore, type StoreDb } from '../store';
import { BADGE_COLOR, badgeText, toolbarButton, type ToolbarButton } from './badge';
import { runDailyMaintenance } from './daily';
import { createFirstScreen, READ_ONLY_MESSAGES, type FirstScreen } from './first-screen';
import { createHandlers } from './handlers';
import { whileBusy } from './keep-alive';
import { sellerPageUrl } from './links';
import { HEAD_LIMIT, OPENING_RISK } from '../messaging/popup-opening';
import type { MessageType } from '../messaging/protocol';
import { atRiskItems } from './page-handlers';
import { createNotifier, NOTIFY_ICON } from './notify';
import { createReplanner, type OnPlans } from './replan';

type Listener<A extends unknown[], R = void> = { addListener(callback: (...args: A) => R): void };
type MessageSender = { url?: string; tab?: { url?: string } };

/** The part of the browser the background uses (wxt's `browser` in the worker, a fake in tests). */
export interface BackgroundApi {
  runtime: {
    getPlatformInfo(): Promise<unknown>;
    getURL(path: '/' | '/popup.html' | '/options.html'): string;
    onMessage: Listener<[message: unknown, sender: MessageSender, sendResponse: (response: unknown) => void], true | undefined>;
  };
  alarms: {
    create(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): Promise<void>;
    get(name: string): Promise<{ name: string } | undefined>;
    onAlarm: Listener<[alarm: { name: string }]>;
  };
  /** The toolbar button: `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox); see toolbarButton. */
  action?: ToolbarButton;
  browserAction?: ToolbarButton;
  permissions: {
    contains(permissions: { permissions: 'notifications'[] }): Promise<boolean>;
    onAdded: Listener<[permissions: unknown]>;
  };
  /** Absent until the seller grants the optional permission (Chrome). */
  notifications?: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<unknown>;
    onClicked: Listener<[id: string]> & { hasListener(callback: (id: string) => void): boolean };
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

/** The opened store and what every other setup shares: the clock, keep-alive, the change signal. */
interface BackgroundStore {
  dbReady: Promise<StoreDb>;
  now: () => Date;
  /** Resolves as `work` does, keeping the worker awake meanwhile (lib/background/keep-alive.ts). */
  busy<T>(work: Promise<T>): Promise<T>;
  /** Runs `listener` after data changed (badge, notifications); listeners must not throw or block. */
  onChange(listener: () => void): void;
  /** Signals that data changed. */
  changed(): void;
  /** The popup's first screen in memory; every write runs inside its `during` (first-screen.ts). */
  firstScreen: FirstScreen;
}

/** The one re-plan queue (coalescing, one run at a time). */
interface ReplanQueue {
  replan(productIds: readonly string[] | undefined, onPlans?: OnPlans): Promise<void>;
  plansSaved(): Promise<void>;
}

export const DAILY_REPLAN_ALARM = 'daily-replan';

/**
 * Opens the store (a schema upgrade may run over the whole history: the worker is kept awake
 * through it), then moves readings past their first days to their listings' history records.
 */
export function setupStore(api: BackgroundApi, open: () => Promise<StoreDb> = () => openStore()): BackgroundStore {
  const keepAlive = () => api.runtime.getPlatformInfo();
  const busy = <T>(work: Promise<T>) => whileBusy(work, keepAlive);
  const now = () => new Date();
  const dbReady = busy(open());
  const firstScreen = createFirstScreen(async () => atRiskItems(await dbReady, { risk: OPENING_RISK, limit: HEAD_LIMIT }));
  // Its end builds the first screen (foldHistory moves readings, the lists' rows stay).
  void dbReady.then((db) => firstScreen.during(() => busy(foldHistory(db, now())))).catch(() => undefined);
  const listeners: (() => void)[] = [];
  return {
    dbReady,
    now,
    busy,
    firstScreen,
    onChange: (listener) => void listeners.push(listener),
    changed: () => {
      for (const listener of listeners) {
        try {
          listener();
        } catch {
          // One feature's failure must not keep the others from hearing about the change.
        }
      }
    },
  };
}

/**
 * The one re-plan queue. A store never planned whole by this version (new install, upgrade,
 * plans of an older planner) is planned whole once at start-up, which also fits the forecast
 * context and ABC classes on the catalogue.
 */
export function setupReplans(store: BackgroundStore): ReplanQueue {
  const replanner = store.dbReady.then((db) => createReplanner(db, store.now, { keepAwake: store.busy }));
  // A store that did not open is reported by each message's answer, not as an unhandled rejection.
  replanner.catch(() => undefined);
  // A re-plan after a big page reads the products' whole history (seconds at a million readings): keep the worker awake.
  const replan = (productIds: readonly string[] | undefined, onPlans?: OnPlans) =>
    store.firstScreen.during(() => store.busy(replanner.then((r) => r.replan(productIds, onPlans))));
  const plansSaved = () => replanner.then((r) => r.plansSaved()).catch(() => undefined);
  void store.dbReady
    .then(loadCatalogueFit)
    .then((fit) => (fit ? undefined : replan(undefined).then(store.changed)))
    .catch(() => undefined);
  return { replan, plansSaved };
}

/** The toolbar badge: how many SKUs the one urgency rule says need attention, refreshed after each change. */
export function setupBadge(api: BackgroundApi, store: BackgroundStore): void {
  const button = toolbarButton(api);
  if (!button) return;
  const refresh = async () => {
    const db = await store.dbReady;
    const { total } = await listAtRisk(db, { risk: 'attention', limit: 1 });
    await button.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await button.setBadgeText({ text: badgeText(total) });
  };
  store.onChange(() => void refresh().catch(() => undefined));
  void refresh().catch(() => undefined);
}

type Notifier = ReturnType<typeof createNotifier>;

/** The notifier over the browser's notifications, with its baseline taken (SKUs at risk now are not news). */
async function startNotifier(api: BackgroundApi, db: StoreDb): Promise<Notifier> {
  const notifier = createNotifier({
    db,
    urlOf: sellerPageUrl,
    summaryUrl: api.runtime.getURL('/popup.html'),
    settings: async () => {
      const settings = migrateSettings(await loadSettings(db));
      return { enabled: settings.notifications.enabled, language: settings.language === 'auto' ? languageFromTag(navigator.language) : settings.language };
    },
    api: {
      permitted: () => api.permissions.contains({ permissions: ['notifications'] }),
      show: async (spec) => void (await api.notifications?.create(spec.id, { type: 'basic', iconUrl: NOTIFY_ICON, title: spec.title, message: spec.message })),
    },
  });
  await notifier.baseline();
  return notifier;
}

/**
 * Notifications (optional permission) of SKUs newly at risk after a change, opening the SKU's
 * seller page on click. Optional: nothing else waits for it, and its failure stays here.
 */
export function setupNotifications(
  api: BackgroundApi,
  store: BackgroundStore,
  start: (db: StoreDb) => Promise<Notifier> = (db) => startNotifier(api, db),
): void {
  const ready = store.dbReady.then(start);
  ready.catch(() => undefined);
  const onClick = (id: string) => {
    void ready
      .then((n) => {
        const url = n.targets.get(id);
        if (url) void api.tabs.create({ url });
      })
      .catch(() => undefined);
  };
  // `notifications` appears once the seller grants the permission.
  const listenForClicks = () => {
    if (api.notifications && !api.notifications.onClicked.hasListener(onClick)) api.notifications.onClicked.addListener(onClick);
  };
  listenForClicks();
  api.permissions.onAdded.addListener(listenForClicks);
  store.onChange(() => void ready.then((n) => n.afterChange()).catch(() => undefined));
}

/**
 * Answers the protocol's messages (lib/messaging) with the handler registry over the store and
 * the one re-plan queue. Waits for the store only; returns the dispatch the listener uses.
 */
export function setupMessaging(api: BackgroundApi, store: BackgroundStore, replans: ReplanQueue) {
  const extensionBaseUrl = api.runtime.getURL('/');
  const dispatchReady = store.dbReady.then((db) =>
    createDispatcher(
      createHandlers({
        db,
        now: store.now,
        replan: replans.replan,
        plansSaved: replans.plansSaved,
        afterChange: store.changed,
        firstScreen: store.firstScreen,
        // tabs.create needs no "tabs" permission; the section is the options page's anchor.
        openOptions: async (section) => void (await api.tabs.create({ url: `${api.runtime.getURL(`/${OPTIONS_PAGE}`)}#${section}` })),
      }),
      { extensionBaseUrl },
    ),
  );
  dispatchReady.catch(() => undefined);
  const answer = async (message: unknown, sender: MessageSender) => (await dispatchReady)(message, { url: sender.url ?? sender.tab?.url });
  // While a message that may write runs, the popup's first screen is answered marked updating (first-screen.ts).
  const dispatch = (message: unknown, sender: MessageSender) =>
    READ_ONLY_MESSAGES.has((message as { type?: unknown } | null)?.type as MessageType)
      ? answer(message, sender)
      : store.firstScreen.during(() => answer(message, sender));
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void dispatch(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });
  return dispatch;
}

/** A whole-catalogue plan older than this means the daily job did not run (the browser was closed, or dropped the alarm). */
const DAILY_JOB_MISSED_AFTER_MS = 24 * 3600 * 1000;

/**
 * The daily job (alarm): compact old readings, then re-plan everything through the one queue
 * (a new day moves every date). Browsers may drop alarms on restart (Firefox always does), so
 * every worker start creates the alarm when it is missing, and runs the job at once when the
 * last whole-catalogue plan is more than a day old (a store never planned whole is planned by
 * setupReplans).
 */
export function setupAlarms(api: BackgroundApi, store: BackgroundStore, replans: Pick<ReplanQueue, 'replan'>): void {
  const runDaily = () =>
    store.dbReady
      .then((db) => store.firstScreen.during(() => store.busy(runDailyMaintenance(db, store.now(), replans.replan))))
      .then(store.changed)
      .catch(() => undefined);
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_REPLAN_ALARM) void runDaily();
  });
  void api.alarms
    .get(DAILY_REPLAN_ALARM)
    .then((alarm) => (alarm ? undefined : api.alarms.create(DAILY_REPLAN_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 })))
    .catch(() => undefined);
  void store.dbReady
    .then(loadCatalogueFit)
    .then((stored) => (stored && store.now().getTime() - Date.parse(stored.fittedAt) > DAILY_JOB_MISSED_AFTER_MS ? runDaily() : undefined))
    .catch(() => undefined);
}
