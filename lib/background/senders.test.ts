/**
 * Every message from every kind of sender, through the worker's dispatcher and the real
 * handler registry: a message reaches its handler exactly when its protocol entry declares the
 * sender's kind, and is refused with a clear error (before validation) otherwise.
 */
import { describe, expect, it } from 'vitest';
import { protocol, type MessageType, type RequestOf } from '../messaging/protocol';
import { createDispatcher, type Handlers } from '../messaging/rpc';
import type { SenderKind } from '../messaging/senders';
import { defaultSettings } from '../settings';
import { EXTENSION_BASE_URL, SENDERS, useTestBackground } from './test-background';

const background = useTestBackground('senders');
const LISTING = 'amazon|amazon.com|NOPE';

/** A valid request of every message (a new message without one here does not compile). */
const REQUESTS: { [K in MessageType]: RequestOf<K> } = {
  'page/ingest': { url: SENDERS.content.url, adapterId: 'amazon/manage-inventory', rows: [], diagnostics: [] },
  'panels/stored': { url: SENDERS.content.url, keys: [LISTING] },
  'options/open': { section: 'import' },
  'accounts/list': {},
  'accounts/save-overrides': { account: 'default', overrides: {} },
  'accounts/merge': { from: 'amazon-nope', into: 'default', confirm: false },
  'skus/at-risk': {},
  'export/listings-csv': {},
  'diagnostics/recent': {},
  'settings/get': {},
  'settings/save': { settings: defaultSettings() },
  'product/chart': { listingKey: LISTING },
  'products/list': {},
  'products/detail': { productId: 'p:nope' },
  'products/link': { listingKey: LISTING, productId: 'p:nope' },
  'products/unlink': { listingKey: LISTING },
  'products/calibrate': { listingKey: LISTING, onHand: 1, reason: 'Shelf count', by: 'Ana' },
  'returns/record': { listingKey: LISTING, units: 1 },
  'returns/resolve': { id: 1, status: 'sellable', by: 'Ana' },
  'warehouses/list': {},
  'warehouses/create': { name: 'East' },
  'warehouses/rename': { id: 'own:main', name: 'Main' },
  'warehouses/delete': { id: 'own:nope' },
  'listings/assign-pool': { listingKey: LISTING, poolId: null },
  'listings/sku-by-asin': { marketplace: 'amazon.co.uk' },
  'fee-facts/read': {},
  'import/commit': { importId: 'senders', batchIndex: 0, rows: [], last: true },
  'import/commit-packed': { importId: 'senders-packed', batchIndex: 0, packed: '[]', last: true },
  'export/merged': {},
  'data/delete-all': { confirm: 'delete-all' },
  'data/storage': {},
  'panels/set-hidden': { pageType: 'amazon/orders', hidden: true },
  'popup/facets': {},
  'onboarding/get': {},
  'onboarding/update': { events: [{ type: 'skip' }] },
  'purchasing/plan': {},
  'purchasing/order-placed': {
    productId: 'p:nope',
    poolId: 'fba:NA',
    sku: 'NOPE',
    supplierId: null,
    quantity: 1,
    placedOn: '2026-11-20',
    expectedArrival: '2026-12-20',
  },
  'purchasing/order-edit': { id: 'po-nope', changes: { quantity: 2 } },
  'purchasing/order-cancel': { id: 'po-nope' },
  'purchasing/costs': {},
  'purchasing/costs-save': {},
  'purchasing/launch-save': { stockKey: 'MUG@fba:NA', launch: null },
  'purchasing/cash': {},
  'teaching/page-columns': {},
  'teaching/teach': { field: 'title', header: 'Listing headline' },
  'teaching/list': {},
  'teaching/remove': { pageType: 'ebay/active-listings', marketplace: 'ebay.com', field: 'title' },
  'inbound/list': {},
  'inbound/set-arrival': { listingKey: 'amazon|amazon.com|MUG-1', date: '2026-12-20' },
  'inbound/shipments-read': { shipments: [] },
  'backup/begin': {},
  'backup/next': { backupId: 'nope' },
  'backup/restore-begin': { header: '{}' },
  'backup/restore-check': { restoreId: 'nope', lines: [] },
  'backup/restore-replace': { restoreId: 'nope' },
  'backup/restore-write': { restoreId: 'nope', lines: [] },
  'backup/restore-finish': { restoreId: 'nope' },
  'backup/status': {},
};

/** The declared senders, pinned: changing who may send a message is a deliberate, reviewed change. */
const DECLARED: Record<MessageType, readonly SenderKind[]> = {
  'page/ingest': ['content'],
  'panels/stored': ['content'],
  'options/open': ['content'],
  'accounts/list': ['extension'],
  'accounts/save-overrides': ['options'],
  'accounts/merge': ['options'],
  'skus/at-risk': ['extension'],
  'export/listings-csv': ['extension'],
  'diagnostics/recent': ['extension'],
  'settings/get': ['content', 'extension'],
  'settings/save': ['options'],
  'product/chart': ['content', 'extension'],
  'products/list': ['extension'],
  'products/detail': ['extension'],
  'products/link': ['extension'],
  'products/unlink': ['extension'],
  'products/calibrate': ['extension'],
  'returns/record': ['extension'],
  'returns/resolve': ['extension'],
  'warehouses/list': ['extension'],
  'warehouses/create': ['extension'],
  'warehouses/rename': ['extension'],
  'warehouses/delete': ['extension'],
  'listings/assign-pool': ['extension'],
  'listings/sku-by-asin': ['extension'],
  'fee-facts/read': ['extension'],
  'import/commit': ['extension'],
  'import/commit-packed': ['extension'],
  'export/merged': ['extension'],
  'data/delete-all': ['options'],
  'data/storage': ['extension'],
  'panels/set-hidden': ['content'],
  'popup/facets': ['extension'],
  'onboarding/get': ['extension'],
  'onboarding/update': ['extension'],
  'purchasing/plan': ['extension'],
  'purchasing/order-placed': ['extension'],
  'purchasing/order-edit': ['extension'],
  'purchasing/order-cancel': ['extension'],
  'purchasing/costs': ['extension'],
  'purchasing/costs-save': ['extension'],
  'purchasing/launch-save': ['extension'],
  'purchasing/cash': ['extension'],
  'teaching/page-columns': ['content'],
  'teaching/teach': ['content'],
  'teaching/list': ['extension'],
  'teaching/remove': ['extension'],
  'inbound/list': ['extension'],
  'inbound/set-arrival': ['extension'],
  'inbound/shipments-read': ['content'],
  'backup/begin': ['extension'],
  'backup/next': ['extension'],
  'backup/restore-begin': ['options'],
  'backup/restore-check': ['options'],
  'backup/restore-replace': ['options'],
  'backup/restore-write': ['options'],
  'backup/restore-finish': ['options'],
  'backup/status': ['extension'],
};

/**
 * Each sender the background meets, the kinds it counts as (none: never accepted) and how a
 * refusal names it. The options page is one of the extension's pages; the popup is not the options page.
 */
const FROM: { name: keyof typeof SENDERS; kinds: readonly SenderKind[]; named: string }[] = [
  { name: 'content', kinds: ['content'], named: 'content scripts on seller pages' },
  { name: 'popup', kinds: ['extension'], named: "the extension's other pages \\(the popup\\)" },
  { name: 'options', kinds: ['options', 'extension'], named: 'the options page' },
  { name: 'web', kinds: [], named: 'an unknown page' },
];

describe('sender rules', () => {
  it('declares the senders of every message as pinned here', () => {
    expect(Object.fromEntries(Object.entries(protocol).map(([type, spec]) => [type, spec.senders]))).toEqual(DECLARED);
  });

  it.each(Object.keys(REQUESTS) as MessageType[])('%s reaches its handler exactly from the declared senders', async (type) => {
    const handlers = await background.setup(async () => {});
    const reached: string[] = [];
    const spied = Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        async (request: never, sender: { url?: string }) => {
          reached.push(`${name} from ${sender.url}`);
          return (handler as (r: never, s: { url?: string }) => Promise<unknown>)(request, sender);
        },
      ]),
    ) as unknown as Handlers;
    const dispatch = createDispatcher(spied, { extensionBaseUrl: EXTENSION_BASE_URL });

    for (const { name, kinds, named } of FROM) {
      const sender = SENDERS[name];
      const reply = await dispatch({ type, payload: REQUESTS[type] }, sender);
      const accepted = kinds.some((k) => DECLARED[type].includes(k));
      if (accepted) {
        // Reached (the handler may still fail on the test's placeholder ids, never on the sender).
        expect(reached, `${type} from ${name}`).toEqual([`${type} from ${sender.url}`]);
        if (!reply.ok) expect(reply.error, `${type} from ${name}`).not.toMatch(/accepted only from/);
      } else {
        expect(reached, `${type} from ${name}`).toEqual([]);
        expect(reply, `${type} from ${name}`).toEqual({
          ok: false,
          error: expect.stringMatching(new RegExp(`^${type} is accepted only from .+, not from ${named}$`)),
        });
      }
      reached.length = 0;
    }
  });
});
