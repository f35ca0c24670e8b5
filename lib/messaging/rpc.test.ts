import { describe, expect, it } from 'vitest';
import { createClient, createDispatcher, RpcError, sendWaking, type Handlers } from './rpc';
import { senderKind } from './senders';

const emptyExport = { csv: 'sku\n', rowCount: 0 };
const BASE = 'chrome-extension://abcdefghijklmnop/';
const OPTIONS = { url: `${BASE}options.html` };
const SELLER = { url: 'https://sellercentral.amazon.com/orders-v3' };
const make = (handlers: Partial<Handlers>) => createDispatcher(handlers, { extensionBaseUrl: BASE });

describe('rpc', () => {
  it('round-trips a typed request through the dispatcher', async () => {
    const dispatch = make({ 'export/listings-csv': async () => emptyExport });
    const call = createClient((m) => dispatch(m, OPTIONS));
    await expect(call('export/listings-csv', {})).resolves.toEqual(emptyExport);
  });

  it('applies request defaults before the handler sees the request', async () => {
    let seen: unknown;
    const dispatch = make({
      'skus/at-risk': async (req) => {
        seen = req;
        return { items: [], total: 0, stored: 0 };
      },
    });
    await createClient((m) => dispatch(m, OPTIONS))('skus/at-risk', {});
    expect(seen).toEqual({ risk: 'attention', limit: 500 });
  });

  it('refuses unknown types, malformed envelopes and invalid payloads without calling handlers', async () => {
    let calls = 0;
    const dispatch = make({
      'skus/at-risk': async () => {
        calls++;
        return { items: [], total: 0, stored: 0 };
      },
    });
    expect(await dispatch({ type: 'nope', payload: {} }, OPTIONS)).toMatchObject({ ok: false, error: expect.stringContaining('Unknown') });
    expect(await dispatch({ type: 'toString', payload: {} }, OPTIONS)).toMatchObject({ ok: false, error: expect.stringContaining('Unknown') });
    expect(await dispatch('hello', OPTIONS)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'skus/at-risk', payload: { limit: -1 } }, OPTIONS)).toMatchObject({ ok: false, error: expect.stringContaining('Invalid') });
    expect(calls).toBe(0);
  });

  it('panels/set-hidden takes only a page type this build reads (PAGE_TYPE_IDS), and says which id it refused', async () => {
    const seen: string[] = [];
    const dispatch = make({
      'panels/set-hidden': async ({ pageType }) => {
        seen.push(pageType);
        return { hiddenPanels: [pageType] };
      },
    });
    for (const pageType of ['walmart/items', 'amazon/Orders', 'amazon/orders ', '', 'x'.repeat(81)])
      expect(await dispatch({ type: 'panels/set-hidden', payload: { pageType, hidden: true } }, SELLER), JSON.stringify(pageType)).toMatchObject({
        ok: false,
        error: expect.stringContaining('Invalid panels/set-hidden request'),
      });
    expect(await dispatch({ type: 'panels/set-hidden', payload: { pageType: 'walmart/items', hidden: true } }, SELLER)).toEqual({
      ok: false,
      error: 'Invalid panels/set-hidden request: "walmart/items" is not a page type this extension reads',
    });
    expect(seen).toEqual([]);
    expect(await dispatch({ type: 'panels/set-hidden', payload: { pageType: 'walmart/manage-items', hidden: true } }, SELLER)).toMatchObject({ ok: true });
    expect(seen).toEqual(['walmart/manage-items']);
  });

  it('refuses a sender the message does not declare before validating the payload or calling the handler', async () => {
    let calls = 0;
    const dispatch = make({
      'data/storage': async () => {
        calls++;
        return { tables: {}, totalRows: 0, approxBytes: 0 };
      },
    });
    const refused = { ok: false, error: "data/storage is accepted only from the extension's own pages, not from content scripts on seller pages" };
    expect(await dispatch({ type: 'data/storage', payload: {} }, SELLER)).toEqual(refused);
    // An invalid payload from a refused sender gets the sender's refusal, not a validation error.
    expect(await dispatch({ type: 'data/storage', payload: 'junk' }, SELLER)).toEqual(refused);
    expect(await dispatch({ type: 'data/storage', payload: {} }, { url: 'https://example.com/' })).toEqual({
      ok: false,
      error: "data/storage is accepted only from the extension's own pages, not from an unknown page",
    });
    expect(await dispatch({ type: 'data/storage', payload: {} })).toMatchObject({ ok: false, error: expect.stringContaining('not from an unknown page') });
    expect(calls).toBe(0);
    expect(await dispatch({ type: 'data/storage', payload: {} }, OPTIONS)).toMatchObject({ ok: true });
    expect(calls).toBe(1);
  });

  it('turns a handler failure or a malformed answer into an error reply the client throws', async () => {
    const dispatch = make({
      'export/listings-csv': async () => {
        throw new Error('disk full');
      },
      'skus/at-risk': async () => ({ items: 'not an array' }) as never,
    });
    const call = createClient((m) => dispatch(m, OPTIONS));
    await expect(call('export/listings-csv', {})).rejects.toThrow('disk full');
    await expect(call('skus/at-risk', {})).rejects.toBeInstanceOf(RpcError);
  });

  it("checks an import batch's own fields in the client and every row at the dispatcher, before the handler runs", async () => {
    let calls = 0;
    const dispatch = make({
      'import/commit': async () => {
        calls++;
        return { received: 1, stored: 1, rejected: 0, newListings: 0, replanned: false };
      },
    });
    const call = createClient((m) => dispatch(m, OPTIONS));
    const row = {
      kind: 'order',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'report:amazon/orders',
      observedAt: '2024-05-01T00:00:00.000Z',
      observedDate: '2024-05-01',
      orderId: '111-1',
      sku: 'MUG',
      quantity: 1,
      status: 'shipped',
      orderDate: '2024-05-01',
    } as const;
    const batch = { importId: 'import-1', batchIndex: 0, rows: [row], last: false };
    // The batch's fields are checked before anything is sent.
    await expect(call('import/commit', { ...batch, batchIndex: -1 })).rejects.toThrow();
    // A row the page's parser got wrong is refused at the message boundary.
    await expect(call('import/commit', { ...batch, rows: [{ ...row, quantity: 1.5 }] })).rejects.toThrow('Invalid import/commit request');
    expect(calls).toBe(0);
    await expect(call('import/commit', batch)).resolves.toMatchObject({ stored: 1 });
    expect(calls).toBe(1);
  });
});

describe('senderKind', () => {
  it("tells content scripts on seller pages from the extension's own pages, and knows nothing else", () => {
    expect(senderKind(SELLER, BASE)).toBe('content');
    expect(senderKind({ url: 'https://www.ebay.com/sh/lst/active' }, BASE)).toBe('content');
    expect(senderKind({ url: `${BASE}popup.html` }, BASE)).toBe('extension');
    // The options page (with any anchor or query) is narrower than the extension's pages; a look-alike path is not it.
    expect(senderKind({ url: `${BASE}options.html#data` }, 'chrome-extension://abcdefghijklmnop')).toBe('options');
    expect(senderKind({ url: `${BASE}options.html?x=1` }, BASE)).toBe('options');
    expect(senderKind({ url: `${BASE}options.html.evil` }, BASE)).toBe('extension');
    expect(senderKind({ url: `${BASE}popup.html#options.html` }, BASE)).toBe('extension');
    expect(senderKind({ url: `${BASE}x/options.html` }, BASE)).toBe('extension');
    // Another extension, a look-alike id, plain http, a non-seller eBay page, no URL.
    expect(senderKind({ url: 'chrome-extension://abcdefghijklmnopq/popup.html' }, BASE)).toBeUndefined();
    expect(senderKind({ url: 'chrome-extension://zzz/popup.html' }, BASE)).toBeUndefined();
    expect(senderKind({ url: 'http://sellercentral.amazon.com/orders-v3' }, BASE)).toBeUndefined();
    expect(senderKind({ url: 'https://www.ebay.com/itm/123' }, BASE)).toBeUndefined();
    expect(senderKind({}, BASE)).toBeUndefined();
    expect(senderKind({ url: `${BASE}popup.html` }, '')).toBeUndefined();
  });
});

describe('sendWaking', () => {
  const message = { type: 'skus/at-risk', payload: {} };
  it('sends again when the worker was stopping, with growing pauses, and gives up after ten tries', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'answer';
    };
    expect(await sendWaking(flaky, message, async (ms) => void pauses.push(ms))).toBe('answer');
    expect(pauses).toEqual([150, 300]);
    let tries = 0;
    const gone = async () => {
      tries++;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    const waited: number[] = [];
    await expect(sendWaking(gone, message, async (ms) => void waited.push(ms))).rejects.toThrow('Receiving end');
    expect(tries).toBe(10);
    expect(waited).toEqual([150, 300, 450, 600, 750, 900, 1050, 1200, 1350]);
  });
  it('never repeats a message that reached the background (any other error)', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('handler failed');
    };
    await expect(sendWaking(failing, message, async () => {})).rejects.toThrow('handler failed');
    expect(calls).toBe(1);
  });
});
