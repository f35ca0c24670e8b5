/**
 * Optional columns a page lacks (issue 18: only identity and a quantity are required; every other
 * missing column is a warning, and the rows are still read). One rule for every page type:
 * listing pages (./listing-page.ts, Manage All Inventory, Business Reports), order pages
 * (./order-page.ts) and the shipments pages (amazon/shipments, amazon/shipment-contents). Each
 * kind of record says here which value each column fills, so that a column whose values were
 * found another way (a label/value line in the product cell, the page type's default channel, a
 * status the URL names) is not called missing.
 */
import type { HeaderField } from '../../locale/headers';
import type { ShipmentItem, ShipmentReading } from '../../inbound/shipments';
import type { ListingObservation, Observation, OrderObservation } from '../../records';
import type { Diagnostics } from './read';

/** What a page type says of its columns, for the warning: which it reads, which it cannot do without, which a known variant lacks. */
interface PageColumns<F extends HeaderField> {
  adapter: { title: string };
  fields: readonly F[];
  required: readonly F[];
  /**
   * Optional columns a known UI variant of the page type legitimately lacks (said where the page
   * type is declared): no warning when they are missing.
   */
  mayBeAbsent?: readonly F[];
}

/** Per column, the value it fills in one kind of record (undefined or '' when a record has none). */
type Fills<R> = Partial<Record<HeaderField, (r: R) => unknown>>;

/** What each listing column fills. */
const LISTING_FILLS: Fills<ListingObservation> = {
  title: (r) => r.title || undefined,
  productDetails: (r) => r.title || r.asin,
  sku: (r) => r.sku,
  asin: (r) => r.asin,
  fnsku: (r) => r.fnsku,
  itemId: (r) => r.itemId,
  gtin: (r) => r.gtin,
  status: (r) => r.status,
  publishStatus: (r) => r.status,
  lifecycleStatus: (r) => r.status,
  available: (r) => r.available,
  inbound: (r) => r.inbound,
  reserved: (r) => r.reserved,
  unfulfillable: (r) => r.unfulfillable,
  price: (r) => r.price,
  startDate: (r) => r.startDate,
  dateCreated: (r) => r.startDate,
  unitsSold7: (r) => r.unitsSold?.find((w) => w.windowDays === 7),
  unitsSold30: (r) => r.unitsSold?.find((w) => w.windowDays === 30),
  unitsSold60: (r) => r.unitsSold?.find((w) => w.windowDays === 60),
  unitsSold90: (r) => r.unitsSold?.find((w) => w.windowDays === 90),
  unitsOrdered: (r) => r.unitsSold,
  daysOfSupply: (r) => r.platformDaysOfSupply,
  historicalDaysOfSupply: (r) => r.platformHistoricalDaysOfSupply,
  recommendedAction: (r) => r.recommendedAction,
  storageCost: (r) => r.estimatedStorageCost,
  recommendedQuantity: (r) => r.recommendedQuantity,
  recommendedShipDate: (r) => r.recommendedShipDate,
  alert: (r) => r.alert,
  watchers: (r) => r.watchers,
  soldQuantity: (r) => r.cumulativeSold,
  variation: (r) => r.variation,
  // A channel no clue told is left out of the record (unknown), so a told one was found another way.
  fulfillment: (r) => r.fulfillment,
};

/**
 * What each order column fills: the order-details cell carries the order id (and a "Fulfilled
 * by" line), the product cell the SKU and quantity lines; a status may come from the URL's filter
 * and a channel from the page type (eBay: the seller ships).
 */
const ORDER_FILLS: Fills<OrderObservation> = {
  orderId: (r) => r.orderId,
  orderDetails: (r) => r.orderId,
  orderDate: (r) => r.orderDate,
  orderStatus: (r) => r.status,
  orderProduct: (r) => r.sku,
  sku: (r) => r.sku,
  quantity: (r) => r.quantity,
  itemPrice: (r) => r.itemPrice,
  fulfillment: (r) => r.fulfillment,
};

/** Listing and order observations, each by its own kind's table. */
export const OBSERVATION_FILLS: Fills<Observation> = Object.fromEntries(
  [...new Set([...Object.keys(LISTING_FILLS), ...Object.keys(ORDER_FILLS)])].map((field) => {
    const listing = LISTING_FILLS[field as HeaderField];
    const order = ORDER_FILLS[field as HeaderField];
    return [field, (r: Observation) => (r.kind === 'listing' ? listing?.(r) : order?.(r))];
  }),
);

/** What each column of the Shipments list fills in a shipment (the id may sit in the name cell or its link). */
export const SHIPMENT_FILLS: Fills<ShipmentReading> = {
  shipmentName: (s) => s.name,
  shipmentId: (s) => s.shipmentId,
  shipTo: (s) => s.destination,
  shipmentStatus: (s) => s.status,
  unitsExpected: (s) => s.unitsExpected,
  unitsLocated: (s) => s.unitsLocated,
  arrivalWindow: (s) => s.arrivalFrom,
};

/** What each column of a shipment's contents fills in one SKU line (the product cell holds SKU, FNSKU and title lines). */
export const SHIPMENT_ITEM_FILLS: Fills<ShipmentItem> = {
  sku: (i) => i.sku,
  fnsku: (i) => i.fnsku,
  title: (i) => i.title,
  productDetails: (i) => i.title ?? i.fnsku,
  unitsExpected: (i) => i.unitsExpected,
  unitsLocated: (i) => i.unitsReceived,
};

/**
 * A 'missing-optional-column' warning for each optional column of the page type (its fields
 * that are not `required`, less `mayBeAbsent`) that the page lacks and no record found another
 * way (by `fills`): one warning per column, which the summary bar says in the seller's language
 * (the field's name is the one columns are taught with). The records are read all the same.
 * Nothing is said when nothing was read: no row was read without the column, and whether another
 * signal carries its values cannot be told.
 * @example warnMissingOptional({ adapter, fields: ['sku', 'price'], required: ['sku'] }, columnsWithoutPrice, rows, OBSERVATION_FILLS, diags) // diags gets one warning, column 'price'
 */
export function warnMissingOptional<F extends HeaderField, R>(
  page: PageColumns<F>,
  columns: ReadonlyMap<F, number>,
  records: readonly R[],
  fills: Fills<R>,
  diags: Diagnostics,
): void {
  if (records.length === 0) return;
  for (const column of page.fields) {
    if (columns.has(column) || page.required.includes(column) || page.mayBeAbsent?.includes(column)) continue;
    const filled = fills[column];
    if (filled && records.some((r) => filled(r) !== undefined && filled(r) !== '')) continue;
    diags.add('warning', 'missing-optional-column', `${page.adapter.title}: no "${column}" column was found; the rows were read without it.`, { column });
  }
}
