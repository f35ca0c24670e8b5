/**
 * Where a reader found each field, and how sure it is. A field can be said by several signals
 * (a taught column, the header text, the page's own markup, a "Label: value" line in the product
 * cell, a link, an editable input, the page type, the listing's history); each is tried, the
 * strongest that says anything wins, a disagreement is reported naming both, and a field that
 * only weak signals say, or that weak signals contradict, is said so to the seller: a guess
 * that moves FBA stock into the seller's own pool is worse than an "unknown".
 */
import { signalNamesEn } from '../../i18n/messages-teaching';
import { SIGNALS, type Confidence, type FieldSource, type Signal } from '../types';
import type { Diagnostics } from './read';

/**
 * Signals that point at a value without saying it: a column class name can be reused for
 * another column, an FNSKU outlives a switch back to merchant fulfilment, an editable quantity
 * is how the page draws merchant rows (not a statement), and history is an earlier reading.
 */
const WEAK: ReadonlySet<Signal> = new Set<Signal>(['hint', 'input', 'fnsku', 'history']);

/**
 * What a signal is, in the words of the English diagnostics. Diagnostics carry the signal's id in
 * their params, and the page shows its name in the seller's language (lib/content/codes.ts).
 */
const signalWords = (signal: Signal): string => signalNamesEn[`signal.${signal}`];

/**
 * How sure a signal is.
 * @example confidenceOf('header') // 'strong'
 * @example confidenceOf('input') // 'weak'
 */
export function confidenceOf(signal: Signal): Confidence {
  return WEAK.has(signal) ? 'weak' : 'strong';
}

/** What one signal says about a field of one row (undefined: it says nothing). */
export interface Clue<T> {
  signal: Signal;
  value: T | undefined;
}

/** The outcome of a field's clues. */
interface Resolution<T> {
  /** Undefined: nothing said it, or only weak signals did and they disagree (unknown, not guessed). */
  value?: T;
  /** The signal whose value was taken (or, when weak ones disagree, the stronger of them). */
  signal?: Signal;
  /** What `signal` said (differs from `value` only when weak signals disagree: then it is not taken). */
  said?: T;
  /** The strongest clue that said something else. */
  overruled?: { signal: Signal; value: T };
}

/**
 * The strongest clue's value, and the strongest one that disagreed with it. When the winner is
 * weak and another clue disagrees, neither is taken: the field is unknown.
 * @example resolveClues([{ signal: 'input', value: 'SELLER' }, { signal: 'label', value: 'FBA' }]) // { value: 'FBA', signal: 'label', said: 'FBA', overruled: { signal: 'input', value: 'SELLER' } }
 * @example resolveClues([{ signal: 'input', value: 'SELLER' }, { signal: 'fnsku', value: 'FBA' }]) // { signal: 'input', said: 'SELLER', overruled: { signal: 'fnsku', value: 'FBA' } }
 */
export function resolveClues<T>(clues: readonly Clue<T>[]): Resolution<T> {
  // Indexed loops and no intermediate objects: this runs once per row of every page read,
  // and a page's first read runs before the JIT has warmed up (issue 18's cold read).
  let winner = -1;
  let rank = Infinity;
  for (let i = 0; i < clues.length; i++) {
    const c = clues[i]!;
    const r = SIGNALS.indexOf(c.signal);
    if (c.value !== undefined && r < rank) {
      winner = i;
      rank = r;
    }
  }
  if (winner < 0) return {};
  const { signal, value } = clues[winner]!;
  let overruled = -1;
  let otherRank = Infinity;
  for (let i = 0; i < clues.length; i++) {
    const c = clues[i]!;
    if (c.value === undefined || c.value === value) continue;
    const r = SIGNALS.indexOf(c.signal);
    if (r < otherRank) {
      overruled = i;
      otherRank = r;
    }
  }
  if (overruled < 0) return { value, signal, said: value };
  const other = { signal: clues[overruled]!.signal, value: clues[overruled]!.value! };
  if (confidenceOf(signal) === 'weak') return { signal, said: value, overruled: other };
  return { value, signal, said: value, overruled: other };
}

interface Tally {
  rows: number;
  firstRow: string;
}

/**
 * The signals of one reading: the columns found for the page, and per-row fields (fulfilment)
 * with what each row's clues said. `report` turns weak findings, disagreements and unknowns
 * into one diagnostic each (counted over rows, never one per row).
 */
export class FieldSignals {
  private readonly columnSignals = new Map<string, Signal>();
  private readonly found = new Map<string, Tally & { field: string; signal: Signal }>();
  private readonly disagreements = new Map<string, Tally & { field: string; winner: Signal; loser: Signal; value: unknown; said: unknown; other: unknown }>();
  private readonly unknown = new Map<string, Tally>();

  /** A field whose column was found by `signal`. */
  column(field: string, signal: Signal): void {
    this.columnSignals.set(field, signal);
  }

  /** The value a row's clues give a field (undefined when it cannot be told), tallied. */
  row<T>(field: string, resolution: Resolution<T>, row: string): T | undefined {
    const { value, signal, said, overruled } = resolution;
    if (signal && value !== undefined) tally(this.found, `${field}|${signal}`, row, { field, signal });
    if (signal && overruled) {
      const key = `${field}|${signal}|${overruled.signal}|${String(said)}|${String(overruled.value)}|${value === undefined}`;
      tally(this.disagreements, key, row, { field, winner: signal, loser: overruled.signal, value, said, other: overruled.value });
    } else if (value === undefined) tally(this.unknown, field, row, {});
    return value;
  }

  /** Every field's sources: columns first, then per-row signals. */
  sources(): FieldSource[] {
    const out: FieldSource[] = [];
    for (const [field, signal] of this.columnSignals) out.push({ field, signal, confidence: confidenceOf(signal), scope: 'column' });
    for (const { field, signal, rows } of this.found.values()) out.push({ field, signal, confidence: confidenceOf(signal), scope: 'row', rows });
    return out;
  }

  /** One diagnostic per weak finding, disagreement and unknown field, each counted over rows. */
  report(diags: Diagnostics): void {
    for (const d of this.disagreements.values()) {
      const [stronger, weaker] = [signalWords(d.winner), signalWords(d.loser)];
      const params = { column: d.field, stronger: d.winner, weaker: d.loser, value: String(d.said), other: String(d.other), rows: d.rows };
      const both = `${stronger} says ${String(d.said)}, ${weaker} says ${String(d.other)}`;
      if (d.value === undefined)
        diags.add('warning', 'weak-signals-disagree', `"${d.field}" is unknown on ${d.rows} rows: ${both}, and neither is sure.`, params, d.firstRow);
      else diags.add('warning', 'signals-disagree', `"${d.field}" on ${d.rows} rows: ${both}; ${stronger} was used.`, params, d.firstRow);
    }
    for (const f of this.found.values()) {
      if (confidenceOf(f.signal) === 'strong') continue;
      diags.add('warning', 'weak-signal', `"${f.field}" was guessed from ${signalWords(f.signal)} on ${f.rows} rows (weak).`, {
        column: f.field,
        rows: f.rows,
        signal: f.signal,
      });
    }
    for (const [field, u] of this.unknown) {
      diags.add(
        'warning',
        'field-unknown',
        `"${field}" could not be told on ${u.rows} rows, so it was left unknown (not guessed).`,
        { column: field, rows: u.rows },
        u.firstRow,
      );
    }
  }
}

function tally<T extends object>(map: Map<string, Tally & T>, key: string, row: string, init: T): void {
  const t = map.get(key);
  if (t) t.rows++;
  else map.set(key, { ...init, rows: 1, firstRow: row });
}
