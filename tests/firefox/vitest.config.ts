/**
 * The Firefox smoke test only (`npm run test:firefox`): one Firefox with the built add-on, so
 * it runs apart from the unit tests (which must not need a browser).
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../../', import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL('../../', import.meta.url)),
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // Starting Firefox and installing the add-on takes 5-20 s on a busy two-core machine.
    hookTimeout: 90_000,
    testTimeout: 60_000,
  },
});
