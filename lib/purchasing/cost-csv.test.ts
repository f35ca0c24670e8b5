import { describe, expect, it } from 'vitest';
import { parseCostCsv } from './cost-csv';

describe('parseCostCsv', () => {
  it('reads SKU, supplier, unit cost and currency, in minor units', () => {
    const text = '\uFEFFSKU;Supplier;Unit cost;Currency\nMUG;acme;2,50;eur\nLAMP;;1200;JPY\n';
    expect(parseCostCsv(text)).toEqual({
      entries: [
        { sku: 'MUG', supplierId: 'acme', unitCostMinor: 250, currency: 'EUR' },
        { sku: 'LAMP', supplierId: null, unitCostMinor: 1200, currency: 'JPY' },
      ],
      problems: [],
    });
  });
  it('refuses bad rows by line number and keeps the good ones', () => {
    const text = 'sku,supplier,unit_cost,currency\nMUG,acme,abc,USD\n,acme,1,USD\nLAMP,,1.5,US\nCUP,,0,USD\nBOWL,,3,USD\nBOWL,,4,USD\n';
    const { entries, problems } = parseCostCsv(text);
    expect(entries.map((e) => e.sku)).toEqual(['BOWL']);
    expect(problems).toEqual([
      { line: 2, code: 'bad-cost' },
      { line: 3, code: 'bad-sku' },
      { line: 4, code: 'bad-currency' },
      { line: 5, code: 'bad-cost' },
      { line: 7, code: 'duplicate' },
    ]);
  });
  it('names the missing columns, reads Chinese headers, and says when the file is empty', () => {
    expect(parseCostCsv('sku,supplier\nMUG,acme\n').problems).toEqual([
      { line: 1, code: 'missing-column', column: 'unitCost' },
      { line: 1, code: 'missing-column', column: 'currency' },
    ]);
    expect(parseCostCsv('SKU,供应商,单价,币种\nMUG,深圳,3.2,CNY\n').entries).toEqual([{ sku: 'MUG', supplierId: '深圳', unitCostMinor: 320, currency: 'CNY' }]);
    expect(parseCostCsv('').problems).toEqual([{ line: 1, code: 'empty' }]);
  });
});
