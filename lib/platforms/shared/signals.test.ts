import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../types';
import { FieldSignals, confidenceOf, resolveClues } from './signals';
import { Diagnostics } from './read';
import { diagnosticText } from '../../content/codes';

describe('resolveClues', () => {
  it('takes the strongest clue that says anything, and names the strongest one that disagreed', () => {
    expect(
      resolveClues([
        { signal: 'input', value: 'SELLER' },
        { signal: 'label', value: 'FBA' },
        { signal: 'header', value: undefined },
        { signal: 'page-type', value: 'SELLER' },
      ]),
    ).toEqual({ value: 'FBA', signal: 'label', said: 'FBA', overruled: { signal: 'page-type', value: 'SELLER' } });
  });

  it('agreeing clues: the strongest is the source, nothing overruled', () => {
    expect(
      resolveClues([
        { signal: 'fnsku', value: 'FBA' },
        { signal: 'header', value: 'FBA' },
      ]),
    ).toEqual({ value: 'FBA', signal: 'header', said: 'FBA' });
  });

  it('weak clues that disagree leave the field unknown instead of guessing', () => {
    const r = resolveClues([
      { signal: 'fnsku', value: 'FBA' },
      { signal: 'input', value: 'SELLER' },
    ]);
    expect(r.value).toBeUndefined();
    expect(r).toMatchObject({ signal: 'input', said: 'SELLER', overruled: { signal: 'fnsku', value: 'FBA' } });
  });

  it('a taught column beats the header text, whatever order the clues come in', () => {
    const clues = [
      { signal: 'header' as const, value: 'A' },
      { signal: 'taught' as const, value: 'B' },
    ];
    expect(resolveClues(clues).value).toBe('B');
    expect(resolveClues([...clues].reverse()).value).toBe('B');
  });

  it('no clue: nothing', () => {
    expect(resolveClues([])).toEqual({});
    expect(resolveClues([{ signal: 'label', value: undefined }])).toEqual({});
  });
});

describe('confidence', () => {
  it('every weak signal ranks below every strong one (a weak signal never beats a strong one)', () => {
    const ranks = SIGNALS.map((s) => confidenceOf(s));
    expect(ranks.indexOf('weak')).toBeGreaterThan(0);
    expect(ranks.slice(ranks.indexOf('weak'))).not.toContain('strong');
    expect(confidenceOf('header')).toBe('strong');
    expect(confidenceOf('input')).toBe('weak');
  });
});

describe('FieldSignals', () => {
  it('counts rows per signal, and says weak findings, disagreements and unknowns once each (not once per row)', () => {
    const signals = new FieldSignals();
    signals.column('sku', 'header');
    signals.column('price', 'hint');
    for (const sku of ['A', 'B', 'C']) signals.row('fulfillment', resolveClues([{ signal: 'input', value: 'SELLER' }]), sku);
    signals.row(
      'fulfillment',
      resolveClues([
        { signal: 'header', value: 'FBA' },
        { signal: 'label', value: 'SELLER' },
      ]),
      'D',
    );
    signals.row('fulfillment', resolveClues([]), 'E');
    signals.row('fulfillment', resolveClues([]), 'F');
    expect(signals.sources()).toEqual([
      { field: 'sku', signal: 'header', confidence: 'strong', scope: 'column' },
      { field: 'price', signal: 'hint', confidence: 'weak', scope: 'column' },
      { field: 'fulfillment', signal: 'input', confidence: 'weak', scope: 'row', rows: 3 },
      { field: 'fulfillment', signal: 'header', confidence: 'strong', scope: 'row', rows: 1 },
    ]);
    const diags = new Diagnostics();
    signals.report(diags);
    expect(diags.list.map((d) => [d.code, d.params, d.row])).toEqual([
      ['signals-disagree', { column: 'fulfillment', stronger: 'header', weaker: 'label', value: 'FBA', other: 'SELLER', rows: 1 }, 'D'],
      ['weak-signal', { column: 'fulfillment', rows: 3, signal: 'input' }, undefined],
      ['field-unknown', { column: 'fulfillment', rows: 2 }, 'E'],
    ]);
    expect(diags.list.every((d) => d.level === 'warning')).toBe(true);
    expect(diags.list[0]!.message).toContain('the column header says FBA, a label in the product cell says SELLER');
  });

  it('weak clues in conflict: one "weak-signals-disagree", not also an unknown', () => {
    const signals = new FieldSignals();
    const conflict = resolveClues([
      { signal: 'fnsku', value: 'FBA' },
      { signal: 'input', value: 'SELLER' },
    ]);
    expect(signals.row('fulfillment', conflict, 'A')).toBeUndefined();
    const diags = new Diagnostics();
    signals.report(diags);
    expect(diags.list.map((d) => d.code)).toEqual(['weak-signals-disagree']);
    expect(signals.sources()).toEqual([]);
  });
});

describe("signals in the seller's language", () => {
  /** Every diagnostic that names a signal: each signal weak-guessed, and each pair disagreeing (strong and weak winners). */
  function diagnosticsNamingEverySignal(): Diagnostics {
    const signals = new FieldSignals();
    SIGNALS.forEach((signal, i) => signals.row('fulfillment', resolveClues([{ signal, value: 'FBA' }]), `G${i}`));
    for (const stronger of SIGNALS)
      for (const weaker of SIGNALS.slice(SIGNALS.indexOf(stronger) + 1))
        signals.row(
          'fulfillment',
          resolveClues([
            { signal: stronger, value: 'FBA' },
            { signal: weaker, value: 'SELLER' },
          ]),
          `${stronger}-${weaker}`,
        );
    const diags = new Diagnostics();
    signals.report(diags);
    return diags;
  }

  it('zh-CN names every signal in Chinese: no signal id and no English signal words in any warning', () => {
    const diags = diagnosticsNamingEverySignal().list;
    const named = new Set(diags.flatMap((d) => ['signal', 'stronger', 'weaker'].map((p) => d.params?.[p]).filter((v) => v !== undefined)));
    expect(named).toEqual(new Set(SIGNALS));
    expect(new Set(diags.map((d) => d.code))).toEqual(new Set(['weak-signal', 'signals-disagree', 'weak-signals-disagree']));
    for (const d of diags) {
      const zh = diagnosticText('zh-CN', d);
      for (const id of SIGNALS) expect(zh, `${d.code} ${JSON.stringify(d.params)}`).not.toMatch(new RegExp(`(?<![A-Za-z])${id}(?![A-Za-z])`));
      expect(zh, d.code).not.toMatch(/column|header|label|link|markup|editable|readings/i);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("English shows each signal by its name, as the reader's own message does", () => {
    const diags = diagnosticsNamingEverySignal().list;
    const weakHistory = diags.find((d) => d.code === 'weak-signal' && d.params?.signal === 'history')!;
    expect(diagnosticText('en', weakHistory)).toBe('"Fulfilled by (channel)" was guessed on 1 rows from the listing\'s earlier readings (weak)');
    const disagree = diags.find((d) => d.code === 'signals-disagree' && d.params?.stronger === 'page-type' && d.params?.weaker === 'fnsku')!;
    expect(diagnosticText('en', disagree)).toContain('the page type says FBA, the FNSKU says SELLER');
    expect(diagnosticText('zh-CN', disagree)).toContain('页面类型 为 FBA，FNSKU 为 SELLER');
  });
});
