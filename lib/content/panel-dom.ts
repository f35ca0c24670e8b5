/**
 * The few element builders the row panel is made of (panel-view.ts, panel-details.ts): text goes
 * in as textContent only, so page text (SKUs, titles) never passes through an HTML parser.
 */

/** A span with its class, test id and text (text only: page text never meets an HTML parser). */
export function span(doc: Document, className: string, testId: string, text: string): HTMLSpanElement {
  const el = doc.createElement('span');
  if (className) el.className = className;
  el.dataset.testid = testId;
  el.textContent = text;
  return el;
}

/** A div with its class, test id and text. */
export function div(doc: Document, className: string, testId: string, text: string): HTMLDivElement {
  const el = doc.createElement('div');
  if (className) el.className = className;
  el.dataset.testid = testId;
  el.textContent = text;
  return el;
}

/** An element with attributes and, when given, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}
