/**
 * "Show me the column" in the summary bar: when the reader could not find a column, the seller
 * shows it — by clicking the column's header or any of its cells on the page, or by choosing it
 * in a list (the keyboard way) — and says which field it holds. This file draws the form inside
 * the summary bar's shadow root from a plain view; teach-column-controller.ts keeps its state.
 * Header texts come from the page and are only ever set as text.
 */
import { t, type Language, type PageMessageKey as MessageKey } from '../i18n/page';
import { HEADER_FIELDS, type HeaderField } from '../locale/headers';
import type { Diagnostic } from '../records';

/** What the summary bar shows of teaching, and what its controls do. */
export interface TeachView {
  /** The fields offered, the ones the reader missed first. */
  fields: readonly HeaderField[];
  /** Header texts of the page's table in column order ('' for a column without text). */
  headers: readonly string[];
  open: boolean;
  /** The chosen column (index into `headers`). */
  column?: number;
  field?: HeaderField;
  /** Set on the first drawing after opening: the column list takes the focus. */
  focusColumn?: boolean;
  onOpen(): void;
  onCancel(): void;
  onChoose(choice: { column?: number; field?: HeaderField }): void;
  onSave(): void;
}

const isField = (value: unknown): value is HeaderField => typeof value === 'string' && (HEADER_FIELDS as readonly string[]).includes(value);

/**
 * The fields a reading says it could not find (missing required columns first, then missing
 * optional ones), each once: what "Show me the column" offers.
 * @example fieldsToTeach([{ level: 'error', code: 'missing-column', message: '', params: { column: 'title' } }]) // ['title']
 */
export function fieldsToTeach(diagnostics: readonly Pick<Diagnostic, 'code' | 'params'>[]): HeaderField[] {
  const out: HeaderField[] = [];
  for (const code of ['missing-column', 'missing-optional-column']) {
    for (const d of diagnostics) {
      const column = d.params?.column;
      if (d.code === code && isField(column) && !out.includes(column)) out.push(column);
    }
  }
  return out;
}

/**
 * A field's name in the UI language.
 * @example fieldName('en', 'title') // 'Title (product name)'
 */
export function fieldName(language: Language, field: HeaderField): string {
  return t(language, `teach.field.${field}` as MessageKey);
}

function button(doc: Document, testId: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.dataset.testid = testId;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function option(doc: Document, value: string, text: string, selected: boolean): HTMLOptionElement {
  const o = doc.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

/** A labelled select (the label wraps it, so screen readers name it). */
function labelledSelect(doc: Document, label: string, testId: string, options: HTMLOptionElement[], onChange: (value: string) => void): HTMLLabelElement {
  const wrapper = doc.createElement('label');
  wrapper.className = 'teach-row';
  const select = doc.createElement('select');
  select.dataset.testid = testId;
  // Chosen again once the options are in: happy-dom (the unit tests' DOM) loses `selected` set before.
  const selected = options.findIndex((o) => o.selected);
  select.append(...options);
  if (selected >= 0) select.selectedIndex = selected;
  select.addEventListener('change', () => onChange(select.value));
  wrapper.append(label, ' ', select);
  return wrapper;
}

/**
 * The form: the column (clicked on the page or chosen here), the field it holds, save and cancel.
 * Escape cancels.
 */
function teachForm(doc: Document, language: Language, view: TeachView): HTMLElement {
  const form = doc.createElement('div');
  form.className = 'teach';
  form.dataset.testid = 'teach-form';
  form.setAttribute('role', 'group');
  form.setAttribute('aria-label', t(language, 'teach.show'));
  const intro = doc.createElement('p');
  intro.className = 'muted';
  intro.textContent = t(language, 'teach.intro');
  form.append(intro);
  if (view.headers.every((h) => h === '')) {
    const none = doc.createElement('p');
    none.textContent = t(language, 'teach.noTable');
    form.append(none, button(doc, 'teach-cancel', t(language, 'teach.cancel'), view.onCancel));
    return form;
  }
  const columns = [option(doc, '', t(language, 'teach.chooseColumn'), view.column === undefined)];
  view.headers.forEach((h, i) => {
    if (h) columns.push(option(doc, String(i), h.slice(0, 80), view.column === i));
  });
  const columnSelect = labelledSelect(doc, t(language, 'teach.column'), 'teach-column', columns, (v) =>
    view.onChoose({ column: v === '' ? undefined : Number(v) }),
  );
  if (view.focusColumn) columnSelect.querySelector('select')!.dataset.autofocus = 'true';
  const fields = view.fields.map((f) => option(doc, f, fieldName(language, f), view.field === f));
  const fieldSelect = labelledSelect(doc, t(language, 'teach.field'), 'teach-field', fields, (v) => view.onChoose({ field: isField(v) ? v : undefined }));
  const save = button(doc, 'teach-save', t(language, 'teach.save'), view.onSave);
  save.disabled = view.column === undefined || view.field === undefined;
  form.append(columnSelect, fieldSelect, save, button(doc, 'teach-cancel', t(language, 'teach.cancel'), view.onCancel));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') view.onCancel();
  });
  return form;
}

/**
 * Adds "Show me the column" (closed) or its form (open) to the summary bar.
 * @example appendTeach(bar, 'en', view) // bar gets a 'teach-open' button when the view is closed
 */
export function appendTeach(bar: HTMLElement, language: Language, view: TeachView): void {
  const doc = bar.ownerDocument;
  if (view.open) bar.append(teachForm(doc, language, view));
  else bar.append(button(doc, 'teach-open', t(language, 'teach.show'), view.onOpen));
}

/** CSS of the form, added to the summary bar's style. */
export const TEACH_STYLE = `
.teach { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d7de; }
.teach p { margin: 0 0 4px; }
.teach-row { display: block; margin: 2px 0; }
.teach select { font: inherit; max-width: 260px; }
button:disabled { color: #8c959f; cursor: default; }
`;
