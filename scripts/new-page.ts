/**
 * Scaffolds a new page type (CONTRIBUTING.md, "Recipe 1: read a new page type"):
 *
 *   npm run new:page -- amazon/inventory-age [--title "Inventory Age"] [--path /inventory-age] [--kind listing|orders]
 *                                            [--out <dir>] [--dry-run]
 *
 * Writes, relative to the repository (or to `--out <dir>`, which gets the same layout):
 *   lib/platforms/<platform>/<page>.ts        the declaration (`definePage`), in the shape of the others (a stub to fill in)
 *   lib/platforms/<platform>/<page>.test.ts   a test that fails until the declaration, the fixture, the
 *                                             registration and the page-type strings are done
 *   tests/fixtures/<platform>/<page>.en.html  a stub fixture, to be replaced by a faithful reproduction
 *   tests/fixtures/<platform>/<page>.en.md    its note (a stub saying so)
 * It registers nothing: adding the adapter to ADAPTERS (lib/platforms/index.ts) and its id to
 * PAGE_TYPE_IDS (lib/platforms/page-types.ts) are steps of the recipe, printed at the end; until
 * they are done, and the page has near-miss examples, names and three fixtures,
 * tests/conformance/page-types.test.ts names what it lacks. Refuses a page type that exists, a malformed name, and any
 * file that is already there. `--dry-run` prints what it would write and writes nothing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADAPTERS } from '../lib/platforms/index';
import { PLATFORMS, type Platform } from '../lib/records';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where each platform's seller pages live, and the marketplace a test reads them as. */
const SELLER_SITES: Record<Platform, { origin: string; market: string; name: string }> = {
  amazon: { origin: 'https://sellercentral.amazon.com', market: 'amazon.com', name: 'Amazon Seller Central' },
  walmart: { origin: 'https://seller.walmart.com', market: 'walmart.com', name: 'Walmart Seller Center' },
  ebay: { origin: 'https://www.ebay.com', market: 'ebay.com', name: 'eBay Seller Hub' },
};

/** The marker every stub carries; the generated test fails while any file still has it. */
export const STUB_MARKER = 'STUB written by `npm run new:page';

export interface PageOptions {
  /** "<platform>/<page>", e.g. "amazon/inventory-age". */
  id: string;
  /** Human name (PageAdapter.title); default from the page name ("Inventory Age"). */
  title?: string;
  /** URL path of the real page; default "/<page>" (a guess to correct). */
  path?: string;
  /** A listing table (readListingPage) or an orders table (readOrderPage). */
  kind?: 'listing' | 'orders';
}

export interface ScaffoldFile {
  /** Relative to the output root, forward slashes. */
  path: string;
  content: string;
}

export class ScaffoldError extends Error {}

const PAGE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The page type's parts, or a ScaffoldError saying what is wrong with the name.
 * @example parsePageId('amazon/inventory-age') // { platform: 'amazon', page: 'inventory-age' }
 */
export function parsePageId(id: string): { platform: Platform; page: string } {
  const parts = id.split('/');
  if (parts.length !== 2) throw new ScaffoldError(`"${id}" is not a page type: write <platform>/<page>, e.g. amazon/inventory-age`);
  const [platform, page] = parts as [string, string];
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new ScaffoldError(`"${platform}" is not a platform: use one of ${PLATFORMS.join(', ')} (lib/records.ts PLATFORMS)`);
  }
  if (!PAGE_NAME.test(page)) {
    throw new ScaffoldError(
      `"${page}" is not a page name: lower-case words joined by "-" (e.g. inventory-age), as in the existing ids ${ADAPTERS.slice(0, 3)
        .map((a) => a.id)
        .join(', ')}`,
    );
  }
  return { platform: platform as Platform, page };
}

const words = (page: string) => page.split('-');
const pascal = (s: string) =>
  words(s)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
const titleOf = (page: string) =>
  words(page)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The files of a new page type (nothing written).
 * @example scaffoldFiles({ id: 'amazon/inventory-age' }).map((f) => f.path)[0] // 'lib/platforms/amazon/inventory-age.ts'
 */
export function scaffoldFiles(options: PageOptions): ScaffoldFile[] {
  const { platform, page } = parsePageId(options.id);
  const id = `${platform}/${page}`;
  const kind = options.kind ?? (/(^|-)orders?$/.test(page) ? 'orders' : 'listing');
  const title = (options.title ?? titleOf(page)).trim();
  if (!title || title.length > 80) throw new ScaffoldError('--title must be 1 to 80 characters');
  const path = options.path ?? `/${page}`;
  if (!/^\/[\w\-./~%]*$/.test(path)) throw new ScaffoldError(`--path "${path}" must be a URL path starting with "/" (no host, query or spaces)`);
  const site = SELLER_SITES[platform];
  const url = `${site.origin}${path}`;
  const matcher = `matches${pascal(platform)}${pascal(page)}`;
  const pathPattern = `/^${escapeRegExp(path.replace(/\/$/, '')) || '\\/'}\\/?$/`;
  const command = `npm run new:page -- ${id}`;

  const header = [
    '/**',
    ` * ${site.name} "${title}" (${path}).`,
    ' *',
    ` * ${STUB_MARKER} -- ${id}\`.`,
    ' * Fill in the columns this page shows (FIELDS, by lib/locale/headers.ts field), which of them',
    ' * are required, how a row says which listing it is, the URL path(s) with examples that must and',
    ' * must not match, and the container; then',
    ' * replace this comment with what the other declarations say: the real page, its paths, and',
    ' * "Selectors: ..." with (?) for whatever is not publicly documented.',
    ' */',
  ];
  // The URL matcher and the declaration, the same for both kinds but for the reader called.
  const adapterTail = (reader: 'readListingPage' | 'readOrderPage', fields: string) => [
    '',
    `function ${matcher}(url: URL): boolean {`,
    `  return ${pathPattern}.test(url.pathname);`,
    '}',
    '',
    'export const adapter = definePage({',
    '  ...spec.adapter,',
    `  matches: ${matcher},`,
    '  examples: {',
    `    matches: [${quote(url)}],`,
    '    // Near misses it must not be picked for (a sibling page, a filter it does not read): at least one.',
    '    doesNotMatch: [],',
    '  },',
    `  fields: ${fields},`,
    `  parse: (root, ctx) => ${reader}(spec, root, ctx),`,
    "  containerSelector: 'table',",
    '});',
    'export default adapter;',
    '',
  ];
  const declaration =
    kind === 'listing'
      ? [
          ...header,
          "import { definePage, listingFields } from '../shared/define-page';",
          "import { readListingPage, type ListingPageSpec } from '../shared/listing-page';",
          "import { cellText } from '../shared/read';",
          '',
          '/** Header fields (lib/locale/headers.ts HEADER_SYNONYMS) the columns of this page hold. */',
          "const FIELDS = ['sku', 'title', 'available'] as const;",
          'type F = (typeof FIELDS)[number];',
          '',
          'const spec: ListingPageSpec<F> = {',
          `  adapter: { id: ${quote(id)}, platform: ${quote(platform)}, title: ${quote(title)} },`,
          '  fields: FIELDS,',
          "  required: ['sku', 'available'],",
          "  identity: (_row, col) => ({ sku: cellText(col('sku')), title: cellText(col('title')) || undefined }),",
          '};',
          ...adapterTail('readListingPage', 'listingFields(spec)'),
        ]
      : [
          ...header,
          "import { definePage } from '../shared/define-page';",
          "import { orderFields, readOrderPage, type OrderPageSpec } from '../shared/order-page';",
          '',
          'const spec: OrderPageSpec = {',
          `  adapter: { id: ${quote(id)}, platform: ${quote(platform)}, title: ${quote(title)} },`,
          '  /** The shape of an order id in a cell (Amazon 3-7-7 digits, eBay 2-5-5). */',
          '  orderIdPattern: /(?<!\\d)\\d{3}-\\d{7}-\\d{7}(?!\\d)/,',
          '};',
          ...adapterTail('readOrderPage', 'orderFields(spec)'),
        ];

  const test = [
    '// @vitest-environment happy-dom',
    '/**',
    ` * ${id}: written by \`${command}\` to fail until the page type is done`,
    ' * (CONTRIBUTING.md, "Recipe 1: read a new page type"): declaration filled in, fixtures and notes replaced by faithful reproductions,',
    ' * registered in ADAPTERS, named in both languages. Keep these checks, and add the field-by-field',
    ' * ones the other adapter tests make (e.g. lib/platforms/amazon/fba-restock-orders.test.ts).',
    ' */',
    "import { readFileSync } from 'node:fs';",
    "import { dirname, join } from 'node:path';",
    "import { fileURLToPath } from 'node:url';",
    "import { describe, expect, it } from 'vitest';",
    "import { en, zhCN } from '../../i18n/messages';",
    "import { ADAPTERS, adapterForUrl } from '../index';",
    "import { fixtureHtml, readHtml } from '../testing/load';",
    `import { adapter } from './${page}';`,
    '',
    `/** A URL where the real page lives (the first of the declaration's examples.matches). */`,
    'const URL_OF_PAGE = adapter.examples.matches[0]!;',
    '/**',
    ' * Every fixture of this page type (tests/fixtures/<name>.html with <name>.md beside it), read',
    ' * at a URL of its marketplace (a German fixture as amazon.de: numbers are read in its format).',
    ' */',
    `const FIXTURES = [{ name: ${quote(`${id}.en`)}, url: URL_OF_PAGE, market: ${quote(site.market)} }];`,
    `const STUB = ${quote(STUB_MARKER)};`,
    '',
    `describe(${quote(id)}, () => {`,
    "  it('the declaration is filled in (its stub comment replaced)', () => {",
    `    expect(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '${page}.ts'), 'utf8')).not.toContain(STUB);`,
    '  });',
    '',
    "  it('every fixture and its note reproduce the real page (not the stubs)', () => {",
    '    for (const { name } of FIXTURES) {',
    '      expect(fixtureHtml(`${name}.html`), `${name}.html`).not.toContain(STUB);',
    '      expect(fixtureHtml(`${name}.md`), `${name}.md`).not.toContain(STUB);',
    '    }',
    '  });',
    '',
    "  it('matches its URL and reads rows from every fixture without a diagnostic', () => {",
    '    for (const { name, url, market } of FIXTURES) {',
    '      expect(adapter.matches(new URL(url)), url).toBe(true);',
    '      const read = readHtml(adapter, fixtureHtml(`${name}.html`), url, market);',
    '      expect(read.diagnostics, name).toEqual([]);',
    '      expect(read.rows.length, name).toBeGreaterThan(0);',
    '      expect(read.anchors).toHaveLength(read.rows.length);',
    '    }',
    '  });',
    '',
    "  it('is registered in ADAPTERS (lib/platforms/index.ts), and picked for its URL', () => {",
    '    expect(ADAPTERS).toContain(adapter);',
    '    expect(adapterForUrl(new URL(URL_OF_PAGE))?.id).toBe(adapter.id);',
    '  });',
    '',
    "  it('has its page-type name in English and Chinese (lib/i18n/messages-popup.ts)', () => {",
    '    for (const table of [en, zhCN] as Record<string, string>[]) expect(table[`pageType.${adapter.id}`]).toEqual(expect.any(String));',
    '  });',
    '});',
    '',
  ];

  const fixture = [
    '<!doctype html>',
    `<!-- ${STUB_MARKER} -- ${id}\`.`,
    '     Replace this file with a faithful reproduction of the real page',
    `     at ${url} (English UI): its markup as the page renders it, its header texts, and`,
    '     several realistic rows (variations, empty cells, the number formats of the marketplace), or',
    '     generate it from a builder in tests/fixtures/builders/ with tests/fixtures/generate.ts. -->',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>' + title.replace(/[<&]/g, '') + ' (stub fixture)</title></head>',
    `<body data-stub-page-type="${id}">`,
    '  <main><p>Stub fixture: no rows yet.</p></main>',
    '</body>',
    '</html>',
    '',
  ];

  const note = [
    `# ${id}.en.html`,
    '',
    `**${STUB_MARKER} -- ${id}\`.**`,
    'The fixture beside this note is a placeholder with no rows: replace it with a faithful',
    'reproduction of the real page, then replace this note with one',
    'written like the other notes in tests/fixtures/ (e.g. tests/fixtures/amazon/restock.en.md):',
    '',
    `**Real page reproduced:** ${site.name} "${title}",`,
    `\`${url}\`, English UI: which columns, in which order, and where`,
    'they come from (a saved page, a report, the seller help pages).',
    '',
    '**Uncertain (?)**: what could not be checked against the real page (markup, header texts,',
    'empty cells, how numbers are written).',
    '',
  ];

  return [
    { path: `lib/platforms/${platform}/${page}.ts`, content: declaration.join('\n') },
    { path: `lib/platforms/${platform}/${page}.test.ts`, content: test.join('\n') },
    { path: `tests/fixtures/${platform}/${page}.en.html`, content: fixture.join('\n') },
    { path: `tests/fixtures/${platform}/${page}.en.md`, content: note.join('\n') },
  ];
}

/** What is left to do by hand, printed after the files are written. */
export function nextSteps(id: string): string[] {
  return [
    `Next (CONTRIBUTING.md, "Recipe 1: read a new page type"):`,
    `  1. fill in lib/platforms/${id}.ts and replace tests/fixtures/${id}.en.html and its .md note;`,
    `  2. register the adapter in ADAPTERS (lib/platforms/index.ts);`,
    `  3. add '${id}' to PAGE_TYPE_IDS (lib/platforms/page-types.ts), its fixtures (at least 3 variants) to PAGE_FIXTURES`,
    `     (lib/platforms/testing/pages.ts) and to PAGES in tests/e2e/pages.spec.ts;`,
    `  4. add 'pageType.${id}' to both tables of lib/i18n/messages-popup.ts;`,
    `  5. add a row to "What it reads" in README.md;`,
    `  6. npx vitest run lib/platforms/${id}.test.ts lib/platforms/index.test.ts tests/conformance/page-types.test.ts`,
    `     (fails until 1-4 are done; page-types.test.ts names what the page still lacks).`,
  ];
}

/**
 * Writes the files under `root` (the repository by default), refusing an existing page type
 * and any file already there.
 */
export function writeScaffold(options: PageOptions, root = REPO_ROOT, dryRun = false): ScaffoldFile[] {
  const { platform, page } = parsePageId(options.id);
  const id = `${platform}/${page}`;
  if (ADAPTERS.some((a) => a.id === id)) throw new ScaffoldError(`page type ${id} exists already (lib/platforms/index.ts ADAPTERS): pick another name`);
  const files = scaffoldFiles({ ...options, id });
  const taken = files.filter((f) => existsSync(join(root, f.path)) || existsSync(join(REPO_ROOT, f.path))).map((f) => f.path);
  if (taken.length > 0) throw new ScaffoldError(`page type ${id} has files already, nothing written: ${taken.join(', ')}`);
  if (!dryRun) {
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content, { flag: 'wx' });
    }
  }
  return files;
}

const USAGE = 'usage: npm run new:page -- <platform>/<page> [--title "Page title"] [--path /url/path] [--kind listing|orders] [--out <dir>] [--dry-run]';

/** The command line: exit code 0 when written, 1 when refused, 2 on bad arguments. */
export function main(argv: readonly string[], log = console.log, error = console.error): number {
  const positional: string[] = [];
  const options: Partial<PageOptions> = {};
  let out: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new ScaffoldError(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--title') options.title = value();
      else if (arg === '--path') options.path = value();
      else if (arg === '--out') out = resolve(value());
      else if (arg === '--kind') {
        const kind = value();
        if (kind !== 'listing' && kind !== 'orders') throw new ScaffoldError('--kind is listing or orders');
        options.kind = kind;
      } else if (arg === '--dry-run') dryRun = true;
      else if (arg === '--help' || arg === '-h') {
        log(USAGE);
        return 0;
      } else if (arg.startsWith('--')) throw new ScaffoldError(`unknown option ${arg}`);
      else positional.push(arg);
    } catch (e) {
      error(`new:page: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
  }
  if (positional.length !== 1) {
    error(`new:page: give exactly one page type\n${USAGE}`);
    return 2;
  }
  try {
    const root = out ?? REPO_ROOT;
    const files = writeScaffold({ ...options, id: positional[0]! }, root, dryRun);
    for (const f of files) {
      const shown = out ? join(relative(process.cwd(), root) || '.', f.path) : f.path;
      log(dryRun ? `would write ${shown}\n${f.content}` : `wrote ${shown}`);
    }
    log(nextSteps(positional[0]!).join('\n'));
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) {
      error(`new:page: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
