import { describe, expect, it, vi } from 'vitest';
import { sendFirstRequest, takeFirstReply } from './first-request';
import { atRiskRequest, HEAD_LIMIT, NO_FILTERS } from './model';

describe('the popup first request', () => {
  it('asks for exactly what the list asks for with the opening filters and for the settings, and hands the list reply out once', async () => {
    const sent: unknown[] = [];
    sendFirstRequest(async (message) => (sent.push(message), { ok: true, data: 'first' }));
    sendFirstRequest(async (message) => (sent.push(message), { ok: true, data: 'second' }));
    expect(sent).toEqual([
      { type: 'skus/at-risk', payload: atRiskRequest(NO_FILTERS, HEAD_LIMIT) },
      { type: 'settings/get', payload: {} },
    ]);
    await expect(takeFirstReply()).resolves.toEqual({ ok: true, data: 'first' });
    expect(takeFirstReply()).toBeUndefined();
  });

  it("takes over the requests the page's early script sent, instead of sending them again", async () => {
    // The early script and the entry module are bundled apart: each has its own copy of this module.
    vi.resetModules();
    const earlyScript = await import('./first-request');
    const sentEarly: unknown[] = [];
    earlyScript.sendFirstRequest(async (message) => (sentEarly.push(message), { ok: true, data: 'early' }), true);
    expect(sentEarly).toHaveLength(2);
    vi.resetModules();
    const entry = await import('./first-request');
    const sentByEntry: unknown[] = [];
    entry.sendFirstRequest(async (message) => (sentByEntry.push(message), { ok: true, data: 'entry' }));
    expect(sentByEntry).toEqual([]);
    await expect(entry.takeFirstReply()).resolves.toEqual({ ok: true, data: 'early' });
    await expect(entry.firstReplies().settings).resolves.toEqual({ ok: true, data: 'early' });
    // Taken once: a page that loads the entry again (or a test) sends its own.
    vi.resetModules();
    const again = await import('./first-request');
    again.sendFirstRequest(async (message) => (sentByEntry.push(message), { ok: true, data: 'entry' }));
    expect(sentByEntry).toHaveLength(2);
  });

  it('hands a failed early request to the entry module as a failure', async () => {
    vi.resetModules();
    (await import('./first-request')).sendFirstRequest(() => Promise.reject(new Error('no background')), true);
    vi.resetModules();
    const entry = await import('./first-request');
    entry.sendFirstRequest(async () => ({ ok: true }));
    await expect(entry.takeFirstReply()).rejects.toThrow('no background');
  });
});
