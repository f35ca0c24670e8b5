/**
 * Amazon Seller Central report files (tab-separated flat files). Column names follow
 * shared/reference/seller-pages.md "Amazon reports"; translated headers are best knowledge.
 */
import type { ListingDraft } from './definition';
import { defineReport, type RowReader } from './definition';
import { fulfillmentOf, listingStatusOf, readAsin, readGtin, readId } from './fields';
import { orderStatusOf } from '../locale/order-status';
import { ASIN, CONDITION, CURRENCY, FNSKU, SKU, SNAPSHOT_DATE, TITLE, YOUR_PRICE } from './synonyms';
import { cubicFeetOf } from './unit-volume';

/** Sum of the cells that are present; undefined when none is. */
function sumOf<K extends string>(r: RowReader<K>, keys: K[]): number | undefined {
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

function requireSku<K extends string>(r: RowReader<K>, key: K): string | undefined {
  const sku = r.text(key, 200);
  if (sku === undefined) r.reject('missing-sku');
  return sku;
}

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

/** A days-of-supply figure kept only when plausible (0 to 1e6; "–" reads as none). @example inRange(31.5) // 31.5 */
const inRange = (days: number | undefined): number | undefined => (days !== undefined && days >= 0 && days <= 1e6 ? days : undefined);

const unitsShipped = (days: number) => [
  `units-shipped-t${days}`,
  `units shipped last ${days} days`,
  `units-shipped-last-${days}-days`,
  `过去${days}天发货量`,
  `最近${days}天已发货商品数量`,
  `已发货商品数量t${days}`,
  `${days}天发货量`,
  `${days}天销量`,
  `versandte einheiten t${days}`,
  `versandte einheiten letzte ${days} tage`,
  `過去${days}日間の出荷数`,
  `出荷数t${days}`,
  `出荷済み数量t${days}`,
];

/**
 * One unit's volume from the planning report: its `item-volume`, else `storage-volume` over the
 * units it stores (available + reserved + unfulfillable: a choice, Amazon does not say which
 * units the figure covers); in the file's volume unit.
 */
function unitVolumeOf(r: RowReader<'itemVolume' | 'storageVolume' | 'volumeUnit' | 'available' | 'reserved' | 'unfulfillable'>): number | undefined {
  const unit = r.text('volumeUnit', 40);
  const item = cubicFeetOf(r.decimal('itemVolume'), unit, r.rowMarket);
  if (item !== undefined) return item;
  const stored = sumOf(r, ['available', 'reserved', 'unfulfillable']);
  const total = r.decimal('storageVolume');
  return stored && total !== undefined ? cubicFeetOf(total / stored, unit, r.rowMarket) : undefined;
}

/** FBA Inventory / inventory planning (GET_FBA_INVENTORY_PLANNING_DATA), old and new age buckets. */
export const amazonFbaInventoryPlanning = defineReport({
  id: 'amazon/fba-inventory-planning',
  platform: 'amazon',
  kind: 'listing',
  title: 'FBA Inventory (inventory planning)',
  snapshot: true,
  ageBuckets: true,
  columns: {
    snapshotDate: SNAPSHOT_DATE,
    sku: SKU,
    fnsku: FNSKU,
    asin: ASIN,
    title: TITLE,
    condition: CONDITION,
    available: [
      'available',
      'available quantity',
      'inventory supply at fba',
      '可售',
      '可用',
      '可售数量',
      '可用数量',
      'verfügbar',
      'verfügbare menge',
      '販売可能',
      '販売可能数量',
      '在庫あり',
    ],
    pendingRemoval: [
      'pending-removal-quantity',
      'pending removal quantity',
      '待移除数量',
      'ausstehende entfernungsmenge',
      '返送/所有権の放棄待ちの数量',
      '返送待ち数量',
    ],
    unitsT7: unitsShipped(7),
    unitsT30: unitsShipped(30),
    unitsT60: unitsShipped(60),
    unitsT90: unitsShipped(90),
    alert: ['alert', '提醒', '警报', '警告', 'warnung', 'hinweis', 'アラート'],
    price: YOUR_PRICE,
    recommendedAction: [
      'recommended-action',
      'recommended action',
      '建议操作',
      '推荐操作',
      'empfohlene aktion',
      'empfohlene maßnahme',
      '推奨アクション',
      '推奨される対応',
    ],
    daysOfSupply: ['days-of-supply', 'days of supply', '供货天数', '库存供应天数', '可售天数', 'lagerreichweite', 'vorratstage', '在庫日数', '供給日数'],
    historicalDaysOfSupply: [
      'historical-days-of-supply',
      'historical days of supply',
      '历史供货天数',
      '历史库存供应天数',
      'historische vorratsdauer',
      '過去の在庫日数',
    ],
    storageCost: [
      'estimated-storage-cost-next-month',
      'estimated storage cost next month',
      '下个月预计仓储费',
      '预计下月仓储费',
      'geschätzte lagergebühren nächster monat',
      '来月の推定保管手数料',
    ],
    currency: CURRENCY,
    itemVolume: ['item-volume', 'item volume', '商品体积', '单件商品体积', 'artikelvolumen', '商品の体積'],
    storageVolume: ['storage-volume', 'storage volume', '仓储体积', '存储体积', 'lagervolumen', '保管体積'],
    volumeUnit: ['volume-unit-measurement', 'volume unit measurement', 'volume-units', '体积单位', 'volumeneinheit', '体積の単位'],
    inbound: ['inbound-quantity', 'inbound quantity', 'inbound', '入库数量', '入库', 'eingehend', 'eingehende menge', '入荷数量', '納品中'],
    reserved: ['reserved-quantity', 'reserved quantity', 'reserved', '预留数量', '预留', 'reserviert', 'reservierte menge', '予約済み', '予約数量'],
    unfulfillable: [
      'unfulfillable-quantity',
      'unfulfillable quantity',
      'unfulfillable',
      '不可售数量',
      '不可售',
      'nicht verkäuflich',
      'nicht verkäufliche menge',
      '販売不可',
      '販売不可数量',
    ],
  },
  required: ['sku'],
  signatures: [['unitsT30', 'available'], ['snapshotDate', 'available'], ['pendingRemoval'], ['daysOfSupply', 'recommendedAction', 'available']],
  map(r) {
    const sku = requireSku(r, 'sku');
    if (sku === undefined) return undefined;
    const windows: [number, 'unitsT7' | 'unitsT30' | 'unitsT60' | 'unitsT90'][] = [
      [7, 'unitsT7'],
      [30, 'unitsT30'],
      [60, 'unitsT60'],
      [90, 'unitsT90'],
    ];
    const unitsSold = windows.flatMap(([windowDays, key]) => {
      const units = r.quantity(key);
      return units === undefined ? [] : [{ windowDays, units }];
    });
    const daysOfSupply = r.decimal('daysOfSupply');
    if (daysOfSupply !== undefined && (daysOfSupply < 0 || daysOfSupply > 1e6))
      r.warn('daysOfSupply', 'bad-number', { value: String(daysOfSupply), reason: 'out of range' });
    const snapshot = r.date('snapshotDate');
    return compact<ListingDraft & { snapshotAt?: number }>({
      kind: 'listing',
      sku,
      asin: readAsin(r, 'asin'),
      fnsku: readId(r, 'fnsku', 20),
      title: r.text('title', 2000),
      fulfillment: 'FBA',
      available: r.quantity('available'),
      inbound: r.quantity('inbound'),
      reserved: r.quantity('reserved'),
      unfulfillable: r.quantity('unfulfillable'),
      price: r.money('price', 'currency'),
      unitsSold: unitsSold.length > 0 ? unitsSold : undefined,
      platformDaysOfSupply: daysOfSupply !== undefined && daysOfSupply >= 0 && daysOfSupply <= 1e6 ? daysOfSupply : undefined,
      platformHistoricalDaysOfSupply: inRange(r.decimal('historicalDaysOfSupply')),
      ageBuckets: r.ageBuckets(),
      recommendedAction: r.text('recommendedAction', 200),
      alert: r.text('alert', 200),
      estimatedStorageCost: r.money('storageCost', 'currency'),
      unitCubicFeet: unitVolumeOf(r),
      snapshotAt: snapshot?.instant,
    });
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

// ---------------------------------------------------------------------------------------

/** "<base> - B2B" header texts (headerWords reads an en dash, "Units ordered – B2B", as the hyphen). */
const b2b = (...bases: string[]) => bases.map((b) => `${b} - b2b`);

/**
 * Business Reports > "Detail Page Sales and Traffic by Child Item" CSV download: units ordered
 * per child ASIN (and SKU, when the seller shows that column) over a date range the seller
 * picked, which the file does not say. Headers in English (US "Sessions - Total", UK
 * "Sessions – Total" and "Units ordered"), German, Chinese and Japanese (the last two from
 * public scripts that read the Chinese- and Japanese-UI downloads); numbers in each cell's
 * own convention (the German file has "3,218" counts next to "17.510,95 €" money).
 *
 * "Units Ordered" already counts the units business customers bought ("Units Ordered - B2B"
 * is the part of it that came from them), so only the total is recorded; B2B is read to check
 * it. Ordered product sales are read (a cell that is not money is reported) but not recorded:
 * listing observations have no field for revenue. Parent ASINs are checked but not recorded
 * either (no field; the child ASIN is the listing's). Rows without a SKU are joined to a known
 * listing through the child ASIN (ReportParseOptions.skuByAsin) or refused, never guessed.
 */
export const amazonBusinessReportChild = defineReport({
  id: 'amazon/business-report-child',
  platform: 'amazon',
  kind: 'listing',
  title: 'Business Report (Detail Page Sales and Traffic by Child Item)',
  snapshot: true,
  perCellNumbers: true,
  needsDateRange: true,
  columns: {
    parentAsin: ['(parent) asin', 'parent asin', '(übergeordnete) asin', 'übergeordnete asin', '（父）asin', '父asin', '（親）asin', '親asin'],
    childAsin: ['(child) asin', 'child asin', '(untergeordnete) asin', 'untergeordnete asin', '（子）asin', '子asin', '子 asin'],
    title: ['title', 'titel', 'produktname', '标题', '商品名称', 'タイトル', '商品名'],
    sku: SKU,
    unitsOrdered: ['units ordered', 'bestellte einheiten', '已订购商品数量', '订购数量', '注文された商品点数'],
    unitsOrderedB2b: b2b('units ordered', 'bestellte einheiten', '已订购商品数量', '订购数量', '注文された商品点数'),
    orderedSales: [
      'ordered product sales',
      'durch bestellte produkte erzielter umsatz',
      '已订购商品销售额',
      '已订购商品的销售额',
      '注文商品の売上額',
      '注文商品売上',
    ],
    orderedSalesB2b: [
      ...b2b('ordered product sales', 'bestellsumme', 'durch bestellte produkte erzielter umsatz', '已订购商品销售额', '已订购商品的销售额'),
      ...b2b('注文商品の売上額', '注文商品売上'),
    ],
    // Not recorded; listed so detection counts them and a file with them reads as this report.
    sessions: [
      'sessions - total',
      'sessions',
      'sitzungen – summe',
      'sitzungen',
      '会话数 - 总计',
      '会话次数 – 总计',
      '会话数',
      'セッション数 - 合計',
      'セッション - 合計',
    ],
    pageViews: [
      'page views - total',
      'page views',
      'seitenaufrufe – summe',
      'seitenaufrufe',
      '页面浏览量 - 总计',
      '页面浏览量',
      'ページビュー - 合計',
      'ページビュー',
    ],
    totalOrderItems: ['total order items', 'zahl der bestellposten', '订单商品总数', '注文品目総数'],
  },
  required: ['childAsin', 'unitsOrdered'],
  signatures: [['childAsin', 'unitsOrdered']],
  map(r) {
    const asin = readAsin(r, 'childAsin');
    readAsin(r, 'parentAsin'); // checked (a warning when it is not an ASIN), not recorded
    const window = r.window;
    if (window === undefined) return r.reject('missing-date-range');
    let sku = r.text('sku', 200);
    if (sku === undefined) {
      if (asin === undefined) return r.reject('missing-asin');
      const known = r.skusForAsin(asin);
      if (known === undefined) {
        return r.reject('sku-needed', { asin });
      }
      const [only] = known;
      if (known.length > 1 || only === undefined) {
        const list = known.slice(0, 3).join(', ');
        return r.reject('ambiguous-asin', { asin, count: known.length, skus: `${list.slice(0, 120)}${known.length > 3 ? ', …' : ''}` });
      }
      sku = only;
    }
    const units = r.quantity('unitsOrdered');
    const b2bUnits = r.quantity('unitsOrderedB2b');
    if (units !== undefined && b2bUnits !== undefined && b2bUnits > units) {
      r.warn('unitsOrderedB2b', 'b2b-exceeds-total', { b2b: b2bUnits, total: units });
    }
    r.money('orderedSales'); // checked, not recorded (no revenue field in listing observations)
    return compact<ListingDraft & { snapshotAt?: number }>({
      kind: 'listing',
      sku,
      asin,
      title: r.text('title', 2000),
      unitsSold: units !== undefined ? [{ windowDays: window.days, units }] : undefined,
      snapshotAt: window.observedAt,
    });
  },
});
