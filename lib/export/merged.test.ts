import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  MERGED_COLUMNS,
  mergedJson,
  mergedReportSchema,
  mergedRows,
  mergedTable,
  productTotals,
  reasonText,
  rollUpPlans,
  stockSourceText,
  toCsv,
  toXlsx,
  UTF8_BOM,
  columnName,
  xmlEscape,
  type Cell,
  type MergedColumn,
  type MergedListing,
  type MergedPlan,
  type MergedPool,
  type MergedReport,
  type Table,
} from './index';

const plan = (over: Partial<MergedPlan> = {}): MergedPlan => ({
  meanDaily: 2,
  daysOfCover: 10,
  stockoutDate: '2026-12-01',
  inboundArrivalDate: null,
  stockoutDateWithInbound: null,
  reorderDate: '2026-11-25',
  reorderDaysLate: 0,
  reorderQuantity: 60,
  safetyStock: 8.5,
  reorderPoint: 30,
  healthScore: 75,
  healthReasons: [{ code: 'stockout-soon', points: 25, params: { stockoutDate: '2026-12-01', daysOfCover: 10, withinDays: 15 } }],
  abcClass: 'A',
  lifecycleStage: 'maturity',
  clearance: null,
  ...over,
});

const pool = (over: Partial<MergedPool> & Pick<MergedPool, 'poolId' | 'listingKeys'>): MergedPool => ({
  planKey: over.listingKeys[0]!,
  stock: 0,
  stockSource: 'reading',
  stockHint: null,
  inbound: 0,
  reserved: null,
  heldReturns: 0,
  plan: plan(),
  ...over,
});

const listing = (over: Partial<MergedListing> & Pick<MergedListing, 'key' | 'platform' | 'marketplace' | 'sku'>): MergedListing => ({
  poolId: null,
  available: null,
  inbound: null,
  listed: null,
  channel: null,
  plan: null,
  ...over,
});

const ownPlan = plan({
  meanDaily: 0.5,
  daysOfCover: 72,
  stockoutDate: null,
  reorderDate: null,
  reorderQuantity: null,
  healthScore: 90,
  healthReasons: [],
  abcClass: 'C',
  lifecycleStage: 'decline',
  safetyStock: 2,
  clearance: { action: 'markdown', discountPct: 20, excessUnits: 12 },
});

const report: MergedReport = {
  generatedAt: '2026-11-20T18:00:00.000Z',
  products: [
    {
      id: 'p:amazon|amazon.com|MUG-1',
      pools: [
        pool({ poolId: 'fba:NA', listingKeys: ['amazon|amazon.com|MUG-1'], stock: 120, inbound: 40, reserved: 3 }),
        pool({ poolId: 'own:main', listingKeys: ['ebay|ebay.com|MUG-1'], stock: 36, stockSource: 'listed', stockHint: 'count', heldReturns: 2, plan: ownPlan }),
      ],
      listings: [
        listing({
          key: 'amazon|amazon.com|MUG-1',
          platform: 'amazon',
          marketplace: 'amazon.com',
          sku: 'MUG-1',
          title: '马克杯 "Large", 12oz',
          poolId: 'fba:NA',
          available: 120,
          inbound: 40,
          plan: plan(),
        }),
        listing({
          key: 'ebay|ebay.com|MUG-1',
          platform: 'ebay',
          marketplace: 'ebay.com',
          sku: 'MUG-1',
          title: '=HYPERLINK("x")',
          poolId: 'own:main',
          available: 36,
          listed: 36,
        }),
      ],
    },
  ],
};

/** An own warehouse shared by three channels: one stock of 50, the one reorder, each channel's share. */
const shared: MergedReport = {
  generatedAt: '2026-11-20T18:00:00.000Z',
  products: [
    {
      id: 'p:ebay|ebay.com|BOWL-3',
      pools: [
        pool({
          poolId: 'own:main',
          planKey: 'pool:p:ebay|ebay.com|BOWL-3@own:main',
          listingKeys: ['amazon|amazon.com|BOWL-3', 'ebay|ebay.com|BOWL-3', 'walmart|walmart.com|BOWL-3'],
          stock: 50,
          stockSource: 'count',
          inbound: 24,
          reserved: 4,
          heldReturns: 1,
          plan: plan({
            meanDaily: 3,
            reorderDate: '2026-11-15',
            reorderDaysLate: 5,
            reorderQuantity: 90,
            healthScore: null,
            healthReasons: [],
            safetyStock: 12,
          }),
        }),
      ],
      listings: ['amazon|amazon.com', 'ebay|ebay.com', 'walmart|walmart.com'].map((pm, i) => {
        const [platform, marketplace] = pm.split('|') as ['amazon' | 'ebay' | 'walmart', string];
        return listing({
          key: `${pm}|BOWL-3`,
          platform,
          marketplace,
          sku: 'BOWL-3',
          poolId: 'own:main',
          available: 50,
          inbound: 24,
          listed: 50 - i * 10,
          channel: { listed: 50 - i * 10, suggested: [20, 15, 10][i]!, buffer: 1 },
          plan: plan({
            meanDaily: 1,
            reorderDate: '2026-11-15',
            reorderDaysLate: 5,
            reorderQuantity: 90,
            healthScore: null,
            healthReasons: [],
            safetyStock: 12,
          }),
        });
      }),
    },
  ],
};

const col = (table: Table, row: number, column: MergedColumn) => table.rows[row]![MERGED_COLUMNS.indexOf(column)];

describe('merged report', () => {
  it('has one row per product (stock per pool, plans rolled up) and one per listing', () => {
    const rows = mergedRows(report, 'en');
    expect(rows.map((r) => r.level)).toEqual(['Product', 'Listing', 'Listing']);
    const product = rows[0]!;
    expect(product.stockPerPool).toBe('fba:NA: 120; own:main: 36');
    expect(product.stockSource).toBe(`fba:NA: Read from the page; own:main: Estimated from listings (next: enter a stock count in the product's details)`);
    expect(product.available).toBe(156);
    expect(product.inbound).toBe(40);
    expect(product.reserved).toBe(3);
    expect(product.heldReturns).toBe(2);
    expect(product.meanDaily).toBe(2.5);
    expect(product.daysOfCover).toBe(10);
    expect(product.reorderDate).toBe('2026-11-25');
    expect(product.reorderDaysLate).toBe(0);
    expect(product.reorderQuantity).toBe(60);
    expect(product.safetyStock).toBe(10.5);
    expect(product.healthScore).toBe(75);
    expect(product.healthReasons).toBe('Runs out 12/1/2026 (10 days of cover) (-25)');
    expect(product.abcClass).toBe('A');
    expect(product.lifecycleStage).toBe('Maturity');
    expect(product.clearance).toBe('Mark down 20% (12 excess units)');
    expect(rows[2]!.meanDaily).toBeNull();
    expect(rows[2]!.listedNow).toBe(36);
  });

  it('counts a stock shared by three channels once: the pool stock, its inbound and its one reorder', () => {
    const rows = mergedRows(shared, 'en');
    const product = rows[0]!;
    expect(product.available).toBe(50);
    expect(product.inbound).toBe(24);
    expect(product.reserved).toBe(4);
    expect(product.heldReturns).toBe(1);
    expect(product.stockPerPool).toBe('own:main: 50');
    expect(product.stockSource).toBe('Counted');
    expect(product.reorderQuantity).toBe(90);
    expect(product.reorderDate).toBe('2026-11-15');
    expect(product.reorderDaysLate).toBe(5);
    expect(product.healthScore).toBe('Not enough data');
    // Each channel: the pool's answer, and how much to list there against what it lists now.
    expect(rows.slice(1).map((r) => [r.listedNow, r.suggestedListed])).toEqual([
      [50, 20],
      [40, 15],
      [30, 10],
    ]);
    expect(rows.slice(1).every((r) => r.reorderDaysLate === 5 && r.healthScore === 'Not enough data')).toBe(true);
    expect(product.listedNow).toBeNull();
  });

  it('shows unknown stock as "unknown" with what to open, never 0', () => {
    const unknown: MergedReport = {
      ...report,
      products: [
        {
          ...report.products[0]!,
          pools: [
            pool({ poolId: 'fba:NA', listingKeys: ['amazon|amazon.com|MUG-1'], stock: null, stockSource: 'unknown', stockHint: 'open:amazon/fba-inventory' }),
          ],
          listings: [listing({ key: 'amazon|amazon.com|MUG-1', platform: 'amazon', marketplace: 'amazon.com', sku: 'MUG-1', poolId: 'fba:NA', plan: plan() })],
        },
      ],
    };
    const en = mergedRows(unknown, 'en');
    expect(en[0]!.available).toBe('Unknown');
    expect(en[0]!.stockPerPool).toBe('fba:NA: Unknown');
    expect(en[0]!.stockSource).toBe('Unknown (next: open FBA Inventory in Seller Central)');
    expect(en[1]!.available).toBe('Unknown');
    const zh = mergedRows(unknown, 'zh-CN');
    expect(zh[0]!.available).toBe('未知');
    expect(zh[0]!.stockSource).toBe('未知（下一步：在卖家平台打开“FBA 库存”页面）');
    expect(stockSourceText('reading', 'some-future-hint', 'en')).toBe('Read from the page (next: some-future-hint)');
  });

  it('totals a product over its pools, each counted once, leaving unknown pools out', () => {
    expect(
      productTotals({
        pools: [
          pool({ poolId: 'a', listingKeys: ['x'], stock: 5, inbound: 2, reserved: 1 }),
          pool({ poolId: 'b', listingKeys: ['y'], stock: null, inbound: 3, heldReturns: 4 }),
        ],
      }),
    ).toEqual({ available: 5, inbound: 5, reserved: 1, heldReturns: 4, unknownPools: 1 });
    expect(productTotals({ pools: [pool({ poolId: 'b', listingKeys: ['y'], stock: null })] }).available).toBeNull();
  });

  it('translates headers, reasons, stages, "not enough data" and dates inside texts into Chinese', () => {
    const table = mergedTable(report, 'zh-CN');
    expect(table.header[0]).toBe('层级');
    expect(table.header).toHaveLength(MERGED_COLUMNS.length);
    expect(col(table, 0, 'healthReasons')).toBe('预计 2026/12/1 断货（可售 10 天） (-25)');
    expect(col(table, 0, 'lifecycleStage')).toBe('成熟期');
    expect(reasonText({ code: 'future-code', points: 3, params: {} }, 'en')).toBe('future-code (-3)');
    expect(reasonText({ code: 'reorder-overdue', points: 20, params: { reorderDate: '2026-11-15', daysLate: 5 } }, 'en')).toBe(
      'Reorder was due 11/15/2026 (5 days late) (-20)',
    );
    const headers = (language: 'en' | 'zh-CN') => Object.fromEntries(MERGED_COLUMNS.map((c, i) => [c, mergedTable(shared, language).header[i]]));
    expect(headers('en')).toMatchObject({
      abcClass: 'ABC class',
      lifecycleStage: 'Lifecycle stage',
      safetyStock: 'Safety stock',
      reorderDaysLate: 'Reorder days late',
      suggestedListed: 'Suggested listed quantity',
      stockSource: 'Stock source',
      inboundArrivalDate: 'Inbound expected',
      stockoutDateWithInbound: 'Stockout date with inbound',
    });
    expect(headers('zh-CN')).toMatchObject({
      abcClass: 'ABC 分类',
      lifecycleStage: '生命周期阶段',
      safetyStock: '安全库存',
      reorderDaysLate: '补货逾期天数',
      suggestedListed: '建议上架数量',
      stockSource: '库存来源',
      inboundArrivalDate: '在途预计到货',
      stockoutDateWithInbound: '算上在途的断货日期',
    });
    expect(col(mergedTable(shared, 'zh-CN'), 0, 'healthScore')).toBe('数据不足');
  });

  it('shows when the inbound arrives and the stockout counting it, per listing and rolled up per product (earliest)', () => {
    const withInbound = plan({ inboundArrivalDate: '2026-12-10', stockoutDateWithInbound: '2027-01-20' });
    const rows = mergedRows({ ...report, products: [{ ...report.products[0]!, pools: [{ ...report.products[0]!.pools[0]!, plan: withInbound }] }] }, 'en');
    expect([rows[0]!.stockoutDate, rows[0]!.inboundArrivalDate, rows[0]!.stockoutDateWithInbound]).toEqual(['2026-12-01', '2026-12-10', '2027-01-20']);
    expect(rollUpPlans([withInbound, plan({ inboundArrivalDate: '2026-12-05', stockoutDateWithInbound: null }), plan()])).toMatchObject({
      inboundArrivalDate: '2026-12-05',
      stockoutDateWithInbound: '2027-01-20',
    });
    // Nothing inbound: empty cells, never a made-up date.
    expect([mergedRows(report, 'en')[0]!.inboundArrivalDate, mergedRows(report, 'en')[0]!.stockoutDateWithInbound]).toEqual([null, null]);
  });

  it('rolls up plans: demand, reorders and safety stock add up, the most urgent pool decides dates and health', () => {
    expect(rollUpPlans([])).toBeNull();
    const one = plan();
    expect(rollUpPlans([one])).toBe(one);
    expect(
      rollUpPlans([
        plan({ reorderDate: null, reorderQuantity: null, healthScore: 40, abcClass: 'B' }),
        plan({ reorderDate: '2026-11-18', reorderDaysLate: 2, abcClass: null, lifecycleStage: 'growth', meanDaily: 3 }),
      ]),
    ).toMatchObject({
      reorderDate: '2026-11-18',
      reorderDaysLate: 2,
      reorderQuantity: 60,
      healthScore: 40,
      meanDaily: 5,
      safetyStock: 17,
      abcClass: 'B',
      lifecycleStage: 'growth',
    });
    expect(rollUpPlans([plan({ healthScore: null }), plan({ healthScore: null })])!.healthScore).toBeNull();
  });

  it('writes CSV that Excel reads: quoted fields, no formula injection, numbers plain, "not enough data" spelled out', () => {
    const { header, rows } = mergedTable(report, 'en');
    const csv = UTF8_BOM + toCsv(header, rows);
    expect(csv.startsWith('\uFEFF"Level","Product ID","Name",')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('"马克杯 ""Large"", 12oz"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain(
      `"fba:NA: 120; own:main: 36","fba:NA: Read from the page; own:main: Estimated from listings (next: enter a stock count in the product's details)",156,40,3,2,,,2.5,10,"2026-12-01",,,"2026-11-25",0,60,10.5,75,`,
    );
    const sharedCsv = toCsv(...(Object.values(mergedTable(shared, 'en')) as [string[], Cell[][]])).split('\r\n');
    expect(sharedCsv[1]).toContain(',"own:main: 50","Counted",50,24,4,1,,,3,10,"2026-12-01",,,"2026-11-15",5,90,12,"Not enough data","","A","Maturity",');
  });

  it('writes JSON with stable keys and the raw data beside the translated rows', () => {
    const json = JSON.parse(mergedJson(report, 'zh-CN'));
    expect(json).toMatchObject({ format: 'stock-copilot-merged-report', version: 2, language: 'zh-CN', generatedAt: report.generatedAt });
    expect(json.rows).toHaveLength(3);
    expect(Object.keys(json.rows[0])).toEqual([...MERGED_COLUMNS]);
    expect(json.products[0].pools[0].stock).toBe(120);
    expect(mergedReportSchema.parse(shared)).toEqual(shared);
  });
});

describe('xlsx', () => {
  it('is a zip with the parts a spreadsheet needs, inline strings escaped and numbers as numbers', () => {
    const { header, rows } = mergedTable(report, 'en');
    const files = unzipSync(
      toXlsx([
        { name: 'Report', rows: [header, ...rows] },
        { name: 'a/b:c', rows: [['x']] },
      ]),
    );
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const types = strFromU8(files['[Content_Types].xml']!);
    expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="xl/workbook.xml"');
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('<sheet name="Report" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="a_b_c" sheetId="2" r:id="rId2"/>');
    expect(strFromU8(files['xl/_rels/workbook.xml.rels']!)).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"',
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">Level</t></is></c>');
    expect(sheet).toContain(`<c r="I2"><v>156</v></c>`);
    expect(strFromU8(unzipSync(toXlsx([{ name: 'R', rows: mergedTable(shared, 'en').rows }]))['xl/worksheets/sheet1.xml']!)).toContain(
      '<t xml:space="preserve">Not enough data</t>',
    );
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
