#!/usr/bin/env node
/**
 * Makes sure a Firefox is available for the Firefox smoke test, and says what it did.
 * Order: an existing one (scripts/lib/firefox.mjs); Debian's firefox-esr via apt-get when root
 * on Debian; and otherwise stop with what to install (there is no offline download of Firefox).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFirefox } from './lib/firefox.mjs';

let path = findFirefox();
if (!path) {
  console.log('[ensure-firefox] No Firefox found (FIREFOX_PATH, /usr/bin/firefox-esr, /usr/bin/firefox).');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    const command = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr';
    console.log(`[ensure-firefox] Installing Debian's firefox-esr package: ${command}`);
    try {
      execSync(command, { stdio: 'inherit' });
    } catch {
      // Fall through to the message below.
    }
    path = findFirefox();
  }
}
if (!path) {
  console.error(
    '[ensure-firefox] Could not find or install Firefox (138 or later). Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) ' +
      'or set FIREFOX_PATH to a Firefox binary.',
  );
  process.exit(1);
}
console.log(`[ensure-firefox] Using ${path} (${execSync(`"${path}" --version`, { encoding: 'utf8' }).trim()})`);
