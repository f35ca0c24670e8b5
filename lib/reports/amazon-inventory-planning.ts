/**
 * Amazon's FBA Inventory / inventory planning report (GET_FBA_INVENTORY_PLANNING_DATA): stock,
 * age buckets, units shipped over 7 to 90 days, Amazon's days of supply and unit volume. Column
 * names follow shared/reference/seller-pages.md "Amazon reports"; translated headers are best knowledge.
 */
import type { ListingDraft } from './definition';
import { defineReport, type RowReader } from './definition';
import { compact, readAsin, readId, requireSku, sumOf } from './fields';
import { ASIN, CONDITION, CURRENCY, FNSKU, SKU, SNAPSHOT_DATE, TITLE, YOUR_PRICE } from './synonyms';
import { cubicFeetOf } from './unit-volume';

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
