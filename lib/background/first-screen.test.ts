import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD_LIMIT, OPENING_RISK } from '../messaging/popup-opening';
import type { ResponseOf } from '../messaging/protocol';
import { panelData } from '../messaging/test-panel';
import { isoDateInZone } from '../locale/dates';
import { marketplaceById } from '../locale/markets';
import { seededRandom } from '../random';
import { openStore, type StoreDb } from '../store';
import { listingObs } from '../store/test-helpers';
import { createFirstScreen, isOpeningRequest } from './first-screen';
import { atRiskItems } from './page-handlers';
import { setupMessaging, setupReplans, setupStore, type BackgroundApi } from './setup';
import { EXTENSION_BASE_URL, SENDERS } from './test-background';

type AtRisk = ResponseOf<'skus/at-risk'>;
const OPENING = { risk: OPENING_RISK, limit: HEAD_LIMIT } as const;

const reply = (skus: string[]): AtRisk => ({
  items: skus.map((sku) => ({
    ...panelData({ sku, urgency: 'critical', available: 0 }),
    platform: 'amazon' as const,
    marketplace: 'amazon.com',
    url: `https://sellercentral.amazon.com/myinventory/inventory?searchTerm=${sku}`,
  })),
  total: skus.length,
  stored: skus.length,
});

/** A promise and its resolver, so a test decides when a write or a build ends. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('the first screen (in memory)', () => {
  it('answers only the opening request, and nothing before it is built', async () => {
    const screen = createFirstScreen(async () => reply(['A']));
    expect(screen.answer(OPENING)).toBeUndefined();
    await screen.refresh();
    expect(screen.answer(OPENING)?.items.map((i) => i.sku)).toEqual(['A']);
    expect(screen.answer({ ...OPENING, risk: 'all' })).toBeUndefined();
    expect(screen.answer({ ...OPENING, limit: 20_000 })).toBeUndefined();
    expect(screen.answer({ ...OPENING, search: 'a' })).toBeUndefined();
    expect(isOpeningRequest({ ...OPENING, account: 'default' })).toBe(false);
  });

  it('is marked updating while a write runs, and current again once rebuilt after the last write', async () => {
    let stored = ['A'];
    const screen = createFirstScreen(async () => reply(stored));
    await screen.refresh();
    const first = gate();
    const second = gate();
    const writes = [
      screen.during(async () => {
        stored = ['B'];
        await first.promise;
      }),
      screen.during(() => second.promise),
    ];
    // The rows from before the writes, said to be so.
    expect(screen.answer(OPENING)).toMatchObject({ items: [{ sku: 'A' }], updating: true });
    first.open();
    await writes[0];
    expect(screen.answer(OPENING)).toMatchObject({ items: [{ sku: 'A' }], updating: true });
    second.open();
    await writes[1];
    await screen.refresh();
    expect(screen.answer(OPENING)).toEqual(reply(['B']));
  });

  it('throws away a build a write overtook', async () => {
    let stored = ['A'];
    const slowBuild = gate<AtRisk>();
    let builds = 0;
    const screen = createFirstScreen(() => (builds++ === 0 ? slowBuild.promise : Promise.resolve(reply(stored))));
    const building = screen.refresh();
    await screen.during(async () => {
      stored = ['B'];
    });
    // The build that started before the write ends after it, with the old rows: not held as current.
    slowBuild.open(reply(['A']));
    await building;
    await screen.refresh();
    expect(screen.answer(OPENING)).toEqual(reply(['B']));
  });

  it('is dropped when it cannot be rebuilt (the store answers, and reports the error)', async () => {
    let fail = false;
    const screen = createFirstScreen(async () => {
      if (fail) throw new Error('store closed');
      return reply(['A']);
    });
    await screen.refresh();
    fail = true;
    await screen.during(async () => undefined);
    await screen.refresh();
    expect(screen.answer(OPENING)).toBeUndefined();
  });
});

/** The worker's message listener over a fresh store (setup.ts wiring, no other browser features). */
function worker(open: () => Promise<StoreDb>) {
  const listeners: ((message: unknown, sender: { url?: string }, respond: (r: unknown) => void) => unknown)[] = [];
  const api = {
    runtime: {
      getPlatformInfo: async () => ({}),
      getURL: (path: string) => `${EXTENSION_BASE_URL}${path.slice(1)}`,
      onMessage: { addListener: (l: never) => void listeners.push(l) },
    },
  } as unknown as BackgroundApi;
  const store = setupStore(api, open);
  setupMessaging(api, store, setupReplans(store));
  const send = (type: string, payload: unknown, sender: { url?: string } = SENDERS.popup) =>
    new Promise<{ ok: boolean; data?: any; error?: string }>((resolve) => listeners[0]!({ type, payload }, sender, resolve as never));
  return { store, send };
}

let db: StoreDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('the first screen in the worker', () => {
  it('never disagrees with the list: after each of random page reads it equals the store’s opening rows, and meanwhile says it is updating', async () => {
    const { store, send } = worker(async () => (db = await openStore(`first-screen-${Math.random()}`)));
    const random = seededRandom(14);
    const opening = async () => (await send('skus/at-risk', OPENING)).data as AtRisk;
    const settled = async () => {
      // Rebuilt after the last write (the re-plan a page read starts runs on after its answer).
      for (let i = 0; i < 200 && (await opening())?.updating; i++) await new Promise((r) => setTimeout(r, 5));
      return opening();
    };
    // A reader dates a reading in the marketplace's zone, as the plan's "today" is: a UTC date would put
    // readings made between UTC and Pacific midnight on tomorrow, after the plan's day.
    const now = new Date().toISOString();
    const observedDate = isoDateInZone(new Date(now), marketplaceById('amazon.com')!.timeZone);
    let previous: AtRisk | undefined;
    const lists = new Set<string>();
    for (let step = 0; step < 12; step++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const sku = `SKU-${Math.floor(random() * 20)}`;
        const available = random() < 0.15 ? undefined : Math.floor(random() * 300);
        return listingObs(sku, now, {
          observedDate,
          title: `Item ${sku}`,
          fulfillment: 'SELLER',
          ...(available === undefined ? {} : { available }),
          ...(random() < 0.7 ? { unitsSold: [{ windowDays: 30, units: Math.floor(random() * 200) }] } : {}),
        });
      });
      const writing = send('page/ingest', { url: SENDERS.content.url, adapterId: 'amazon/manage-inventory', rows, diagnostics: [] }, SENDERS.content);
      // While the write runs, the opening rows are the ones stored before it, said to be so.
      if (previous) expect(await opening()).toEqual({ ...previous, updating: true });
      expect((await writing).ok).toBe(true);
      const held = await settled();
      expect(held.updating).toBeUndefined();
      expect(held).toEqual(await atRiskItems(await store.dbReady, OPENING));
      lists.add(JSON.stringify(held));
      previous = held;
    }
    // The comparisons covered real rows, and a list that changed along the way.
    expect(previous!.items.length).toBeGreaterThan(0);
    expect(lists.size).toBeGreaterThan(3);
  });
});
