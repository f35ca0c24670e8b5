/**
 * Look-alike styling for the demo pages, so screenshots show panels in a page that looks like
 * the real seller page. Selectors match the class-name prefixes of the real CSS modules (the
 * hashed suffixes vary) and the Katal / eBay / Walmart elements, exactly as the readers do.
 */
import { ACCOUNT_HEADER_STYLE } from './account-header';

const common = `
body { margin: 0; font: 13px/1.4 "Amazon Ember", Arial, sans-serif; color: #0f1111; background: #f2f4f8; }
h1 { font-size: 20px; font-weight: 600; margin: 0; padding: 14px 20px; background: #fff; border-bottom: 1px solid #d5d9d9; }
a { color: #007185; text-decoration: none; }
img { width: 44px; height: 44px; background: #e3e6e6; border-radius: 3px; }
input[type="text"], input:not([type]) { width: 60px; }
`;

const amazonJanus = `
${common}
[class^="JanusTable-module__table--"] { margin: 16px 20px; background: #fff; border: 1px solid #d5d9d9; border-radius: 6px; }
[class^="JanusTable-module__tableHeaderRow--"], [class^="JanusTable-module__tableContentRow--"] {
  display: grid; grid-template-columns: 32px 70px 56px minmax(320px, 3fr) 90px 80px 70px 70px 90px 90px 110px 90px; gap: 0 8px; align-items: start; padding: 8px 12px; border-bottom: 1px solid #eaeded; }
[class^="JanusTable-module__tableHeaderRow--"] { font-weight: 700; background: #f7fafa; }
[class^="JanusSplitBox-module__row--"] { display: flex; gap: 6px; color: #565959; font-size: 12px; }
[class^="JanusSplitBox-module__panel--"]:first-child { min-width: 44px; }
kat-label::before { content: attr(text); display: inline-block; padding: 1px 6px; border-radius: 8px; background: #e7f4f5; font-size: 11px; }
kat-pagination { display: block; margin: 0 20px 20px; }
`;

const katTable = `
${common}
kat-table { display: table; margin: 16px 20px; background: #fff; border: 1px solid #d5d9d9; border-collapse: collapse; }
kat-table-head, kat-table-body { display: table-row-group; }
kat-table-row { display: table-row; }
kat-table-cell, kat-table-head kat-table-cell { display: table-cell; padding: 6px 10px; border-bottom: 1px solid #eaeded; vertical-align: top; }
kat-table-head kat-table-cell { font-weight: 700; background: #f7fafa; }
`;

const tables = `
${common}
table { margin: 16px 20px; background: #fff; border-collapse: collapse; border: 1px solid #d5d9d9; }
th, td { padding: 6px 10px; border-bottom: 1px solid #eaeded; text-align: left; vertical-align: top; }
th { background: #f7fafa; }
[role="columnheader"] { font-weight: 700; }
[role="row"] { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(80px, 1fr); gap: 8px; padding: 6px 12px; border-bottom: 1px solid #eaeded; background: #fff; }
`;

/** Inserts the look-alike stylesheet into a built page for its platform and page type. */
export function withDemoStyle(html: string, kind: 'amazon-janus' | 'kat-table' | 'table'): string {
  const css = kind === 'amazon-janus' ? amazonJanus : kind === 'kat-table' ? katTable : tables;
  return html.replace('</head>', `<style>${css}${ACCOUNT_HEADER_STYLE}</style></head>`);
}
