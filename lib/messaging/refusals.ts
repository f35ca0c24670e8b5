/**
 * What the background refuses to do for the seller (a shipment it cannot date units by, a
 * warehouse it cannot delete, an order that is gone), declared once: each code with the catalogue
 * entry that says it. The background throws refusalMessage (the operation is refused as
 * before); the options page reads it back (refusalOf) and says it in the seller's language.
 * The facts travel as params (JSON after the code), so both languages name the same ones.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { codedErrorMessage, codedErrorOf } from './coded-error';

const REFUSALS = {
  /** A listing the page showed is not stored (data deleted meanwhile). Params: platform, marketplace, sku. */
  'listing-missing': 'options.products.listingMissing',
  /** A return the page showed is not stored. Params: id. */
  'return-missing': 'options.products.returnMissing',
  'warehouse-name-required': 'options.warehouses.nameRequired',
  /** Params: max, length. */
  'warehouse-name-too-long': 'options.warehouses.nameTooLong',
  /** Params: name (the other warehouse's). */
  'warehouse-name-taken': 'options.warehouses.nameTaken',
  /** Params: id. */
  'warehouse-missing': 'options.warehouses.missing',
  /** `own:main` is every seller-fulfilled listing's automatic pool. */
  'warehouse-default-kept': 'options.warehouses.defaultKept',
  /** Params: name, listings (how many draw from it). */
  'warehouse-in-use': 'options.warehouses.inUse',
  /** An FBA or WFS pool chosen as a warehouse. Params: poolId. */
  'warehouse-not-own': 'options.warehouses.notOwn',
  /** Only a seller-fulfilled listing's stock is in an own warehouse. Params (these three): sku, marketplace. */
  'stock-at-amazon': 'options.warehouses.atAmazon',
  'stock-at-walmart': 'options.warehouses.atWalmart',
  'channel-unknown': 'options.warehouses.channelUnknown',
  /** No shipment of that id read on the listing's marketplace. Params: shipmentId, marketplace. */
  'shipment-missing': 'options.inbound.shipmentMissing',
  /** The shipment shows no estimated arrival and the seller typed none. Params: shipmentId. */
  'shipment-without-arrival': 'options.inbound.shipmentNoArrival',
  /** Params: platform, marketplace, sku. */
  'nothing-inbound': 'options.inbound.nothingInbound',
  /** A product the page showed is gone (its listings moved or deleted meanwhile). */
  'product-missing': 'options.products.productMissing',
  /** A seller account no page has shown (or one deleted meanwhile). Params: account. */
  'account-missing': 'accounts.missing',
  /** An account chosen to be merged into itself. */
  'account-merge-self': 'accounts.mergeSame',
  /**
   * A stored reading (or order line) of the account merged away no longer passes today's checks,
   * so nothing was merged. Params: account, reason (the check's own words, for a bug report).
   */
  'account-merge-bad-reading': 'accounts.mergeBadReading',
  'account-merge-bad-order-line': 'accounts.mergeBadOrderLine',
  /** A placed order the page showed is gone (cancelled elsewhere). Params: id. */
  'order-missing': 'purchase.placed.missing',
} as const satisfies Record<string, MessageKey>;
export type RefusalCode = keyof typeof REFUSALS;
const CODES = Object.keys(REFUSALS) as RefusalCode[];

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type RefusalParams = z.infer<typeof paramsSchema>;

const FAMILY = 'refused';

/**
 * The text of an error the background throws to refuse an operation.
 * @example refusalMessage('order-missing', { id: 'po-1' }) // 'refused:order-missing {"id":"po-1"}'
 */
export function refusalMessage(code: RefusalCode, params: RefusalParams = {}): string {
  return codedErrorMessage(FAMILY, code, Object.keys(params).length > 0 ? JSON.stringify(params) : '');
}

/**
 * The refusal an error carries with its catalogue key and params, or undefined for any other error.
 * @example refusalOf(new Error('refused:order-missing {"id":"po-1"}')) // { code: 'order-missing', key: 'purchase.placed.missing', params: { id: 'po-1' } }
 */
export function refusalOf(error: unknown): { code: RefusalCode; key: MessageKey; params: RefusalParams } | undefined {
  const coded = codedErrorOf(FAMILY, CODES, error);
  if (!coded) return undefined;
  const params = coded.detail === '' ? {} : paramsOf(coded.detail);
  return params && { code: coded.code, key: REFUSALS[coded.code], params };
}

/** The params JSON after a code, or undefined when it is not params (not a refusal then). */
function paramsOf(detail: string): RefusalParams | undefined {
  try {
    const parsed = paramsSchema.safeParse(JSON.parse(detail));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
