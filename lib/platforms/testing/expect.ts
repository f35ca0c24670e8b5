/**
 * Compares what an adapter read with the builder input that produced the page: the
 * round-trip check behind every builder-made fixture.
 */
import type { DemoListing } from '../../../tests/fixtures/builders/types';
import type { ListingObservation } from '../../records';

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
