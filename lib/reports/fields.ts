/**
 * Field readers shared by several reports: identifiers that must match the record schema
 * exactly (ASIN, GTIN), and the sites' many words for listing status and fulfilment channel
 * (order status words are shared with the page readers: lib/locale/order-status.ts).
 */
import type { FulfillmentChannel, ListingStatus } from '../records';
import type { RowReader } from './definition';

/**
 * An ASIN cell, or undefined with a warning when it is not ten letters/digits.
 * @example // ' b00example ' -> 'B00EXAMPLE'
 */
export function readAsin<K extends string>(r: RowReader<K>, key: K): string | undefined {
  const raw = r.raw(key);
  if (raw === undefined) return undefined;
  const asin = raw.toUpperCase();
  if (/^[A-Z0-9]{10}$/.test(asin)) return asin;
  r.warn(key, 'bad-asin', { value: raw.slice(0, 40) });
  return undefined;
}

/**
 * A GTIN/UPC/EAN cell (8-14 digits; Excel's "1.23E+11" and stray spaces are refused), first
 * readable key wins.
 * @example // '0 12345 67890 5' -> undefined + warning; '012345678905' -> '012345678905'
 */
export function readGtin<K extends string>(r: RowReader<K>, ...keys: K[]): string | undefined {
  for (const key of keys) {
    const raw = r.raw(key);
    if (raw === undefined) continue;
    const digits = raw.replace(/^'/, '');
    if (/^\d{8,14}$/.test(digits)) return digits;
    if (/^(?:does not apply|nicht zutreffend|n\/?a|non applicable|no aplicable)$/i.test(digits)) continue;
    r.warn(key, 'bad-gtin', { value: raw.slice(0, 40) });
  }
  return undefined;
}

/**
 * An identifier cut to a schema limit, warning when cut (an identifier cut short is another id).
 * @example // fnsku 'X001ABCDEF' -> 'X001ABCDEF'
 */
export function readId<K extends string>(r: RowReader<K>, key: K, max: number): string | undefined {
  const raw = r.raw(key);
  if (raw === undefined) return undefined;
  if (raw.length <= max) return raw;
  r.warn(key, 'id-too-long', { max });
  return undefined;
}

/**
 * Listing status words: Amazon "Active"/"Inactive"/"Incomplete", Walmart publish and
 * lifecycle states, translations.
 * @example listingStatusOf('PUBLISHED') // 'active'
 * @example listingStatusOf('Inaktiv') // 'inactive'
 */
export function listingStatusOf(raw: string | undefined): ListingStatus | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase();
  if (/suppress|unterdrückt|已禁止显示|禁止显示|非表示|停止中/.test(s)) return 'suppressed';
  if (/incomplete|unvollständig|不完整|不完全|system_problem|stage|in_progress|in progress/.test(s)) return 'incomplete';
  if (/out of stock|out_of_stock|ausverkauft|缺货|在庫切れ/.test(s)) return 'out_of_stock';
  if (/retired|archived|ended|beendet|已结束|終了/.test(s)) return 'ended';
  if (/inactive|inaktiv|unpublished|不可售|非アクティブ|停售|无在售/.test(s)) return 'inactive';
  if (/active|aktiv|published|在售|可售|アクティブ|出品中/.test(s)) return 'active';
  return undefined;
}

/**
 * Fulfilment channel words: Amazon "DEFAULT"/"AMAZON_NA"/"Amazon"/"Merchant", Walmart
 * "Seller Fulfilled"/"WFS", translations.
 * @example fulfillmentOf('AMAZON_EU') // 'FBA'
 * @example fulfillmentOf('DEFAULT') // 'SELLER'
 * @example fulfillmentOf('Walmart Fulfilled') // 'WFS'
 */
export function fulfillmentOf(raw: string | undefined): FulfillmentChannel | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase();
  if (/wfs|walmart/.test(s)) return 'WFS';
  if (/^(?:default|merchant|mfn|seller|fbm|self)|seller fulfilled|merchant fulfilled|卖家|自发货|出品者|händler|verkäufer/.test(s)) return 'SELLER';
  if (/^amazon|^afn|^fba|亚马逊|amazonから出荷|versand durch amazon/.test(s)) return 'FBA';
  return undefined;
}

/** Sum of the cells that are present; undefined when none is. */
export function sumOf<K extends string>(r: RowReader<K>, keys: K[]): number | undefined {
  let total: number | undefined;
  for (const k of keys) {
    const v = r.quantity(k);
    if (v !== undefined) total = (total ?? 0) + v;
  }
  return total;
}

/** Drops undefined fields so records compare cleanly and stay small. */
export function compact<T extends object>(o: T): T {
  // Copy rather than `delete`: deleting turns objects into slow dictionaries, and every
  // later step (schema check, store) reads these records 100,000 times per file.
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** The SKU cell; a row without one is refused (missing-sku). */
export function requireSku<K extends string>(r: RowReader<K>, key: K): string | undefined {
  const sku = r.text(key, 200);
  if (sku === undefined) r.reject('missing-sku');
  return sku;
}
