/**
 * Columns the seller taught (lib/content/teach-column.ts) against what the header synonyms say:
 * the taught column is used, and a disagreement is reported, because either the seller picked
 * the wrong column or the page's wording now means something else. Likewise the page's machine
 * hints against its header text (reportHintSignals).
 */
import { mapHeaders, normalizeHeader, type HeaderField, type TaughtHeader } from '../../locale/headers';
import type { Signal } from '../types';
import type { Diagnostics } from './read';

/** A taught field whose column is not the one the synonyms alone would give it. */
interface TaughtDisagreement<F extends HeaderField> {
  field: F;
  /** The header text of the taught column, as the page shows it. */
  header: string;
}

/**
 * Taught fields the synonyms place elsewhere: the synonyms put the field on another column, or
 * read the taught column as another field. Nothing taught: nothing to compare.
 * @example taughtDisagreements(['Title', 'Name'], ['title'], [{ field: 'title', header: 'Name' }], new Map([['title', 1]])) // [{ field: 'title', header: 'Name' }]
 */
export function taughtDisagreements<F extends HeaderField>(
  headers: readonly string[],
  fields: readonly F[],
  taught: readonly TaughtHeader[],
  columns: ReadonlyMap<F, number>,
): TaughtDisagreement<F>[] {
  if (taught.length === 0) return [];
  const bySynonyms = mapHeaders(headers, fields).columns;
  const fieldAt = new Map<number, F>();
  for (const [field, index] of bySynonyms) fieldAt.set(index, field);
  const out: TaughtDisagreement<F>[] = [];
  for (const [field, index] of columns) {
    if (!taught.some((t) => t.field === field)) continue;
    const synonymIndex = bySynonyms.get(field);
    const synonymField = fieldAt.get(index);
    const elsewhere = synonymIndex !== undefined && synonymIndex !== index;
    const other = synonymField !== undefined && synonymField !== field;
    if (elsewhere || other) out.push({ field, header: headers[index] ?? '' });
  }
  return out;
}

/**
 * Adds a 'taught-column-differs' warning for each disagreement (the taught column is still used).
 * @example reportTaughtDisagreements(grid.headers, FIELDS, ctx.taughtColumns ?? [], grid.map.columns, diags)
 */
export function reportTaughtDisagreements<F extends HeaderField>(
  headers: readonly string[],
  fields: readonly F[],
  taught: readonly TaughtHeader[],
  columns: ReadonlyMap<F, number>,
  diags: Diagnostics,
): void {
  for (const d of taughtDisagreements(headers, fields, taught, columns)) {
    diags.add(
      'warning',
      'taught-column-differs',
      `The column taught as "${d.field}" ("${d.header}") is not the one its header names suggest; the taught column was used.`,
      {
        column: d.field,
        header: d.header,
      },
    );
  }
}

/**
 * What the page's machine hints say beside the header text, for a page type that declares its
 * columns' hints (`fieldHints`, e.g. eBay's `class=shui-dt-column__listingSKU`):
 * - a field whose column carries the hint declared for another field: 'column-mismatch' (the
 *   header text, or the seller's teaching, still wins: the layout or the markup changed);
 * - a field no header named, found by its hint alone: 'column-from-hint' (info), so a page in an
 *   unknown UI language is read and says how.
 * @example reportHintSignals({ headers: ['Στήλη'], hints: [['class=shui-dt-column__listingSKU']] }, ['sku'], [], new Map([['sku', 0]]), { sku: ['class=shui-dt-column__listingSKU'] }, diags) // diags gets one 'column-from-hint'
 */
export function reportHintSignals<F extends HeaderField>(
  grid: { headers: readonly string[]; hints: readonly (readonly string[])[] },
  fields: readonly F[],
  taught: readonly TaughtHeader[],
  columns: ReadonlyMap<F, number>,
  fieldHints: Partial<Record<F, readonly string[]>>,
  diags: Diagnostics,
): void {
  const byText = mapHeaders(grid.headers, fields, taught).columns;
  for (const [field, index] of columns) {
    const hints = grid.hints[index] ?? [];
    if (!byText.has(field)) {
      const hint = (fieldHints[field] ?? []).find((h) => hints.includes(h)) ?? hints[0] ?? '';
      diags.add('info', 'column-from-hint', `The "${field}" column was found by the page's own markup (${hint}), not by its header text.`, {
        column: field,
        header: grid.headers[index] ?? '',
      });
      continue;
    }
    const other = fields.find((f) => f !== field && (fieldHints[f] ?? []).some((h) => hints.includes(h)));
    if (other) {
      diags.add('warning', 'column-mismatch', `The "${field}" header sits on a column the page marks as "${other}"; the header text was used.`, {
        column: field,
        other,
      });
    }
  }
}

/**
 * Which signal found each field's column: the seller's teaching (its header text or machine
 * hint is the column's), else the header text (the synonyms alone put the field there), else
 * the page's machine hints.
 * @example columnSignals({ headers: ['SKU', 'Στήλη'], hints: [[], ['class=x__price']] }, ['sku', 'price'], [], new Map([['sku', 0], ['price', 1]])) // Map { 'sku' => 'header', 'price' => 'hint' }
 */
export function columnSignals<F extends HeaderField>(
  grid: { headers: readonly string[]; hints?: readonly (readonly string[])[] },
  fields: readonly F[],
  taught: readonly TaughtHeader[],
  columns: ReadonlyMap<F, number>,
): Map<F, Signal> {
  const bySynonyms = mapHeaders(grid.headers, fields).columns;
  const out = new Map<F, Signal>();
  for (const [field, index] of columns) {
    const header = normalizeHeader(grid.headers[index] ?? '');
    const hints = grid.hints?.[index] ?? [];
    const isTaught = taught.some(
      (t) => t.field === field && ((header !== '' && normalizeHeader(t.header) === header) || (t.hint !== undefined && hints.includes(t.hint))),
    );
    out.set(field, isTaught ? 'taught' : bySynonyms.get(field) === index ? 'header' : 'hint');
  }
  return out;
}
