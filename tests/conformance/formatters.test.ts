/**
 * House rule (issue 19, "one way to show each kind of number"): every number, amount of money,
 * date and time the seller sees is formatted by ONE module, lib/i18n/format.ts (formatNumber,
 * formatMoney, formatDate, formatShortDate, formatDateTime). A view that formats on its own
 * (`new Intl.NumberFormat`, `toFixed`, `toLocaleString`...) drifts from the rest: "92 d" next to
 * "93 days", "835.48" without its currency next to "$63.25". This test fails on any such call
 * in the code that builds what the seller sees: the popup, the options page, the row panels and
 * summary bar, the exports, the charts, the background's notifications.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, isTestFile, sourceFiles } from './import-graph';

/** The one formatting module. */
const FORMATTER = 'lib/i18n/format.ts';

/** Where seller-visible text is built (lib/locale and lib/reports PARSE page and report text; lib/planning computes). */
const VIEW_DIRS = ['components', 'entrypoints', 'lib/content', 'lib/export', 'lib/charts', 'lib/background', 'lib/i18n', 'lib/onboarding', 'lib/purchasing'];

/** Methods that turn a number or date into text by themselves. */
const FORMATTING_METHODS = new Set(['toFixed', 'toPrecision', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'toExponential']);
/** Intl constructors that format (Intl.Collator and Intl.Segmenter compare and split text; they are fine). */
const FORMATTING_INTL = new Set(['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'ListFormat', 'PluralRules', 'DurationFormat']);

/**
 * Each formatting call in a source text, as "line: code".
 * @example formattingCalls('a.ts', 'const s = n.toFixed(2);') // ['1: n.toFixed']
 */
export function formattingCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const isIntl = ts.isIdentifier(node.expression) && node.expression.text === 'Intl' && FORMATTING_INTL.has(name);
      if (isIntl || FORMATTING_METHODS.has(name)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${line}: ${node.getText(source).replace(/\s+/g, ' ').slice(-60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Math's own rounding functions: days of cover are rounded by wholeDaysOfCover instead. */
const ROUNDING = new Set(['floor', 'round', 'ceil', 'trunc']);

/**
 * Each call that rounds days of cover by itself (Math.floor/round/ceil/trunc of an expression
 * naming daysOfCover), as "line: code". Views show cover through wholeDaysOfCover
 * (lib/planning/cover.ts), so a panel, an alert and an export never disagree by a day.
 * @example coverRoundings('a.ts', 'Math.round(p.daysOfCover)') // ['1: Math.round(p.daysOfCover)']
 */
export function coverRoundings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'Math' &&
      ROUNDING.has(node.expression.name.text) &&
      node.arguments.some((a) => /daysOfCover/i.test(a.getText(source)))
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${line}: ${node.getText(source).replace(/\s+/g, ' ').slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('one formatting module', () => {
  it('finds a view that formats on its own (and not words in comments or strings)', () => {
    const view = [
      "// toFixed in a comment is not a call; neither is 'toLocaleString' in a string",
      'const a = `${(amount / 100).toFixed(2)} USD`;',
      'const b = new Intl.NumberFormat(language).format(n);',
      'const c = new Date(at).toLocaleString(language);',
      'const d = new Intl.Collator(language).compare(x, y);',
      "const e = formatMoney(language, { amountMinor: 100, currency: 'USD' });",
    ].join('\n');
    expect(formattingCalls('lib/content/view.ts', view)).toEqual(['2: (amount / 100).toFixed', '3: Intl.NumberFormat', '4: new Date(at).toLocaleString']);
  });

  it('every number, money, date and time the seller sees is formatted by lib/i18n/format.ts', () => {
    const files = sourceFiles(VIEW_DIRS).filter((f) => !isTestFile(f) && f !== FORMATTER);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) => formattingCalls(f, readFileSync(join(ROOT, f), 'utf8')).map((call) => `${f}:${call}`));
    // Use formatNumber / formatMoney / formatDate / formatShortDate / formatDateTime from lib/i18n (or add one to lib/i18n/format.ts).
    expect(offenders).toEqual([]);
  });

  it('finds days of cover rounded by Math (and not other roundings)', () => {
    const view = ['const a = Math.floor(item.daysOfCover);', 'const b = Math.round(data.safetyStock);', 'const c = wholeDaysOfCover(p.daysOfCover);'].join(
      '\n',
    );
    expect(coverRoundings('lib/background/view.ts', view)).toEqual(['1: Math.floor(item.daysOfCover)']);
  });

  it('every view rounds days of cover one way: wholeDaysOfCover', () => {
    const files = sourceFiles(VIEW_DIRS).filter((f) => !isTestFile(f));
    const offenders = files.flatMap((f) => coverRoundings(f, readFileSync(join(ROOT, f), 'utf8')).map((call) => `${f}:${call}`));
    // Show days of cover as wholeDaysOfCover(days) from lib/planning/cover.ts.
    expect(offenders).toEqual([]);
  });
});
