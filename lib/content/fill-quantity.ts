/**
 * Writing a suggested quantity into the page's own editable quantity field, the way typing
 * would, so the page's app (React-controlled inputs included) takes it as the seller's edit.
 * Nothing is ever saved: no Enter, no submit, no click on a save button. The seller reviews
 * the number and saves it on the page.
 *
 * Also finds that field in a row from the page type's declarative locator
 * (PageAdapter.editableQuantity), with the columns the seller taught on the page (a quantity
 * column under a header the synonyms do not know is found as the reader finds it).
 */
import { mapHeaders, type TaughtHeader } from '../locale/headers';
import { machineHints } from '../platforms/shared/grid';
import { cellText } from '../platforms/shared/read';
import type { EditableQuantityLocator } from '../platforms/types';

/**
 * Types `quantity` into `input` as a seller would: focus, the value through the native setter,
 * then bubbling `input` and `change` events. True when the field holds the number afterwards.
 *
 * React tracks the value it last wrote to a controlled input (a `value` property defined on the
 * element) and ignores input events whose value equals it; `input.value = …` from the page's
 * own world would update that tracker, so the edit would be dropped and then undone. The setter
 * of HTMLInputElement.prototype writes the DOM value without touching the tracker, so React
 * sees a change, calls its onChange and keeps the number in its state.
 *
 * Refuses (false) disabled or read-only inputs, inputs no longer in the document and
 * quantities that are not whole non-negative numbers.
 * @example fillQuantityInput(row.querySelector('input')!, 38) // true; the page shows 38, unsaved
 */
export function fillQuantityInput(input: HTMLInputElement, quantity: number): boolean {
  if (!Number.isSafeInteger(quantity) || quantity < 0) return false;
  if (!isEditable(input)) return false;
  const view = input.ownerDocument.defaultView;
  const prototype = (view?.HTMLInputElement ?? globalThis.HTMLInputElement)?.prototype;
  const setValue = prototype ? Object.getOwnPropertyDescriptor(prototype, 'value')?.set : undefined;
  if (!setValue) return false;
  const value = String(quantity);
  input.focus();
  setValue.call(input, value);
  // What the browser fires for typed text: `input` (composed, so it leaves a web component's
  // shadow root as a real keystroke's would), then `change` when the edit is committed.
  const InputEventCtor = view?.InputEvent ?? globalThis.InputEvent;
  const EventCtor = view?.Event ?? globalThis.Event;
  input.dispatchEvent(
    InputEventCtor
      ? new InputEventCtor('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: value })
      : new EventCtor('input', { bubbles: true, composed: true }),
  );
  input.dispatchEvent(new EventCtor('change', { bubbles: true }));
  return input.value === value;
}

/** In the document, enabled (itself and any fieldset) and not read-only. */
function isEditable(input: HTMLInputElement): boolean {
  if (!input.isConnected || input.disabled || input.readOnly) return false;
  if (
    input.hasAttribute('disabled') ||
    input.hasAttribute('readonly') ||
    input.getAttribute('aria-disabled') === 'true' ||
    input.getAttribute('aria-readonly') === 'true'
  )
    return false;
  // A disabled fieldset disables its controls, except those in its first legend.
  const fieldset = input.closest('fieldset[disabled]');
  if (fieldset) {
    const legend = fieldset.querySelector(':scope > legend');
    if (!legend || !legend.contains(input)) return false;
  }
  return true;
}

const TEXT_TYPES = new Set(['', 'text', 'number', 'tel']);

/** The control's own labels (name, aria-label, id, placeholder, label), lower case. */
function labelsOf(el: Element): string[] {
  const out: string[] = [];
  for (const name of ['name', 'aria-label', 'id', 'placeholder', 'label']) {
    const v = el.getAttribute(name);
    if (v && v.trim()) out.push(v.trim().toLowerCase());
  }
  return out;
}

/** True when the control names nothing, or names a quantity. */
function labelledAsQuantity(labels: string[], words: readonly string[]): boolean {
  return labels.length === 0 || labels.some((l) => words.some((w) => l.includes(w)));
}

/** The text input a matched element stands for: itself, or the one in its open shadow root. */
function controlOf(match: Element, shadow: boolean | undefined): HTMLInputElement | null {
  const input = shadow ? (match.shadowRoot?.querySelector('input') ?? null) : match;
  if (!input || input.tagName !== 'INPUT') return null;
  return TEXT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase()) ? (input as HTMLInputElement) : null;
}

/** The cells of a row aligned with `headerCount` header cells (the adapters' own rule). */
function cellsOf(row: Element, headerCount: number, cellSelector: string): Element[] {
  const all = Array.from(row.children);
  if (all.length === headerCount) return all;
  const cells = all.filter((c) => c.matches(cellSelector));
  return cells.length > 0 ? cells : all;
}

/** The quantity column's index and the header count, read from the header cells inside `scope` (taught columns first). */
function columnIn(scope: ParentNode, locator: EditableQuantityLocator, taught: readonly TaughtHeader[]): { index: number; count: number } | null {
  for (const selector of locator.headerCells) {
    const cells = Array.from(scope.querySelectorAll(selector));
    if (cells.length === 0) continue;
    const index = mapHeaders(
      cells.map((c) => cellText(c)),
      [locator.column],
      taught,
      taught.some((t) => t.hint) ? { columns: cells.map(machineHints) } : {},
    ).columns.get(locator.column);
    return index === undefined ? null : { index, count: cells.length };
  }
  return null;
}

/** The editable control in a cell, when exactly one qualifies. */
function controlIn(cell: Element, locator: EditableQuantityLocator): HTMLInputElement | null {
  for (const { selector, shadow } of locator.inputs) {
    const found: HTMLInputElement[] = [];
    for (const match of Array.from(cell.querySelectorAll(selector))) {
      const input = controlOf(match, shadow);
      if (!input || !isEditable(input)) continue;
      const labels = shadow ? [...labelsOf(match), ...labelsOf(input)] : labelsOf(input);
      if (labelledAsQuantity(labels, locator.labels) && !found.includes(input)) found.push(input);
    }
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

/**
 * A finder of rows' editable quantity fields for one pass over the page: the header is read
 * once per grid, each row then costs one cell lookup. `taught`: the page's taught columns.
 * @example quantityFieldFinder(adapter.editableQuantity!)(row) // <input aria-label="available"> or null
 */
export function quantityFieldFinder(locator: EditableQuantityLocator, taught: readonly TaughtHeader[] = []): (row: Element) => HTMLInputElement | null {
  const columns = new Map<ParentNode, { index: number; count: number } | null>();
  return (row) => {
    const scope: ParentNode = (locator.grid ? row.closest(locator.grid) : null) ?? row.ownerDocument;
    let column = columns.get(scope);
    if (column === undefined) {
      column = columnIn(scope, locator, taught);
      columns.set(scope, column);
    }
    if (!column) return null;
    const cell = cellsOf(row, column.count, locator.rowCells)[column.index];
    return cell ? controlIn(cell, locator) : null;
  };
}

/**
 * The row's editable quantity field, looked up now (grids re-render rows and inputs).
 * @example findQuantityInput(row, adapter.editableQuantity!) // null on an FBA row (plain number)
 */
export function findQuantityInput(row: Element, locator: EditableQuantityLocator, taught: readonly TaughtHeader[] = []): HTMLInputElement | null {
  return quantityFieldFinder(locator, taught)(row);
}
