/**
 * A page type is declared once: lib/platforms/<platform>/<page>.ts exports an adapter whose id
 * is "<platform>/<page>", and lib/platforms/index.ts registers it in ADAPTERS. Everything else
 * keys on that id (records' `source`, settings.hiddenPanels, diagnostics, the `pageType.<id>`
 * strings), so these checks hold the pieces to it (CONTRIBUTING.md, "Add a page type").
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../lib/i18n/messages';
import { ADAPTERS } from '../../lib/platforms/index';
import { PLATFORMS } from '../../lib/records';
import { ROOT, isTestFile } from './import-graph';

/** Every declaration file: lib/platforms/<platform>/<page>.ts. */
const DECLARATIONS = PLATFORMS.flatMap((platform) =>
  readdirSync(join(ROOT, 'lib/platforms', platform))
    .filter((f) => f.endsWith('.ts') && !isTestFile(f))
    .map((f) => `${platform}/${f.replace(/\.ts$/, '')}`),
).sort();

const TABLES = { en: en as Record<string, string>, 'zh-CN': zhCN as Record<string, string> };

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
});
