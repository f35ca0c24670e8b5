#!/usr/bin/env node
/**
 * Makes sure a Chromium is available for the demo and the e2e tests, and says what it did.
 * Order: an existing one; Debian's package via apt-get when root on Debian; Playwright's
 * download otherwise; and only if all fail, stop with what to install.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.mjs';

function run(command) {
  console.log(`[ensure-chromium] ${command}`);
  execSync(command, { stdio: 'inherit' });
}

let path = findChromium();
if (!path) {
  console.log('[ensure-chromium] No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright).');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    if (isRoot && existsSync('/etc/debian_version')) {
      console.log("[ensure-chromium] Installing Debian's chromium package.");
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    } else {
      console.log("[ensure-chromium] Installing Playwright's Chromium.");
      run('npx playwright install chromium');
    }
  } catch {
    // Fall through to the message below.
  }
  path = findChromium();
}
if (!path) {
  console.error(
    '[ensure-chromium] Could not find or install Chromium. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
console.log(`[ensure-chromium] Using ${path}`);
