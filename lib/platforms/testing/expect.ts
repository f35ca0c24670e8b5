/**
 * Compares what an adapter read with the builder input that produced the page: the
 * round-trip check behind every builder-made fixture.
 */
import type { DemoListing, DemoOrder } from '../../../tests/fixtures/builders/types';
import type { FulfillmentChannel, ListingObservation, OrderObservation } from '../../records';

export type ListingField =
  | 'asin'
  | 'fnsku'
  | 'title'
  | 'status'
  | 'fulfillment'
  | 'parentSku'
  | 'available'
  | 'inbound'
  | 'reserved'
  | 'unfulfillable'
  | 'price'
  | 'startDate'
  | 'itemId'
  | 'gtin';

/** The fields of `input` the page shows, in record form (parents carry no stock or price). */
export function expectedFromDemo(input: DemoListing, fields: readonly ListingField[]): Partial<ListingObservation> {
  const out: Record<string, unknown> = {};
  const stock = !input.isParent;
  const fba = input.fulfillment !== 'SELLER';
  for (const f of fields) {
    switch (f) {
      case 'price':
        if (stock) out.price = { amountMinor: input.priceMinor, currency: input.currency };
        break;
      case 'available':
        if (stock) out.available = input.available;
        break;
      case 'inbound':
      case 'reserved':
      case 'unfulfillable':
        if (stock && fba) out[f] = input[f] ?? 0;
        break;
      case 'fulfillment':
        if (stock) out.fulfillment = input.fulfillment;
        break;
      case 'fnsku':
        if (input.fnsku && fba && stock) out.fnsku = input.fnsku;
        break;
      default:
        if (input[f] !== undefined) out[f] = input[f];
    }
  }
  return out;
}

/**
 * The order lines a page shows for `orders`, in page order, in record form: the unit price
 * (Walmart, eBay) or the line's subtotal (Amazon's "Item subtotal"), and the fulfilment the page
 * tells (Amazon's fulfilment line, eBay's seller default) when `fulfillment` says it.
 */
export function expectedOrderLines(
  orders: readonly DemoOrder[],
  price: 'unit' | 'line',
  fulfillment: (o: DemoOrder) => FulfillmentChannel | undefined = () => undefined,
): Partial<OrderObservation>[] {
  return orders.flatMap((o) =>
    o.lines.map((l) => {
      const channel = fulfillment(o);
      return {
        orderId: o.orderId,
        sku: l.sku,
        quantity: l.quantity,
        status: o.status,
        orderDate: o.orderDate,
        itemPrice: { amountMinor: price === 'unit' ? l.itemPriceMinor : l.itemPriceMinor * l.quantity, currency: o.currency },
        ...(channel ? { fulfillment: channel } : {}),
      };
    }),
  );
}
