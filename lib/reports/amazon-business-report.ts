/**
 * Amazon Business Reports: units ordered per child item. Column names follow
 * shared/reference/seller-pages.md "Amazon reports"; translated headers are best knowledge.
 */
import type { ListingDraft } from './definition';
import { defineReport } from './definition';
import { compact, readAsin } from './fields';
import { SKU } from './synonyms';

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
