/**
 * Which unit test files need a fresh module graph and globals of their own. Most files only
 * call functions and open stores under random names, so they share a worker's modules (the
 * suite runs in about half the time: a worker no longer loads zod, Dexie and the planning core
 * again for each of 250 files). A file that replaces a module (`vi.mock`) or a global
 * (`vi.stubGlobal`) would change what the files after it see, or see the real module another
 * file loaded first; it runs isolated. Read from the files themselves, so a new one is
 * classified without a list to keep. A false positive (such a call quoted in a string, as in
 * this module's own test) only costs that file its share of the speed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the unit suites live (vitest.config.ts); not the Firefox smoke test, not e2e. */
export const UNIT_TEST_DIRS = ['lib', 'tests/unit', 'components', 'tests/conformance'];
export const UNIT_TEST_GLOBS = UNIT_TEST_DIRS.map((dir) => `${dir}/**/*.test.{ts,tsx}`);
const UNIT_TEST_FILE = /\.test\.tsx?$/;

/** Calls that change what other files would see if they shared this file's worker. */
const SHARED_STATE_CHANGES = /\bvi\s*\.\s*(mock|doMock|stubGlobal|stubEnv|unmock)\s*\(/;

/**
 * Does this test file's source change module or global state for the files after it?
 *
 * @example
 * needsIsolation("vi.mock('../fees/index', ...)") // true
 * needsIsolation("vi.spyOn(db.listings, 'bulkPut')") // false: restored after each test (restoreMocks)
 */
export function needsIsolation(source: string): boolean {
  return SHARED_STATE_CHANGES.test(source);
}

/** The unit test files (paths from `root`, with `/`) that must run isolated. */
export function isolatedTestFiles(root: string): string[] {
  return UNIT_TEST_DIRS.flatMap((dir) => testFilesUnder(root, dir))
    .filter((file) => needsIsolation(readFileSync(join(root, file), 'utf8')))
    .sort();
}

function testFilesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFilesUnder(root, path);
    return UNIT_TEST_FILE.test(entry.name) ? [path] : [];
  });
}
