/**
 * The state behind "Show me the column" and "Copy page structure for a bug report" on one seller
 * page: whether the form is open, the column and field chosen, the click-to-pick listener while
 * it is open, and the one-line notice of the last action. The summary bar is redrawn from it.
 */
import { t, type Language, type PageMessageKey as MessageKey } from '../i18n/page';
import type { HeaderField, TaughtHeader } from '../locale/headers';
import { pageSkeleton } from '../platforms/page-skeleton';
import { columnOf, distinctiveHint, largestTable } from '../platforms/shared/grid';
import { cellText } from '../platforms/shared/read';
import type { TeachView } from './teach-column';

interface TeachingOptions {
  root: Document;
  /** Adapter id = page type, named in the skeleton. */
  pageType: string;
  url: () => URL;
  language: () => Language;
  /**
   * teaching/teach: stores the column (its header text, and the machine hint that finds it after
   * a rename) for this page type and marketplace; answers with the page's taught columns.
   */
  teach: (field: HeaderField, header: string, hint?: string) => Promise<readonly TaughtHeader[]>;
  /** Writes the skeleton to the clipboard (navigator.clipboard in the content script). */
  copyText?: (text: string) => Promise<void>;
  /** The page's taught columns changed: read the page again with them. */
  onTaught: (taught: readonly TaughtHeader[]) => void;
  /** Redraws the summary bar. */
  render: () => void;
}

/** One line under the summary bar saying what the last action did. */
interface Notice {
  text: string;
  level: 'info' | 'error';
}

export interface Teaching {
  /** The form's view for the fields the reading missed; undefined when there is nothing to teach. */
  view(fields: readonly HeaderField[]): TeachView | undefined;
  notice(): Notice | undefined;
  copyStructure(): Promise<void>;
  stop(): void;
}

interface TeachingState {
  open: boolean;
  column?: number;
  field?: HeaderField;
  focusColumn: boolean;
  notice?: { key: MessageKey; params: Record<string, string | number>; level: Notice['level'] };
}

/** Header texts of the page's biggest table, in column order. */
function pageHeaders(root: Document): string[] {
  return largestTable(root)?.headerCells.map((h) => cellText(h)) ?? [];
}

/**
 * While the form is open, a click on a header or cell of the table picks its column (and does
 * nothing else: no sorting, no link followed). Clicks on the summary bar itself pass through.
 */
function columnPicker(root: Document, choose: (column: number) => void): (event: Event) => void {
  return (event) => {
    const target = event.target as Element | null;
    if (!target || target.nodeType !== 1 || target.closest('stock-copilot-summary')) return;
    const table = largestTable(root);
    const index = table ? columnOf(table, target) : undefined;
    if (index === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    choose(index);
  };
}

/** What the form's controls do to the state. */
interface TeachActions {
  open(fields: readonly HeaderField[]): void;
  cancel(): void;
  save(): Promise<void>;
  render(): void;
}

/** The form's view of the state, for the fields the reading missed. */
function teachView(state: TeachingState, fields: readonly HeaderField[], headers: () => string[], actions: TeachActions): TeachView {
  const offered = state.field && !fields.includes(state.field) ? [...fields, state.field] : fields;
  return {
    fields: offered,
    headers: state.open ? headers() : [],
    open: state.open,
    ...(state.column !== undefined ? { column: state.column } : {}),
    ...(state.field ? { field: state.field } : {}),
    focusColumn: state.focusColumn,
    onOpen: () => actions.open(fields),
    onCancel: actions.cancel,
    onChoose: (choice) => {
      if ('column' in choice) state.column = choice.column;
      if ('field' in choice) state.field = choice.field;
      actions.render();
    },
    onSave: () => void actions.save(),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createTeaching(options: TeachingOptions): Teaching {
  const state: TeachingState = { open: false, focusColumn: false };
  const { root } = options;
  const pick = columnPicker(root, (column) => {
    state.column = column;
    options.render();
  });
  const close = () => {
    state.open = false;
    state.column = undefined;
    state.field = undefined;
    root.removeEventListener('click', pick, true);
  };
  const say = (key: MessageKey, params: Record<string, string | number>, level: Notice['level'] = 'info') => {
    state.notice = { key, params, level };
    options.render();
  };
  const actions: TeachActions = {
    open(fields) {
      Object.assign(state, { open: true, focusColumn: true, field: fields[0], notice: undefined });
      root.addEventListener('click', pick, true);
      options.render();
    },
    cancel() {
      close();
      options.render();
    },
    async save() {
      const headerCells = largestTable(root)?.headerCells ?? [];
      const header = state.column === undefined ? undefined : cellText(headerCells[state.column]);
      const hint = state.column === undefined ? undefined : distinctiveHint(headerCells, state.column);
      const field = state.field;
      if (!header || !field) return;
      try {
        const taught = await options.teach(field, header, hint);
        close();
        options.onTaught(taught);
        say('teach.saved', { header, field: t(options.language(), `teach.field.${field}` as MessageKey) });
      } catch (error) {
        say('teach.failed', { message: messageOf(error) }, 'error');
      }
    },
    render: options.render,
  };

  return {
    view(fields) {
      if (!state.open && fields.length === 0) return undefined;
      const view = teachView(state, fields, () => pageHeaders(root), actions);
      state.focusColumn = false;
      return view;
    },
    notice() {
      const n = state.notice;
      return n ? { text: t(options.language(), n.key, n.params), level: n.level } : undefined;
    },
    async copyStructure() {
      const skeleton = pageSkeleton(root, options.pageType, options.url());
      if (!skeleton) return say('teach.noTable', {}, 'error');
      try {
        if (!options.copyText) throw new Error('no clipboard');
        await options.copyText(skeleton);
        say('teach.copied', { size: skeleton.length });
      } catch (error) {
        say('teach.copyFailed', { message: messageOf(error) }, 'error');
      }
    },
    stop: close,
  };
}
