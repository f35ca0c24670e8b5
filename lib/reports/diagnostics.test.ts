import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importEn, importZhCN } from '../i18n/messages-import';
import { DiagnosticSink, problem, problemText, reasonKey, type ProblemCode } from './diagnostics';
import { parseReport } from './parser';
import { readFixture } from './testing';

const codes = Object.keys(importEn).flatMap((key) => (key.startsWith('import.problem.') ? [key.slice('import.problem.'.length) as ProblemCode] : []));

describe('import problems in both languages', () => {
  it('builds the English message from the catalogue and its params', () => {
    expect(problem('warning', 'bad-gtin', { column: 'UPC', value: '1.23E+11' }, 4)).toEqual({
      level: 'warning',
      code: 'bad-gtin',
      message: 'Column "UPC": "1.23E+11" is not a GTIN/UPC/EAN (8-14 digits); the value was left out.',
      params: { column: 'UPC', value: '1.23E+11' },
      row: 4,
    });
  });

  it('says every problem in Chinese with the same placeholders as in English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of codes) {
      const key = `import.problem.${code}` as const;
      expect(placeholders(importZhCN[key]), code).toEqual(placeholders(importEn[key]));
      expect(importZhCN[key], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says in both languages every reason a cell can be refused for', () => {
    const source = readFileSync('lib/reports/values.ts', 'utf8');
    const reasons = [...source.matchAll(/\{ bad: '([^']+)' \}/g)].map((m) => m[1]!);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(Object.keys(importEn), reason).toContain(reasonKey(reason));
    expect(problemText('zh-CN', problem('warning', 'bad-number', { column: 'qty', value: '-3', reason: 'negative quantity' }))).toBe(
      '列"qty"：无法读取数字"-3"（数量为负），已略去该值。',
    );
  });

  it("shows a file's problems in the seller's language, and a message it does not know as written", () => {
    const r = parseReport(readFixture('amazon/orders.us.tsv'), { marketplace: 'amazon.com', now: new Date('2026-06-29T18:00:00Z') });
    const texts = r.diagnostics.map((d) => problemText('zh-CN', d));
    expect(texts).toEqual([expect.stringMatching(/^列"purchase-date"：无法读取日期"/), '已跳过此行：无法读取订单日期。']);
    expect(problemText('zh-CN', { code: 'page-only', message: 'As written' })).toBe('As written');
  });

  it('summarises a code after its first 50 lines, in both languages', () => {
    const sink = new DiagnosticSink();
    for (let line = 1; line <= 60; line++) sink.add(problem('warning', 'bad-asin', { column: 'asin', value: 'x' }, line));
    const [summary] = sink.summaries();
    expect(summary?.message).toBe('60 lines had the problem "bad-asin"; only the first 50 are listed.');
    expect(problemText('zh-CN', summary!)).toBe('共有 60 行存在问题"bad-asin"，只列出前 50 行。');
  });
});
