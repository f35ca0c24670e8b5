import { defineConfig } from 'wxt';
import { sellerHostPatterns } from './lib/locale/markets';

/**
 * Public half of the key that pins the extension id (bjljbmdnahhiinnjhfdpielpalkjldff) so
 * e2e tests and the demo can open chrome-extension://<id>/popup.html without discovery, and a
 * reinstalled build keeps the same IndexedDB. Chrome only: Firefox rejects the field.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnbGXSdUkDKVit5GvXRKU4PT2FYkZXDieKgelmWRbqFDqeYnzOhmLtHeu+6a3t68f7VVKu/rL3vr6XIGduMo4gyDPRdIa3bRuW29aBtJTbcVKJZ+DV69e1ZUTLOOIFUVWMH46AYJswetXFnznrDe4cDMLZP4qgIZjoz0FNY3YHZIfKBIeSCV2Jp9wWQ7xgEdsMsBqQdf7BlTVO5jfcx+DqdExXBe/ChiuMYmDb9MUtGHm+BKslSQgb3kvwpGxTOurL1WTSfvRUHcUm+WQPw4BORBDAWeMtBdwWF35ugF2/q2mosZh6dLkK2HkRApo2Y7PPeXIuaAdBYnlGrEKw4BjkwIDAQAB';

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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or transmitted: everything stays on the seller's machine.
            gecko: { id: 'stock-copilot@example.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none' as const] } },
          },
        }
      : {}),
  }),
  vite: () => ({
    build: {
      // Chrome silently refuses a content script that is not valid UTF-8 (Vite 8 writes some
      // escapes raw), so every chunk is emitted as ASCII.
      rollupOptions: { output: { charset: 'ascii' } },
    },
  }),
});
