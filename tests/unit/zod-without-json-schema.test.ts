/**
 * The content script's zod without its JSON Schema generator (scripts/build/zod-without-json-schema.ts):
 * a bundle built with the plugin still parses, refuses and reads bounds as zod does, names the
 * plugin when asked for JSON Schema, and leaves the generator's code out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportedNames, zodWithoutJsonSchema } from '../../scripts/build/zod-without-json-schema';

const ENTRY = `
import { z } from 'zod';
const Row = z.object({ sku: z.string().min(1).max(40), quantity: z.number().int().min(0) });
export const accepted = Row.safeParse({ sku: 'A-1', quantity: 3 });
export const refused = Row.safeParse({ sku: '', quantity: -1 });
export const bounds = { min: Row.shape.quantity.minValue, isInt: Row.shape.quantity.isInt, maxLength: Row.shape.sku.maxLength };
export function jsonSchema() { return Row.toJSONSchema(); }
export function standardJsonSchema() { return Row['~standard'].jsonSchema.input({ target: 'draft-2020-12' }); }
`;

async function bundle(withPlugin: boolean, dir: string, source = ENTRY): Promise<string> {
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, source);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    plugins: withPlugin ? [zodWithoutJsonSchema()] : [],
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'out' }, rollupOptions: { external: [] } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs[0]!.output.find((o) => o.type === 'chunk')!.code;
}

describe('zodWithoutJsonSchema', () => {
  let dir: string;
  let code: string;
  let plain: string;
  let bundled: Record<string, unknown> & { jsonSchema(): unknown; standardJsonSchema(): unknown };

  beforeAll(async () => {
    // Inside the project, so the entry resolves zod from its node_modules.
    mkdirSync(join(process.cwd(), 'node_modules/.cache'), { recursive: true });
    dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/zod-stub-'));
    [code, plain] = [await bundle(true, dir), await bundle(false, dir)];
    writeFileSync(join(dir, 'out.mjs'), code);
    bundled = await import(pathToFileURL(join(dir, 'out.mjs')).href);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses and refuses as zod does', () => {
    expect(bundled.accepted).toEqual({ success: true, data: { sku: 'A-1', quantity: 3 } });
    const refused = bundled.refused as { success: boolean; error: { issues: { path: string[] }[] } };
    expect(refused.success).toBe(false);
    expect(refused.error.issues.map((i) => i.path.join('.'))).toEqual(['sku', 'quantity']);
  });

  it("keeps zod's own bounds on schemas (aggregateChecks)", () => {
    expect(bundled.bounds).toEqual({ min: 0, isInt: true, maxLength: 40 });
  });

  it('throws an error naming the plugin when JSON Schema is asked for', () => {
    expect(() => bundled.jsonSchema()).toThrow(/zod-without-json-schema/);
    expect(() => bundled.standardJsonSchema()).toThrow(/zod-without-json-schema/);
  });

  it("leaves the generator's code out of the bundle", () => {
    expect(plain).toContain('json-schema.org/draft/2020-12/schema');
    expect(code).not.toContain('json-schema.org/draft/2020-12/schema');
    expect(code.length).toBeLessThan(plain.length - 10_000);
  });

  it('fails the build when it replaced nothing (zod moved its files), rather than keep the weight silently', async () => {
    await expect(bundle(true, dir, "import { z } from 'zod/mini';\nexport const s = z.string();")).rejects.toThrow(/zod's layout changed/);
  });
});

describe('exportedNames', () => {
  it('lists export const and export function names, not other exports', () => {
    expect(exportedNames('export const a = 1;\nexport function b() {}\nexport { c };\nconst d = 2;')).toEqual(['a', 'b']);
  });
});
