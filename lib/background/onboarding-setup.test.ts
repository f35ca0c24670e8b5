import { describe, expect, it } from 'vitest';
import { setupFirstRun } from './onboarding-setup';

function fakeBrowser() {
  const listeners: ((details: { reason: string }) => void)[] = [];
  const opened: string[] = [];
  const api = {
    runtime: {
      getURL: (path: string) => `chrome-extension://abc${path}`,
      onInstalled: { addListener: (l: (details: { reason: string }) => void) => void listeners.push(l) },
    },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
  };
  return { api, opened, fire: (reason: string) => listeners.forEach((l) => l({ reason })) };
}

describe('first run', () => {
  it('opens the guided start on install only', async () => {
    const browser = fakeBrowser();
    setupFirstRun(browser.api);
    browser.fire('update');
    browser.fire('chrome_update');
    expect(browser.opened).toEqual([]);
    browser.fire('install');
    expect(browser.opened).toEqual(['chrome-extension://abc/options.html#first-run']);
  });
});
