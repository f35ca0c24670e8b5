/**
 * The new-page scaffold (scripts/new-page.ts), run into temporary folders only: it must never
 * add a page type to this tree, since other tests iterate over every page type there is.
 * (Node environment: vitest's happy-dom environment cannot import the generated declaration
 * from a temporary folder, so documents are made with happy-dom's Window directly.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../lib/platforms/index';
import { Window } from 'happy-dom';
import { contextFor } from '../../lib/platforms/testing/load';
import type { PageDeclaration } from '../../lib/platforms/types';
import { main, parsePageId, scaffoldFiles, STUB_MARKER, type ScaffoldFile } from '../../scripts/new-page';
import { ROOT } from './import-graph';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-page-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Every file of a folder, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (m) => out.push(m),
    (m) => err.push(m),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Type-checks generated files as if they were in the tree (at their paths under the repository),
 * without writing them there: the compiler reads them from memory, everything else from disk.
 */
function typeErrors(files: readonly ScaffoldFile[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const overlay = new Map(files.filter((f) => /\.tsx?$/.test(f.path)).map((f) => [join(ROOT, f.path), f.content]));
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => overlay.has(name) || fileExists.call(host, name);
  host.readFile = (name) => overlay.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, onError, fresh) => {
    const text = overlay.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language, true) : getSourceFile.call(host, name, language, onError, fresh);
  };
  const program = ts.createProgram([...overlay.keys()], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && overlay.has(d.file.fileName))
    .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** A document of the HTML (happy-dom, as tests/e2e/pages.spec.ts reads fixtures in Node). */
function documentFrom(html: string): Document {
  const window = new Window({ url: 'https://sellercentral.amazon.com/' });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Loads a generated declaration from a temporary folder, its imports pointed at this tree's lib/platforms. */
async function loadDeclaration(file: ScaffoldFile): Promise<PageDeclaration> {
  const dir = tempDir();
  const path = join(dir, 'declaration.ts');
  const platforms = join(ROOT, 'lib/platforms').replace(/\\/g, '/');
  writeFileSync(
    path,
    file.content.replace(/from '\.\.\/([^']+)'/g, (_m, rest: string) => `from '${platforms}/${rest}.ts'`),
  );
  return ((await import(/* @vite-ignore */ path)) as { adapter: PageDeclaration }).adapter;
}

describe('scripts/new-page.ts', () => {
  it('names the four files of a page type and fills the id, title, URL and matcher in', () => {
    const files = scaffoldFiles({ id: 'amazon/example-page' });
    expect(files.map((f) => f.path)).toEqual([
      'lib/platforms/amazon/example-page.ts',
      'lib/platforms/amazon/example-page.test.ts',
      'tests/fixtures/amazon/example-page.en.html',
      'tests/fixtures/amazon/example-page.en.md',
    ]);
    const [declaration, test, fixture, note] = files.map((f) => f.content) as [string, string, string, string];
    expect(declaration).toContain("adapter: { id: 'amazon/example-page', platform: 'amazon', title: 'Example Page' }");
    // The matcher is private (nothing imports it: tests/conformance/exports.test.ts).
    expect(declaration).toContain('\nfunction matchesAmazonExamplePage(url: URL): boolean');
    expect(declaration).toContain('export const adapter = definePage({');
    expect(declaration).toContain("    matches: ['https://sellercentral.amazon.com/example-page'],\n");
    expect(declaration).toContain('fields: listingFields(spec),');
    expect(declaration).toContain('export default adapter;');
    // The page's URL is said once, in the declaration's examples.
    expect(test).toContain('const URL_OF_PAGE = adapter.examples.matches[0]!;');
    expect(test).toContain("import { adapter } from './example-page';");
    expect(test).toContain("const FIXTURES = [{ name: 'amazon/example-page.en', url: URL_OF_PAGE, market: 'amazon.com' }];");
    for (const text of [declaration, fixture, note]) expect(text).toContain(STUB_MARKER);
    expect(note).toMatch(/^# amazon\/example-page\.en\.html\n/);
    expect(note).toMatch(/placeholder|stub/i);
    expect(note).toContain('faithful');
  });

  it('writes files the formatter leaves as they are (npm run lint passes on a fresh scaffold)', async () => {
    const options = JSON.parse(readFileSync(join(ROOT, '.prettierrc.json'), 'utf8')) as prettier.Options;
    for (const file of [...scaffoldFiles({ id: 'amazon/example-page' }), ...scaffoldFiles({ id: 'ebay/returns', kind: 'orders', path: '/sh/returns' })]) {
      if (!file.path.endsWith('.ts')) continue;
      expect(await prettier.format(file.content, { ...options, filepath: file.path }), file.path).toBe(file.content);
    }
  });

  it('writes an orders page in the orders shape, with the path and title given', () => {
    const [declaration] = scaffoldFiles({ id: 'walmart/returns', kind: 'orders', title: 'Returns', path: '/orders/returns' });
    expect(declaration!.content).toContain("import { orderFields, readOrderPage, type OrderPageSpec } from '../shared/order-page';");
    expect(declaration!.content).toContain('fields: orderFields(spec),');
    expect(declaration!.content).toContain('return /^\\/orders\\/returns\\/?$/.test(url.pathname);');
    expect(scaffoldFiles({ id: 'ebay/returns-orders' })[0]!.content).toContain('readOrderPage');
  });

  it('its files type-check as if they were in the tree (both shapes)', () => {
    // One program for all (loading the compiler's view of the tree is the slow part), with one
    // deliberately broken declaration to show the check is not vacuous.
    const broken = scaffoldFiles({ id: 'walmart/broken' })[0]!;
    const errors = typeErrors([
      ...scaffoldFiles({ id: 'amazon/example-page' }),
      ...scaffoldFiles({ id: 'ebay/returns', kind: 'orders', path: '/sh/returns' }),
      { ...broken, content: broken.content.replace("'available'] as const", "'availableUnits'] as const") },
    ]);
    expect(errors.filter((e) => !e.includes('lib/platforms/walmart/broken.ts'))).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
  }, 120_000);

  it('the stub declaration matches its URL but reads no rows from the stub fixture (so its test fails), and reads a real table', async () => {
    const files = scaffoldFiles({ id: 'amazon/example-page', path: '/inventory-planning/inventory-age' });
    const adapter = await loadDeclaration(files[0]!);
    const url = 'https://sellercentral.amazon.com/inventory-planning/inventory-age';
    expect(adapter.id).toBe('amazon/example-page');
    expect(adapter.matches(new URL(url))).toBe(true);
    expect(adapter.examples).toEqual({ matches: [url], doesNotMatch: [] });
    expect(adapter.fields.filter((f) => f.required).map((f) => f.field)).toEqual(['sku', 'available']);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/restockinventory/recommendations'))).toBe(false);
    const ctx = contextFor(url, 'amazon.com');
    expect(adapter.parse(documentFrom(files[2]!.content), ctx).rows).toEqual([]);
    const table =
      '<table><thead><tr><th>SKU</th><th>Title</th><th>Available</th></tr></thead><tbody><tr><td>A-1</td><td>Mug</td><td>12</td></tr></tbody></table>';
    expect(adapter.parse(documentFrom(table), ctx).rows).toEqual([
      expect.objectContaining({ sku: 'A-1', title: 'Mug', available: 12, source: 'amazon/example-page' }),
    ]);
  });

  it('writes into the folder it is given and nowhere else, and never twice', () => {
    const out = tempDir();
    const { code, out: printed } = run(['amazon/example-page', '--out', out]);
    expect(code).toBe(0);
    expect(listFiles(out)).toEqual([
      'lib/platforms/amazon/example-page.test.ts',
      'lib/platforms/amazon/example-page.ts',
      'tests/fixtures/amazon/example-page.en.html',
      'tests/fixtures/amazon/example-page.en.md',
    ]);
    expect(printed).toContain('register the adapter in ADAPTERS (lib/platforms/index.ts)');
    expect(existsSync(join(ROOT, 'lib/platforms/amazon/example-page.ts'))).toBe(false);
    const again = run(['amazon/example-page', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/has files already, nothing written: lib\/platforms\/amazon\/example-page\.ts/);
  });

  it('--dry-run prints the files and writes nothing', () => {
    const out = tempDir();
    const { code, out: printed } = run(['walmart/inventory-age', '--out', out, '--dry-run']);
    expect(code).toBe(0);
    expect(printed).toContain('would write');
    expect(printed).toContain("id: 'walmart/inventory-age'");
    expect(listFiles(out)).toEqual([]);
  });

  it('refuses an existing page type and bad names with a message saying why', () => {
    const out = tempDir();
    for (const adapter of ADAPTERS) {
      const r = run([adapter.id, '--out', out]);
      expect(r.code, adapter.id).toBe(1);
      expect(r.err).toContain(`page type ${adapter.id} exists already`);
    }
    const cases: [string, RegExp][] = [
      ['amazon', /not a page type: write <platform>\/<page>/],
      ['amazon/a/b', /not a page type/],
      ['shopify/items', /"shopify" is not a platform: use one of amazon, walmart, ebay/],
      ['Amazon/items', /"Amazon" is not a platform/],
      ['amazon/Inventory', /"Inventory" is not a page name: lower-case words joined by "-"/],
      ['amazon/inventory_age', /is not a page name/],
      ['amazon/-age', /is not a page name/],
      ['amazon/..', /is not a page name/],
    ];
    for (const [id, message] of cases) {
      const r = run([id, '--out', out]);
      expect(r.code, id).toBe(1);
      expect(r.err, id).toMatch(message);
    }
    expect(listFiles(out)).toEqual([]);
    expect(() => parsePageId('ebay/')).toThrow(/not a page name/);
  });

  it('refuses bad arguments with the usage line', () => {
    expect(run([]).err).toMatch(/give exactly one page type\nusage: npm run new:page -- <platform>\/<page>/);
    expect(run(['amazon/x', '--kind', 'table']).code).toBe(2);
    expect(run(['amazon/x', '--path']).err).toContain('--path needs a value');
    expect(run(['amazon/x', '--path', 'no-slash', '--dry-run']).err).toMatch(/must be a URL path starting with "\/"/);
    expect(run(['amazon/x', '--colour', 'red']).code).toBe(2);
  });

  it('package.json runs it as `npm run new:page`', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['new:page']).toBe('tsx scripts/new-page.ts');
  });
});
