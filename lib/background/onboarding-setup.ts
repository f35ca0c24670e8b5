/**
 * Opens the guided start when the extension is installed (not on updates or browser restarts):
 * the options page at its `#first-run` anchor, where components/options/FirstRun.tsx shows it.
 */
import { FIRST_RUN_ANCHOR } from '../onboarding/state';

type Listener<A extends unknown[]> = { addListener(callback: (...args: A) => void): void };

/** The part of the browser this needs (wxt's `browser` in the worker, a fake in tests). */
interface FirstRunApi {
  runtime: {
    getURL(path: '/options.html'): string;
    onInstalled: Listener<[details: { reason: string }]>;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

/**
 * Registers the install listener (synchronously, at worker start, so the install event is not missed).
 * @example setupFirstRun(browser)
 */
export function setupFirstRun(api: FirstRunApi): void {
  api.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    // tabs.create needs no "tabs" permission.
    void api.tabs.create({ url: `${api.runtime.getURL('/options.html')}#${FIRST_RUN_ANCHOR}` }).catch(() => undefined);
  });
}
