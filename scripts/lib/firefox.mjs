/**
 * Finds a Firefox for the smoke test (tests/firefox): FIREFOX_PATH, then Debian's firefox-esr,
 * then a `firefox` on the usual paths. The test installs the add-on as a temporary add-on over
 * WebDriver BiDi (webExtension.install, Firefox 138 and later), so release and ESR builds both
 * work and no signing is needed.
 */
import { existsSync } from 'node:fs';

export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  return undefined;
}
