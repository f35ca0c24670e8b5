/**
 * Test harness for the background's message handlers: a fresh fake-indexeddb store per test,
 * the real handlers over it, a fixed clock, and cleanup after each test. Messages that should
 * meet the sender rules go through `dispatch` (the dispatcher the worker uses) with one of the
 * SENDERS below.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { addDays } from '../locale/dates';
import { createDispatcher } from '../messaging/rpc';
import type { Observation } from '../records';
import { openStore, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';
import { createHandlers } from './handlers';
import { createReplanner } from './replan';

export const NOW = new Date('2026-11-20T18:00:00Z');
export const TODAY = '2026-11-20';

/** A Manage All Inventory reading of an FBA listing on amazon.com, taken on `date`. */
export function listingReading(sku: string, date: string, fields: Partial<Extract<Observation, { kind: 'listing' }>> = {}): Observation {
  return {
    kind: 'listing',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/manage-inventory',
    observedAt: `${date}T17:00:00.000Z`,
    observedDate: date,
    sku,
    title: `Title ${sku}`,
    fulfillment: 'FBA',
    ...fields,
  };
}

/** Shipped orders of `perDay` units on each of the `days` days before TODAY, seen today. */
export function dailyOrders(sku: string, perDay: number, days: number): Observation[] {
  return Array.from({ length: days }, (_, i) => ({
    kind: 'order',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/orders',
    observedAt: NOW.toISOString(),
    observedDate: TODAY,
    orderId: `111-${sku}-${i}`,
    sku,
    quantity: perDay,
    status: 'shipped',
    orderDate: addDays(TODAY, -i - 1),
  }));
}

/** The extension's base URL in tests (the id the manifest key pins, wxt.config.ts). */
export const EXTENSION_BASE_URL = 'chrome-extension://bjljbmdnahhiinnjhfdpielpalkjldff/';

/** One sender of each kind the background meets, as runtime.onMessage gives its URL. */
export const SENDERS = {
  /** The content script on a seller page. */
  content: { url: 'https://sellercentral.amazon.com/myinventory/inventory' },
  popup: { url: `${EXTENSION_BASE_URL}popup.html` },
  options: { url: `${EXTENSION_BASE_URL}options.html` },
  /** A page that is neither a seller page nor the extension's. */
  web: { url: 'https://evil.example/inventory' },
} as const;

/**
 * Call once at the top of a test file.
 * @example const bg = useTestBackground(); it('…', async () => { const handlers = await bg.setup(); … bg.db … });
 */
export function useTestBackground(prefix = 'test') {
  let current: StoreDb | undefined;
  let queue: ReturnType<typeof createReplanner> | undefined;
  afterEach(() => {
    current?.close();
    current = undefined;
    queue = undefined;
  });
  return {
    /** A fresh store and its handlers; `replan` defaults to the real coalescing re-planner. */
    async setup(replan?: BackgroundDeps['replan']) {
      const db = (current = await openStore(`${prefix}-${Math.random()}`));
      const replanner = (queue = createReplanner(db, () => NOW));
      return createHandlers({
        db,
        now: () => NOW,
        replan: replan ?? ((ids, onPlans) => replanner.replan(ids, onPlans)),
        plansSaved: () => replanner.plansSaved(),
      });
    },
    /** Resolves when the current test's re-plan queue has saved and written all it queued (after setup). */
    idle(): Promise<void> {
      if (!queue) throw new Error('call setup() first');
      return queue.idle();
    },
    /** The store of the current test (after setup). */
    get db(): StoreDb {
      if (!current) throw new Error('call setup() first');
      return current;
    },
  };
}

/** The worker's dispatcher over these handlers (sender rules, validation, answer checks). */
export function dispatcherOf(handlers: Awaited<ReturnType<ReturnType<typeof useTestBackground>['setup']>>) {
  return createDispatcher(handlers, { extensionBaseUrl: EXTENSION_BASE_URL });
}
