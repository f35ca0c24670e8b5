import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MERGED_COLUMNS, mergedJson, mergedRows, mergedTable, reasonText, rollUpPlans, toCsv, toXlsx, UTF8_BOM, columnName, xmlEscape, type MergedPlan, type MergedReport } from './index';

const plan = (over: Partial<MergedPlan> = {}): MergedPlan => ({
  meanDaily: 2, daysOfCover: 10, stockoutDate: '2026-12-01', reorderDate: '2026-11-25', reorderQuantity: 60, healthScore: 75,
  healthReasons: [{ code: 'stockout-soon', points: 25, params: { stockoutDate: '2026-12-01', daysOfCover: 10, withinDays: 15 } }],
  clearance: null, ...over,
});

const report: MergedReport = {
  generatedAt: '2026-11-20T18:00:00.000Z',
  products: [{
    id: 'p:amazon|amazon.com|MUG-1',
    pools: [
      { poolId: 'fba:NA', stock: 120, plan: plan() },
      { poolId: 'own:main', stock: 36, plan: plan({ meanDaily: 0.5, daysOfCover: 72, stockoutDate: null, reorderDate: null, reorderQuantity: null, healthScore: 90, healthReasons: [], clearance: { action: 'markdown', discountPct: 20, excessUnits: 12 } }) },
    ],
    listings: [
      { key: 'amazon|amazon.com|MUG-1', platform: 'amazon', marketplace: 'amazon.com', sku: 'MUG-1', title: '马克杯 "Large", 12oz', poolId: 'fba:NA', available: 120, inbound: 40, plan: plan() },
      { key: 'ebay|ebay.com|MUG-1', platform: 'ebay', marketplace: 'ebay.com', sku: 'MUG-1', title: '=HYPERLINK("x")', poolId: 'own:main', available: 36, inbound: null, plan: null },
    ],
  }],
};

describe('merged report', () => {
  it('has one row per product (stock per pool, plans rolled up) and one per listing', () => {
    const rows = mergedRows(report, 'en');
    expect(rows.map((r) => r.level)).toEqual(['Product', 'Listing', 'Listing']);
    const product = rows[0]!;
    expect(product.stockPerPool).toBe('fba:NA: 120; own:main: 36');
    expect(product.available).toBe(156);
    expect(product.meanDaily).toBe(2.5);
    expect(product.daysOfCover).toBe(10);
    expect(product.reorderDate).toBe('2026-11-25');
    expect(product.reorderQuantity).toBe(60);
    expect(product.healthScore).toBe(75);
    expect(product.healthReasons).toBe('Runs out 12/1/2026 (10 days of cover) (-25)');
    expect(product.clearance).toBe('Mark down 20% (12 excess units)');
    expect(rows[2]!.meanDaily).toBeNull();
  });

  it('translates headers, reasons and dates inside texts into Chinese', () => {
    const table = mergedTable(report, 'zh-CN');
    expect(table.header[0]).toBe('层级');
    expect(table.header).toHaveLength(MERGED_COLUMNS.length);
    expect(table.rows[0]![MERGED_COLUMNS.indexOf('healthReasons')]).toBe('预计 2026/12/1 断货（可售 10 天） (-25)');
    expect(reasonText({ code: 'future-code', points: 3, params: {} }, 'en')).toBe('future-code (-3)');
  });

  it('rolls up plans: demand adds up, the most urgent pool decides dates and health', () => {
    expect(rollUpPlans([])).toBeNull();
    const one = plan();
    expect(rollUpPlans([one])).toBe(one);
    expect(rollUpPlans([plan({ reorderDate: null, reorderQuantity: null, healthScore: 40 }), plan({ reorderDate: '2026-11-30' })])).toMatchObject({ reorderDate: '2026-11-30', reorderQuantity: 60, healthScore: 40, meanDaily: 4 });
  });

  it('writes CSV that Excel reads: quoted fields, no formula injection, numbers plain', () => {
    const { header, rows } = mergedTable(report, 'en');
    const csv = UTF8_BOM + toCsv(header, rows);
    expect(csv.startsWith('\uFEFFLevel,Product ID,Name,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('"马克杯 ""Large"", 12oz"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('fba:NA: 120; own:main: 36,156,,2.5,10,2026-12-01,2026-11-25,60,75,');
  });

  it('writes JSON with stable keys and the raw data beside the translated rows', () => {
    const json = JSON.parse(mergedJson(report, 'zh-CN'));
    expect(json).toMatchObject({ format: 'stock-copilot-merged-report', version: 1, language: 'zh-CN', generatedAt: report.generatedAt });
    expect(json.rows).toHaveLength(3);
    expect(Object.keys(json.rows[0])).toEqual([...MERGED_COLUMNS]);
    expect(json.products[0].pools[0].stock).toBe(120);
  });
});

describe('xlsx', () => {
  it('is a zip with the parts a spreadsheet needs, inline strings escaped and numbers as numbers', () => {
    const { header, rows } = mergedTable(report, 'en');
    const files = unzipSync(toXlsx([{ name: 'Report', rows: [header, ...rows] }, { name: 'a/b:c', rows: [['x']] }]));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
    ]);
    const types = strFromU8(files['[Content_Types].xml']!);
    expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="xl/workbook.xml"');
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('<sheet name="Report" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="a_b_c" sheetId="2" r:id="rId2"/>');
    expect(strFromU8(files['xl/_rels/workbook.xml.rels']!)).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Level</t></is></c>');
    expect(sheet).toContain(`<c r="H2"><v>156</v></c>`);
    expect(sheet).toContain('马克杯 &quot;Large&quot;, 12oz');
    expect(sheet).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(sheet).not.toContain('<f>');
    // Every row is numbered and the XML is well formed enough to count balanced tags.
    expect(sheet.match(/<row /g)).toHaveLength(4);
    expect(sheet.match(/<row /g)!.length).toBe(sheet.match(/<\/row>/g)!.length);
  });

  it('names columns past Z and drops characters XML forbids', () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(xmlEscape('a\u0001<b>&')).toBe('a&lt;b&gt;&amp;');
  });
});
