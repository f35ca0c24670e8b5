import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer, detectDelimiter, toDelimited, tokenizeDelimited, type Delimiter } from './csv';

const fieldsOf = (text: string) => tokenizeDelimited(text).map((r) => r.fields);

/** Feeds `text` in pieces cut at the given offsets. */
function tokenizeSplit(text: string, cuts: number[]) {
  const t = createCsvTokenizer();
  const out = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...t.push(text.slice(from, cut)));
    from = cut;
  }
  out.push(...t.push(text.slice(from)), ...t.finish());
  return { records: out, problems: t.problems };
}

describe('detectDelimiter', () => {
  it('picks tab, comma or semicolon by count outside quotes', () => {
    expect(detectDelimiter('sku\tasin\tprice')).toBe('\t');
    expect(detectDelimiter('"Item number","Title, long"')).toBe(',');
    expect(detectDelimiter('SKU;Preis;"a,b"')).toBe(';');
    expect(detectDelimiter('"a\tb",c')).toBe(',');
    expect(detectDelimiter('single')).toBe('\t');
  });
});

describe('tokenizer', () => {
  it('reads quoted fields with delimiters, doubled quotes and newlines', () => {
    expect(fieldsOf('a,b,c\n1,"x, y","say ""hi"""\n2,"multi\nline",z\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'multi\nline', 'z'],
    ]);
  });

  it('numbers records by the physical line they start on, counting quoted newlines and CRLF', () => {
    const records = tokenizeDelimited('h1,h2\r\n"a\r\nb",c\r\n\r\nd,e\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(records[1]?.fields).toEqual(['a\nb', 'c']);
  });

  it('strips a BOM, skips blank lines, keeps a lone "" as a value and reads a last line without newline', () => {
    expect(fieldsOf('\uFEFFa\tb\n\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a\n""\n')).toEqual([['a'], ['']]);
  });

  it('treats lone CR as a line break', () => {
    expect(tokenizeDelimited('a,b\r1,2\r').map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
  });

  it('keeps quotes that are part of an unquoted value (Amazon TSV titles)', () => {
    expect(fieldsOf('t\tn\nMonitor 27" 4K\t1\n"Best" mug\t2\n')).toEqual([
      ['t', 'n'],
      ['Monitor 27" 4K', '1'],
      ['"Best" mug', '2'],
    ]);
  });

  it('recovers from a quote that never closes: the rest of the file is read as plain text', () => {
    const { records, problems } = tokenizeSplit('a\tb\n"oops\t1\nc\t2\n', []);
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, '"oops', '1'],
      [3, 'c', '2'],
    ]);
    expect(problems).toEqual([{ code: 'unterminated-quote', line: 2 }]);
  });

  it('gives identical records for every split point of a tricky text', () => {
    const text = '\uFEFFh1,h2,h3\r\n"a,""b""\r\nc",d,\r\n"",x,"y"\r\nlast,"q""",z';
    const whole = tokenizeSplit(text, []);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i + 1, i + 2, text.length]) {
        expect(tokenizeSplit(text, [i, Math.min(j, text.length)])).toEqual(whole);
      }
    }
  });

  it('round-trips any table through toDelimited (fast-check)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '\t', ';', '"', '\n', 'é', '卖', '—', '0') });
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>('\t', ',', ';'),
        fc.integer({ min: 2, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom('\n', '\r\n'),
        (delimiter, rows, cuts, eol) => {
          const text = toDelimited(rows, delimiter, eol);
          const t = createCsvTokenizer({ delimiter });
          const { records } = (() => {
            const out = [];
            let from = 0;
            for (const c of cuts.map((n) => n % (text.length + 1)).sort((a, b) => a - b)) {
              out.push(...t.push(text.slice(from, c)));
              from = c;
            }
            out.push(...t.push(text.slice(from)), ...t.finish());
            return { records: out };
          })();
          expect(records.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps line numbers increasing on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\t', '\n', '\r', '\uFEFF', ' ') }), fc.nat(), (text, cut) => {
        const { records } = tokenizeSplit(text, [cut % (text.length + 1)]);
        for (let k = 1; k < records.length; k++) expect(records[k]!.line).toBeGreaterThan(records[k - 1]!.line);
      }),
      { numRuns: 500 },
    );
  });
});
