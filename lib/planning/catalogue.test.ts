import { describe, expect, it } from 'vitest';
import { ALERT_MONEY_PARAMS, alertText, reasonText } from '../content/codes';
import { en, zhCN } from '../i18n/messages';
import { ALERT_CATALOGUE, ALERT_CODES, alertNotifies, HEALTH_REASON_CODES, KNOWLEDGE_HINTS, REASON_CATALOGUE, riskOfCode } from './catalogue';

const LANGUAGES = { en: en as Record<string, string>, 'zh-CN': zhCN as Record<string, string> };

/** Message keys of a code (the off-forecast alert has one per direction; an overdue reorder one for one day late and, an alert, for due today). */
function keysOf(kind: 'reason' | 'alert', code: string): string[] {
  if (kind === 'alert' && code === 'sales-off-forecast') return [`alert.${code}.above`, `alert.${code}.below`];
  if (kind === 'alert' && code === 'reorder-now') return [`alert.${code}`, `alert.${code}.oneDay`, `alert.${code}.today`];
  if (kind === 'reason' && code === 'reorder-overdue') return [`reason.${code}`, `reason.${code}.oneDay`];
  return [`${kind}.${code}`];
}

/** Placeholders an alert's text fills from other params (money from minor units and currency). */
const DERIVED: Record<string, Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(ALERT_MONEY_PARAMS).map(([code, placeholders]) => [
    code,
    Object.fromEntries(Object.entries(placeholders).map(([name, source]) => [name, [source.minor, source.currency]])),
  ]),
);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const entries = [
  ...HEALTH_REASON_CODES.map((code) => ({ kind: 'reason' as const, code, params: REASON_CATALOGUE[code].params as readonly string[] })),
  ...ALERT_CODES.map((code) => ({ kind: 'alert' as const, code, params: ALERT_CATALOGUE[code].params as readonly string[] })),
];

/** A value of the right shape for a param name. */
function sample(name: string): string | number {
  if (/date$/i.test(name)) return '2026-03-15';
  if (name === 'currency') return 'USD';
  if (name === 'direction') return 'below';
  if (name === 'hint') return 'count';
  return 7;
}

describe('catalogue strings', () => {
  for (const { kind, code, params } of entries) {
    for (const [language, table] of Object.entries(LANGUAGES)) {
      it(`${kind} ${code} has ${language} strings whose placeholders are its params`, () => {
        const derived = DERIVED[code] ?? {};
        for (const key of keysOf(kind, code)) {
          const text = table[key];
          expect(text, `${language} ${key}`).toEqual(expect.any(String));
          expect(text!.trim().length, `${language} ${key}`).toBeGreaterThan(0);
          for (const name of placeholders(text!)) {
            expect([...params, ...Object.keys(derived)], `${language} ${key}: {${name}}`).toContain(name);
          }
        }
        for (const sources of Object.values(derived)) for (const source of sources) expect(params).toContain(source);
      });
    }
  }

  it('renders every code with exactly its catalogue params, leaving no placeholder unfilled, in both languages', () => {
    for (const { kind, code, params } of entries) {
      const values = Object.fromEntries(params.map((p) => [p, sample(p)]));
      for (const language of ['en', 'zh-CN'] as const) {
        const text = kind === 'reason' ? reasonText(language, { code, params: values }) : alertText(language, { code, params: values });
        expect(text, `${language} ${kind}.${code}`).not.toBe(code);
        expect(placeholders(text), `${language} ${kind}.${code}: ${text}`).toEqual([]);
      }
    }
  });

  it('has no reason or alert strings for codes the catalogue does not know', () => {
    const known = new Set(entries.flatMap(({ kind, code }) => keysOf(kind, code)));
    for (const table of Object.values(LANGUAGES)) {
      const orphans = Object.keys(table).filter((k) => (k.startsWith('reason.') || k.startsWith('alert.')) && !known.has(k));
      expect(orphans).toEqual([]);
    }
  });

  it('has a string for every knowledge hint in both languages', () => {
    for (const hint of KNOWLEDGE_HINTS) {
      for (const [language, table] of Object.entries(LANGUAGES)) expect(table[`hint.${hint}`], `${language} hint.${hint}`).toEqual(expect.any(String));
    }
  });
});

describe('catalogue entries', () => {
  it('a critical-capable alert is the only kind that may notify, and notifying alerts can be critical', () => {
    for (const code of ALERT_CODES) {
      const entry = ALERT_CATALOGUE[code];
      const severities: readonly string[] = 'severities' in entry ? entry.severities : [entry.severity];
      expect(severities, code).toContain(entry.severity);
      if (entry.notifies) expect(severities, code).toContain('critical');
      expect(alertNotifies({ code, severity: 'warning' })).toBe(false);
      expect(alertNotifies({ code, severity: 'critical' })).toBe(entry.notifies);
    }
    expect(alertNotifies({ code: 'not-a-code', severity: 'critical' })).toBe(false);
  });

  it('knowledge alerts are information only: they never raise a risk', () => {
    for (const code of ['stock-unknown', 'stock-estimated', 'sales-unknown', 'list-here', 'list-adjust']) expect(riskOfCode(code)).toBeNull();
    expect(riskOfCode('reorder-overdue')).toBe('stockout');
    expect(riskOfCode('oversold-pool')).toBe('oversell');
    expect(riskOfCode('unknown-code')).toBeNull();
  });

  it('reason and alert codes are disjoint, so riskOfCode is unambiguous', () => {
    const alertCodes: ReadonlySet<string> = new Set(ALERT_CODES);
    expect(HEALTH_REASON_CODES.filter((c) => alertCodes.has(c))).toEqual([]);
  });
});
