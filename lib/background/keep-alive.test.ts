import { afterEach, describe, expect, it, vi } from 'vitest';
import { whileBusy } from './keep-alive';

afterEach(() => vi.useRealTimers());

describe('whileBusy', () => {
  it('pings every interval until the work settles, then stops', async () => {
    vi.useFakeTimers();
    const ping = vi.fn();
    let finish!: (v: string) => void;
    const result = whileBusy(new Promise<string>((r) => (finish = r)), ping, 20_000);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(ping).toHaveBeenCalledTimes(3);
    finish('opened');
    await expect(result).resolves.toBe('opened');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('passes a failure through and stops pinging; a failing ping is harmless', async () => {
    vi.useFakeTimers();
    const ping = vi.fn(() => {
      throw new Error('no API');
    });
    let fail!: (e: Error) => void;
    const result = whileBusy(new Promise<never>((_, r) => (fail = r)), ping, 1_000);
    const settled = expect(result).rejects.toThrow('upgrade blocked');
    await vi.advanceTimersByTimeAsync(2_500);
    fail(new Error('upgrade blocked'));
    await settled;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ping).toHaveBeenCalledTimes(2);
  });
});
