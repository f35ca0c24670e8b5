/**
 * A page type is declared once: lib/platforms/<platform>/<page>.ts exports `adapter = definePage(…)`
 * whose id is "<platform>/<page>", and lib/platforms/index.ts registers it in ADAPTERS. Everything
 * else keys on that id (records' `source`, settings.hiddenPanels via PAGE_TYPE_IDS, diagnostics,
 * the `pageType.<id>` strings), so these checks hold the pieces to it, and name whatever a
 * declared page lacks (CONTRIBUTING.md, "Recipe 1: read a new page type").
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../lib/i18n/messages';
import { ADAPTERS, adapterForUrl, type PageDeclaration } from '../../lib/platforms/index';
import { PAGE_TYPE_IDS } from '../../lib/platforms/page-types';
import { PAGE_FIXTURES } from '../../lib/platforms/testing/pages';
import { PLATFORMS } from '../../lib/records';
import { ROOT, isTestFile } from './import-graph';

/** Every declaration file: lib/platforms/<platform>/<page>.ts. */
const DECLARATIONS = PLATFORMS.flatMap((platform) =>
  readdirSync(join(ROOT, 'lib/platforms', platform))
    .filter((f) => f.endsWith('.ts') && !isTestFile(f))
    .map((f) => `${platform}/${f.replace(/\.ts$/, '')}`),
).sort();

const TABLES = { en: en as Record<string, string>, 'zh-CN': zhCN as Record<string, string> };

/** The page type picked for a URL among `adapters` (adapterForUrl), or "nothing"; "not a URL" for a malformed one. */
function pickedFor(href: string, adapters: readonly PageDeclaration[]): string {
  if (!URL.canParse(href)) return 'not a URL';
  return adapterForUrl(new URL(href), adapters)?.id ?? 'nothing';
}

/**
 * Everything a declared page lacks, each said so the author knows what to add: examples that
 * must and must not match (and do), its name in both languages, three fixture variants, its
 * fields with their signals, a required field, a container to observe.
 */
function lacks(page: PageDeclaration, adapters: readonly PageDeclaration[] = ADAPTERS): string[] {
  const out: string[] = [];
  const say = (what: string) => out.push(`${page.id}: ${what}`);
  if (page.examples.matches.length === 0) say('no examples.matches URL');
  if (page.examples.doesNotMatch.length === 0) say('no examples.doesNotMatch URL (a near miss it must not be picked for)');
  for (const href of page.examples.matches) {
    const picked = pickedFor(href, adapters);
    if (picked !== page.id) say(`examples.matches ${href} picks ${picked}`);
    const others = adapters.filter((a) => a.id !== page.id && URL.canParse(href) && a.matches(new URL(href))).map((a) => a.id);
    if (others.length > 0) say(`examples.matches ${href} is also matched by ${others.join(', ')}`);
  }
  for (const href of page.examples.doesNotMatch) if (pickedFor(href, adapters) === page.id) say(`examples.doesNotMatch ${href} picks it`);
  for (const [language, table] of Object.entries(TABLES)) {
    if (typeof table[`pageType.${page.id}`] !== 'string') say(`no name in ${language} (pageType.${page.id} in lib/i18n/messages-popup.ts)`);
  }
  const fixtures = PAGE_FIXTURES[page.id] ?? [];
  if (fixtures.length < 3) say(`${fixtures.length} fixture variants in lib/platforms/testing/pages.ts (at least 3)`);
  if (!page.fields.some((f) => f.required)) say('no required field');
  for (const f of page.fields) if (f.signals.length === 0) say(`field ${f.field} has no signal`);
  if (new Set(page.fields.map((f) => f.field)).size !== page.fields.length) say('a field declared twice');
  if (!page.containerSelector.trim()) say('no containerSelector to observe');
  return out;
}

describe('page types', () => {
  it('each declaration file is registered in ADAPTERS under its own path as id, and nothing else is', async () => {
    const ids = ADAPTERS.map((a) => a.id).sort();
    expect(ids).toEqual(DECLARATIONS);
    for (const id of DECLARATIONS) {
      const module = (await import(/* @vite-ignore */ join(ROOT, 'lib/platforms', `${id}.ts`))) as {
        adapter?: { id: string; platform: string };
        default?: unknown;
      };
      expect(module.adapter?.id, `lib/platforms/${id}.ts`).toBe(id);
      expect(module.adapter?.platform).toBe(id.split('/')[0]);
      expect(module.default, `lib/platforms/${id}.ts default export`).toBe(module.adapter);
      expect(ADAPTERS).toContain(module.adapter);
    }
  });

  it('every page type has its name in both languages (pageType.<id> in lib/i18n/messages-popup.ts)', () => {
    const missing = Object.entries(TABLES).flatMap(([language, table]) =>
      ADAPTERS.filter((a) => typeof table[`pageType.${a.id}`] !== 'string').map((a) => `${language}: pageType.${a.id}`),
    );
    expect(missing).toEqual([]);
  });

  it('there is no pageType string for a page type that does not exist', () => {
    const ids = new Set(ADAPTERS.map((a) => a.id));
    const orphans = Object.entries(TABLES).flatMap(([language, table]) =>
      Object.keys(table)
        .filter((k) => k.startsWith('pageType.') && k !== 'pageType.other' && !ids.has(k.slice('pageType.'.length)))
        .map((k) => `${language}: ${k}`),
    );
    expect(orphans).toEqual([]);
  });

  it('the ids are PAGE_TYPE_IDS (lib/platforms/page-types.ts, what settings validate against), and fixtures name only them', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PAGE_TYPE_IDS].sort());
    expect(Object.keys(PAGE_FIXTURES).filter((id) => !(PAGE_TYPE_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it('every declared page has all it needs (definePage: examples, names, fixtures, fields, container)', () => {
    expect(ADAPTERS.flatMap((page) => lacks(page))).toEqual([]);
  });

  it('names what a new page lacks', () => {
    const base = ADAPTERS.find((a) => a.id === 'ebay/orders')!;
    const page: PageDeclaration = {
      ...base,
      id: 'ebay/returns',
      matches: (url) => /^\/sh\/(ord|returns)\/?$/.test(url.pathname),
      examples: { matches: ['https://www.ebay.com/sh/returns', 'https://www.ebay.com/sh/ord/'], doesNotMatch: [] },
      fields: [{ field: 'orderId', required: false, signals: [] }],
      containerSelector: ' ',
    };
    const all = [...ADAPTERS, page];
    expect(lacks(page, all)).toEqual([
      'ebay/returns: no examples.doesNotMatch URL (a near miss it must not be picked for)',
      'ebay/returns: examples.matches https://www.ebay.com/sh/ord/ picks ebay/orders',
      'ebay/returns: examples.matches https://www.ebay.com/sh/ord/ is also matched by ebay/orders',
      'ebay/returns: no name in en (pageType.ebay/returns in lib/i18n/messages-popup.ts)',
      'ebay/returns: no name in zh-CN (pageType.ebay/returns in lib/i18n/messages-popup.ts)',
      'ebay/returns: 0 fixture variants in lib/platforms/testing/pages.ts (at least 3)',
      'ebay/returns: no required field',
      'ebay/returns: field orderId has no signal',
      'ebay/returns: no containerSelector to observe',
    ]);
  });
});
