/**
 * Keeping the MV3 service worker alive through long work. Chrome stops an extension's worker
 * after 30 s without events or extension API calls, even while IndexedDB work is under way:
 * the store's v3 -> v4 upgrade of a million readings takes ~45 s (Chromium, measured), and a
 * worker stopped mid-upgrade would abort it and start over on every wake-up. Any extension API
 * call resets that timer, so a cheap one is made every `everyMs` until the work settles.
 */

/**
 * Resolves (or rejects) as `work` does, calling `ping` every `everyMs` meanwhile.
 * @example const db = await whileBusy(openStore(), () => browser.runtime.getPlatformInfo());
 */
export function whileBusy<T>(work: Promise<T>, ping: () => unknown, everyMs = 20_000): Promise<T> {
  const timer = setInterval(() => {
    try {
      void Promise.resolve(ping()).catch(() => undefined);
    } catch {
      // A failed ping only means this one did not reset the timer.
    }
  }, everyMs);
  return work.finally(() => clearInterval(timer));
}
