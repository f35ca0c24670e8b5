import { defineConfig } from 'wxt';
import { sellerHostPatterns } from './lib/locale/markets';
import { PANEL_CHART_FILE } from './lib/content/panel-chart-module';
import { zodWithoutJsonSchema } from './scripts/build/zod-without-json-schema';

/**
 * Public half of the key that pins the extension id (bjljbmdnahhiinnjhfdpielpalkjldff) so
 * e2e tests and the demo can open chrome-extension://<id>/popup.html without discovery, and a
 * reinstalled build keeps the same IndexedDB. Chrome only: Firefox rejects the field.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnbGXSdUkDKVit5GvXRKU4PT2FYkZXDieKgelmWRbqFDqeYnzOhmLtHeu+6a3t68f7VVKu/rL3vr6XIGduMo4gyDPRdIa3bRuW29aBtJTbcVKJZ+DV69e1ZUTLOOIFUVWMH46AYJswetXFnznrDe4cDMLZP4qgIZjoz0FNY3YHZIfKBIeSCV2Jp9wWQ7xgEdsMsBqQdf7BlTVO5jfcx+DqdExXBe/ChiuMYmDb9MUtGHm+BKslSQgb3kvwpGxTOurL1WTSfvRUHcUm+WQPw4BORBDAWeMtBdwWF35ugF2/q2mosZh6dLkK2HkRApo2Y7PPeXIuaAdBYnlGrEKw4BjkwIDAQAB';

/**
 * A match pattern widened to its whole host.
 * @example wholeHost('https://www.ebay.com/sh/*') // 'https://www.ebay.com/*'
 */
function wholeHost(pattern: string): string {
  return `${pattern.slice(0, pattern.indexOf('/', 'https://'.length))}/*`;
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Separate build folders let parallel work (or a dev server beside the tests) build without clobbering each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    ...(browser === 'chrome' ? { key: CHROME_PUBLIC_KEY } : {}),
    // alarms: the daily re-plan; unlimitedStorage: a seller's history (a million readings) must
    // not hit the origin quota or be evicted (no install warning). Nothing else: no tabs, no
    // storage API (Dexie), no all-sites host pattern.
    permissions: ['alarms', 'unlimitedStorage'],
    // Asked for from the options page only when the seller turns notifications on.
    optional_permissions: ['notifications'],
    host_permissions: sellerHostPatterns(),
    action: { default_title: '__MSG_extName__' },
    // The panel's chart module, imported by the content script from the extension's URL (see
    // entrypoints/panel-chart.ts); only the seller sites the content script runs on may load it.
    // Chrome refuses the whole manifest when such a pattern names a path, so these are whole hosts.
    web_accessible_resources: [{ resources: [PANEL_CHART_FILE.slice(1)], matches: [...new Set(sellerHostPatterns().map(wholeHost))] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or transmitted: everything stays on the seller's machine.
            gecko: { id: 'stock-copilot@example.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none' as const] } },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT bundles unlisted scripts as IIFE; the chart module is imported, so it is built as an
    // ES module whose default export is what its main() returns, minified in full (Vite leaves
    // an ES library's whitespace for the consumer's bundler; here there is none).
    'vite:build:extendConfig': (entrypoints, config) => {
      // Content scripts (each built alone) never print JSON Schema: leave zod's generator out.
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) config.plugins = [...(config.plugins ?? []), zodWithoutJsonSchema()];
      const build = config.build;
      if (!build?.lib || entrypoints.length !== 1 || PANEL_CHART_FILE !== `/${entrypoints[0]!.name}.js`) return;
      build.lib.formats = ['es'];
      const output = build.rollupOptions?.output;
      if (output && !Array.isArray(output)) output.minify = true;
    },
  },
  vite: () => ({
    build: {
      // Chrome silently refuses a content script that is not valid UTF-8 (Vite 8 writes some
      // escapes raw), so every chunk is emitted as ASCII.
      rollupOptions: { output: { charset: 'ascii' } },
    },
  }),
});
