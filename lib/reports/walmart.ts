/**
 * Walmart Seller Center report files (comma-separated). Column names follow
 * shared/reference/seller-pages.md "Walmart Seller Center"; several are uncertain (?) there,
 * so each column lists the variants seen in public tools and docs.
 */
import { compact } from './fields';
import { defineReport, type ListingDraft } from './definition';
import { fulfillmentOf, listingStatusOf, readGtin, readId } from './fields';
import { orderStatusOf } from '../locale/order-status';
import { CURRENCY, SKU, SNAPSHOT_DATE, TITLE } from './synonyms';

const ITEM_ID = ['item id', 'item-id', 'itemid', 'walmart item id', 'wpid', '商品id', 'artikel-id', '商品ID'] as const;
const GTIN = ['gtin', 'upc', 'gtin/upc', 'gtin upc', 'product id', 'ean'] as const;

/** Item report (Items & Inventory > Download > Item report). */
export const walmartItems = defineReport({
  id: 'walmart/items',
  platform: 'walmart',
  kind: 'listing',
  title: 'Walmart Item report',
  snapshot: true,
  columns: {
    sku: SKU,
    itemId: ITEM_ID,
    title: TITLE,
    publishStatus: ['publish status', 'published status', 'publishing status', 'publication status', '发布状态', 'veröffentlichungsstatus', '公開ステータス'],
    lifecycle: ['lifecycle status', 'item lifecycle', 'lifecycle', '生命周期状态', 'lebenszyklusstatus', 'ライフサイクルステータス'],
    price: ['price', 'item price', 'selling price', '价格', 'preis', '価格'],
    currency: CURRENCY,
    gtin: ['gtin', 'gtin/upc', 'gtin upc', 'product id'],
    upc: ['upc', 'ean'],
    // Not "Ship Methods": that column holds shipping speeds (STANDARD, EXPEDITED), not who ships.
    fulfillment: ['fulfillment type', 'fulfilment type', 'fulfillment', 'fulfillment method', '配送方式', 'versandart', 'フルフィルメントタイプ'],
    inventory: ['inventory count', 'inventory', 'available quantity', 'quantity', '库存', 'bestand', '在庫'],
    created: ['item creation date', 'created date', 'offer start date', '创建日期', 'erstellungsdatum', '作成日'],
  },
  required: ['sku'],
  signatures: [
    ['itemId', 'publishStatus'],
    ['itemId', 'lifecycle'],
  ],
  map(r) {
    const sku = r.text('sku', 200);
    if (sku === undefined) return r.reject('missing-sku');
    const lifecycle = listingStatusOf(r.raw('lifecycle'));
    const publish = listingStatusOf(r.raw('publishStatus'));
    // A retired or archived item is over whatever its publish status still says.
    const status = lifecycle === 'ended' ? 'ended' : (publish ?? (lifecycle === 'active' ? undefined : lifecycle));
    return compact<ListingDraft>({
      kind: 'listing',
      sku,
      itemId: readId(r, 'itemId', 40),
      gtin: readGtin(r, 'gtin', 'upc'),
      title: r.text('title', 2000),
      status,
      fulfillment: fulfillmentOf(r.raw('fulfillment')),
      available: r.quantity('inventory'),
      price: r.money('price', 'currency'),
      startDate: r.date('created')?.date,
    });
  },
});

const unitsSold = (days: number) => [
  `last ${days} days units sold`,
  `units sold last ${days} days`,
  `units sold (last ${days} days)`,
  `l${days}d units sold`,
  `过去${days}天销量`,
  `verkaufte einheiten letzte ${days} tage`,
  `過去${days}日間の販売数`,
];

/** WFS Inventory Health report. */
export const walmartWfsInventoryHealth = defineReport({
  id: 'walmart/wfs-inventory-health',
  platform: 'walmart',
  kind: 'listing',
  title: 'WFS Inventory Health',
  snapshot: true,
  ageBuckets: true,
  columns: {
    snapshotDate: SNAPSHOT_DATE,
    gtin: GTIN,
    itemId: ITEM_ID,
    sku: ['vendor (seller) sku', 'vendor seller sku', 'seller sku', 'vendor sku', ...SKU],
    title: TITLE,
    publishStatus: ['publishing status', 'publish status', '发布状态', 'veröffentlichungsstatus'],
    available: ['available units', 'available to sell units', 'available to sell', 'ats', '可售数量', 'verfügbare einheiten', '販売可能数'],
    reserved: ['reserved units', '预留数量', 'reservierte einheiten', '予約済み数'],
    damaged: ['damaged receipts', 'damaged units', '损坏数量', 'beschädigte wareneingänge', '破損数'],
    inbound: ['inbound units', '入库数量', 'eingehende einheiten', '入荷予定数'],
    daysOfSupply: ['days of supply', '供货天数', 'lagerreichweite', '在庫日数'],
    suggested: ['suggested units', 'suggested replenishment units', '建议补货数量', 'empfohlene einheiten', '推奨数'],
    unitsT7: unitsSold(7),
    unitsT30: unitsSold(30),
  },
  required: ['sku'],
  signatures: [
    ['available', 'inbound', 'itemId'],
    ['available', 'daysOfSupply', 'suggested'],
  ],
  map(r) {
    const sku = r.text('sku', 200);
    if (sku === undefined) return r.reject('missing-sku');
    const t7 = r.quantity('unitsT7');
    const t30 = r.quantity('unitsT30');
    const sold = [...(t7 === undefined ? [] : [{ windowDays: 7, units: t7 }]), ...(t30 === undefined ? [] : [{ windowDays: 30, units: t30 }])];
    const daysOfSupply = r.decimal('daysOfSupply');
    return compact<ListingDraft & { snapshotAt?: number }>({
      kind: 'listing',
      sku,
      itemId: readId(r, 'itemId', 40),
      gtin: readGtin(r, 'gtin'),
      title: r.text('title', 2000),
      status: listingStatusOf(r.raw('publishStatus')),
      fulfillment: 'WFS',
      available: r.quantity('available'),
      reserved: r.quantity('reserved'),
      // Damaged receipts sit in the fulfilment centre but cannot be sold: Walmart's unfulfillable.
      unfulfillable: r.quantity('damaged'),
      inbound: r.quantity('inbound'),
      unitsSold: sold.length > 0 ? sold : undefined,
      platformDaysOfSupply: daysOfSupply !== undefined && daysOfSupply >= 0 && daysOfSupply <= 1e6 ? daysOfSupply : undefined,
      recommendedQuantity: r.quantity('suggested'),
      ageBuckets: r.ageBuckets(),
      snapshotAt: r.date('snapshotDate')?.instant,
    });
  },
});

/** Orders export (Order Management > Download). One row per order line. */
export const walmartOrders = defineReport({
  id: 'walmart/orders',
  platform: 'walmart',
  kind: 'order',
  title: 'Walmart Orders',
  snapshot: false,
  columns: {
    po: ['po#', 'po #', 'po number', 'purchase order number', 'purchase order id', 'purchaseorderid', '采购订单号', 'bestellnummer (po)'],
    customerOrder: ['order#', 'order #', 'customer order number', 'customer order id', 'order number', '订单号', 'auftragsnummer'],
    orderDate: ['order date', 'order placed date', '订单日期', 'bestelldatum', '注文日'],
    line: ['line#', 'line #', 'line number'],
    sku: SKU,
    quantity: ['qty', 'quantity', 'order quantity', '数量', 'menge'],
    status: ['status', 'order status', 'line status', '状态', 'status der bestellung'],
    itemCost: ['item cost', 'item price', 'unit price', '商品价格', 'artikelpreis'],
    currency: CURRENCY,
    fulfillment: ['fulfillment entity', 'fulfilled by', 'fulfillment type', 'ship node type', '配送方'],
  },
  required: ['sku', 'quantity', 'orderDate', 'status'],
  signatures: [
    ['po', 'orderDate'],
    ['customerOrder', 'line', 'orderDate'],
  ],
  map(r) {
    const orderId = r.text('po', 60) ?? r.text('customerOrder', 60);
    if (orderId === undefined) return r.reject('missing-order-id');
    const sku = r.text('sku', 200);
    if (sku === undefined) return r.reject('missing-sku');
    const quantity = r.quantity('quantity');
    if (quantity === undefined) return r.reject('missing-quantity');
    const date = r.date('orderDate');
    if (date === undefined) return r.reject('missing-date');
    const status = orderStatusOf(r.raw('status'));
    if (status === undefined) return r.reject('unknown-status', { value: (r.raw('status') ?? '').slice(0, 40) });
    return {
      kind: 'order',
      orderId,
      sku,
      quantity,
      status,
      orderDate: date.date,
      ...compact({ itemPrice: r.money('itemCost', 'currency'), fulfillment: fulfillmentOf(r.raw('fulfillment')) }),
    };
  },
});
