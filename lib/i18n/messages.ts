/**
 * Every UI string, in English and Simplified Chinese. The English table defines the keys;
 * the Chinese one must have exactly the same keys (a test checks), so a string is never
 * shown untranslated. `{name}` placeholders are filled by `t()`.
 */
import { accountsEn, accountsZhCN } from './messages-accounts';
import { backupEn, backupZhCN } from './messages-backup';
import { chartEn, chartZhCN } from './messages-chart';
import { feeOptionsEn, feeOptionsZhCN } from './messages-fee-options';
import { feesEn, feesZhCN } from './messages-fees';
import { importEn, importZhCN } from './messages-import';
import { inboundEn, inboundZhCN } from './messages-inbound';
import { onboardingEn, onboardingZhCN } from './messages-onboarding';
import { optionsEn, optionsZhCN } from './messages-options';
import { dataOptionsEn, dataOptionsZhCN } from './messages-options-data';
import { productsOptionsEn, productsOptionsZhCN } from './messages-options-products';
import { panelEn, panelZhCN } from './messages-panel';
import { popupEn, popupZhCN } from './messages-popup';
import { popupFirstEn, popupFirstZhCN } from './messages-popup-first';
import { purchasingEn, purchasingZhCN } from './messages-purchasing';
import { teachingEn, teachingZhCN } from './messages-teaching';

/** Shared strings of the panels and popup (also bundled by the content script: lib/i18n/page.ts). */
export const coreEn = {
  'panel.daysOfCover': 'Days of cover',
  'panel.noSales': 'No sales yet',
  'panel.noSalesFor': 'No sales in {days} days',
  'panel.stockout': 'Runs out {date}',
  'panel.stockoutWithInbound': 'Runs out {date} · {withInbound} with the {units} inbound',
  'panel.reorderBy': 'Reorder {quantity} by {date}',
  'panel.reorderNow': 'Reorder {quantity} now',
  'panel.noReorder': 'No reorder needed',
  'panel.health': 'Health {score}',
  'panel.clearance': 'Clearance: {action}',
  'panel.oversell': 'Oversell risk: {listed} listed, {pool} in stock',
  'panel.pending': 'Waiting for the planner…',
  'panel.updating': 'updating…',
  'panel.days': '{days} d',
  'popup.empty':
    'Nothing read yet. Open Manage All Inventory in Amazon Seller Central (or Walmart Seller Center, eBay Seller Hub) and the SKUs you see will appear here.',
  'popup.loading': 'Loading…',
  'popup.error': 'Could not reach the extension background: {message}',
  'options.title': 'Stock Copilot settings',
  'options.export.heading': 'Export',
  'options.export.csv': 'Export listings as CSV',
  'options.export.done': 'Exported {count} rows.',
} as const;

// Built in a function marked pure so that a bundle which never reads the whole table (the
// content script, through lib/i18n/page.ts) drops it and every catalogue only it holds: a
// top-level object spread counts as a side effect to the bundler and would keep them all.
export const en = /* @__PURE__ */ (() =>
  ({
    ...coreEn,
    ...popupFirstEn,
    ...optionsEn,
    ...productsOptionsEn,
    ...dataOptionsEn,
    ...popupEn,
    ...onboardingEn,
    ...importEn,
    ...teachingEn,
    ...inboundEn,
    ...purchasingEn,
    ...backupEn,
    ...feesEn,
    ...feeOptionsEn,
    ...panelEn,
    ...chartEn,
    ...accountsEn,
  }) as const)();

export type MessageKey = keyof typeof en;

export const coreZhCN: Record<keyof typeof coreEn, string> = {
  'panel.daysOfCover': '可售天数',
  'panel.noSales': '暂无销量',
  'panel.noSalesFor': '{days} 天无销量',
  'panel.stockout': '预计 {date} 断货',
  'panel.stockoutWithInbound': '预计 {date} 断货 · 算上在途 {units} 件为 {withInbound}',
  'panel.reorderBy': '请在 {date} 前补货 {quantity} 件',
  'panel.reorderNow': '请立即补货 {quantity} 件',
  'panel.noReorder': '暂不需要补货',
  'panel.health': '健康分 {score}',
  'panel.clearance': '清仓建议：{action}',
  'panel.oversell': '超卖风险：已上架 {listed} 件，库存 {pool} 件',
  'panel.pending': '正在计算…',
  'panel.updating': '更新中…',
  'panel.days': '{days} 天',
  'popup.empty': '还没有读取到数据。请打开亚马逊卖家后台的"管理所有库存"页面（或沃尔玛卖家中心、eBay 卖家中心），您看到的 SKU 会显示在这里。',
  'popup.loading': '加载中…',
  'popup.error': '无法连接扩展后台：{message}',
  'options.title': '库存助手设置',
  'options.export.heading': '导出',
  'options.export.csv': '导出商品 CSV',
  'options.export.done': '已导出 {count} 行。',
};

export const zhCN: Record<MessageKey, string> = /* @__PURE__ */ (() => ({
  ...coreZhCN,
  ...popupFirstZhCN,
  ...optionsZhCN,
  ...productsOptionsZhCN,
  ...dataOptionsZhCN,
  ...popupZhCN,
  ...onboardingZhCN,
  ...importZhCN,
  ...teachingZhCN,
  ...inboundZhCN,
  ...purchasingZhCN,
  ...backupZhCN,
  ...feesZhCN,
  ...feeOptionsZhCN,
  ...panelZhCN,
  ...chartZhCN,
  ...accountsZhCN,
}))();
