import { describe, expect, it } from 'vitest';
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
});
