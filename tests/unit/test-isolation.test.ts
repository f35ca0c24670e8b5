import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedTestFiles, needsIsolation } from '../test-isolation';

describe('which unit test files run with modules and globals of their own', () => {
  it('a file that replaces a module or a global, however the call is spaced', () => {
    expect(needsIsolation("vi.mock('../fees/index', async (actual) => ({}))")).toBe(true);
    expect(needsIsolation("vi.doMock('./db')")).toBe(true);
    expect(needsIsolation("vi.stubGlobal('chrome', { runtime: {} });")).toBe(true);
    expect(needsIsolation("vi.stubEnv('TZ', 'Asia/Shanghai')")).toBe(true);
    expect(needsIsolation('vi\n  .mock("x")')).toBe(true);
  });

  it('not a file that only spies (put back after each test) or names vi.mock in a comment without a call', () => {
    expect(needsIsolation("const writes = vi.spyOn(db.listings, 'bulkPut');")).toBe(false);
    expect(needsIsolation('const built = vi.mocked(fees.withSellerFees);')).toBe(false);
    expect(needsIsolation('// vi.mocked is not vi.mock')).toBe(false);
  });

  it('finds such files in every unit test folder, nested, .ts and .tsx, and nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'isolation-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('lib/a/deep/mocks.test.ts', "vi.mock('./x')");
    write('lib/plain.test.ts', 'expect(1).toBe(1)');
    write('lib/not-a-test.ts', "vi.mock('./x')");
    write('components/popup/stubs.test.tsx', "vi.stubGlobal('chrome', {})");
    write('tests/unit/env.test.ts', "vi.stubEnv('A', 'b')");
    write('tests/conformance/plain.test.ts', '');
    write('tests/e2e/mocks.spec.ts', "vi.mock('./x')");
    expect(isolatedTestFiles(root)).toEqual(['components/popup/stubs.test.tsx', 'lib/a/deep/mocks.test.ts', 'tests/unit/env.test.ts']);
  });

  it('in this repository: the fee builder counted through a mock is among them', () => {
    expect(isolatedTestFiles(process.cwd())).toContain('lib/planning/storage-schedule.test.ts');
  });
});
