import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../types';
import { FieldSignals, confidenceOf, resolveClues } from './signals';
import { Diagnostics } from './read';

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
      ['weak-signal-input', { column: 'fulfillment', rows: 3 }, undefined],
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
