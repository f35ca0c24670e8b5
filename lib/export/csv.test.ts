import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, toCsv } from './csv';

/**
 * A spreadsheet's CSV reader with the given separator, as Excel reads a file: a quote opens a
 * quoted section only at the start of a cell (elsewhere it is a plain character), "" inside one
 * is a quote; rows end at CRLF outside quotes.
 */
function readCsv(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** A cell a spreadsheet would evaluate: = + - @ first, after any white space. */
const isFormula = (cell: string) => /^[ \t\r\n]*[=+\-@]/.test(cell);

/** Text with what hostile titles use: separators, quotes, formula characters, spaces, line breaks. */
const hostileText = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '=', '+', '-', '@', '\t', '\r', '\n', '(', ')', '中') });

describe('csv', () => {
  it('quotes every text cell; numbers and booleans stay plain', () => {
    expect(csvField('Mug, "large"')).toBe('"Mug, ""large"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('A-1')).toBe('"A-1"');
    expect(csvField(12)).toBe('12');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
  });

  it('defuses formulas at the start and after anything a spreadsheet splits cells on', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('  +1')).toBe(`"  '+1"`);
    expect(csvField('Mug;=1+1;')).toBe(`"Mug;'=1+1;"`);
    expect(csvField('a, -b')).toBe(`"a, '-b"`);
    expect(csvField('\t=1')).toBe(`"'\t'=1"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    // Dashes inside words are left alone.
    expect(csvField('Mug - large')).toBe('"Mug - large"');
  });

  it('a comma reader reads back every cell, with only quote marks added before formula starts', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileText, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const read = readCsv(toCsv(['a', 'b'], rows), ',');
        expect(read[0]).toEqual(['a', 'b']);
        const withoutMarks = (cell: string) => cell.replace(/'(?=[=+\-@\t\r])/g, '');
        expect(read.slice(1).map((r) => r.map(withoutMarks))).toEqual(rows.map((r) => r.map(withoutMarks)));
        // No cell starts with a tab or carriage return either (readers that drop them would see what follows).
        for (const cell of read.flat()) expect(/^[\t\r]/.test(cell)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('neither a comma nor a semicolon reader ever finds a formula in a text cell', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, fc.integer(), hostileText), { maxLength: 5 }), (rows) => {
        const text = toCsv(['sku', 'units', 'title'], rows);
        for (const separator of [',', ';'] as const) {
          for (const row of readCsv(text, separator)) {
            for (const cell of row) {
              // Negative numbers are numbers, not formulas.
              if (/^-?\d+$/.test(cell)) continue;
              expect(isFormula(cell), `${separator} ${JSON.stringify(cell)}`).toBe(false);
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
