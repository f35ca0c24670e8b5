// @vitest-environment happy-dom
/**
 * amazon/business-reports: written by `npm run new:page -- amazon/business-reports` to fail until the page type is done
 * (CONTRIBUTING.md, "Recipe 1: read a new page type"): declaration filled in, fixtures and notes replaced by faithful reproductions,
 * registered in ADAPTERS, named in both languages. Keep these checks, and add the field-by-field
 * ones the other adapter tests make (e.g. lib/platforms/amazon/fba-restock-orders.test.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/messages';
import { ADAPTERS, adapterForUrl } from '../index';
import { fixtureHtml, listingsOf, readHtml } from '../testing/load';
import { adapter } from './business-reports';

/** A URL where the real page lives (the declaration's @example), with the date range the seller picked. */
const URL_OF_PAGE =
  'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx#/report?id=102%3ADetailSalesTrafficByChildItem&chartCols=&columns=0%2F1%2F2&fromDate=2026-01-29&toDate=2026-02-27';
const LEGACY_URL =
  'https://sellercentral.amazon.com/gp/site-metrics/report.html#&cols=/c0/c1/c2&fromDate=01/29/2026&toDate=02/27/2026&reportID=102:DetailSalesTrafficByChildItem';
/**
 * Every fixture of this page type (tests/fixtures/<name>.html with <name>.md beside it), read
 * at a URL of its marketplace (a German fixture as amazon.de: numbers are read in its format).
 */
const FIXTURES = [
  { name: 'amazon/business-reports.en', url: URL_OF_PAGE, market: 'amazon.com' },
  { name: 'amazon/business-reports.de', url: URL_OF_PAGE.replace('amazon.com', 'amazon.de'), market: 'amazon.de' },
  { name: 'amazon/business-reports.legacy.en', url: LEGACY_URL, market: 'amazon.com' },
];
const STUB = 'STUB written by `npm run new:page';

describe('amazon/business-reports', () => {
  it('the declaration is filled in (its stub comment replaced)', () => {
    expect(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'business-reports.ts'), 'utf8')).not.toContain(STUB);
  });

  it('every fixture and its note reproduce the real page (not the stubs)', () => {
    for (const { name } of FIXTURES) {
      expect(fixtureHtml(`${name}.html`), `${name}.html`).not.toContain(STUB);
      expect(fixtureHtml(`${name}.md`), `${name}.md`).not.toContain(STUB);
    }
  });

  it('matches its URL and reads rows from every fixture without a diagnostic', () => {
    for (const { name, url, market } of FIXTURES) {
      expect(adapter.matches(new URL(url)), url).toBe(true);
      const read = readHtml(adapter, fixtureHtml(`${name}.html`), url, market);
      expect(read.diagnostics, name).toEqual([]);
      expect(read.rows.length, name).toBeGreaterThan(0);
      expect(read.anchors).toHaveLength(read.rows.length);
    }
  });

  it('is registered in ADAPTERS (lib/platforms/index.ts), and picked for its URL', () => {
    expect(ADAPTERS).toContain(adapter);
    expect(adapterForUrl(new URL(URL_OF_PAGE))?.id).toBe(adapter.id);
  });

  it('has its page-type name in English and Chinese (lib/i18n/messages-popup.ts)', () => {
    for (const table of [en, zhCN] as Record<string, string>[]) expect(table[`pageType.${adapter.id}`]).toEqual(expect.any(String));
  });

  it("reads every field of a row: SKU, child ASIN, title and the units ordered in the 30-day range, observed at the range's end", () => {
    const read = readHtml(adapter, fixtureHtml('amazon/business-reports.en.html'), URL_OF_PAGE, 'amazon.com');
    expect(listingsOf(read).get('KTCH-BAMB-BRD')).toEqual({
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/business-reports',
      // The end of 2026-02-27 in Los Angeles (the marketplace's zone), before the read time.
      observedAt: '2026-02-28T07:59:59.999Z',
      observedDate: '2026-02-27',
      sku: 'KTCH-BAMB-BRD',
      asin: 'B0CHILD001',
      title: 'Bamboo Cutting Board Set of 3 with Juice Groove',
      unitsSold: [{ windowDays: 30, units: 1204 }],
    });
    expect(listingsOf(read).get('TOYS-PUZZ-1000')?.unitsSold).toEqual([{ windowDays: 30, units: 0 }]);
    expect(read.rows).toHaveLength(8);
  });

  it('reads the German page in German numbers, the ASIN from its /dp/ link, "Bestellte Einheiten – B2B" left alone', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/business-reports.de.html'), FIXTURES[1]!.url, 'amazon.de');
    expect(listingsOf(read).get('KTCH-BAMB-BRD')).toMatchObject({ asin: 'B0CHILD001', marketplace: 'amazon.de', unitsSold: [{ windowDays: 30, units: 1204 }] });
    expect(listingsOf(read).get('OUTD-WTR-BTL-WHITE')?.unitsSold).toEqual([{ windowDays: 30, units: 412 }]);
  });

  it('takes the range from the page when the URL has none (legacy inputs, the Katal range picker)', () => {
    const bare = 'https://sellercentral.amazon.com/gp/site-metrics/report.html#&reportID=102:DetailSalesTrafficByChildItem';
    const legacy = readHtml(adapter, fixtureHtml('amazon/business-reports.legacy.en.html'), bare, 'amazon.com');
    expect(legacy.diagnostics).toEqual([]);
    expect(listingsOf(legacy).get('BEAU-SERUM-30ML')).toMatchObject({ observedDate: '2026-02-27', unitsSold: [{ windowDays: 30, units: 2310 }] });
    const current = readHtml(
      adapter,
      fixtureHtml('amazon/business-reports.en.html'),
      'https://sellercentral.amazon.com/business-reports#/report?id=102%3ADetailSalesTrafficByChildItem',
      'amazon.com',
    );
    expect(listingsOf(current).get('BEAU-SERUM-30ML')?.unitsSold).toEqual([{ windowDays: 30, units: 2310 }]);
  });

  it('reads nothing without a usable range, and says why', () => {
    const html = fixtureHtml('amazon/business-reports.legacy.en.html').replace(/<form[\s\S]*?<\/form>/, '');
    const none = readHtml(
      adapter,
      html,
      'https://sellercentral.amazon.com/gp/site-metrics/report.html#&reportID=102:DetailSalesTrafficByChildItem',
      'amazon.com',
    );
    expect(none.rows).toEqual([]);
    expect(none.diagnostics.map((d) => d.code)).toEqual(['missing-date-range']);
    const future = readHtml(adapter, html, URL_OF_PAGE.replace('toDate=2026-02-27', 'toDate=2026-03-05'), 'amazon.com');
    expect(future.rows).toEqual([]);
    expect(future.diagnostics).toEqual([expect.objectContaining({ code: 'bad-date-range', params: expect.objectContaining({ reason: 'after-today' }) })]);
    const backwards = readHtml(adapter, html, URL_OF_PAGE.replace('fromDate=2026-01-29', 'fromDate=2026-02-28'), 'amazon.com');
    expect(backwards.diagnostics[0]?.params?.reason).toBe('first-after-last');
  });

  it('without the SKU column: nothing read, the column named (rows are never keyed by ASIN)', () => {
    const html = fixtureHtml('amazon/business-reports.legacy.en.html').replace(/<th>SKU<\/th>/, '<th>Seller reference</th>');
    const read = readHtml(adapter, html, LEGACY_URL, 'amazon.com');
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'sku' } })]);
  });

  it('matches the child-item report only, on the current and the legacy page', () => {
    expect(adapter.matches(new URL(LEGACY_URL))).toBe(true);
    expect(adapter.matches(new URL(URL_OF_PAGE.replace('ChildItem', 'ParentItem')))).toBe(false);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/business-reports'))).toBe(false);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/gp/site-metrics/report.html#&reportID=102:SalesTrafficTimeSeries'))).toBe(false);
  });
});
