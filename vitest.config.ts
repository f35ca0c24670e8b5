import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'tests/conformance/**/*.test.ts'],
    // DOM-reading tests opt in with `// @vitest-environment happy-dom` at the top of the file.
    environment: 'node',
    testTimeout: 20_000,
  },
});
