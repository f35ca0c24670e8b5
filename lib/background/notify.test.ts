import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import type { Observation } from '../records';
import { openStore, type StoreDb } from '../store';
import { putListings } from '../store/test-helpers';
import { sellerPageUrl } from './links';
import { createNotifier, newlyAtRisk, notificationsAfterReplan, NOTIFY_CAP, planNotifications, RiskTracker, type RiskItem } from './notify';
import { createReplanner } from './replan';
import { createHandlers } from './handlers';

const item = (sku: string, daysOfCover: number | null = 5, available: number | null = 10): RiskItem => ({
  key: `amazon|amazon.com|${sku}`,
  sku,
  platform: 'amazon',
  marketplace: 'amazon.com',
  daysOfCover,
  available,
  url: `https://sellercentral.amazon.com/?q=${sku}`,
});
const SUMMARY = 'chrome-extension://id/popup.html';

describe('newly at risk', () => {
  it('is what is at risk now and was not before, in the current order', () => {
    expect(newlyAtRisk(new Set(['a', 'b']), ['c', 'a', 'd'])).toEqual(['c', 'd']);
    expect(newlyAtRisk(new Set(['a']), [])).toEqual([]);
  });

  it('never includes a key that was at risk before, nor misses one that was not (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), fc.uniqueArray(fc.string()), (before, now) => {
        const fresh = newlyAtRisk(new Set(before), now);
        expect(fresh.every((k) => !before.includes(k) && now.includes(k))).toBe(true);
        expect(fresh.length).toBe(now.filter((k) => !before.includes(k)).length);
      }),
    );
  });

  it('the tracker sets a baseline first (nothing is new after a restart), then reports changes once', () => {
    const tracker = new RiskTracker();
    expect(tracker.update(['a', 'b'])).toEqual([]);
    expect(tracker.update(['a', 'b', 'c'])).toEqual(['c']);
    expect(tracker.update(['a', 'b', 'c'])).toEqual([]);
    expect(tracker.update(['c'])).toEqual([]);
    expect(tracker.update(['c', 'a'])).toEqual(['a']); // recovered, then at risk again: notified again
  });
});

describe('planNotifications', () => {
  it('one notification per SKU up to the cap, opening its seller page', () => {
    const out = planNotifications([item('A', 3.7), item('B', null, 0)], 'en', { summaryUrl: SUMMARY });
    expect(out).toEqual([
      { id: 'sku:amazon|amazon.com|A', title: 'A is now at risk', message: 'amazon.com: 3 days of cover left', url: item('A').url },
      { id: 'sku:amazon|amazon.com|B', title: 'B is now at risk', message: 'amazon.com: out of stock', url: item('B').url },
    ]);
  });

  it('one summary notification when more than the cap became at risk, naming the most urgent', () => {
    const items = Array.from({ length: 8 }, (_, i) => item(`S${i}`));
    const out = planNotifications(items.slice(0, 5), 'zh-CN', { summaryUrl: SUMMARY, total: 8 });
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual({ id: 'summary:8', title: '8 个 SKU 新出现风险', message: '包括 S0, S1, S2, S3, S4。打开库存助手查看全部。', url: SUMMARY });
    expect(planNotifications(items.slice(0, NOTIFY_CAP), 'en', { summaryUrl: SUMMARY })).toHaveLength(NOTIFY_CAP);
    expect(planNotifications([], 'en', { summaryUrl: SUMMARY })).toEqual([]);
  });
});

describe('notificationsAfterReplan (store)', () => {
  let db: StoreDb | undefined;
  afterEach(() => {
    db?.close();
    db = undefined;
  });
  const NOW = new Date('2026-11-20T18:00:00Z');
  const URL = 'https://sellercentral.amazon.com/myinventory/inventory';
  const listing = (sku: string, available: number, at = '2026-11-20T17:00:00.000Z'): Observation => ({
    kind: 'listing',
    platform: 'amazon',
    marketplace: 'amazon.com',
    source: 'amazon/manage-inventory',
    observedAt: at,
    observedDate: '2026-11-20',
    sku,
    available,
    fulfillment: 'FBA',
  });
  const orders = (sku: string, perDay: number): Observation[] =>
    Array.from(
      { length: 30 },
      (_, i) =>
        ({
          kind: 'order',
          platform: 'amazon',
          marketplace: 'amazon.com',
          source: 'amazon/orders',
          observedAt: NOW.toISOString(),
          observedDate: '2026-11-20',
          orderId: `o-${sku}-${i}`,
          sku,
          quantity: perDay,
          status: 'shipped',
          orderDate: addDays('2026-11-20', -i - 1),
        }) satisfies Observation,
    );

  it('notifies a SKU that runs short after a reading, once', async () => {
    db = await openStore(`test-${Math.random()}`);
    const replanner = createReplanner(db, () => NOW);
    const handlers = createHandlers({ db, now: () => NOW, replan: (ids) => replanner.replan(ids) });
    const tracker = new RiskTracker();
    const look = () => notificationsAfterReplan(db!, tracker, 'en', sellerPageUrl, SUMMARY);
    await handlers['page/ingest'](
      { url: URL, adapterId: 'amazon/manage-inventory', rows: [...orders('MUG', 5), listing('MUG', 5000)], diagnostics: [] },
      { url: URL },
    );
    expect(await look()).toEqual([]); // baseline
    await handlers['page/ingest'](
      { url: URL, adapterId: 'amazon/manage-inventory', rows: [listing('MUG', 20, '2026-11-20T17:30:00.000Z')], diagnostics: [] },
      { url: URL },
    );
    const out = await look();
    expect(out.map((n) => n.title)).toEqual(['MUG is now at risk']);
    expect(out[0]!.url).toContain('searchTerm=MUG');
    expect(await look()).toEqual([]);
  });
});

describe('createNotifier', () => {
  let db: StoreDb | undefined;
  afterEach(() => {
    db?.close();
    db = undefined;
  });

  it('shows nothing when disabled or without the permission, but keeps tracking', async () => {
    db = await openStore(`test-${Math.random()}`);
    const shown: string[] = [];
    let enabled = false;
    let permitted = true;
    const notifier = createNotifier({
      db,
      urlOf: sellerPageUrl,
      summaryUrl: SUMMARY,
      settings: async () => ({ enabled, language: 'en' }),
      api: {
        permitted: async () => permitted,
        show: async (s) => {
          shown.push(s.title);
        },
      },
    });
    await notifier.baseline();
    const put = (sku: string, riskTypes: string[]) =>
      putListings(db!, [
        {
          key: `amazon|amazon.com|${sku}`,
          platform: 'amazon',
          marketplace: 'amazon.com',
          sku,
          productId: `p:${sku}`,
          linkRule: 'none',
          linkedAt: '',
          poolRule: 'auto',
          fieldObservedAt: {},
          firstSeenAt: '',
          lastObservedAt: '',
          urgency: 1,
          available: 0,
          riskTypes,
        } as never,
      ]);
    await put('A', ['stockout', 'attention', 'critical']);
    expect(await notifier.afterChange()).toEqual([]); // disabled: A is tracked, not shown
    enabled = true;
    permitted = false;
    await put('B', ['oversell', 'attention', 'critical']);
    expect(await notifier.afterChange()).toEqual([]);
    permitted = true;
    await put('C', ['overstock', 'attention']); // needs attention, but only critical listings interrupt
    await put('E', ['stockout', 'attention']); // a reorder due soon: a warning, not critical
    await put('D', ['stockout', 'attention', 'critical']);
    const out = await notifier.afterChange();
    expect(out.map((s) => s.title)).toEqual(['D is now at risk']);
    expect(shown).toEqual(['D is now at risk']);
    expect(notifier.targets.get('sku:amazon|amazon.com|D')).toContain('searchTerm=D');
  });
});
