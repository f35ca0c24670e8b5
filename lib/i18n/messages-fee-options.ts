/**
 * Strings of the options page's fee editor beyond the storage and aged tiers: the low-inventory
 * rates per unit, the FBA capacity limits and the Walmart WFS storage rates; and the merged
 * report's fee and capacity texts.
 */
export const feeOptionsEn = {
  'options.settings.lowInventoryRates': 'Low-inventory-level fee per unit shipped, by historical days of supply',
  'options.settings.lowInventoryRate': '{tier}, {weight}: {from}-{to} days',
  'options.settings.weightAny': 'any weight',
  'options.settings.weightUpTo': 'up to {upTo} {unit}',
  'options.settings.weightRange': 'over {over} up to {upTo} {unit}',
  'options.settings.capacity': 'FBA capacity limits (Capacity Monitor)',
  'options.settings.capacityHint':
    'The monthly limit Seller Central shows in the Capacity Monitor, for on-hand units plus open shipments. Planned shipments to FBA are capped by it; no supported page shows it, so enter it here. No limit entered: none is applied. Each seller account uses this limit unless it has its own under Seller accounts.',
  'options.settings.capacityMarketplace': 'Marketplace',
  'options.settings.capacityLimit': 'Capacity limit ({unit})',
  'options.settings.addCapacity': 'Add capacity limit',
  'options.settings.wfsFees': 'Walmart WFS storage ({marketplace}), per cubic foot per month',
  'options.settings.wfsStorage': 'Monthly storage',
  'options.settings.wfsLongTerm': 'Long-term storage (over {days} days)',
  'options.export.fees.action.in-stock-send': "Send {units} to WFS by {date} to stay In Stock (Walmart's 28-day rule)",
  'options.export.fees.action.wfs-mark-down': 'Mark down or remove {units} before {date} (WFS long-term storage ~{amount})',
  'options.export.column.fbaCapacityLimit': 'FBA capacity limit (cubic feet)',
  'options.export.column.capacityHeldUnits': 'Units held for FBA capacity',
  'options.export.column.capacityHoldWhere': 'Where to hold them',
  'options.export.capacity.holdWhere': 'Own warehouse or AWD (FBA takes {units} on {date})',
  'options.export.capacity.holdWhereAwd':
    'Own warehouse (no Amazon fee) or AWD (~{amount} for up to {days} days, {legDays} days to FBA); FBA takes {units} on {date}',
  'options.export.capacity.holdWhereAwdUnknown':
    'Own warehouse (no Amazon fee) or AWD (cost unknown: {missing}; {legDays} days to FBA); FBA takes {units} on {date}',
  'options.export.capacity.awdMissing.volume-unknown': 'no unit volume set for this SKU',
  'options.export.capacity.awdMissing.fee-unknown': 'no AWD fees known for this marketplace',
  'options.settings.awdEnabled': 'I use AWD (Amazon Warehousing and Distribution) here: price holding what the limit cuts in AWD',
  'options.settings.awdLegDays': 'AWD to FBA (days until sellable)',
  'options.settings.factRead': '{source}, {date}: {value}. Used while this field is empty.',
  'options.settings.factReadOverridden': '{source}, {date}: {value}. Your entry is used; clear it to use this.',
  'options.settings.factSourcePage': 'the {page} page',
  'options.settings.readSkuFacts': 'Read from reports and pages for other SKUs (used while you enter nothing)',
  'options.settings.readFrom': 'Read from',
  'options.settings.enterOwn': 'Enter your own',
} as const;

export const feeOptionsZhCN: Record<keyof typeof feeOptionsEn, string> = {
  'options.settings.lowInventoryRates': '低库存水平费（每发货一件，按历史供货天数）',
  'options.settings.lowInventoryRate': '{tier}，{weight}：{from}-{to} 天',
  'options.settings.weightAny': '任意重量',
  'options.settings.weightUpTo': '不超过 {upTo} {unit}',
  'options.settings.weightRange': '超过 {over} 且不超过 {upTo} {unit}',
  'options.settings.capacity': 'FBA 容量限制（容量监控）',
  'options.settings.capacityHint':
    '卖家平台容量监控中显示的每月限制，涵盖在库商品和未完成的货件。计划发往 FBA 的货件不会超过此限制；目前支持的页面都不显示该数值，请在此输入。未输入则不设限制。每个卖家账户都使用此限制，除非在“卖家账户”中为其单独设置。',
  'options.settings.capacityMarketplace': '站点',
  'options.settings.capacityLimit': '容量限制（{unit}）',
  'options.settings.addCapacity': '添加容量限制',
  'options.settings.wfsFees': '沃尔玛 WFS 仓储费（{marketplace}），每立方英尺每月',
  'options.settings.wfsStorage': '月度仓储费',
  'options.settings.wfsLongTerm': '长期仓储费（超过 {days} 天）',
  'options.export.fees.action.in-stock-send': '请在 {date} 前向 WFS 发货 {units} 件以保持"有货"状态（沃尔玛 28 天规则）',
  'options.export.fees.action.wfs-mark-down': '请在 {date} 前降价或移除 {units} 件（WFS 长期仓储费约 {amount}）',
  'options.export.column.fbaCapacityLimit': 'FBA 容量限制（立方英尺）',
  'options.export.column.capacityHeldUnits': '因 FBA 容量暂缓发货的件数',
  'options.export.column.capacityHoldWhere': '暂存地点',
  'options.export.capacity.holdWhere': '自有仓库或 AWD（FBA 在 {date} 接收 {units} 件）',
  'options.export.capacity.holdWhereAwd':
    '自有仓库（无亚马逊费用）或 AWD（约 {amount}，最多 {days} 天，到 FBA 需 {legDays} 天）；FBA 在 {date} 接收 {units} 件',
  'options.export.capacity.holdWhereAwdUnknown': '自有仓库（无亚马逊费用）或 AWD（费用未知：{missing}；到 FBA 需 {legDays} 天）；FBA 在 {date} 接收 {units} 件',
  'options.export.capacity.awdMissing.volume-unknown': '此 SKU 未设置单件体积',
  'options.export.capacity.awdMissing.fee-unknown': '此站点的 AWD 费用未知',
  'options.settings.awdEnabled': '我在此站点使用 AWD（亚马逊仓储和分销）：为超出容量限制的部分计算存放在 AWD 的费用',
  'options.settings.awdLegDays': 'AWD 到 FBA（到可售的天数）',
  'options.settings.factRead': '{source}，{date}：{value}。此栏为空时使用此数值。',
  'options.settings.factReadOverridden': '{source}，{date}：{value}。当前使用您的填写；清空后改用此数值。',
  'options.settings.factSourcePage': '{page} 页面',
  'options.settings.readSkuFacts': '从报告和页面读取的其他 SKU 数值（您未填写时使用）',
  'options.settings.readFrom': '读取来源',
  'options.settings.enterOwn': '自行填写',
};
