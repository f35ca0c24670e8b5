/**
 * eBay Seller Hub CSV downloads: active listings and orders.
 *
 * Multi-variation listings repeat the item number on one row per variation ("Color=Red;
 * Size=M"), sometimes after a parent row with no variation details that carries the totals.
 * Counting the parent as well would double the stock, so a parent followed by its variations
 * is held back and only lends its SKU as the variations' parentSku.
 *
 * eBay does not require a SKU ("Custom label"). Without one, the record's SKU is the item
 * number (plus the variation details for a variation), built the same way in both reports so
 * orders line up with listings.
 */
import type { Diagnostic } from '../records';
import { compact } from './fields';
import { problem } from './diagnostics';
import { defineReport, type Draft, type ListingDraft, type RowReader, type SequencedDraft, type Sequencer } from './definition';
import { readGtin, readId } from './fields';
import { orderStatusOf } from '../locale/order-status';
import { CURRENCY } from './synonyms';

const ITEM_NUMBER = [
  'item number',
  'item id',
  'item no',
  'itemid',
  '物品编号',
  'artikelnummer',
  '商品番号',
  "numéro de l'objet",
  'número de artículo',
  'numero oggetto',
] as const;
const CUSTOM_LABEL = [
  'custom label (sku)',
  'custom label',
  'sku',
  '自定义标签 (sku)',
  '自定义标签',
  'bestandseinheit',
  'bestandseinheit (sku)',
  'eigene artikelnummer',
  'eigene artikelnummer (sku)',
  'カスタムラベル',
  'カスタムラベル(sku)',
  'étiquette personnalisée (sku)',
  'etiqueta personalizada (sku)',
  'etichetta personalizzata (sku)',
] as const;
const VARIATION = [
  'variation details',
  'variation',
  'variations',
  '多属性详情',
  '变体详情',
  'variantendetails',
  'varianten',
  'バリエーションの詳細',
  'détails de la variante',
  'detalles de la variante',
  'dettagli variante',
] as const;

/**
 * The SKU a row is filed under: its custom label, else the item number (with variation).
 * @example skuFor('', '123456789012', 'Color=Red') // '123456789012 [Color=Red]'
 */
export function skuFor(customLabel: string | undefined, itemNumber: string | undefined, variation: string | undefined): string | undefined {
  if (customLabel) return customLabel;
  if (!itemNumber) return undefined;
  return variation ? `${itemNumber} [${variation}]`.slice(0, 200) : itemNumber;
}

/**
 * Variation details as one canonical text: "Color=Red;Size=M" -> "Color=Red; Size=M".
 * @example normaliseVariation(' Color=Red ;Size=M ') // 'Color=Red; Size=M'
 */
export function normaliseVariation(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parts = raw
    .split(/\s*[;|\n]\s*/)
    .map((p) => p.trim().replace(/\s*[=:]\s*/, '='))
    .filter(Boolean);
  return parts.length > 0 ? parts.join('; ').slice(0, 500) : undefined;
}

function noteFallbackSku(r: RowReader<string>, sku: string, customLabel: string | undefined): void {
  if (customLabel === undefined) r.skip('sku-from-item-number', { sku: sku.slice(0, 60) });
}

/** Active listings download (Seller Hub > Listings > Active > Download). */
export const ebayActiveListings = defineReport({
  id: 'ebay/active-listings',
  platform: 'ebay',
  kind: 'listing',
  title: 'eBay Active listings',
  snapshot: true,
  columns: {
    itemNumber: ITEM_NUMBER,
    title: ['title', 'item title', 'listing title', '标题', '物品标题', 'titel', 'artikelbezeichnung', 'タイトル', 'titre', 'título', 'titolo'],
    variation: VARIATION,
    customLabel: CUSTOM_LABEL,
    available: [
      'available quantity',
      'quantity available',
      'available',
      '可售数量',
      '可用数量',
      'verfügbare menge',
      'verfügbar',
      '在庫数',
      '販売可能数量',
      'quantité disponible',
      'cantidad disponible',
      'quantità disponibile',
    ],
    format: ['format', 'listing format', '刊登形式', 'angebotsformat', '出品形式'],
    currency: CURRENCY,
    startPrice: ['start price', 'starting price', '起拍价', 'startpreis', '開始価格', 'prix de départ', 'precio de salida', 'prezzo di partenza'],
    currentPrice: ['current price', 'price', '当前价格', 'aktueller preis', '現在の価格', 'prix actuel', 'precio actual', 'prezzo attuale'],
    sold: [
      'sold quantity',
      'quantity sold',
      'sold',
      '已售数量',
      'verkaufte menge',
      'verkauft',
      '販売数',
      'quantité vendue',
      'cantidad vendida',
      'quantità venduta',
    ],
    watchers: ['watchers', 'watch count', '关注人数', 'beobachter', 'ウォッチャー', 'observateurs', 'observadores', 'osservatori'],
    startDate: ['start date', '开始日期', 'startdatum', 'angebotsbeginn', '開始日', 'date de début', 'fecha de inicio', 'data di inizio'],
    upc: ['p:upc', 'upc'],
    ean: ['p:ean', 'ean'],
    isbn: ['p:isbn', 'isbn'],
  },
  required: ['itemNumber'],
  signatures: [
    ['itemNumber', 'available'],
    ['itemNumber', 'customLabel', 'currentPrice'],
  ],
  map(r) {
    const itemNumber = readId(r, 'itemNumber', 40);
    if (itemNumber === undefined) {
      // eBay appends summary lines ("3 record(s) downloaded") without an item number.
      if (!r.has('title') || r.raw('title') === undefined) return r.skip('not-a-listing');
      return r.reject('missing-item-number');
    }
    const customLabel = r.text('customLabel', 200);
    const variation = normaliseVariation(r.text('variation', 500));
    const sku = skuFor(customLabel, itemNumber, variation) as string;
    noteFallbackSku(r, sku, customLabel);
    const price = r.money('currentPrice', 'currency') ?? r.money('startPrice', 'currency');
    return compact<ListingDraft>({
      kind: 'listing',
      sku,
      itemId: itemNumber,
      gtin: readGtin(r, 'upc', 'ean', 'isbn'),
      title: r.text('title', 2000),
      status: 'active',
      fulfillment: 'SELLER',
      variation,
      available: r.quantity('available'),
      price,
      cumulativeSold: r.quantity('sold'),
      watchers: r.quantity('watchers'),
      startDate: r.date('startDate')?.date,
    });
  },
  createSequencer: (note) => variationSequencer(note),
});

/**
 * Holds each row without variation details until the next row shows whether variations of
 * the same item follow (then it was their parent, and is dropped).
 */
function variationSequencer(note: (d: Diagnostic) => void): Sequencer {
  let pending: SequencedDraft | undefined;
  let parent: { itemId: string; sku: string } | undefined;
  const itemOf = (d: Draft) => (d.kind === 'listing' ? d.itemId : undefined);
  return {
    accept(item) {
      const out: SequencedDraft[] = [];
      const draft = item.draft;
      if (draft.kind !== 'listing' || draft.variation === undefined) {
        if (pending) out.push(pending);
        pending = item;
        return out;
      }
      const itemId = itemOf(draft);
      if (pending && itemOf(pending.draft) === itemId && pending.draft.kind === 'listing') {
        parent = { itemId: itemId as string, sku: pending.draft.sku };
        note(problem('info', 'variation-parent', { line: pending.line }, pending.line));
        pending = undefined;
      } else if (pending) {
        out.push(pending);
        pending = undefined;
      }
      const parentSku = parent && parent.itemId === itemId ? parent.sku : itemId;
      out.push({ ...item, draft: { ...draft, parentSku } });
      return out;
    },
    flush() {
      const out = pending ? [pending] : [];
      pending = undefined;
      return out;
    },
  };
}

/** Orders download (Seller Hub > Orders > Download, "All orders" CSV). */
export const ebayOrders = defineReport({
  id: 'ebay/orders',
  platform: 'ebay',
  kind: 'order',
  title: 'eBay Orders',
  snapshot: false,
  columns: {
    salesRecord: ['sales record number', 'sales record no', 'record number', '销售记录编号', 'verkaufsprotokollnummer', '販売記録番号'],
    orderNumber: ['order number', 'order id', '订单编号', 'bestellnummer', '注文番号', 'numéro de commande', 'número de pedido', 'numero ordine'],
    itemNumber: ITEM_NUMBER,
    customLabel: CUSTOM_LABEL,
    variation: VARIATION,
    quantity: ['quantity', 'qty', '数量', 'menge', 'anzahl', 'quantité', 'cantidad', 'quantità'],
    soldFor: ['sold for', 'sale price', 'item price', '售价', 'verkauft für', 'verkaufspreis', '販売価格', 'vendu pour', 'vendido por', 'venduto a'],
    currency: CURRENCY,
    saleDate: [
      'sale date',
      'order date',
      'sold date',
      'transaction date',
      '销售日期',
      'verkaufsdatum',
      '販売日',
      'date de vente',
      'fecha de venta',
      'data di vendita',
    ],
    paidOn: ['paid on date', 'paid date', 'payment date', '付款日期', 'bezahlt am', '支払日', 'payé le', 'fecha de pago'],
    shippedOn: ['shipped on date', 'shipped date', 'ship date', '发货日期', 'versandt am', '発送日', 'expédié le', 'fecha de envío'],
    status: ['order status', 'status', '订单状态', 'bestellstatus', '注文ステータス'],
    cancelStatus: ['cancel status', 'cancellation status', '取消状态', 'stornierungsstatus', 'キャンセルステータス'],
  },
  required: ['quantity', 'saleDate'],
  signatures: [
    ['salesRecord', 'itemNumber'],
    ['orderNumber', 'saleDate', 'itemNumber'],
  ],
  map(r) {
    const orderId = r.text('orderNumber', 60) ?? r.text('salesRecord', 60);
    const itemNumber = readId(r, 'itemNumber', 40);
    const customLabel = r.text('customLabel', 200);
    if (itemNumber === undefined && customLabel === undefined) {
      // Order header rows of multi-item orders and the "record(s) downloaded" footer.
      return r.skip('not-an-order-line');
    }
    if (orderId === undefined) return r.reject('missing-order-id');
    const variation = normaliseVariation(r.text('variation', 500));
    const sku = skuFor(customLabel, itemNumber, variation) as string;
    noteFallbackSku(r, sku, customLabel);
    const quantity = r.quantity('quantity');
    if (quantity === undefined) return r.reject('missing-quantity');
    const date = r.date('saleDate');
    if (date === undefined) return r.reject('missing-date');
    const explicit = orderStatusOf(r.raw('cancelStatus')) === 'cancelled' ? 'cancelled' : orderStatusOf(r.raw('status'));
    const status = explicit ?? (r.raw('shippedOn') !== undefined ? 'shipped' : r.raw('paidOn') !== undefined ? 'unshipped' : 'pending');
    return {
      kind: 'order',
      orderId,
      sku,
      quantity,
      status,
      orderDate: date.date,
      fulfillment: 'SELLER',
      ...compact({ itemPrice: r.money('soldFor', 'currency') }),
    };
  },
});
