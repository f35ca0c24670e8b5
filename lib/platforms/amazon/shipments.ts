/**
 * Amazon Seller Central "Shipments" (Send to Amazon's shipment list, and the classic Shipping
 * queue at /gp/ssof/shipping-queue.html): one row per inbound shipment to Amazon's fulfilment
 * centres, with its name and id, destination, status, units expected and located, and, where
 * the page shows one, the estimated arrival or delivery window. It lists shipments, not SKUs:
 * the shipments go to the background as shipments (lib/inbound/shipments.ts), never as listing
 * readings, and a shipment dates a listing's inbound once the seller ties the two (options page,
 * "Inbound arrivals"). No row panels: the page has no SKU rows to put them on.
 *
 * Selectors and the UI variant they match (tests/fixtures/amazon/shipments.en.md):
 * - grid: any `<table>`, Katal `kat-table` or ARIA grid whose headers name the shipment and its
 *   status (?: the page's markup is not publicly documented);
 * - shipment id: the `FBA…` id in the Shipment ID column, else in the name cell, where the
 *   classic queue prints it under the name (?);
 * - arrival: one date or a window of two ("Dec 18, 2026 - Dec 22, 2026") in the estimated
 *   arrival / delivery window column; whether every account sees such a column is uncertain (?):
 *   without it the shipments are still read, undated.
 */
import { shipmentReadingSchema, shipmentStatusFromText, type ShipmentReading } from '../../inbound/shipments';
import type { PageRead, ReadContext } from '../types';
import { definePage, fieldsOf } from '../shared/define-page';
import { findGrid, type Grid } from '../shared/grid';
import { CellReader, cellText, guardedParse, type Diagnostics } from '../shared/read';
import { reportTaughtDisagreements } from '../shared/taught-columns';
import { SHIPMENT_FILLS, warnMissingOptional } from '../shared/optional-columns';

const FIELDS = ['shipmentName', 'shipmentId', 'shipTo', 'shipmentStatus', 'unitsExpected', 'unitsLocated', 'arrivalWindow'] as const;
type F = (typeof FIELDS)[number];
/** Without a status column the page is not read (the shipment id may come from its column or the name cell). */
const REQUIRED: readonly F[] = ['shipmentStatus'];

const TITLE = 'Shipments';
/** Amazon's inbound shipment id (FBA + 5-12 capitals and digits, e.g. FBA17XYZ12AB, FBAPMK5M), also when the name runs into it without a space. */
const SHIPMENT_ID = /\bFBA[0-9A-Z]{5,12}\b/;
/** A cell that shows nothing ("—", "-", "n/a"). */
const EMPTY = /^(|-|—|–|--|n\/a)$/i;

/**
 * The shipment id a cell shows: an element of its own holding just the id (printed under the
 * name, as the classic queue does, so its text runs into the name's), else one in its text, else
 * the one its link to the shipment's own page names (a name cell that prints no id still links
 * to `/fba/sendtoamazon/shipment/FBA…`).
 */
function shipmentIdIn(cell: Element | undefined): string | undefined {
  if (!cell) return undefined;
  for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
    const text = cellText(el);
    if (text.length <= 20 && SHIPMENT_ID.test(text) && SHIPMENT_ID.exec(text)![0] === text) return text;
  }
  return SHIPMENT_ID.exec(cellText(cell))?.[0] ?? SHIPMENT_ID.exec(cell.querySelector('a[href*="FBA"]')?.getAttribute('href') ?? '')?.[0];
}
/** What separates the two days of a window ("Dec 18, 2026 - Dec 22, 2026", "18.12.2026 – 22.12.2026", "12月18日至12月22日"). */
const WINDOW_SEPARATOR = /\s+[-–—~〜]\s+|\s*[–—~〜]\s*|\s+(?:to|bis|au|al)\s+|至|到/;

/**
 * The window a cell shows: one day (both ends the same) or two; undefined ends when unreadable.
 * @example arrivalWindow(reader, 'Dec 18, 2026 - Dec 22, 2026') // { arrivalFrom: '2026-12-18', arrivalTo: '2026-12-22' }
 */
export function arrivalWindow(read: CellReader, raw: string): Pick<ShipmentReading, 'arrivalFrom' | 'arrivalTo'> {
  const parts = raw.split(WINDOW_SEPARATOR).map((p) => read.tryDate(p.trim()));
  const days = parts.filter((d): d is string => d !== undefined).sort();
  if (days.length === 0) return {};
  return { arrivalFrom: days[0]!, arrivalTo: days[days.length - 1]! };
}

/** One shipment row; undefined (with a warning) when it names no shipment id. */
function readShipment(grid: Grid<F>, row: Element, read: CellReader, diags: Diagnostics, index: number): ShipmentReading | undefined {
  const cells = grid.cellsOf(row);
  const col = (f: F) => {
    const i = grid.map.columns.get(f);
    return i === undefined ? undefined : cells[i];
  };
  const name = cellText(col('shipmentName'));
  const shipmentId = shipmentIdIn(col('shipmentId')) ?? shipmentIdIn(col('shipmentName'));
  if (!shipmentId) {
    diags.add('warning', 'no-shipment-id', `Row ${index + 1} shows no shipment id (FBA…); it was not read.`, {}, index + 1);
    return undefined;
  }
  const label = shipmentId;
  const shownName = name.replace(shipmentId, '').replace(/\s+/g, ' ').trim();
  // The fulfilment centre's code ("PHX7 - Phoenix, AZ"), else what the cell says.
  const shipTo = cellText(col('shipTo'));
  const destination = EMPTY.test(shipTo) ? undefined : (/\b[A-Z]{3}\d{1,2}\b/.exec(shipTo)?.[0] ?? shipTo.slice(0, 40));
  const expected = col('unitsExpected');
  const located = col('unitsLocated');
  const arrival = col('arrivalWindow');
  const shipment: ShipmentReading = {
    shipmentId,
    ...(shownName ? { name: shownName.slice(0, 200) } : {}),
    ...(destination ? { destination } : {}),
    status: shipmentStatusFromText(cellText(col('shipmentStatus'))),
    ...(expected ? optionalCount('unitsExpected', read.quantity(cellText(expected), 'unitsExpected', label)) : {}),
    ...(located ? optionalCount('unitsLocated', read.quantity(cellText(located), 'unitsLocated', label)) : {}),
    ...(arrival ? arrivalWindow(read, cellText(arrival)) : {}),
  };
  const valid = shipmentReadingSchema.safeParse(shipment);
  if (!valid.success) {
    diags.add('warning', 'invalid-row', `Shipment ${label} could not be read (${valid.error.issues[0]?.path.join('.') ?? ''}).`, {}, label);
    return undefined;
  }
  return valid.data;
}

const optionalCount = <K extends 'unitsExpected' | 'unitsLocated'>(key: K, value: number | undefined) => (value === undefined ? {} : { [key]: value });

/** Reads the shipments; no listing rows and no anchors (the page has no SKU rows). */
function readShipmentsPage(root: ParentNode, ctx: ReadContext): PageRead {
  return guardedParse('amazon/shipments', (diags) => {
    const empty: PageRead = { rows: [], anchors: [], diagnostics: diags.list, shipments: [] };
    const taught = ctx.taughtColumns ?? [];
    const grid = findGrid(root, FIELDS, REQUIRED, undefined, taught);
    if (!grid) return empty;
    reportTaughtDisagreements(grid.headers, FIELDS, taught, grid.map.columns, diags);
    const { columns } = grid.map;
    // The shipment is named by its id column or its name cell; the status says whether it is still on its way.
    if (!columns.has('shipmentId') && !columns.has('shipmentName')) diags.missingColumn('shipmentId', TITLE);
    if (!columns.has('shipmentStatus')) diags.missingColumn('shipmentStatus', TITLE);
    if (diags.list.some((d) => d.code === 'missing-column')) return empty;
    const read = new CellReader(ctx, diags);
    const seen = new Set<string>();
    const shipments: ShipmentReading[] = [];
    grid.rows.forEach((row, index) => {
      const shipment = readShipment(grid, row, read, diags, index);
      if (!shipment || seen.has(shipment.shipmentId)) return;
      seen.add(shipment.shipmentId);
      shipments.push(shipment);
    });
    // A missing optional column (ship-to, units, arrival window…) is said; the id may be in the name cell.
    warnMissingOptional({ adapter: { title: TITLE }, fields: FIELDS, required: REQUIRED }, columns, shipments, SHIPMENT_FILLS, diags);
    return { ...empty, shipments };
  });
}

function matchesShipments(url: URL): boolean {
  return /^\/gp\/ssof\/shipping-queue\.html$/.test(url.pathname) || /^\/fba\/(sendtoamazon\/)?(shipments|shipping-queue|inbound-queue)\/?$/.test(url.pathname);
}

export const adapter = definePage({
  id: 'amazon/shipments',
  platform: 'amazon',
  title: TITLE,
  matches: matchesShipments,
  openPath: '/gp/ssof/shipping-queue.html',
  examples: {
    matches: ['https://sellercentral.amazon.com/gp/ssof/shipping-queue.html', 'https://sellercentral.amazon.de/fba/sendtoamazon/shipments'],
    doesNotMatch: [
      'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents',
      'https://sellercentral.amazon.com/fba/sendtoamazon/shipments/FBA17XYZ12AB',
    ],
  },
  fields: fieldsOf(FIELDS, REQUIRED, { shipmentId: ['label', 'link'] }),
  parse: readShipmentsPage,
  containerSelector: 'kat-table, table, [role="grid"], [role="table"]',
  panelPlacement: { where: 'strip', variant: 'no row panels: the page lists shipments, not SKUs' },
});
export default adapter;
