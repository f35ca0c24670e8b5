import fc from 'fast-check';
import { MAX_PLAUSIBLE_UNITS } from '../plausible';
import { describe, expect, it } from 'vitest';
import { diagnosticSchema } from '../records';
import { toDelimited } from './csv';
import { parseReport } from './parser';
import { isBlankCell } from './values';
import { assertValidRecords, parseInPieces, readFixture } from './testing';

const NOW = new Date('2026-06-29T18:00:00Z');
/** The range Business Reports need (reports with their own dates ignore it). */
const RANGE = { from: '2026-06-01', to: '2026-06-28' };
const FIXTURES: [string, string][] = [
  ['amazon/fba-myi.us.tsv', 'amazon.com'],
  ['amazon/fba-myi.zh.tsv', 'amazon.com'],
  ['amazon/fba-inventory-planning.de.tsv', 'amazon.de'],
  ['amazon/restock.us.csv', 'amazon.com'],
  ['amazon/all-listings.us.tsv', 'amazon.com'],
  ['amazon/orders.us.tsv', 'amazon.com'],
  ['amazon/business-report-child.us.csv', 'amazon.com'],
  ['amazon/business-report-child.uk.csv', 'amazon.co.uk'],
  ['amazon/business-report-child.de.csv', 'amazon.de'],
  ['amazon/business-report-child.zh.csv', 'amazon.com'],
  ['amazon/fee-preview.us.tsv', 'amazon.com'],
  ['walmart/items.us.csv', 'walmart.com'],
  ['walmart/wfs-inventory-health.us.csv', 'walmart.com'],
  ['walmart/orders.us.csv', 'walmart.com'],
  ['ebay/active-listings.us.csv', 'ebay.com'],
  ['ebay/orders.us.csv', 'ebay.com'],
];

/** Cell values a hostile or broken export might hold. */
const hostileCell = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '—',
    '-',
    'N/A',
    '-5',
    '1e309',
    '99999999999999',
    '1.234,56',
    '1,234.56',
    '12.99',
    '0',
    '007',
    'Yes',
    'No',
    '<script>alert(1)</script>',
    '"',
    '""',
    '\n',
    'Jun-29-26 16:00:01 PDT',
    '2026-02-30',
    'B0XXXXXXXX',
    'x'.repeat(5000),
  ),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
);

/** A table: a fixture's header with random rows, written with the fixture's delimiter. */
function hostileTable(fixture: string) {
  const text = readFixture(fixture);
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() && l !== '""');
  const headerLine = lines[0] ?? '';
  const delimiter = headerLine.includes('\t') ? '\t' : ',';
  const header = headerLine.split(delimiter).map((h) => h.replace(/^"|"$/g, ''));
  return fc
    .array(fc.array(hostileCell, { minLength: 0, maxLength: header.length + 2 }), { maxLength: 6 })
    .map((rows) => toDelimited([header, ...rows], delimiter as '\t' | ','));
}

describe('report parser properties', () => {
  it('never throws on arbitrary text, and everything it returns passes the schemas', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('amazon.com', 'amazon.de', 'walmart.com', 'ebay.com', 'nowhere'), (text, marketplace) => {
        const r = parseReport(text, { marketplace, now: NOW });
        assertValidRecords(r.rows);
        for (const d of r.diagnostics) expect(diagnosticSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps problems in line order wherever the file is split (a duplicate SKU, then a line without identity)', () => {
    // Found by the property below: the rows of a chunk are checked together, and a later line's problem came first.
    const header = readFixture('amazon/business-report-child.zh.csv').split('\n')[0];
    const text = `${header}\n0,,,""""\n,0,,""""\n""\n`;
    const options = { marketplace: 'amazon.com', now: NOW, dateRange: RANGE };
    const whole = parseReport(text, options);
    expect(whole.diagnostics.map((d) => [d.code, d.row])).toEqual(
      expect.arrayContaining([
        ['duplicate-sku', 3],
        ['missing-asin', 4],
      ]),
    );
    for (let cut = 0; cut <= text.length; cut++) expect(parseInPieces(text, [cut], options)).toEqual(whole);
  });

  it.each(FIXTURES)('emits only schema-valid records for hostile rows under the %s header', (fixture, marketplace) => {
    fc.assert(
      fc.property(hostileTable(fixture), fc.nat(), (text, cut) => {
        const whole = parseReport(text, { marketplace, now: NOW, dateRange: RANGE });
        assertValidRecords(whole.rows);
        for (const d of whole.diagnostics) expect(diagnosticSchema.safeParse(d).success).toBe(true);
        // Every diagnostic about a row names a line that exists.
        const lineCount = text.split('\n').length;
        for (const d of whole.diagnostics) if (typeof d.row === 'number') expect(d.row).toBeLessThanOrEqual(lineCount);
        // Splitting anywhere changes nothing.
        expect(parseInPieces(text, [cut % (text.length + 1)], { marketplace, now: NOW, dateRange: RANGE })).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('round-trips random MYI rows: what is written is what is read', () => {
    // A SKU that reads as a blank placeholder ("NA", "none", "null") is not a SKU a report can carry.
    const sku = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,"\n\t-]{0,20}[A-Za-z0-9]$/).filter((s) => !isBlankCell(s));
    const title = fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\t', 'é', '卖', '<', '>'), maxLength: 30 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ sku, title, available: fc.nat({ max: MAX_PLAUSIBLE_UNITS }), price: fc.integer({ min: 0, max: 1e8 }) }), {
          selector: (r) => r.sku.trim(),
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom<'\t' | ','>('\t', ','),
        (rows, delimiter) => {
          const table = [
            ['sku', 'product-name', 'afn-fulfillable-quantity', 'mfn-fulfillable-quantity', 'your-price'],
            ...rows.map((r) => [r.sku, r.title, String(r.available), '', (r.price / 100).toFixed(2)]),
          ];
          const result = parseReport(toDelimited(table, delimiter), { marketplace: 'amazon.com', now: NOW });
          expect(result.rows.map((o) => o.kind === 'listing' && [o.sku, o.title ?? '', o.available, o.price?.amountMinor])).toEqual(
            rows.map((r) => [r.sku.trim(), r.title.trim(), r.available, r.price]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cuts a huge title to the schema limit instead of dropping the row', () => {
    const text = `sku\tproduct-name\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\nA\t${'<b>'.repeat(10_000)}\t1\t\n`;
    const r = parseReport(text, { marketplace: 'amazon.com', now: NOW });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]?.kind === 'listing' && r.rows[0].title?.length).toBe(2000);
  });

  it('lists only the first 50 lines of a repeated problem and counts the rest', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `S${i}\tlots\t`).join('\n');
    const r = parseReport(`sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\n${rows}\n`, { marketplace: 'amazon.com', now: NOW });
    expect(r.rows).toHaveLength(120);
    expect(r.diagnostics.filter((d) => d.code === 'bad-number')).toHaveLength(50);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: 'more-lines', params: { code: 'bad-number', count: 120, listed: 50 } });
  });
});
