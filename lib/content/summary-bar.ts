/**
 * A small bar fixed to the bottom corner of a seller page: how many rows were read, how many
 * are at risk, and anything the reader did not understand. Fixed position, so it never
 * shifts the page's own controls; in a shadow root, so the page's CSS cannot reach it.
 */
import type { Language } from '../i18n';
import { formatNumber } from '../i18n';
import type { PanelData } from '../messaging/protocol';
import type { Diagnostic } from '../records';
import { urgencyOf } from './panel-view';

export const SUMMARY_TAG = 'stock-copilot-summary';

const STYLE = `
:host { all: initial; position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
.bar { background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.12); padding: 6px 10px; max-width: 360px; }
.risk { color: #cf222e; font-weight: 600; }
ul { margin: 4px 0 0; padding-left: 16px; color: #9a6700; }
`;

const LABELS: Record<Language, { rows: string; atRisk: string; readAt: string }> = {
  en: { rows: '{n} SKUs read', atRisk: '{n} at risk', readAt: 'read {time}' },
  'zh-CN': { rows: '已读取 {n} 个 SKU', atRisk: '{n} 个有风险', readAt: '{time} 读取' },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** Creates or updates the summary bar for the current reading. */
export function renderSummaryBar(doc: Document, skus: readonly string[], panels: ReadonlyMap<string, PanelData>, diagnostics: readonly Diagnostic[], language: Language, readAt: Date): HTMLElement {
  let host = doc.querySelector(SUMMARY_TAG) as HTMLElement | null;
  if (!host) {
    host = doc.createElement(SUMMARY_TAG);
    host.attachShadow({ mode: 'open' });
    doc.body.append(host);
  }
  const labels = LABELS[language];
  const atRisk = skus.filter((sku) => {
    const panel = panels.get(sku);
    return panel !== undefined && urgencyOf(panel) === 'critical';
  }).length;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'status');
  const rows = doc.createElement('span');
  rows.dataset.testid = 'summary-rows';
  rows.textContent = fill(labels.rows, { n: formatNumber(language, new Set(skus).size) });
  const risk = doc.createElement('span');
  risk.className = atRisk ? 'risk' : '';
  risk.dataset.testid = 'summary-at-risk';
  risk.textContent = ` · ${fill(labels.atRisk, { n: formatNumber(language, atRisk) })}`;
  const time = doc.createElement('span');
  time.textContent = ` · ${fill(labels.readAt, { time: readAt.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' }) })}`;
  bar.append('Stock Copilot: ', rows, risk, time);
  if (diagnostics.length) {
    const list = doc.createElement('ul');
    list.dataset.testid = 'summary-diagnostics';
    for (const d of diagnostics.slice(0, 5)) {
      const item = doc.createElement('li');
      item.textContent = d.message;
      list.append(item);
    }
    bar.append(list);
  }
  host.shadowRoot!.replaceChildren(style, bar);
  return host;
}
