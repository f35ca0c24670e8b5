import { configDefaults, defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { isolatedTestFiles, UNIT_TEST_GLOBS } from './tests/test-isolation';

const root = fileURLToPath(new URL('./', import.meta.url));
const isolated = isolatedTestFiles(root);

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    // DOM-reading tests opt in with `// @vitest-environment happy-dom` at the top of the file.
    environment: 'node',
    testTimeout: 20_000,
    // Spies (vi.spyOn) are put back after each test, so a file that forgets cannot reach the next
    // file sharing its worker.
    restoreMocks: true,
    projects: [
      {
        extends: true,
        // Files share a worker's modules (tests/test-isolation.ts says why and which may not):
        // threads, no isolation. On two cores the suite took 155-165 s instead of about 300
        // (2026-12-06, the slower CI machine).
        test: {
          name: 'unit',
          include: UNIT_TEST_GLOBS,
          exclude: [...configDefaults.exclude, ...isolated],
          pool: 'threads',
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      // After the shared ones: run side by side, the two pools kept replacing each other's workers
      // (the suite took 185 s instead of 165). An empty include would mean vitest's default one.
      ...(isolated.length > 0 ? [{ extends: true as const, test: { name: 'isolated', include: isolated, sequence: { groupOrder: 1 } } }] : []),
    ],
  },
});
