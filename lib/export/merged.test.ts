import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  MERGED_COLUMNS,
  mergedJson,
  mergedReportSchema,
  mergedRows,
  mergedSheets,
  mergedTable,
  MERGED_DATE_COLUMNS,
  productTotals,
  reasonText,
  rollUpPlans,
  stockSourceText,
  toCsv,
  toXlsx,
  UTF8_BOM,
  columnName,
  columnWidths,
  dateSerial,
  xmlEscape,
  type Cell,
  type MergedColumn,
  type MergedListing,
  type MergedPlan,
  type MergedPool,
  type MergedReport,
  type MergedSheet,
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
    expect(product.stockPerPool).toBe('Amazon FBA · North America: 120; Own warehouse · main warehouse: 36');
    expect(product.stockSource).toBe(
      `Amazon FBA · North America: Read from the page; Own warehouse · main warehouse: Estimated from listings (next: enter a stock count in the product's details)`,
    );
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

  it('writes days of cover as whole days, rounded down, as every view shows them', () => {
    const listing = report.products[0]!.listings[0]!;
    const at = (days: number) => {
      const plan = { ...listing.plan!, daysOfCover: days };
      const product = { ...report.products[0]!, pools: [], listings: [{ ...listing, plan }] };
      return mergedRows({ ...report, products: [product] }, 'en')[1]!.daysOfCover;
    };
    expect([at(92.6), at(9.99), at(0.4), at(7)]).toEqual([92, 9, 0, 7]);
  });

  it('counts a stock shared by three channels once: the pool stock, its inbound and its one reorder', () => {
    const rows = mergedRows(shared, 'en');
    const product = rows[0]!;
    expect(product.available).toBe(50);
    expect(product.inbound).toBe(24);
    expect(product.reserved).toBe(4);
    expect(product.heldReturns).toBe(1);
    expect(product.stockPerPool).toBe('Own warehouse · main warehouse: 50');
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
    // A report made ten days later counts the same overdue reorder to its own day, as the views do.
    const later = mergedRows({ ...shared, generatedAt: '2026-11-30T12:00:00.000Z' }, 'en');
    expect(later.map((r) => r.reorderDaysLate)).toEqual([15, 15, 15, 15]);
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
    expect(en[0]!.stockPerPool).toBe('Amazon FBA · North America: Unknown');
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
    // Counted to today (here Dec 2), not the 5 days the plan counted; one day is singular.
    const overdue = { code: 'reorder-overdue', points: 20, params: { reorderDate: '2026-11-15', daysLate: 5 } };
    expect(reasonText(overdue, 'en', '2026-12-02')).toBe('Reorder overdue since 11/15/2026 (17 days) (-20)');
    expect(reasonText(overdue, 'zh-CN', '2026-12-02')).toBe('补货自 2026/11/15 起已逾期（17 天） (-20)');
    expect(reasonText({ ...overdue, params: { reorderDate: '2026-11-15', daysLate: 1 } }, 'en', '2026-11-16')).toBe(
      'Reorder overdue since 11/15/2026 (1 day) (-20)',
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
      `"Amazon FBA · North America: 120; Own warehouse · main warehouse: 36","Amazon FBA · North America: Read from the page; Own warehouse · main warehouse: Estimated from listings (next: enter a stock count in the product's details)",156,40,3,2,,,2.5,10,"2026-12-01",,,"2026-11-25",0,60,10.5,75,`,
    );
    const sharedCsv = toCsv(...(Object.values(mergedTable(shared, 'en')) as [string[], Cell[][]])).split('\r\n');
    expect(sharedCsv[1]).toContain(
      ',"Own warehouse · main warehouse: 50","Counted",50,24,4,1,,,3,10,"2026-12-01",,,"2026-11-15",5,90,12,"Not enough data","","A","Maturity",',
    );
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

/**
 * A small XML well-formedness check: an optional declaration, then one root element; tags
 * balanced and nested, attributes quoted and not repeated, no stray '<', and '&' only in the
 * five predefined entities or a character reference.
 */
function expectWellFormed(xml: string, part: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n/, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const m = token.exec(body);
    if (!m) throw new Error(`${part}: not XML at ${at}: ${body.slice(at, at + 40)}`);
    const [, close, name, attrs = '', selfClose, text] = m;
    if (text !== undefined) {
      if (stack.length === 0) throw new Error(`${part}: text outside the root at ${at}`);
      if (badAmp.test(text)) throw new Error(`${part}: bad entity at ${at}`);
      continue;
    }
    const attrNames = [...attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => {
      if (badAmp.test(a[2]!)) throw new Error(`${part}: bad entity in ${a[1]} at ${at}`);
      return a[1]!;
    });
    if (new Set(attrNames).size !== attrNames.length) throw new Error(`${part}: repeated attribute at ${at}`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`${part}: </${name}> closes the wrong element at ${at}`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name!);
    }
  }
  expect(stack, part).toEqual([]);
  expect(roots, part).toBe(1);
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

interface ReadCell {
  value: string | number;
  style: number;
}

/** Reads a worksheet back: each row's cells by column (missing = empty), with their value and style. */
function readSheet(xml: string): (ReadCell | null)[][] {
  const rows: (ReadCell | null)[][] = [];
  for (const row of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    expect(Number(row[1])).toBe(rows.length + 1);
    const cells: (ReadCell | null)[] = [];
    for (const c of row[2]!.matchAll(
      /<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(?:<v>([^<]*)<\/v>|<is><t xml:space="preserve">([^<]*)<\/t><\/is>)<\/c>/g,
    )) {
      expect(c[2]).toBe(row[1]);
      const style = Number(c[3] ?? 0);
      if (c[4] === 'inlineStr') cells[columnIndex(c[1]!)] = { value: unescape(c[6]!), style };
      else {
        expect(c[4]).toBeUndefined();
        cells[columnIndex(c[1]!)] = { value: Number(c[5]), style };
      }
    }
    // Every cell of the row was read (nothing the pattern above does not know).
    expect(cells.filter(Boolean).length, `row ${row[1]}`).toBe(row[2]!.match(/<c /g)?.length ?? 0);
    rows.push(Array.from(cells, (c) => c ?? null));
  }
  return rows;
}

const isoOf = (serial: number) => new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);

/** The workbook's parts, each checked well formed. */
function unzipXlsx(bytes: Uint8Array): Record<string, string> {
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  for (const [name, xml] of Object.entries(files)) expectWellFormed(xml, name);
  return files;
}

describe('xlsx', () => {
  it('checks XML with a checker that refuses broken XML (the check itself)', () => {
    expectWellFormed('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a x="1"><b/>t &amp; &#38;<c y="&lt;"></c></a>', 'ok');
    for (const bad of ['<a><b></a></b>', '<a>x & y</a>', '<a x=1></a>', '<a x="1" x="2"></a>', '<a></a><b></b>', '<a><b></a>', 'text<a></a>', '<a>1 < 2</a>']) {
      expect(() => expectWellFormed(bad, bad), bad).toThrow();
    }
  });

  it('is a zip with the parts a spreadsheet needs, inline strings escaped and numbers as numbers', () => {
    const { header, rows } = mergedTable(report, 'en');
    const files = unzipXlsx(
      toXlsx([
        { name: 'Report', columns: header.map((h) => ({ header: h })), rows },
        { name: 'a/b:c', columns: [{ header: 'x' }], rows: [] },
      ]),
    );
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const types = files['[Content_Types].xml']!;
    expect(types).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(types).toContain('PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"');
    expect(types).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"');
    const workbook = files['xl/workbook.xml']!;
    expect(workbook).toContain('<sheet name="Report" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="a_b_c" sheetId="2" r:id="rId2"/>');
    const last = columnName(MERGED_COLUMNS.length - 1);
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Report'!$A$1:$${last}$4</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'a_b_c'!$A$1:$A$1</definedName>`);
    const rels = files['xl/_rels/workbook.xml.rels']!;
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
    const sheet = files['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Level</t></is></c>');
    expect(sheet).toContain(`<c r="I2"><v>156</v></c>`);
    const sharedSheet = unzipXlsx(toXlsx([{ name: 'R', columns: [], rows: mergedTable(shared, 'en').rows }]))['xl/worksheets/sheet1.xml']!;
    expect(sharedSheet).toContain('<t xml:space="preserve">Not enough data</t>');
    expect(sheet).toContain('马克杯 &quot;Large&quot;, 12oz');
    // A title that looks like a formula is a text cell, never a formula.
    expect(sheet).toContain('<t xml:space="preserve">=HYPERLINK(&quot;x&quot;)</t>');
    expect(sheet).not.toContain('<f>');
    expect(sheet.match(/<row /g)).toHaveLength(4);
    expect(files['xl/worksheets/sheet2.xml']).toContain('<autoFilter ref="A1:A1"/>');
  });

  it('formats the sheet: bold frozen header, column widths, autofilter, dates as date cells, numbers as numbers', () => {
    const files = unzipXlsx(
      toXlsx([
        {
          name: 'S',
          columns: [{ header: 'SKU' }, { header: 'Due', date: true }, { header: 'Qty' }, { header: '说明' }],
          rows: [
            ['2026-01-05', '2026-12-01', 3.5, '很长的中文说明文字'],
            ['B', 'Not a date', null, ''],
            ['C', '2026-02-30', -2, null],
          ],
        },
      ]),
    );
    const styles = files['xl/styles.xml']!;
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(styles).toContain('<font><b/>');
    expect(styles).toContain('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    expect(styles).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    const sheet = files['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<dimension ref="A1:D4"/>');
    expect(sheet).toContain('<autoFilter ref="A1:D4"/>');
    // Elements in the order the schema requires.
    const order = ['<dimension', '<sheetViews>', '<cols>', '<sheetData>', '<autoFilter'].map((tag) => sheet.indexOf(tag));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(sheet).toContain(
      '<cols><col min="1" max="1" width="12" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/><col min="3" max="3" width="8" customWidth="1"/><col min="4" max="4" width="20" customWidth="1"/></cols>',
    );
    expect(readSheet(sheet)).toEqual([
      [1, 1, 1, 1].map((style, c) => ({ value: ['SKU', 'Due', 'Qty', '说明'][c], style })),
      // A date-like SKU stays text; only date columns hold dates.
      [
        { value: '2026-01-05', style: 0 },
        { value: 46357, style: 2 },
        { value: 3.5, style: 0 },
        { value: '很长的中文说明文字', style: 0 },
      ],
      [
        { value: 'B', style: 0 },
        { value: 'Not a date', style: 0 },
      ],
      [
        { value: 'C', style: 0 },
        { value: '2026-02-30', style: 0 },
        { value: -2, style: 0 },
      ],
    ]);
  });

  it('counts dates the way spreadsheets do, and fits widths to wide characters', () => {
    expect(['1900-03-01', '1970-01-01', '2025-01-01', '2026-12-01', '2028-02-29'].map(dateSerial)).toEqual([61, 25_569, 45_658, 46_357, 46_812]);
    expect(['2026-02-30', '1900-02-28', '2026-1-1', '', '2026-12-01T00:00'].map(dateSerial)).toEqual([null, null, null, null, null]);
    expect(columnWidths([{ header: 'A' }, { header: '名称' }, { header: 'D', date: true }], [['x'.repeat(100), '马克杯', '2026-12-01']])).toEqual([60, 8, 12]);
  });

  it('names columns past Z, drops characters XML forbids and keeps sheet names valid and unique', () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(xmlEscape('a\u0001<b>&')).toBe('a&lt;b&gt;&amp;');
    const workbook = unzipXlsx(toXlsx(['Products', 'products', "'Q'", 'x'.repeat(40), ''].map((name) => ({ name, columns: [{ header: 'h' }], rows: [] }))))[
      'xl/workbook.xml'
    ]!;
    expect([...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Products', 'products (2)', 'Q', 'x'.repeat(31), 'Sheet5']);
  });
});

describe('merged report as XLSX sheets', () => {
  it('has a Products and a Listings sheet, translated, with the columns that can hold something there', () => {
    const [products, listings] = mergedSheets(report, 'en');
    expect([products!.name, listings!.name]).toEqual(['Products', 'Listings']);
    expect(mergedSheets(report, 'zh-CN').map((s) => s.name)).toEqual(['产品', '商品']);
    const ids = (sheet: MergedSheet) => sheet.columns.map((c) => c.id);
    expect(ids(products!)).toEqual(MERGED_COLUMNS.filter((c) => !['level', 'listedNow', 'suggestedListed'].includes(c)));
    expect(ids(listings!)).toEqual(MERGED_COLUMNS.filter((c) => !['level', 'reserved', 'heldReturns'].includes(c)));
    expect(products!.columns.slice(0, 3).map((c) => c.header)).toEqual(['Product ID', 'Name', 'Platform']);
    expect(
      mergedSheets(report, 'zh-CN')[1]!
        .columns.slice(0, 3)
        .map((c) => c.header),
    ).toEqual(['产品 ID', '名称', '平台']);
    expect(products!.columns.filter((c) => c.date).map((c) => c.id)).toEqual([...MERGED_DATE_COLUMNS]);

    // The same cells as the merged table, split by level.
    for (const r of [report, shared]) {
      const table = mergedTable(r, 'en');
      const sheets = mergedSheets(r, 'en');
      for (const [sheet, level] of [
        [sheets[0]!, 'Product'],
        [sheets[1]!, 'Listing'],
      ] as const) {
        const source = table.rows.filter((row) => row[0] === level);
        expect(sheet.rows).toEqual(source.map((row) => sheet.columns.map((c) => row[MERGED_COLUMNS.indexOf(c.id)])));
        // What is left out of a sheet is empty on every row of its level.
        const left = MERGED_COLUMNS.filter((c) => c !== 'level' && !sheet.columns.some((col) => col.id === c));
        expect(source.flatMap((row) => left.map((c) => row[MERGED_COLUMNS.indexOf(c)])).every((v) => v === null)).toBe(true);
      }
    }
  });

  it('flags every column holding ISO dates as a date column', () => {
    const rows = [...mergedRows(report, 'en'), ...mergedRows(shared, 'en')];
    const dated = MERGED_COLUMNS.filter((c) => rows.some((r) => typeof r[c] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r[c] as string)));
    expect(dated.length).toBeGreaterThan(0);
    expect(MERGED_DATE_COLUMNS).toEqual(expect.arrayContaining(dated));
  });

  it('reads back from the XLSX as the sheets it was written from: text as text, numbers and dates as numbers', () => {
    const sheets = mergedSheets(report, 'zh-CN');
    const files = unzipXlsx(toXlsx(sheets));
    expect([...files['xl/workbook.xml']!.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual(['产品', '商品']);
    sheets.forEach((sheet, i) => {
      const xml = files[`xl/worksheets/sheet${i + 1}.xml`]!;
      const back = readSheet(xml);
      expect(back[0]).toEqual(sheet.columns.map((c) => ({ value: c.header, style: 1 })));
      const values = back.slice(1).map((row) =>
        sheet.columns.map((c, j) => {
          const cell = row[j] ?? null;
          if (cell === null) return null;
          if (cell.style === 2) {
            expect(c.date).toBe(true);
            return isoOf(cell.value as number);
          }
          return cell.value;
        }),
      );
      expect(values).toEqual(sheet.rows.map((row) => row.map((v) => (v === '' ? null : v))));
      const last = columnName(sheet.columns.length - 1);
      expect(xml).toContain(`<autoFilter ref="A1:${last}${sheet.rows.length + 1}"/>`);
      expect(xml.match(/<col /g)).toHaveLength(sheet.columns.length);
    });
    // The product's stockout date is a date cell (serial, date style), its name text.
    const products = readSheet(files['xl/worksheets/sheet1.xml']!);
    const at = (id: MergedColumn) => sheets[0]!.columns.findIndex((c) => c.id === id);
    expect(products[1]![at('stockoutDate')]).toEqual({ value: 46_357, style: 2 });
    expect(products[1]![at('reorderDate')]).toEqual({ value: 46_351, style: 2 });
    expect(products[1]![at('available')]).toEqual({ value: 156, style: 0 });
    expect(readSheet(files['xl/worksheets/sheet2.xml']!)).toHaveLength(3);
  });
});
