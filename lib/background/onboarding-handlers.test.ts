import { describe, expect, it } from 'vitest';
import { dispatcherOf, SENDERS, useTestBackground } from './test-background';

const background = useTestBackground('onboarding');
const choose = { type: 'choose' as const, choices: { marketplaces: ['amazon.com'], channels: ['FBA' as const] } };

describe('guided start messages', () => {
  it('a new install starts at the first step; steps are stored and read back', async () => {
    const dispatch = dispatcherOf(await background.setup());
    const first = await dispatch({ type: 'onboarding/get', payload: {} }, SENDERS.options);
    expect(first).toMatchObject({ ok: true, data: { state: { status: 'active', current: 'channels', done: [] } } });
    await dispatch({ type: 'onboarding/update', payload: { events: [choose, { type: 'complete', step: 'channels' }] } }, SENDERS.options);
    await dispatch({ type: 'onboarding/update', payload: { events: [{ type: 'skip' }] } }, SENDERS.options);
    const again = await dispatch({ type: 'onboarding/get', payload: {} }, SENDERS.options);
    expect(again).toMatchObject({
      ok: true,
      data: { state: { status: 'skipped', current: 'leadTimes', done: ['channels'], choices: choose.choices } },
    });
  });

  it('only the extension pages may send them, and unknown marketplaces are refused', async () => {
    const dispatch = dispatcherOf(await background.setup());
    const fromPage = await dispatch({ type: 'onboarding/update', payload: { events: [{ type: 'skip' }] } }, SENDERS.content);
    expect(fromPage.ok).toBe(false);
    const bad = await dispatch(
      { type: 'onboarding/update', payload: { events: [{ type: 'choose', choices: { marketplaces: ['amazon.moon'], channels: [] } }] } },
      SENDERS.options,
    );
    expect(bad.ok).toBe(false);
    expect(await dispatch({ type: 'onboarding/get', payload: {} }, SENDERS.options)).toMatchObject({ data: { state: { choices: { marketplaces: [] } } } });
  });
});
