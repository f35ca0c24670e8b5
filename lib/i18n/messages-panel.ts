/**
 * UI strings of the row panel's at-a-glance line: the urgency word of each level of the one
 * urgency rule (lib/planning/urgency.ts) and the one action, numbers first (so the number is
 * what stays readable in a narrow cell, in either language), English and Simplified Chinese.
 */
export const panelEn = {
  'urgency.critical': 'Critical',
  'urgency.warning': 'Reorder soon',
  'urgency.excess': 'Excess',
  'urgency.attention': 'Attention',
  'urgency.unknown': 'Unknown',
  'urgency.ok': 'OK',
  'panel.action.order': 'Order {quantity} by {date}',
  'panel.action.orderOverdue': 'Order {quantity} · {overdue}',
  'panel.action.list': 'List {quantity} here',
  'panel.action.listChange': 'List {quantity} here (now {listed})',
  'panel.action.markdown': 'Mark down {units} · {percent}%',
  'panel.action.markdownPercent': 'Mark down {percent}%',
  'panel.action.exit': 'Liquidate or remove',
  'panel.action.oversell': '{listed} listed · {pool} in stock',
  'panel.overdueSince': 'overdue since {date} ({days} days)',
  'panel.overdueSinceOneDay': 'overdue since {date} (1 day)',
} as const;

export const panelZhCN: Record<keyof typeof panelEn, string> = {
  'urgency.critical': '紧急',
  'urgency.warning': '即将补货',
  'urgency.excess': '积压',
  'urgency.attention': '需关注',
  'urgency.unknown': '未知',
  'urgency.ok': '正常',
  'panel.action.order': '订货 {quantity} 件 · {date} 前',
  'panel.action.orderOverdue': '订货 {quantity} 件 · {overdue}',
  'panel.action.list': '在此上架 {quantity} 件',
  'panel.action.listChange': '在此上架 {quantity} 件（当前 {listed} 件）',
  'panel.action.markdown': '降价清仓 {units} 件 · {percent}%',
  'panel.action.markdownPercent': '降价 {percent}%',
  'panel.action.exit': '清算或移除',
  'panel.action.oversell': '已上架 {listed} 件 · 库存 {pool} 件',
  'panel.overdueSince': '自 {date} 起已逾期（{days} 天）',
  'panel.overdueSinceOneDay': '自 {date} 起已逾期（1 天）',
};
