/**
 * Amazon Seller Central, one inbound shipment's contents: the "Contents" tab of a Send to Amazon
 * shipment (Shipments → a shipment → Track shipment / Contents) and the classic Shipping queue's
 * shipment summary (`/fba/inbound-shipment/summary/FBA…`, "Shipment contents"). One row per SKU
 * (MSKU) in the shipment, with its FNSKU and title, the units shipped (expected) and the units
 * received (located) so far. It is read as that shipment with the SKUs it holds
 * (lib/inbound/shipments.ts `items`): each SKU's units still to arrive (shipped − received) are
 * then tied to the shipment by themselves, and dated by its estimated arrival
 * (lib/inbound/arrivals.ts listingArrivals). Each SKU row shows its listing's panel (the
 * listing of that SKU in the page's marketplace and account, which the background answers with
 * the shipment: lib/background/inbound-handlers.ts): the rows are anchors, never readings, so a
 * shipment's units stay inbound and are never read as stock on hand.
 *
 * Fields, each by every signal the page gives (tests/fixtures/amazon/shipment-contents.*.md):
 * - shipment id: a "Shipment ID: FBA…" label/value pair on the page (any UI language's label),
 *   else the `FBA…` id in the URL's path or hash, else in the page's heading; when the label and
 *   the URL name different shipments the label wins and a warning names both;
 * - status and estimated arrival (or delivery window): label/value pairs of the shipment summary
 *   beside the table, when shown (?: the Contents tab may not repeat them; the Shipments list does);
 * - MSKU: the SKU column, else a "MSKU: …" / "SKU: …" line in the product cell, else the row's
 *   `data-sku` / `data-msku` attribute; FNSKU: its column, else a "FNSKU: …" line, else an
 *   `X00…` code in the product cell; title: its column, else the product cell's link;
 * - units shipped (required) and received: columns by header text in English, Chinese, German,
 *   Japanese (lib/locale/headers.ts `unitsExpected`, `unitsLocated`).
 */
import { shipmentReadingSchema, shipmentStatusFromText, type ShipmentItem, type ShipmentReading } from '../../inbound/shipments';
import { HEADER_SYNONYMS, normalizeHeader } from '../../locale/headers';
import type { PageRead, ReadContext, RowAnchor } from '../types';
import { definePage, fieldsOf } from '../shared/define-page';
import { findGrid, labelledValues, type Grid } from '../shared/grid';
import { CellReader, cellText, guardedParse, type Diagnostics } from '../shared/read';
import { reportTaughtDisagreements } from '../shared/taught-columns';
import { SHIPMENT_ITEM_FILLS, warnMissingOptional } from '../shared/optional-columns';
import { arrivalWindow } from './shipments';

const FIELDS = ['sku', 'fnsku', 'title', 'productDetails', 'unitsExpected', 'unitsLocated'] as const;
type F = (typeof FIELDS)[number];
/** Without the units shipped the page is not read (the SKU may come from its column or the product cell). */
const REQUIRED: readonly F[] = ['unitsExpected'];

const TITLE = 'Shipment contents';
/** Amazon's inbound shipment id (as on the Shipments page: lib/platforms/amazon/shipments.ts). */
const SHIPMENT_ID = /\bFBA[0-9A-Z]{5,12}\b/;
/** Amazon's fulfilment network SKU (X00… for seller-labelled units, else the ASIN's B0…). */
const FNSKU = /\b(X00[0-9A-Z]{7}|B0[0-9A-Z]{8})\b/;

/** The labels of a "Label: value" pair that names `field`, compared as headers are (any UI language). */
const labelsOf = (...fields: (keyof typeof HEADER_SYNONYMS)[]) => new Set(fields.flatMap((f) => HEADER_SYNONYMS[f].map(normalizeHeader)));
const SKU_LABELS = new Set([...labelsOf('sku'), 'msku']);
const FNSKU_LABELS = labelsOf('fnsku');
const ID_LABELS = labelsOf('shipmentId');
const STATUS_LABELS = labelsOf('shipmentStatus');
const ARRIVAL_LABELS = labelsOf('arrivalWindow');

/** The value of the first pair whose label is one of `labels`. */
function valueFor(pairs: ReadonlyMap<string, string>, labels: ReadonlySet<string>): string | undefined {
  for (const [label, value] of pairs) if (labels.has(normalizeHeader(label))) return value.trim();
  return undefined;
}

/** The shipment the page is about: its label/value pair, else the URL, else the heading; a warning when label and URL disagree. */
function shipmentIdOf(pairs: ReadonlyMap<string, string>, root: ParentNode, url: URL, diags: Diagnostics): string | undefined {
  const labelled = SHIPMENT_ID.exec(valueFor(pairs, ID_LABELS) ?? '')?.[0];
  const inUrl = SHIPMENT_ID.exec(`${url.pathname} ${decodeURIComponent(url.hash)}`)?.[0];
  if (labelled && inUrl && labelled !== inUrl)
    diags.add('warning', 'signals-disagree', `The page says shipment ${labelled}, its address ${inUrl}: ${labelled} was read.`, { field: 'shipmentId' });
  return labelled ?? inUrl ?? SHIPMENT_ID.exec(cellText(root.querySelector('h1, h2')))?.[0];
}

/** Status and estimated arrival from the shipment summary's pairs, when the page shows them. */
function summaryOf(pairs: ReadonlyMap<string, string>, read: CellReader): Pick<ShipmentReading, 'status' | 'arrivalFrom' | 'arrivalTo'> {
  return { status: shipmentStatusFromText(valueFor(pairs, STATUS_LABELS) ?? ''), ...arrivalWindow(read, valueFor(pairs, ARRIVAL_LABELS) ?? '') };
}

/** A row's cell of a field, by the grid's columns. */
function cellsBy(grid: Grid<F>, row: Element): (f: F) => Element | undefined {
  const cells = grid.cellsOf(row);
  return (f) => {
    const i = grid.map.columns.get(f);
    return i === undefined ? undefined : cells[i];
  };
}

/** A row's MSKU: a labelled line, else the SKU cell, else the row's data-sku / data-msku; with the row's label/value pairs. */
function skuOfRow(row: Element, col: (f: F) => Element | undefined): { sku: string | undefined; pairs: Map<string, string> } {
  const product = col('productDetails') ?? col('title');
  const pairs = new Map([...labelledValues(col('sku')), ...labelledValues(product)]);
  const skuCell = col('sku');
  const sku =
    valueFor(pairs, SKU_LABELS) ??
    (skuCell && !labelledValues(skuCell).size ? cellText(skuCell) : undefined) ??
    row.getAttribute('data-sku') ??
    row.getAttribute('data-msku') ??
    undefined;
  return { sku: sku || undefined, pairs };
}

/** One SKU line of the shipment; undefined (with a warning) when it names no SKU or no units. */
function readItem(grid: Grid<F>, row: Element, read: CellReader, diags: Diagnostics, index: number): ShipmentItem | undefined {
  const col = cellsBy(grid, row);
  const product = col('productDetails') ?? col('title');
  const { sku, pairs } = skuOfRow(row, col);
  if (!sku) {
    diags.add('warning', 'no-sku', `Row ${index + 1} shows no SKU (MSKU); it was not read.`, {}, index + 1);
    return undefined;
  }
  const fnsku = cellText(col('fnsku')) || valueFor(pairs, FNSKU_LABELS) || FNSKU.exec(cellText(product))?.[0];
  const title = cellText(col('title')) || cellText(product?.querySelector('a'));
  const expected = read.quantity(cellText(col('unitsExpected')), 'unitsExpected', sku);
  const located = col('unitsLocated');
  const received = located ? read.quantity(cellText(located), 'unitsLocated', sku) : undefined;
  if (expected === undefined) {
    diags.add('warning', 'invalid-row', `${sku} shows no units shipped; it was not read.`, {}, sku);
    return undefined;
  }
  return {
    sku: sku.slice(0, 200),
    ...(fnsku && FNSKU.test(fnsku) ? { fnsku: FNSKU.exec(fnsku)![0] } : {}),
    ...(title ? { title: title.slice(0, 200) } : {}),
    unitsExpected: expected,
    ...(received === undefined ? {} : { unitsReceived: received }),
  };
}

/**
 * The SKU lines of the grid, each SKU once (a SKU listed twice adds up: two cartons' lines), and
 * each line's row as an anchor for its listing's panel.
 */
function readItems(grid: Grid<F>, read: CellReader, diags: Diagnostics): { items: ShipmentItem[]; anchors: RowAnchor[] } {
  const bySku = new Map<string, ShipmentItem>();
  const anchors: RowAnchor[] = [];
  grid.rows.forEach((row, index) => {
    const item = readItem(grid, row, read, diags, index);
    if (!item) return;
    anchors.push({ sku: item.sku, element: row });
    const seen = bySku.get(item.sku);
    if (!seen) return void bySku.set(item.sku, item);
    seen.unitsExpected += item.unitsExpected;
    if (item.unitsReceived !== undefined) seen.unitsReceived = (seen.unitsReceived ?? 0) + item.unitsReceived;
  });
  return { items: [...bySku.values()], anchors };
}

/** Reads the shipment with its SKUs, and its SKU rows as panel anchors; no listing rows (the rows are a shipment's lines, not readings). */
function readShipmentContents(root: ParentNode, ctx: ReadContext): PageRead {
  return guardedParse('amazon/shipment-contents', (diags) => {
    const empty: PageRead = { rows: [], anchors: [], diagnostics: diags.list, shipments: [] };
    const taught = ctx.taughtColumns ?? [];
    const grid = findGrid(root, FIELDS, REQUIRED, undefined, taught);
    if (!grid) return empty;
    reportTaughtDisagreements(grid.headers, FIELDS, taught, grid.map.columns, diags);
    const { columns } = grid.map;
    // The SKU is its own column or a line in the product cell; the units shipped are what is on the way.
    if (!columns.has('sku') && !columns.has('productDetails') && !columns.has('title')) diags.missingColumn('sku', TITLE);
    // A product cell without SKU lines (a title column) on rows without data-sku: the SKU column
    // is missing, said once rather than as one skipped line per row.
    else if (!columns.has('sku') && grid.rows.length > 0 && !grid.rows.some((row) => skuOfRow(row, cellsBy(grid, row)).sku)) diags.missingColumn('sku', TITLE);
    if (!columns.has('unitsExpected')) diags.missingColumn('unitsExpected', TITLE);
    if (diags.list.some((d) => d.code === 'missing-column')) return empty;
    // The summary's "Shipment ID: …" pairs sit beside the table, anywhere on the page.
    const scope = (root as Document).body ?? (root as Element);
    const pairs = labelledValues(scope);
    const shipmentId = shipmentIdOf(pairs, root, ctx.url, diags);
    if (!shipmentId) {
      diags.add('error', 'no-shipment-id', `${TITLE}: the page names no shipment id (FBA…), so its contents were not read.`, {});
      return empty;
    }
    const read = new CellReader(ctx, diags);
    const { items, anchors } = readItems(grid, read, diags);
    // A missing optional column (FNSKU, title, units received) is said; the product cell may hold them.
    warnMissingOptional({ adapter: { title: TITLE }, fields: FIELDS, required: REQUIRED }, columns, items, SHIPMENT_ITEM_FILLS, diags);
    const shipment = { shipmentId, ...summaryOf(pairs, read), items };
    const valid = shipmentReadingSchema.safeParse(shipment);
    if (!valid.success) {
      diags.add('warning', 'invalid-row', `Shipment ${shipmentId} could not be read (${valid.error.issues[0]?.path.join('.') ?? ''}).`, {}, shipmentId);
      return empty;
    }
    return { ...empty, anchors, shipments: [valid.data] };
  });
}

function matchesShipmentContents(url: URL): boolean {
  return (
    /^\/fba\/(inbound-shipment\/summary|sendtoamazon\/shipments?|sendtoamazon\/track-shipment)\/FBA[0-9A-Z]{5,12}(\/(contents|track|tracking|summary))?\/?$/.test(
      url.pathname,
    ) ||
    (/^\/gp\/fba\/inbound-shipment-workflow\/index\.html/.test(url.pathname) && SHIPMENT_ID.test(decodeURIComponent(url.hash)))
  );
}

export const adapter = definePage({
  id: 'amazon/shipment-contents',
  platform: 'amazon',
  title: TITLE,
  matches: matchesShipmentContents,
  examples: {
    matches: [
      'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents',
      'https://sellercentral.amazon.de/fba/sendtoamazon/shipment/FBA17XYZ12AB',
    ],
    doesNotMatch: [
      'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html',
      'https://sellercentral.amazon.com/fba/inbound-shipment/summary/NOTANID/contents',
    ],
  },
  fields: fieldsOf(FIELDS, REQUIRED, { sku: ['label', 'hint'], fnsku: ['label'], title: ['link'] }),
  parse: readShipmentContents,
  containerSelector: 'kat-table, table, [role="grid"], [role="table"]',
  // The rows' cells are narrow counts and the product cell holds two lines already: a strip under each row.
  panelPlacement: { where: 'strip', variant: 'Send to Amazon Contents tab and the classic shipment summary: one table row per SKU line' },
});
export default adapter;
