/**
 * "Copy page structure for a bug report": an anonymised skeleton of the page's table, small
 * enough to paste into a report. It keeps what says how the page is built (tags, structural
 * attributes, header texts, the labels of label/value lines such as "SKU:") and replaces the
 * seller's data (every body cell's text, identifiers in attributes, input values) by its shape:
 * `Bamboo Board 24,99 €` becomes `Xxxxxx Xxxxx 99,99 €`. Links, images and styles are left out.
 */
import { largestTable, type PageTable } from './shared/grid';
import { fulfillmentFromText, listingStatusFromText } from './shared/read';

/** Body rows kept: enough to show a parent, its variations and a plain row. */
const MAX_ROWS = 5;
/** Longest shaped text of one cell or attribute (a shape says its kind, not its whole length). */
const MAX_SHAPE = 40;
/** Longest skeleton: a paste-able report. */
const MAX_SKELETON = 30_000;

/** Attributes that describe the page's structure, never the seller's data: kept as they are. */
const STRUCTURAL = new Set(['class', 'role', 'scope', 'colspan', 'rowspan', 'type', 'slot', 'aria-sort', 'data-testid', 'data-automation-id', 'data-column']);
/** Attributes left out entirely (addresses, pictures, inline styles, handlers). */
const DROPPED = /^(href|src|srcset|style|on.*|alt|title|action|formaction|target|rel|sizes|loading|decoding)$/;
/** Labels of label/value lines the readers look for ("SKU: …"): kept, their values shaped. */
const LABELS =
  /^(SKU|MSKU|ASIN|FNSKU|GTIN|UPC|EAN|ISBN|ITEM ID|ITEM NUMBER|CUSTOM LABEL|CUSTOM LABEL \(SKU\)|SELLER SKU|MERCHANT SKU|QUANTITY|QTY|CONDITION|FULFILLED BY|FULFILMENT|FULFILLMENT|SHIP BY|ORDER ID|ORDER NUMBER|ITEM SUBTOTAL|ITEM PRICE|PRICE|卖家 SKU|商品编号|数量|配送者|VERKÄUFER-SKU|ARTIKELNUMMER|MENGE|ANZAHL|VERSAND DURCH|出品者SKU|商品番号|数量|出荷元)$/i;

/**
 * The shape of a text: capital letters as X, other letters (any script) as x, digits as 9,
 * everything else (spaces, punctuation, currency signs) kept; cut after MAX_SHAPE characters.
 * @example textShape('Bamboo Board 24,99 €') // 'Xxxxxx Xxxxx 99,99 €'
 * @example textShape('卖家 SKU-12') // 'xx XXX-99'
 */
export function textShape(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const shaped = collapsed.slice(0, MAX_SHAPE).replace(/\p{L}|\p{N}/gu, (c) => (/\p{N}/u.test(c) ? '9' : /\p{Lu}/u.test(c) ? 'X' : 'x'));
  return collapsed.length > MAX_SHAPE ? `${shaped}…` : shaped;
}

/** A variation parent's "3 variations" line (eBay), in the languages of its sites. */
const VARIATION_COUNT = /^\d+\s*(variations|varianten|variantes|varianti|个多属性|个变体|バリエーション)$/i;

/**
 * True for a short text that is one of the readers' own words (a fulfilment channel, a listing
 * status, a variation count): vocabulary of the page, not the seller's data, and what a bug report needs to see.
 * @example isReaderWord('Fulfilled by Amazon') // true
 */
function isReaderWord(text: string): boolean {
  if (text.length > 24 || text.split(' ').length > 3) return false;
  if (VARIATION_COUNT.test(text)) return true;
  return fulfillmentFromText(text) !== undefined || listingStatusFromText(text) !== 'unknown';
}

/**
 * A body cell's line: a known label kept, the rest shaped ("SKU: AB-1" -> "SKU: XX-9").
 * @example lineShape('SKU: AB-1') // 'SKU: XX-9'
 */
function lineShape(text: string): string {
  if (isReaderWord(text)) return text;
  const colon = text.search(/[:：]/);
  if (colon > 0 && LABELS.test(text.slice(0, colon).trim()))
    return `${text.slice(0, colon + 1)}${text[colon + 1] === ' ' ? ' ' : ''}${textShape(text.slice(colon + 1))}`;
  return textShape(text);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** What the walk needs to know about the table. */
interface Walk {
  headers: ReadonlySet<Element>;
  skipped: ReadonlySet<Element>;
}

function attributesOf(el: Element, inHeader: boolean): string {
  let out = '';
  for (const { name, value } of Array.from(el.attributes)) {
    if (DROPPED.test(name)) continue;
    const kept = STRUCTURAL.has(name) || (inHeader && name === 'aria-label');
    out += ` ${name}="${escapeAttribute(kept ? value.slice(0, 200) : textShape(value))}"`;
  }
  const live = el.tagName === 'INPUT' ? (el as HTMLInputElement).value : undefined;
  if (live && !el.hasAttribute('value')) out += ` value="${escapeAttribute(textShape(live))}"`;
  return out;
}

function skeletonOf(el: Element, walk: Walk, inHeader: boolean): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'img' || tag === 'template') return '';
  const header = inHeader || walk.headers.has(el);
  let inner = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      if (!walk.skipped.has(node as Element)) inner += skeletonOf(node as Element, walk, header);
    } else if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) inner += escapeText(header ? text.slice(0, 200) : lineShape(text));
    }
  }
  return /^(input|br|hr|col|wbr)$/.test(tag) ? `<${tag}${attributesOf(el, header)}>` : `<${tag}${attributesOf(el, header)}>${inner}</${tag}>`;
}

/**
 * The skeleton of one table: its container with the header row and the first MAX_ROWS body rows.
 * @example tableSkeleton(largestTable(document)!) // '<table role="grid" …><thead>…Title…</thead><tbody><tr …><td …>Xxxxxx …</td>…'
 */
export function tableSkeleton(table: PageTable): string {
  const walk: Walk = { headers: new Set(table.headerCells), skipped: new Set(table.rows.slice(MAX_ROWS)) };
  return skeletonOf(table.container, walk, false);
}

/**
 * The page's skeleton for a bug report, with a first line saying which page type and how many
 * rows (the path shaped too: order pages carry order numbers in it); undefined without a table.
 * @example pageSkeleton(document, 'ebay/active-listings', new URL(location.href))?.startsWith('<!-- Stock Copilot page structure') // true
 */
export function pageSkeleton(root: ParentNode, pageType: string, url: URL): string | undefined {
  const table = largestTable(root);
  if (!table) return undefined;
  const path = url.pathname.replace(/[^/]+/g, (part) => (/\d/.test(part) ? textShape(part) : part));
  const head = `<!-- Stock Copilot page structure: ${pageType} on ${url.host}${path}, ${table.headerCells.length} columns, ${table.rows.length} rows (${Math.min(MAX_ROWS, table.rows.length)} shown) -->`;
  return `${head}\n${tableSkeleton(table)}`.slice(0, MAX_SKELETON);
}
