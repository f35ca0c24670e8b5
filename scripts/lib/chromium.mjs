/**
 * Finds a Chromium that loads unpacked extensions from the command line: CHROMIUM_PATH, then
 * Debian's /usr/bin/chromium, then one installed by Playwright. (Branded Google Chrome no longer
 * honours --load-extension, so it is not looked for.)
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when its browsers were never installed.
  }
  return undefined;
}

/** Flags that load the built extension headless on a machine with no network (see toolchain notes). */
export function extensionArgs(extensionPath) {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
