/**
 * Renders one row panel into its shadow root. Only textContent and element creation: page
 * text (SKUs, titles) never passes through an HTML parser.
 */
import { formatDate, formatNumber, t, type Language } from '../i18n';
import type { PanelData } from '../messaging/protocol';

export type Urgency = 'critical' | 'warning' | 'ok' | 'unknown';

/**
 * How urgent a row is, from its days of cover against the lead time the seller needs.
 * @example urgencyOf({ daysOfCover: 5 } as PanelData) // 'critical'
 */
export function urgencyOf(panel: Pick<PanelData, 'daysOfCover' | 'available'>, criticalDays = 14, warningDays = 30): Urgency {
  if (panel.available === 0) return 'critical';
  if (panel.daysOfCover === null) return 'unknown';
  if (panel.daysOfCover < criticalDays) return 'critical';
  if (panel.daysOfCover < warningDays) return 'warning';
  return 'ok';
}

const STYLE = `
:host { all: initial; display: block; font: 12px/1.35 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; }
.panel { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 2px 6px; margin: 2px 0; border-left: 3px solid #8c959f; background: #f6f8fa; border-radius: 3px; max-width: 100%; box-sizing: border-box; }
.panel[data-urgency="critical"] { border-color: #cf222e; }
.panel[data-urgency="warning"] { border-color: #bf8700; }
.panel[data-urgency="ok"] { border-color: #1a7f37; }
.cover { font-weight: 600; }
.panel[data-urgency="critical"] .cover { color: #cf222e; }
.panel[data-urgency="warning"] .cover { color: #9a6700; }
.panel[data-urgency="ok"] .cover { color: #1a7f37; }
.muted { color: #57606a; }
.warn { color: #cf222e; font-weight: 600; }
`;

function span(doc: Document, className: string, testId: string, text: string): HTMLSpanElement {
  const el = doc.createElement('span');
  el.className = className;
  el.dataset.testid = testId;
  el.textContent = text;
  return el;
}

/** Replaces the shadow root's content with the panel for `data` (or a pending note). */
export function renderPanel(shadow: ShadowRoot, data: PanelData | undefined, language: Language): void {
  const doc = shadow.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'panel';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Stock Copilot');
  if (!data) {
    box.dataset.urgency = 'unknown';
    box.append(span(doc, 'muted', 'pending', t(language, 'panel.pending')));
    shadow.replaceChildren(style, box);
    return;
  }
  box.dataset.urgency = urgencyOf(data);
  const cover =
    data.available === 0
      ? t(language, 'panel.outOfStock')
      : data.daysOfCover === null
        ? t(language, 'panel.noSales')
        : `${t(language, 'panel.daysOfCover')}: ${t(language, 'panel.days', { days: formatNumber(language, Math.floor(data.daysOfCover)) })}`;
  box.append(span(doc, 'cover', 'days-of-cover', cover));
  if (data.stockoutDate && data.available !== 0) box.append(span(doc, 'muted', 'stockout', t(language, 'panel.stockout', { date: formatDate(language, data.stockoutDate) })));
  if (data.reorderQuantity && data.reorderQuantity > 0 && data.reorderDate) {
    box.append(span(doc, '', 'reorder', t(language, 'panel.reorderBy', { quantity: formatNumber(language, data.reorderQuantity), date: formatDate(language, data.reorderDate) })));
  }
  if (data.healthScore !== null) box.append(span(doc, 'muted', 'health', t(language, 'panel.health', { score: data.healthScore })));
  if (data.oversell) box.append(span(doc, 'warn', 'oversell', t(language, 'panel.oversell', { listed: data.oversell.listedTotal, pool: data.oversell.poolAvailable })));
  if (data.clearance) box.append(span(doc, 'warn', 'clearance', t(language, 'panel.clearance', { action: data.clearance.action })));
  shadow.replaceChildren(style, box);
}
