/**
 * The strings of the popup's first screen (header, filter bar, list head and rows), English and
 * Simplified Chinese with the same keys. Declared here only: the full catalogue (messages.ts) and
 * the seller page's (page.ts) include this one, and the popup's first paint
 * (components/popup/first-paint.ts) bundles only this one, so the first rows do not wait for
 * every catalogue to load.
 */
export const popupFirstEn = {
  // Header and list columns
  'popup.title': 'Needs attention',
  'popup.column.sku': 'SKU',
  'popup.column.platform': 'Marketplace',
  'popup.column.available': 'Available',
  'popup.column.daysOfCover': 'Days of cover',
  'popup.column.stockout': 'Runs out',
  'popup.withInbound': '{date} with inbound',
  'popup.column.reorder': 'Reorder',
  'popup.openOptions': 'Settings and export',
  'panel.outOfStock': 'Out of stock',
  'common.none': '—',
  // Row texts
  'panel.stockUnknown': 'Stock unknown',
  'panel.notEnoughData': 'Not enough data',
  // Filters, count and rows
  'popup.filters': 'Filters',
  'popup.filter.platform': 'Platform',
  'popup.filter.marketplace': 'Marketplace',
  'popup.filter.risk': 'Risk',
  'popup.filter.any': 'All',
  'popup.search': 'Search SKU or title',
  'popup.count': '{shown} of {total}',
  'popup.updating': 'Updating: these rows are from before the latest change.',
  'popup.openSku': 'Open {sku} on {marketplace}',
  'popup.cover': '{days} d',
  'popup.reorder': 'Reorder {quantity} by {date}',
  // Overdue as the panel words it (panel.overdueSince), never a past date as a deadline; in the
  // row's two short lines under the "Reorder" heading, the quantity and the date it was due.
  'popup.reorderLate': '{quantity} · overdue since {date}',
  // Risk choices (lib/planning/urgency.ts RISK_TAGS, and all)
  'risk.all': 'All SKUs',
  'risk.attention': 'Needs attention',
  'risk.critical': 'Critical',
  'risk.stockout': 'Stockout',
  'risk.overstock': 'Overstock',
  'risk.oversell': 'Oversell',
  'risk.no-sales': 'No sales',
  // Platforms (lib/records.ts PLATFORMS)
  'platform.amazon': 'Amazon',
  'platform.walmart': 'Walmart',
  'platform.ebay': 'eBay',
  // The purchase plan's link
  'purchase.popupLink': 'Purchase plan',
} as const;

export const popupFirstZhCN: Record<keyof typeof popupFirstEn, string> = {
  'popup.title': '需要处理的 SKU',
  'popup.column.sku': 'SKU',
  'popup.column.platform': '站点',
  'popup.column.available': '可售',
  'popup.column.daysOfCover': '可售天数',
  'popup.column.stockout': '断货日',
  'popup.withInbound': '算上在途 {date}',
  'popup.column.reorder': '补货',
  'popup.openOptions': '设置与导出',
  'panel.outOfStock': '已断货',
  'common.none': '—',
  'panel.stockUnknown': '库存未知',
  'panel.notEnoughData': '数据不足',
  'popup.filters': '筛选',
  'popup.filter.platform': '平台',
  'popup.filter.marketplace': '站点',
  'popup.filter.risk': '风险',
  'popup.filter.any': '全部',
  'popup.search': '搜索 SKU 或标题',
  'popup.count': '{shown} / {total}',
  'popup.updating': '正在更新：这些行是最近一次更改之前的数据。',
  'popup.openSku': '在 {marketplace} 打开 {sku}',
  'popup.cover': '{days} 天',
  'popup.reorder': '{date} 前补货 {quantity} 件',
  'popup.reorderLate': '{quantity} 件 · 自 {date} 起逾期',
  'risk.all': '全部 SKU',
  'risk.attention': '需要处理',
  'risk.critical': '紧急',
  'risk.stockout': '断货',
  'risk.overstock': '积压',
  'risk.oversell': '超卖',
  'risk.no-sales': '无销量',
  'platform.amazon': '亚马逊',
  'platform.walmart': '沃尔玛',
  'platform.ebay': 'eBay',
  'purchase.popupLink': '采购计划',
};
