// @vitest-environment happy-dom
/**
 * amazon/inventory-age: written by `npm run new:page -- amazon/inventory-age` to fail until the page type is done
 * (CONTRIBUTING.md, "Recipe 1: read a new page type"): declaration filled in, fixtures and notes replaced by
 * faithful reproductions, registered in ADAPTERS, named in both languages. The generated checks are kept (each
 * fixture now read at the URL and marketplace of its own UI variant), followed by field-by-field expectations for
 * every row of every fixture.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/messages';
import type { ListingObservation } from '../../records';
import { ADAPTERS, adapterForUrl } from '../index';
import { fixtureHtml, listingsOf, readHtml } from '../testing/load';
import { adapter } from './inventory-age';

/** A URL where the real page lives (the declaration's @example). */
const URL_OF_PAGE = 'https://sellercentral.amazon.com/inventoryplanning/inventory-age';
/** Every fixture of this page type (tests/fixtures/<name>.html with <name>.md beside it), with the page it reproduces. */
const FIXTURES: Record<string, { url: string; market: string }> = {
  'amazon/inventory-age.en': { url: URL_OF_PAGE, market: 'amazon.com' },
  'amazon/inventory-age.de': { url: 'https://sellercentral.amazon.de/inventoryplanning/inventory-age', market: 'amazon.de' },
  'amazon/inventory-age.zh': { url: URL_OF_PAGE, market: 'amazon.com' },
  'amazon/inventory-age.ja': { url: 'https://sellercentral.amazon.co.jp/inventoryplanning/inventory-age', market: 'amazon.co.jp' },
};
const STUB = 'STUB written by `npm run new:page';

const read = (name: string) => {
  const { url, market } = FIXTURES[name]!;
  return readHtml(adapter, fixtureHtml(`${name}.html`), url, market);
};

describe('amazon/inventory-age', () => {
  it('the declaration is filled in (its stub comment replaced)', () => {
    expect(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'inventory-age.ts'), 'utf8')).not.toContain(STUB);
  });

  it('every fixture and its note reproduce the real page (not the stubs)', () => {
    for (const name of Object.keys(FIXTURES)) {
      expect(fixtureHtml(`${name}.html`), `${name}.html`).not.toContain(STUB);
      expect(fixtureHtml(`${name}.md`), `${name}.md`).not.toContain(STUB);
    }
  });

  it('matches its URL and reads rows from every fixture without errors', () => {
    expect(adapter.matches(new URL(URL_OF_PAGE))).toBe(true);
    for (const name of Object.keys(FIXTURES)) {
      const r = read(name);
      expect(
        r.diagnostics.filter((d) => d.level === 'error'),
        name,
      ).toEqual([]);
      expect(r.rows.length, name).toBeGreaterThan(0);
      expect(r.anchors).toHaveLength(r.rows.length);
    }
  });

  it('is registered in ADAPTERS (lib/platforms/index.ts), and picked for its URL', () => {
    expect(ADAPTERS).toContain(adapter);
    expect(adapterForUrl(new URL(URL_OF_PAGE))?.id).toBe(adapter.id);
  });

  it('has its page-type name in English and Chinese (lib/i18n/messages-popup.ts)', () => {
    for (const table of [en, zhCN] as Record<string, string>[]) expect(table[`pageType.${adapter.id}`]).toEqual(expect.any(String));
  });
});

// ---------------------------------------------------------------------------------------
// Field by field: every row of every fixture.

const OBSERVED_AT = '2026-03-01T06:30:00.000Z';

/** A record of this page type on a marketplace (observedDate: NOW in the marketplace's time zone). */
function row(marketplace: string, observedDate: string, fields: Partial<ListingObservation>): ListingObservation {
  return {
    kind: 'listing',
    platform: 'amazon',
    marketplace,
    source: 'amazon/inventory-age',
    observedAt: OBSERVED_AT,
    observedDate,
    fulfillment: 'FBA',
    ...fields,
  } as ListingObservation;
}

/** The five age buckets in page order; "365+" follows a bucket ending at 365, so it starts at 366. */
const ages = (a: number, b: number, c: number, d: number, e: number) => [
  { minDays: 0, maxDays: 90, units: a },
  { minDays: 91, maxDays: 180, units: b },
  { minDays: 181, maxDays: 270, units: c },
  { minDays: 271, maxDays: 365, units: d },
  { minDays: 366, maxDays: null, units: e },
];

/** Units sold t7 / t30 / t90; a blank ("—") window is left out, never 0. */
const sold = (t7: number | undefined, t30: number | undefined, t90: number | undefined) =>
  (
    [
      [7, t7],
      [30, t30],
      [90, t90],
    ] as const
  )
    .filter(([, units]) => units !== undefined)
    .map(([windowDays, units]) => ({ windowDays, units: units! }));

describe('amazon/inventory-age fixtures, every field of every row', () => {
  it('English UI on amazon.com (1,248 units; a "—" window left out; SKU label and value in separate spans)', () => {
    const r = read('amazon/inventory-age.en');
    expect(r.diagnostics).toEqual([]);
    const us = (fields: Partial<ListingObservation>) => row('amazon.com', '2026-02-28', fields);
    expect([...listingsOf(r).values()]).toEqual([
      us({
        sku: 'KTCH-BAMB-BRD',
        asin: 'B07QXV6N1B',
        fnsku: 'X002AB3CD1',
        title: 'Bamboo Cutting Board Set of 3 with Juice Groove, Extra Large Kitchen Chopping Boards',
        available: 1248,
        unitsSold: sold(96, 412, 1203),
        ageBuckets: ages(1102, 146, 0, 0, 0),
        recommendedAction: 'No action required',
      }),
      us({
        sku: 'HOME-LED-STRP',
        asin: 'B08L5TNJHG',
        fnsku: 'X002EF4GH2',
        title: 'LED Strip Lights 50ft, Bluetooth App Control Music Sync RGB Light Strip for Bedroom',
        available: 2075,
        unitsSold: sold(17, 73, 245),
        ageBuckets: ages(1453, 415, 207, 0, 0),
        recommendedAction: 'Create promotion',
      }),
      us({
        sku: 'OUTD-WTR-BTL-BLACK',
        asin: 'B09M8K2QZP',
        fnsku: 'X002IJ5KL3',
        title: 'Insulated Stainless Steel Water Bottle 32 oz, Leak Proof Lid',
        available: 64,
        unitsSold: sold(undefined, 3, 11),
        ageBuckets: ages(0, 12, 20, 18, 14),
        recommendedAction: 'Create removal order',
      }),
      us({
        sku: 'PET-DOG-LEASH',
        asin: 'B07ZPKBL9V',
        fnsku: 'X002MN6OP4',
        title: 'Reflective Dog Leash 6 ft with Padded Handle',
        available: 5,
        unitsSold: sold(0, 0, 0),
        ageBuckets: ages(0, 0, 0, 0, 5),
        recommendedAction: 'Create removal order',
      }),
      us({
        sku: 'TOYS-PUZZ-1000',
        asin: 'B0BX7YQ4TR',
        fnsku: 'X002QR7ST5',
        title: '1000 Piece Jigsaw Puzzle for Adults, Mountain Lake Landscape',
        available: 12480,
        unitsSold: sold(310, 1342, 3960),
        ageBuckets: ages(9870, 2610, 0, 0, 0),
        recommendedAction: 'No action required',
      }),
      us({
        sku: 'BEAU-SERUM-30ML',
        asin: 'B0C4HZ2WMX',
        fnsku: 'X002UV8WX6',
        title: 'Vitamin C Face Serum 30 ml with Hyaluronic Acid',
        available: 331,
        unitsSold: sold(8, 41, 129),
        ageBuckets: ages(120, 95, 64, 52, 0),
        recommendedAction: 'Reduce price',
      }),
    ]);
    expect(r.anchors.map((a) => a.sku)).toEqual(['KTCH-BAMB-BRD', 'HOME-LED-STRP', 'OUTD-WTR-BTL-BLACK', 'PET-DOG-LEASH', 'TOYS-PUZZ-1000', 'BEAU-SERUM-30ML']);
  });

  it('German UI on amazon.de (1.569 units, "0 bis 90 Tage" … "Mehr als 365 Tage")', () => {
    const r = read('amazon/inventory-age.de');
    expect(r.diagnostics).toEqual([]);
    const de = (fields: Partial<ListingObservation>) => row('amazon.de', '2026-03-01', fields);
    expect([...listingsOf(r).values()]).toEqual([
      de({
        sku: 'KTCH-BAMB-BRD-DE',
        asin: 'B07QXV6N1B',
        fnsku: 'X002DE1AA1',
        title: 'Bambus Schneidebrett Set 3-teilig mit Saftrille',
        available: 1569,
        unitsSold: sold(29, 125, 398),
        ageBuckets: ages(1204, 365, 0, 0, 0),
        recommendedAction: 'Keine Maßnahme erforderlich',
      }),
      de({
        sku: 'HOME-LED-STRP-DE',
        asin: 'B08L5TNJHG',
        fnsku: 'X002DE2BB2',
        title: 'LED Streifen 15 m, Bluetooth App-Steuerung, RGB Lichtband',
        available: 301,
        unitsSold: sold(4, 18, 61),
        ageBuckets: ages(88, 97, 64, 52, 0),
        recommendedAction: 'Preis senken',
      }),
      de({
        sku: 'GARD-HOSE-30M',
        asin: 'B09T3RS1LK',
        fnsku: 'X002DE3CC3',
        title: 'Flexibler Gartenschlauch 30 m mit 10 Funktionen Brause',
        available: 2340,
        unitsSold: sold(212, 887, 1940),
        ageBuckets: ages(2340, 0, 0, 0, 0),
        recommendedAction: 'Keine Maßnahme erforderlich',
      }),
      de({
        sku: 'BATH-TOWEL-GRY',
        asin: 'B0B2W4NPQ8',
        fnsku: 'X002DE4DD4',
        title: 'Badetuch 70 x 140 cm, 100 % Baumwolle, Grau',
        available: 47,
        unitsSold: sold(0, 2, 5),
        ageBuckets: ages(0, 0, 9, 21, 17),
        recommendedAction: 'Remissionsauftrag erstellen',
      }),
      de({
        sku: 'OFFI-PEN-SET',
        asin: 'B0CQ9XJ7RM',
        fnsku: 'X002DE5EE5',
        title: 'Gelschreiber Set 24 Farben, 0,5 mm',
        available: 12,
        unitsSold: sold(undefined, undefined, 1),
        ageBuckets: ages(0, 0, 0, 0, 12),
        recommendedAction: 'Remissionsauftrag erstellen',
      }),
    ]);
  });

  it('Simplified Chinese UI on amazon.com (可售, 过去 30 天售出商品数量, 库龄 365 天以上; US number format)', () => {
    const r = read('amazon/inventory-age.zh');
    expect(r.diagnostics).toEqual([]);
    const us = (fields: Partial<ListingObservation>) => row('amazon.com', '2026-02-28', fields);
    expect([...listingsOf(r).values()]).toEqual([
      us({
        sku: 'PHN-CASE-IP15-CLR',
        asin: 'B0CHX3QBCH',
        fnsku: 'X002ZH1AA1',
        title: 'Clear Case for iPhone 15, Shockproof, Yellowing Resistant',
        available: 3612,
        unitsSold: sold(402, 1655, 4870),
        ageBuckets: ages(3612, 0, 0, 0, 0),
        recommendedAction: '无需操作',
      }),
      us({
        sku: 'USB-C-CBL-2M',
        asin: 'B0BXKZ7T9D',
        fnsku: 'X002ZH2BB2',
        title: 'USB C to USB C Cable 2m, 100W PD Fast Charging, Braided',
        available: 1020,
        unitsSold: sold(35, 149, 431),
        ageBuckets: ages(540, 310, 170, 0, 0),
        recommendedAction: '创建促销',
      }),
      us({
        sku: 'DESK-LAMP-LED-WHT',
        asin: 'B09QKM2VXP',
        fnsku: 'X002ZH3CC3',
        title: 'LED Desk Lamp with Wireless Charger, 5 Color Modes',
        available: 88,
        unitsSold: sold(1, 6, 19),
        ageBuckets: ages(0, 10, 22, 31, 25),
        recommendedAction: '创建移除订单',
      }),
      us({
        sku: 'YOGA-MAT-6MM',
        asin: 'B08RYQJ3LM',
        fnsku: 'X002ZH4DD4',
        title: 'Yoga Mat 6mm Non Slip with Carrying Strap',
        available: 256,
        unitsSold: sold(undefined, 12, 48),
        ageBuckets: ages(96, 80, 50, 30, 0),
        recommendedAction: '降低价格',
      }),
      us({
        sku: 'KIDS-WTR-GUN',
        asin: 'B0C7MPL2QS',
        fnsku: 'X002ZH5EE5',
        title: 'Water Gun for Kids, 2 Pack, 600cc',
        available: 9,
        unitsSold: sold(0, 0, 0),
        ageBuckets: ages(0, 0, 0, 0, 9),
        recommendedAction: '创建移除订单',
      }),
    ]);
  });

  it('Japanese UI on amazon.co.jp (販売可能, 販売数 (過去30日間), 在庫日数 0～90日 … 365日以上)', () => {
    const r = read('amazon/inventory-age.ja');
    expect(r.diagnostics).toEqual([]);
    const jp = (fields: Partial<ListingObservation>) => row('amazon.co.jp', '2026-03-01', fields);
    expect([...listingsOf(r).values()]).toEqual([
      jp({
        sku: 'JP-TEA-MATCHA-100G',
        asin: 'B07HJ8XQ2N',
        fnsku: 'X002JP1AA1',
        title: '宇治抹茶 粉末 100g 有機栽培',
        available: 1480,
        unitsSold: sold(88, 371, 1090),
        ageBuckets: ages(1300, 180, 0, 0, 0),
        recommendedAction: '対応不要',
      }),
      jp({
        sku: 'JP-UMBR-FOLD-NVY',
        asin: 'B09ZK3LQ7T',
        fnsku: 'X002JP2BB2',
        title: '折りたたみ傘 自動開閉 軽量 ネイビー',
        available: 226,
        unitsSold: sold(3, 14, 52),
        ageBuckets: ages(60, 70, 48, 30, 18),
        recommendedAction: '返送/所有権の放棄',
      }),
      jp({
        sku: 'JP-BENTO-BOX-2T',
        asin: 'B0B8RM2KXD',
        fnsku: 'X002JP3CC3',
        title: '弁当箱 2段 電子レンジ対応 800ml',
        available: 512,
        unitsSold: sold(undefined, 25, 96),
        ageBuckets: ages(300, 212, 0, 0, 0),
        recommendedAction: '価格を下げる',
      }),
      jp({
        sku: 'JP-SOCKS-5P',
        asin: 'B0CJT7YV4P',
        fnsku: 'X002JP4DD4',
        title: 'メンズ ソックス 5足組 綿混',
        available: 7,
        unitsSold: sold(0, 0, 0),
        ageBuckets: ages(0, 0, 0, 0, 7),
        recommendedAction: '返送/所有権の放棄',
      }),
    ]);
  });
});

describe('amazon/inventory-age edge cases', () => {
  it('the aged-inventory surcharge column is not mistaken for storage cost, an age bucket or any other field', () => {
    for (const name of Object.keys(FIXTURES)) {
      for (const r of read(name).rows) {
        expect(r, `${name} ${r.sku}`).not.toHaveProperty('estimatedStorageCost');
        expect((r as ListingObservation).ageBuckets, `${name} ${r.sku}`).toHaveLength(5);
      }
    }
  });

  it('reads a table with SKU / ASIN / FNSKU / title columns instead of a product cell', () => {
    const html =
      '<table><thead><tr><th>SKU</th><th>FNSKU</th><th>ASIN</th><th>Product name</th><th>Available</th><th>0-90 days</th><th>91-180 days</th>' +
      '<th>181-270 days</th><th>271-365 days</th><th>365+ days</th></tr></thead><tbody>' +
      '<tr><td>MUG-1</td><td>X002AA0001</td><td>B000000001</td><td>Mug</td><td>1,204</td><td>1,000</td><td>204</td><td>0</td><td>0</td><td>0</td></tr>' +
      '</tbody></table>';
    const r = readHtml(adapter, html, URL_OF_PAGE, 'amazon.com');
    // The page's sales and recommendation columns are not there: each is said once, the row read all the same.
    expect(r.diagnostics.map((d) => [d.level, d.code, d.params?.column])).toEqual(
      ['unitsSold7', 'unitsSold30', 'unitsSold90', 'recommendedAction'].map((column) => ['warning', 'missing-optional-column', column]),
    );
    expect(r.rows).toEqual([
      row('amazon.com', '2026-02-28', {
        sku: 'MUG-1',
        asin: 'B000000001',
        fnsku: 'X002AA0001',
        title: 'Mug',
        available: 1204,
        ageBuckets: ages(1000, 204, 0, 0, 0),
      }),
    ]);
  });

  it('unknown header language: the columns are found by the data-cy of their Katal cells, and each is said to be', () => {
    const html = fixtureHtml('amazon/inventory-age.en.html');
    const renamed = html.replace(/(module__headerCell--\w+">)(Product details|Available|Units sold last \d+ days|Recommended action)/g, '$1Στήλη');
    expect(renamed).not.toContain('>Available<');
    const english = readHtml(adapter, html, URL_OF_PAGE, 'amazon.com');
    const unknown = readHtml(adapter, renamed, URL_OF_PAGE, 'amazon.com');
    expect(unknown.rows).toEqual(english.rows);
    expect(unknown.diagnostics.filter((d) => d.level !== 'info')).toEqual(english.diagnostics.filter((d) => d.level !== 'info'));
    const fromHint = unknown.diagnostics.filter((d) => d.code === 'column-from-hint').map((d) => d.params?.column);
    expect(fromHint.sort()).toEqual(['available', 'productDetails', 'recommendedAction', 'unitsSold30', 'unitsSold7', 'unitsSold90']);
  });

  it('without an Available column: no rows and a missing-column diagnostic', () => {
    // Neither the header text nor the cells' data-cy name the column.
    const html = fixtureHtml('amazon/inventory-age.en.html')
      .replace('>Available<', '>Stock?<')
      .replace(/ data-cy="available"/g, '');
    const r = readHtml(adapter, html, URL_OF_PAGE, 'amazon.com');
    expect(r.rows).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'available' } })]);
  });

  it('without a product cell or SKU column: no rows and a missing-column diagnostic for the SKU', () => {
    const html = fixtureHtml('amazon/inventory-age.en.html')
      .replace('>Product details<', '>Picture<')
      .replace(/ data-cy="product-details"/g, '')
      .replace(/ data-sku="[^"]*"/g, '');
    const r = readHtml(adapter, html, URL_OF_PAGE, 'amazon.com');
    expect(r.rows).toEqual([]);
    expect(r.diagnostics[0]).toEqual(expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'sku' } }));
  });

  it('matches its path on every Seller Central host, and not the FBA Inventory page', () => {
    expect(adapter.matches(new URL('https://sellercentral.amazon.de/inventoryplanning/inventory-age?ref=xx'))).toBe(true);
    expect(adapter.matches(new URL('https://sellercentral-europe.amazon.com/inventoryplanning/inventory-age/'))).toBe(true);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/inventoryplanning/manageinventoryhealth'))).toBe(false);
    expect(adapter.matches(new URL('https://sellercentral.amazon.com/inventoryplanning/inventory-age/details'))).toBe(false);
    expect(adapterForUrl(new URL('https://sellercentral.amazon.co.jp/inventoryplanning/inventory-age'))?.id).toBe('amazon/inventory-age');
  });
});
