import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { currencyFormat, moneyCurrencies, sheetXml, toXlsx, type Sheet } from './xlsx';

const PO: Sheet = {
  name: 'PO',
  columns: [
    { header: 'SKU' },
    { header: 'Unit cost', money: { currencyColumn: 3 } },
    { header: 'Total', money: { currencyColumn: 3 } },
    { header: 'Currency' },
  ],
  rows: [
    ['MUG-1', 2.5, 250, 'USD'],
    ['MUG-2', 300, 30000, 'JPY'],
    ['MUG-3', null, null, 'USD'],
  ],
};

describe('money cells', () => {
  it('formats each currency with its code and its own decimals', () => {
    expect(currencyFormat('USD')).toBe('[$USD] #,##0.00');
    expect(currencyFormat('JPY')).toBe('[$JPY] #,##0');
    expect(moneyCurrencies([PO])).toEqual(['USD', 'JPY']);
  });

  it("writes amounts as numbers in the row's currency style, and the styles part declares them", () => {
    const files = Object.fromEntries(Object.entries(unzipSync(toXlsx([PO]))).map(([name, data]) => [name, strFromU8(data)]));
    const sheet = files['xl/worksheets/sheet1.xml']!;
    // Styles 3 (USD) and 4 (JPY), after normal, header and date.
    expect(sheet).toContain('<c r="B2" s="3"><v>2.5</v></c>');
    expect(sheet).toContain('<c r="C3" s="4"><v>30000</v></c>');
    // An unknown cost stays an empty cell, never 0.
    expect(sheet).not.toContain('r="B4"');
    const styles = files['xl/styles.xml']!;
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="[$USD] #,##0.00"/>');
    expect(styles).toContain('<numFmt numFmtId="166" formatCode="[$JPY] #,##0"/>');
    expect(styles).toContain('<cellXfs count="5">');
  });

  it('leaves sheets without money columns as they were', () => {
    expect(sheetXml({ columns: [{ header: 'n' }], rows: [[3]] })).toContain('<c r="A2"><v>3</v></c>');
  });
});
