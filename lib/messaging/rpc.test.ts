import { describe, expect, it } from 'vitest';
import { createClient, createDispatcher, RpcError } from './rpc';

const emptyExport = { csv: 'sku\n', rowCount: 0 };

describe('rpc', () => {
  it('round-trips a typed request through the dispatcher', async () => {
    const dispatch = createDispatcher({ 'export/listings-csv': async () => emptyExport });
    const call = createClient((m) => dispatch(m));
    await expect(call('export/listings-csv', {})).resolves.toEqual(emptyExport);
  });

  it('applies request defaults before the handler sees the request', async () => {
    let seen: unknown;
    const dispatch = createDispatcher({ 'skus/at-risk': async (req) => { seen = req; return { items: [], total: 0, stored: 0 }; } });
    await createClient((m) => dispatch(m))('skus/at-risk', {});
    expect(seen).toEqual({ risk: 'attention', limit: 500 });
  });

  it('refuses unknown types, malformed envelopes and invalid payloads without calling handlers', async () => {
    let calls = 0;
    const dispatch = createDispatcher({ 'skus/at-risk': async () => { calls++; return { items: [], total: 0, stored: 0 }; } });
    expect(await dispatch({ type: 'nope', payload: {} })).toMatchObject({ ok: false, error: expect.stringContaining('Unknown') });
    expect(await dispatch('hello')).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'skus/at-risk', payload: { limit: -1 } })).toMatchObject({ ok: false, error: expect.stringContaining('Invalid') });
    expect(calls).toBe(0);
  });

  it('turns a handler failure or a malformed answer into an error reply the client throws', async () => {
    const dispatch = createDispatcher({
      'export/listings-csv': async () => { throw new Error('disk full'); },
      'skus/at-risk': async () => ({ items: 'not an array' }) as never,
    });
    const call = createClient((m) => dispatch(m));
    await expect(call('export/listings-csv', {})).rejects.toThrow('disk full');
    await expect(call('skus/at-risk', {})).rejects.toBeInstanceOf(RpcError);
  });
});
