import { describe, expect, it } from 'vitest';
import { marketplaceById, type Marketplace } from '../locale/markets';
import { amazonBusinessReportChild } from './amazon-business-report';
import { tokenizeDelimited } from './csv';
import { detectReport, matchColumns } from './detect';
import { DiagnosticSink, problem } from './diagnostics';
import { parseReport, type ReportParseOptions } from './parser';
import { RowReaderImpl } from './row-reader';
import { assertValidRecords, parseInPieces, readFixture } from './testing';
import { currencyOfSymbol, readCountAnyGrouping, readDecimalByShape } from './values';

const NOW = new Date('2026-06-29T18:00:00Z');
const source = 'report:amazon/business-report-child';
const US: ReportParseOptions = { marketplace: 'amazon.com', now: NOW, dateRange: { from: '2026-06-01', to: '2026-06-28' } };
const UK: ReportParseOptions = { marketplace: 'amazon.co.uk', now: NOW, dateRange: { from: '2026-05-01', to: '2026-05-31' } };
const DE: ReportParseOptions = { marketplace: 'amazon.de', now: NOW, dateRange: { from: '2026-06-22', to: '2026-06-28' } };

/** The common fields of a listing read from a Business Report for `market` observed at `observedAt`. */
const common = (marketplace: string, observedAt: string, observedDate: string) => ({
  kind: 'listing',
  platform: 'amazon',
  marketplace,
  source,
  observedAt,
  observedDate,
});

describe('Business Report, Detail Page Sales and Traffic by Child Item (amazon/business-report-child)', () => {
  it('reads every row of the US download: units ordered over the chosen range, observed at its last day', () => {
    const r = parseReport(readFixture('amazon/business-report-child.us.csv'), US);
    expect(r.reportId).toBe('amazon/business-report-child');
    expect(r.diagnostics).toEqual([]);
    // The range ends 2026-06-28: its counts are observed at the end of that day in Los Angeles.
    const us = common('amazon.com', '2026-06-29T06:59:59.999Z', '2026-06-28');
    expect(r.rows).toEqual([
      { ...us, sku: 'BAM-TOWEL-GRY-2PK', asin: 'B08XYZ1234', title: 'Bamboo Bath Towel Set, 2 Pack, Grey', unitsSold: [{ windowDays: 28, units: 87 }] },
      { ...us, sku: 'BAM-TOWEL-WHT-2PK', asin: 'B08XYZ1235', title: 'Bamboo Bath Towel Set, 2 Pack, White', unitsSold: [{ windowDays: 28, units: 1318 }] },
      {
        ...us,
        sku: 'SS-BOTTLE-750-BLK',
        asin: 'B08XYZ1236',
        title: 'Stainless Steel Water Bottle 750ml "Midnight" Black',
        unitsSold: [{ windowDays: 28, units: 26 }],
      },
      { ...us, sku: 'MFN-ONLY-CANDLE', asin: 'B08XYZ1237', title: 'Soy Candle Lavender 8oz', unitsSold: [{ windowDays: 28, units: 0 }] },
    ]);
    assertValidRecords(r.rows);
  });

  it('reads the German download: German headers, US-style counts ("3,218") beside German money ("17.510,95 €")', () => {
    const text = readFixture('amazon/business-report-child.de.csv');
    const r = parseReport(text, DE);
    expect(r.reportId).toBe('amazon/business-report-child');
    // No bad-number warning and no number-format note: each cell is read in its own convention.
    expect(r.diagnostics).toEqual([]);
    const de = common('amazon.de', '2026-06-28T21:59:59.999Z', '2026-06-28');
    expect(r.rows).toEqual([
      { ...de, sku: 'DE-KAFFEE-1KG', asin: 'B09DEKAFF1', title: 'Kaffeebohnen Espresso Crema, 1 kg', unitsSold: [{ windowDays: 7, units: 3218 }] },
      { ...de, sku: 'DE-KAFFEE-500G', asin: 'B09DEKAFF2', title: 'Kaffeebohnen Espresso Crema, 500 g', unitsSold: [{ windowDays: 7, units: 612 }] },
      { ...de, sku: 'DE-MUEHLE-HAND', asin: 'B09DEMUEHL', title: 'Handkaffeemühle „Keramik“ Edelstahl', unitsSold: [{ windowDays: 7, units: 57 }] },
      { ...de, sku: 'DE-FILTER-4', asin: 'B09DEFILT1', title: 'Kaffeefilter Größe 4, 100 Stück', unitsSold: [{ windowDays: 7, units: 0 }] },
    ]);
    // Whatever the chunk boundaries (the BOM, "ü" and "€" split across chunks), the same result.
    for (let i = 0; i <= text.length; i += 7) expect(parseInPieces(text, [i], DE)).toEqual(r);
  });

  it('reads the German file the same when imported for another marketplace: counts and euros come from the cells', () => {
    const r = parseReport(readFixture('amazon/business-report-child.de.csv'), { ...DE, marketplace: 'amazon.co.uk' });
    expect(r.rows.map((row) => row.kind === 'listing' && row.unitsSold?.[0]?.units)).toEqual([3218, 612, 57, 0]);
    expect(r.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
  });

  it('reads each money cell of the German file in its own convention and currency', () => {
    const text = readFixture('amazon/business-report-child.de.csv');
    const [header, ...rows] = tokenizeDelimited(text);
    const read = (marketplace: string) => {
      const market = marketplaceById(marketplace) as Marketplace;
      const reader = new RowReaderImpl(
        amazonBusinessReportChild,
        matchColumns(amazonBusinessReportChild, header!.fields).index,
        header!.fields,
        [],
        market,
        new DiagnosticSink(),
      );
      return rows.map((row) => {
        reader.begin(row);
        return [reader.quantity('unitsOrdered'), reader.quantity('unitsOrderedB2b'), reader.money('orderedSales'), reader.money('orderedSalesB2b')];
      });
    };
    const expected = [
      [3218, 42, { amountMinor: 1751095, currency: 'EUR' }, { amountMinor: 22990, currency: 'EUR' }],
      [612, 0, { amountMinor: 182988, currency: 'EUR' }, { amountMinor: 0, currency: 'EUR' }],
      [57, 1, { amountMinor: 170943, currency: 'EUR' }, { amountMinor: 2999, currency: 'EUR' }],
      [0, 0, { amountMinor: 0, currency: 'EUR' }, { amountMinor: 0, currency: 'EUR' }],
    ];
    expect(read('amazon.de')).toEqual(expected);
    expect(read('amazon.com')).toEqual(expected);
  });

  it('reads the UK download (en dash headers, mixed capitals, no SKU column) only through known ASINs', () => {
    const text = readFixture('amazon/business-report-child.uk.csv');
    expect(detectReport(tokenizeDelimited(text)[0]!.fields)).toEqual({ reportId: 'amazon/business-report-child', missing: [], diagnostics: [] });

    // Without known listings no row has a SKU: each is refused, saying what would let it in.
    const alone = parseReport(text, UK);
    expect(alone.rows).toEqual([]);
    expect(alone.diagnostics.map((d) => [d.level, d.code, d.row])).toEqual([
      ['error', 'sku-needed', 2],
      ['error', 'sku-needed', 3],
      ['error', 'sku-needed', 4],
      ['error', 'sku-needed', 5],
      ['warning', 'no-rows', undefined],
    ]);
    expect(alone.diagnostics[0]?.message).toBe(
      'Line skipped: ASIN B07UKTEA01 has no SKU in this file and no known listing has this ASIN (download the report with the SKU column shown, or import a listings report such as All Listings first).',
    );

    // With known listings: one SKU per ASIN joins; two SKUs for one ASIN, or none, is refused.
    const skuByAsin = new Map([
      ['B07UKTEA01', ['UK-TEA-EG-250']],
      ['B07UKTEA02', ['UK-TEA-EG-500', 'UK-TEA-EG-500-FBM']],
      ['B07UKMUG01', ['UK-MUG-SAGE']],
    ]);
    const joined = parseReport(text, { ...UK, skuByAsin });
    const uk = common('amazon.co.uk', '2026-05-31T22:59:59.999Z', '2026-05-31');
    expect(joined.rows).toEqual([
      { ...uk, sku: 'UK-TEA-EG-250', asin: 'B07UKTEA01', title: 'Loose Leaf Earl Grey Tea, 250 g', unitsSold: [{ windowDays: 31, units: 312 }] },
      { ...uk, sku: 'UK-MUG-SAGE', asin: 'B07UKMUG01', title: 'Stoneware Mug 350 ml, Sage', unitsSold: [{ windowDays: 31, units: 41 }] },
    ]);
    expect(joined.diagnostics.map((d) => [d.level, d.code, d.row])).toEqual([
      ['error', 'ambiguous-asin', 3],
      ['error', 'sku-needed', 5],
    ]);
    expect(joined.diagnostics[0]?.message).toBe(
      'Line skipped: ASIN B07UKTEA02 belongs to 2 known SKUs (UK-TEA-EG-500, UK-TEA-EG-500-FBM), so its units cannot be given to one of them.',
    );
  });

  it('joins a row whose SKU cell is blank through its ASIN, and keeps the SKU a row names', () => {
    const text =
      '"(Parent) ASIN","(Child) ASIN","Title","SKU","Units Ordered"\n"B08XYZ1200","B08XYZ1234","Towel","","5"\n"B08XYZ1200","B08XYZ1235","Towel W","OWN-SKU","6"\n';
    const r = parseReport(text, {
      ...US,
      skuByAsin: new Map([
        ['B08XYZ1234', ['MAPPED-SKU']],
        ['B08XYZ1235', ['OTHER-SKU']],
      ]),
    });
    expect(r.rows.map((row) => [row.sku, row.kind === 'listing' && row.asin])).toEqual([
      ['MAPPED-SKU', 'B08XYZ1234'],
      ['OWN-SKU', 'B08XYZ1235'],
    ]);
    expect(r.diagnostics).toEqual([]);
    const unmapped = parseReport(text, US);
    expect(unmapped.diagnostics).toEqual([problem('error', 'sku-needed', { asin: 'B08XYZ1234' }, 2)]);
  });

  it('reads the Chinese-UI download on amazon.com (US$ money), observed now when the range ends today', () => {
    const r = parseReport(readFixture('amazon/business-report-child.zh.csv'), { ...US, dateRange: { from: '2026-06-29', to: '2026-06-29' } });
    expect(r.reportId).toBe('amazon/business-report-child');
    expect(r.diagnostics).toEqual([]);
    const zh = common('amazon.com', '2026-06-29T18:00:00.000Z', '2026-06-29');
    expect(r.rows).toEqual([
      { ...zh, sku: 'CN-LAMP-01', asin: 'B09CNLAMP1', title: 'LED 台灯 护眼 可调光', unitsSold: [{ windowDays: 1, units: 402 }] },
      { ...zh, sku: 'CN-FAN-02', asin: 'B09CNFAN02', title: 'USB 小风扇 静音', unitsSold: [{ windowDays: 1, units: 64 }] },
    ]);
  });

  it('refuses the file without a date range, with one line-free error asking for it', () => {
    for (const options of [
      { marketplace: 'amazon.com', now: NOW },
      { marketplace: 'amazon.com', now: NOW, fileName: 'BusinessReport-6-29-26.csv' },
    ]) {
      const r = parseReport(readFixture('amazon/business-report-child.us.csv'), options);
      expect(r.rows).toEqual([]);
      expect(r.reportId).toBeUndefined();
      expect(r.diagnostics).toEqual([
        {
          level: 'error',
          code: 'missing-date-range',
          message: 'This file carries no dates: choose the sales period it was downloaded for (first and last day) and import it again.',
          params: { reportId: 'amazon/business-report-child' },
        },
      ]);
    }
    // Reports with their own dates ignore a range.
    const myi = parseReport(readFixture('amazon/fba-myi.us.tsv'), { ...US, dateRange: undefined });
    expect(myi.rows).toHaveLength(5);
  });

  it.each([
    [{ from: '2026-06-28', to: '2026-06-01' }, 'the first day is after the last day'],
    [{ from: '2026-06-01', to: '2026-06-31' }, 'both days must be calendar dates (YYYY-MM-DD)'],
    [{ from: '06/01/2026', to: '2026-06-28' }, 'both days must be calendar dates (YYYY-MM-DD)'],
    [{ from: '2025-01-01', to: '2026-06-28' }, 'it spans 544 days, more than 400'],
    [{ from: '2026-06-01', to: '2026-06-30' }, 'the last day is after today (2026-06-29)'],
  ])('refuses the date range %j: %s', (dateRange, reason) => {
    const r = parseReport(readFixture('amazon/business-report-child.us.csv'), { ...US, dateRange });
    expect(r.rows).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'bad-date-range', message: expect.stringContaining(`: ${reason}.`) })]);
    expect(r.diagnostics[0]).not.toHaveProperty('row');
  });

  it('warns about unreadable cells and business units above the total, keeping the row', () => {
    const text = [
      '"(Parent) ASIN","(Child) ASIN","Title","SKU","Units Ordered","Units Ordered - B2B","Ordered Product Sales"',
      '"B08XYZ1200","B08XYZ1234","A","SKU-A","3","5","$12.00"',
      '"B08XYZ1200","B08XYZ123","B","SKU-B","3,5","0","$12.34.56"',
    ].join('\n');
    const r = parseReport(text, US);
    expect(r.rows.map((row) => row.kind === 'listing' && [row.sku, row.asin, row.unitsSold])).toEqual([
      ['SKU-A', 'B08XYZ1234', [{ windowDays: 28, units: 3 }]],
      ['SKU-B', undefined, undefined],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.row, d.params?.column])).toEqual([
      ['b2b-exceeds-total', 2, 'Units Ordered - B2B'],
      ['bad-asin', 3, '(Child) ASIN'],
      ['bad-number', 3, 'Units Ordered'],
      ['bad-number', 3, 'Ordered Product Sales'],
    ]);
  });

  it('is detected by its headers in every wording, and not from the parent-item report', () => {
    const id = (header: string[]) => detectReport(header).reportId;
    expect(id(['(Parent) ASIN', '(Child) ASIN', 'Title', 'SKU', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales'])).toBe(
      'amazon/business-report-child',
    );
    expect(id(['(PARENT) ASIN', '(child) asin', 'TITLE', 'Sessions – Total', 'Units ordered', 'Units ordered – B2B', 'Ordered product sales'])).toBe(
      'amazon/business-report-child',
    );
    expect(id(['(Übergeordnete) ASIN', '(Untergeordnete) ASIN', 'Titel', 'Sitzungen - Summe', 'Bestellte Einheiten'])).toBe('amazon/business-report-child');
    expect(id(['（父）ASIN', '（子）ASIN', '标题', 'SKU', '会话次数 – 总计', '已订购商品数量', '已订购商品销售额'])).toBe('amazon/business-report-child');
    expect(id(['（親）ASIN', '（子）ASIN', 'タイトル', 'SKU', 'セッション数 - 合計', '注文された商品点数', '注文商品の売上額'])).toBe(
      'amazon/business-report-child',
    );
    // "by Parent Item" sums the children: it has no child ASIN and is not read as this report.
    expect(id(['(Parent) ASIN', 'Title', 'Sessions - Total', 'Units Ordered', 'Ordered Product Sales'])).toBeUndefined();
  });
});

describe('numbers written in either convention', () => {
  it('reads counts grouped either way', () => {
    expect(readCountAnyGrouping('3,218', 'de')).toBe(3218);
    expect(readCountAnyGrouping('3.218', 'en')).toBe(3218);
    expect(readCountAnyGrouping('1,234,567', 'de')).toBe(1234567);
    expect(readCountAnyGrouping('12', 'de')).toBe(12);
    expect(readCountAnyGrouping('1,23', 'en')).toEqual({ bad: 'not a whole number' });
    expect(readCountAnyGrouping('1,234.567', 'en')).toEqual({ bad: 'not a whole number' });
    expect(readCountAnyGrouping('—', 'en')).toBeUndefined();
  });

  it('reads money by the separators the cell uses, the marketplace deciding only an ambiguous "1,234"', () => {
    expect(readDecimalByShape('17.510,95 €', 'en')).toEqual({ value: 17510.95, swapped: true });
    expect(readDecimalByShape('17.510,95 €', 'de')).toEqual({ value: 17510.95, swapped: false });
    expect(readDecimalByShape('$1,234.56', 'de')).toEqual({ value: 1234.56, swapped: true });
    expect(readDecimalByShape('£59.94', 'en')).toEqual({ value: 59.94, swapped: false });
    expect(readDecimalByShape('0,00 €', 'en')).toEqual({ value: 0, swapped: true });
    expect(readDecimalByShape('1 234,56 €', 'fr')).toEqual({ value: 1234.56, swapped: false });
    expect(readDecimalByShape('1.234.567 €', 'en')).toEqual({ value: 1234567, swapped: true });
    expect(readDecimalByShape('1,234', 'de')).toEqual({ value: 1.234, swapped: false });
    expect(readDecimalByShape('1,234', 'en')).toEqual({ value: 1234, swapped: false });
    expect(readDecimalByShape('¥12,800', 'en')).toEqual({ value: 12800, swapped: false });
    expect(readDecimalByShape('12.34.56', 'en')).toEqual({ bad: 'not a number' });
  });

  it('takes the currency from a symbol that names one', () => {
    expect(currencyOfSymbol('17.510,95 €', 'USD')).toBe('EUR');
    expect(currencyOfSymbol('£1,745.03', 'EUR')).toBe('GBP');
    expect(currencyOfSymbol('US$991.36', 'USD')).toBe('USD');
    expect(currencyOfSymbol('$12.00', 'CAD')).toBe('CAD');
    expect(currencyOfSymbol('$12.00', 'EUR')).toBe('USD');
    expect(currencyOfSymbol('12,00', 'EUR')).toBeUndefined();
  });
});
