/**
 * Amazon Seller Central report files (tab-separated flat files): Manage FBA Inventory, Restock,
 * All Listings and the orders report; FBA inventory planning and the Business Report have files of
 * their own (amazon-inventory-planning.ts, amazon-business-report.ts). Column names follow
 * shared/reference/seller-pages.md "Amazon reports"; translated headers are best knowledge.
 */
import type { ListingDraft } from './definition';
import { defineReport } from './definition';
import { compact, fulfillmentOf, listingStatusOf, readAsin, readGtin, readId, requireSku, sumOf } from './fields';
import { orderStatusOf } from '../locale/order-status';
import { ASIN, CONDITION, CURRENCY, FNSKU, SKU, TITLE, YOUR_PRICE } from './synonyms';
import { cubicFeetOf } from './unit-volume';

// ---------------------------------------------------------------------------------------

/** Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA). */
export const amazonFbaMyi = defineReport({
  id: 'amazon/fba-myi',
  platform: 'amazon',
  kind: 'listing',
  title: 'Manage FBA Inventory',
  snapshot: true,
  columns: {
    sku: SKU,
    fnsku: FNSKU,
    asin: ASIN,
    title: TITLE,
    condition: CONDITION,
    price: YOUR_PRICE,
    mfnListingExists: ['mfn-listing-exists', 'mfn商品信息是否存在', 'mfn商品是否存在', 'mfn-angebot-vorhanden', 'mfn出品あり', 'mfn出品の有無'],
    mfnFulfillable: [
      'mfn-fulfillable-quantity',
      'mfn可售数量',
      'mfn可配送数量',
      'mfn-verfügbare-menge',
      'mfn-versandfertige-menge',
      'mfn出荷可能数量',
      'mfn販売可能数量',
    ],
    afnListingExists: ['afn-listing-exists', 'afn商品信息是否存在', 'afn商品是否存在', 'afn-angebot-vorhanden', 'afn出品あり', 'afn出品の有無'],
    afnWarehouse: ['afn-warehouse-quantity', 'afn仓库数量', 'afn库存数量', 'afn-lagerbestand', 'afn-lagermenge', 'afn倉庫数量', 'afn在庫数'],
    afnFulfillable: [
      'afn-fulfillable-quantity',
      'afn可售数量',
      '可售数量',
      'afn-verfügbare-menge',
      'afn-versandfertige-menge',
      'verfügbare menge',
      'afn出荷可能数量',
      'afn販売可能数量',
      '販売可能数量',
    ],
    afnUnsellable: [
      'afn-unsellable-quantity',
      'afn不可售数量',
      '不可售数量',
      'afn-nicht-verkäufliche-menge',
      'nicht verkäufliche menge',
      'afn販売不可数量',
      '販売不可数量',
    ],
    afnReserved: ['afn-reserved-quantity', 'afn预留数量', '预留数量', 'afn-reservierte-menge', 'reservierte menge', 'afn予約済み数量', '予約済み数量'],
    afnTotal: ['afn-total-quantity', 'afn总数量', '总数量', 'afn-gesamtmenge', 'gesamtmenge', 'afn合計数量', '合計数量'],
    inboundWorking: ['afn-inbound-working-quantity', 'afn入库处理中数量', '入库处理中数量', 'afn-eingehend-in-bearbeitung', 'afn納品作業中数量', '納品作業中'],
    inboundShipped: ['afn-inbound-shipped-quantity', 'afn入库已发货数量', '入库已发货数量', 'afn-eingehend-versandt', 'afn納品輸送中数量', '輸送中'],
    inboundReceiving: ['afn-inbound-receiving-quantity', 'afn入库接收中数量', '入库接收中数量', 'afn-eingehend-wird-empfangen', 'afn納品受領中数量', '受領中'],
    researching: ['afn-researching-quantity', 'afn调查中数量', 'afn-in-prüfung', 'afn調査中数量'],
    reservedFutureSupply: ['afn-reserved-future-supply', 'afn预留的未来供应量', 'afn-reservierter-zukünftiger-bestand'],
    futureSupplyBuyable: ['afn-future-supply-buyable', 'afn可购买的未来供应量', 'afn-kaufbarer-zukünftiger-bestand'],
    perUnitVolume: ['per-unit-volume', '单位体积', '单件体积', 'volumen-pro-einheit', '単位あたりの体積'],
  },
  required: ['sku'],
  signatures: [['afnFulfillable', 'mfnFulfillable'], ['afnWarehouse'], ['afnFulfillable', 'afnListingExists']],
  map(r) {
    const sku = requireSku(r, 'sku');
    if (sku === undefined) return undefined;
    const afn = r.yesNo('afnListingExists');
    const mfn = r.yesNo('mfnListingExists');
    const merchantOnly = afn === false && mfn === true;
    const draft: ListingDraft = {
      kind: 'listing',
      sku,
      asin: readAsin(r, 'asin'),
      fnsku: readId(r, 'fnsku', 20),
      title: r.text('title', 2000),
      fulfillment: merchantOnly ? 'SELLER' : 'FBA',
      price: r.money('price'),
    };
    if (merchantOnly) {
      draft.available = r.quantity('mfnFulfillable');
    } else {
      draft.available = r.quantity('afnFulfillable');
      draft.inbound = sumOf(r, ['inboundWorking', 'inboundShipped', 'inboundReceiving']);
      draft.reserved = r.quantity('afnReserved');
      draft.unfulfillable = r.quantity('afnUnsellable');
      draft.unitCubicFeet = cubicFeetOf(r.decimal('perUnitVolume'), undefined, r.rowMarket);
    }
    return compact(draft);
  },
});

// ---------------------------------------------------------------------------------------

/** Restock Inventory recommendations (Restock Inventory page download). */
export const amazonRestock = defineReport({
  id: 'amazon/restock',
  platform: 'amazon',
  kind: 'listing',
  title: 'Restock Inventory recommendations',
  snapshot: true,
  columns: {
    country: ['country', 'marketplace', '国家', '国家/地区', 'land', '国'],
    title: TITLE,
    fnsku: FNSKU,
    sku: ['merchant sku', 'merchant-sku', ...SKU],
    asin: ASIN,
    currency: CURRENCY,
    price: YOUR_PRICE,
    unitsSoldT30: [
      'units sold last 30 days',
      'units-sold-last-30-days',
      '过去30天的销量',
      '过去30天售出商品数量',
      '最近30天销量',
      'verkaufte einheiten letzte 30 tage',
      'in den letzten 30 tagen verkaufte einheiten',
      '過去30日間の販売数',
      '過去30日間に販売されたユニット数',
    ],
    inbound: ['inbound', '入库', '入库数量', 'eingehend', '入荷', '納品中'],
    available: ['available', '可售', '可售数量', 'verfügbar', '販売可能'],
    fcTransfer: ['fc transfer', '运营中心转运', 'fc-umlagerung', 'フルフィルメントセンター間の移管'],
    fcProcessing: ['fc processing', '运营中心处理中', 'fc-bearbeitung', 'フルフィルメントセンターで処理中'],
    customerOrder: ['customer order', 'customer orders', '买家订单', '客户订单', 'kundenbestellung', 'kundenbestellungen', '購入者の注文'],
    unfulfillable: ['unfulfillable', '不可售', 'nicht verkäuflich', '販売不可'],
    fulfilledBy: ['fulfilled by', 'fulfillment channel', '配送方', '配送渠道', 'versand durch', '出荷元'],
    daysOfSupply: [
      'total days of supply (including units from open shipments)',
      'total days of supply',
      '总供货天数(包括未完成货件中的商品)',
      '总供货天数',
      'gesamte lagerreichweite (einschließlich einheiten aus offenen sendungen)',
      'gesamte lagerreichweite',
      '合計在庫日数(未完了の納品を含む)',
      '合計在庫日数',
    ],
    recommendedQuantity: [
      'recommended replenishment qty',
      'recommended replenishment quantity',
      '建议补货数量',
      '推荐补货数量',
      'empfohlene nachschubmenge',
      '推奨納品数量',
      '推奨補充数量',
    ],
    recommendedShipDate: ['recommended ship date', '建议发货日期', '推荐发货日期', 'empfohlenes versanddatum', '推奨発送日', '推奨出荷日'],
    recommendedAction: ['recommended action', '建议操作', 'empfohlene aktion', '推奨アクション'],
    alert: ['alert', '提醒', '警报', 'warnung', 'hinweis', 'アラート'],
  },
  required: ['sku'],
  signatures: [['recommendedQuantity'], ['recommendedShipDate', 'daysOfSupply']],
  map(r) {
    const sku = requireSku(r, 'sku');
    if (sku === undefined) return undefined;
    const t30 = r.quantity('unitsSoldT30');
    const daysOfSupply = r.decimal('daysOfSupply');
    const reservedParts = sumOf(r, ['fcTransfer', 'fcProcessing', 'customerOrder']);
    return compact<ListingDraft>({
      kind: 'listing',
      sku,
      asin: readAsin(r, 'asin'),
      fnsku: readId(r, 'fnsku', 20),
      title: r.text('title', 2000),
      fulfillment: fulfillmentOf(r.raw('fulfilledBy')) ?? 'FBA',
      available: r.quantity('available'),
      inbound: r.quantity('inbound'),
      reserved: reservedParts,
      reservedCustomerOrders: r.quantity('customerOrder'),
      unfulfillable: r.quantity('unfulfillable'),
      price: r.money('price', 'currency'),
      unitsSold: t30 !== undefined ? [{ windowDays: 30, units: t30 }] : undefined,
      platformDaysOfSupply: daysOfSupply !== undefined && daysOfSupply >= 0 && daysOfSupply <= 1e6 ? daysOfSupply : undefined,
      recommendedQuantity: r.quantity('recommendedQuantity'),
      recommendedShipDate: r.date('recommendedShipDate')?.date,
      recommendedAction: r.text('recommendedAction', 200),
      alert: r.text('alert', 200),
    });
  },
});

// ---------------------------------------------------------------------------------------

/** All Listings (GET_MERCHANT_LISTINGS_ALL_DATA). */
export const amazonAllListings = defineReport({
  id: 'amazon/all-listings',
  platform: 'amazon',
  kind: 'listing',
  title: 'All Listings',
  snapshot: true,
  columns: {
    title: ['item-name', 'item name', '商品名称', 'artikelname', '商品名', ...TITLE],
    listingId: ['listing-id', 'listing id', '商品编号', '商品信息编码', 'angebotsnummer', '出品id'],
    sku: ['seller-sku', ...SKU],
    price: YOUR_PRICE,
    quantity: ['quantity', 'qty', '数量', 'menge', '在庫数', '数量(在庫)'],
    openDate: ['open-date', 'open date', '开售日期', '创建日期', 'erstellungsdatum', 'eröffnungsdatum', '出品日'],
    productIdType: ['product-id-type', 'product id type', '商品编码类型', 'produkt-id-typ', '商品コードのタイプ'],
    productId: ['product-id', 'product id', '商品编码', 'produkt-id', '商品コード'],
    asin: ['asin1', 'asin'],
    pendingQuantity: ['pending-quantity', 'pending quantity', '待处理数量', 'ausstehende menge', '保留中の数量'],
    fulfillmentChannel: ['fulfillment-channel', 'fulfillment channel', '配送渠道', 'versandkanal', 'フルフィルメントチャネル'],
    status: ['status', '状态', 'ステータス', 'statut', 'estado', 'stato'],
  },
  required: ['sku'],
  signatures: [
    ['listingId', 'fulfillmentChannel'],
    ['openDate', 'fulfillmentChannel'],
    ['listingId', 'asin'],
  ],
  map(r) {
    const sku = requireSku(r, 'sku');
    if (sku === undefined) return undefined;
    const fulfillment = fulfillmentOf(r.raw('fulfillmentChannel'));
    if (fulfillment === undefined && r.raw('fulfillmentChannel') !== undefined) {
      r.warn('fulfillmentChannel', 'unknown-fulfillment', { value: (r.raw('fulfillmentChannel') ?? '').slice(0, 40) });
    }
    // product-id-type: 1 = ASIN, 2 = ISBN, 3 = UPC, 4 = EAN (SP-API listings docs).
    const idType = r.raw('productIdType');
    const gtin = idType === '2' || idType === '3' || idType === '4' ? readGtin(r, 'productId') : undefined;
    return compact<ListingDraft>({
      kind: 'listing',
      sku,
      asin: readAsin(r, 'asin'),
      gtin,
      title: r.text('title', 2000),
      status: listingStatusOf(r.raw('status')),
      fulfillment,
      // FBA rows leave quantity blank (Amazon holds the stock): absent, not zero.
      available: fulfillment === 'FBA' ? undefined : r.quantity('quantity'),
      price: r.money('price'),
      startDate: r.date('openDate')?.date,
    });
  },
});

// ---------------------------------------------------------------------------------------

/** All Orders flat file (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE). */
export const amazonOrders = defineReport({
  id: 'amazon/orders',
  platform: 'amazon',
  kind: 'order',
  title: 'All Orders',
  snapshot: false,
  columns: {
    orderId: [
      'amazon-order-id',
      'amazon order id',
      'order id',
      'order-id',
      '亚马逊订单编号',
      '订单编号',
      'amazon-bestellnummer',
      'bestellnummer',
      '注文番号',
      'amazon注文番号',
    ],
    purchaseDate: ['purchase-date', 'purchase date', 'order date', '购买日期', '下单日期', 'kaufdatum', 'bestelldatum', '購入日', '注文日'],
    orderStatus: ['order-status', 'order status', '订单状态', 'bestellstatus', '注文ステータス'],
    itemStatus: ['item-status', 'item status', '商品状态', 'artikelstatus', '商品ステータス'],
    fulfillmentChannel: ['fulfillment-channel', 'fulfillment channel', '配送渠道', 'versandkanal', 'フルフィルメントチャネル'],
    sku: SKU,
    asin: ASIN,
    quantity: ['quantity', 'quantity-purchased', 'qty', '数量', '购买数量', 'menge', '数量(注文)'],
    currency: CURRENCY,
    itemPrice: ['item-price', 'item price', '商品价格', 'artikelpreis', '商品価格', ...YOUR_PRICE],
    salesChannel: ['sales-channel', 'sales channel', '销售渠道', 'verkaufskanal', '販売チャネル'],
  },
  required: ['orderId', 'purchaseDate', 'orderStatus', 'sku', 'quantity'],
  marketplaceColumn: 'salesChannel',
  signatures: [['orderId', 'purchaseDate']],
  map(r) {
    const orderId = r.text('orderId', 60);
    const sku = r.text('sku', 200);
    if (orderId === undefined) return r.reject('missing-order-id');
    if (sku === undefined) return r.reject('missing-sku');
    const quantity = r.quantity('quantity');
    if (quantity === undefined) return r.reject('missing-quantity');
    const date = r.date('purchaseDate');
    if (date === undefined) return r.reject('missing-date');
    const itemStatus = orderStatusOf(r.raw('itemStatus'));
    const status = itemStatus === 'cancelled' ? 'cancelled' : orderStatusOf(r.raw('orderStatus'));
    if (status === undefined) return r.reject('unknown-status', { value: (r.raw('orderStatus') ?? '').slice(0, 40) });
    return {
      kind: 'order',
      orderId,
      sku,
      quantity,
      status,
      orderDate: date.date,
      ...compact({ itemPrice: r.money('itemPrice', 'currency'), fulfillment: fulfillmentOf(r.raw('fulfillmentChannel')) }),
    };
  },
});
