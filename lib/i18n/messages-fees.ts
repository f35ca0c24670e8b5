/** Strings of the fee-aware FBA and WFS plans (lib/planning/decisions/fba-fees.ts, fba-capacity.ts, wfs-fees.ts): their alerts, in the catalogue's order. */
export const feesEn = {
  'alert.fba-floor-send': 'Send {units} by {date} to stay above the low-inventory floor (~{amount} at risk)',
  'alert.fba-floor-send-fee-unknown': 'Send {units} by {date} to stay above the low-inventory floor (fee unknown: no size tier set for this SKU)',
  'alert.fba-aged-mark-down': 'Mark down or remove {units} before {date} (aged surcharge ~{amount})',
  'alert.fba-aged-mark-down-fee-unknown': 'Mark down or remove {units} before {date} (aged surcharge, amount unknown: no unit volume set)',
  'alert.fba-q4-send-later': 'Sending now costs ~{amount} more in Q4 storage than sending {date}',
  'alert.fba-supply-differs': 'Amazon shows {shown} historical days of supply; the sales and stock history give {computed} (Amazon updates its figure weekly)',
  'alert.fba-capacity-hold': 'FBA capacity ({limit} cu ft) takes only {units} on {date}: hold the other {held} in your own warehouse or AWD',
  'alert.fba-capacity-hold-awd':
    'FBA capacity ({limit} cu ft) takes only {units} on {date}: hold the other {held} in your own warehouse (no Amazon fee) or in AWD (~{amount}: storage for up to {days} days until FBA has room, {boxes} boxes of {perBox} in and out, transport; AWD to FBA takes {legDays} days)',
  'alert.fba-capacity-hold-awd-volume-unknown':
    'FBA capacity ({limit} cu ft) takes only {units} on {date}: hold the other {held} in your own warehouse (no Amazon fee) or in AWD (cost unknown: no unit volume set for this SKU; AWD to FBA takes {legDays} days)',
  'alert.fba-capacity-hold-awd-fee-unknown':
    'FBA capacity ({limit} cu ft) takes only {units} on {date}: hold the other {held} in your own warehouse (no Amazon fee) or in AWD (cost unknown: no AWD fees known for this marketplace; AWD to FBA takes {legDays} days)',
  'alert.wfs-in-stock-send': "Send {units} to WFS by {date} to stay In Stock (Walmart's rule: {days}+ days of supply, available + inbound)",
  'alert.wfs-long-term-mark-down': 'Mark down or remove {units} before {date} (WFS long-term storage ~{amount})',
  'alert.wfs-long-term-mark-down-fee-unknown': 'Mark down or remove {units} before {date} (WFS long-term storage, amount unknown: no unit volume set)',
} as const;

export const feesZhCN: Record<keyof typeof feesEn, string> = {
  'alert.fba-floor-send': '请在 {date} 前发货 {units} 件，以保持在低库存水平费门槛之上（约 {amount} 费用风险）',
  'alert.fba-floor-send-fee-unknown': '请在 {date} 前发货 {units} 件，以保持在低库存水平费门槛之上（费用未知：此 SKU 未设置尺寸分段）',
  'alert.fba-aged-mark-down': '请在 {date} 前降价或移除 {units} 件（库龄附加费约 {amount}）',
  'alert.fba-aged-mark-down-fee-unknown': '请在 {date} 前降价或移除 {units} 件（将产生库龄附加费，金额未知：未设置单件体积）',
  'alert.fba-q4-send-later': '现在发货比 {date} 发货多付约 {amount} 第四季度仓储费',
  'alert.fba-supply-differs': '亚马逊显示历史供货天数为 {shown} 天；根据销售和库存历史计算为 {computed} 天（亚马逊每周更新该数值）',
  'alert.fba-capacity-hold': 'FBA 容量（{limit} 立方英尺）在 {date} 只能接收 {units} 件：其余 {held} 件请存放在自有仓库或 AWD',
  'alert.fba-capacity-hold-awd':
    'FBA 容量（{limit} 立方英尺）在 {date} 只能接收 {units} 件：其余 {held} 件可存放在自有仓库（无亚马逊费用）或 AWD（约 {amount}：在 FBA 腾出容量前最多 {days} 天的仓储费、{boxes} 箱（每箱 {perBox} 件）的入库和出库处理费及运输费；AWD 到 FBA 需 {legDays} 天）',
  'alert.fba-capacity-hold-awd-volume-unknown':
    'FBA 容量（{limit} 立方英尺）在 {date} 只能接收 {units} 件：其余 {held} 件可存放在自有仓库（无亚马逊费用）或 AWD（费用未知：此 SKU 未设置单件体积；AWD 到 FBA 需 {legDays} 天）',
  'alert.fba-capacity-hold-awd-fee-unknown':
    'FBA 容量（{limit} 立方英尺）在 {date} 只能接收 {units} 件：其余 {held} 件可存放在自有仓库（无亚马逊费用）或 AWD（费用未知：此站点的 AWD 费用未知；AWD 到 FBA 需 {legDays} 天）',
  'alert.wfs-in-stock-send': '请在 {date} 前向 WFS 发货 {units} 件以保持"有货"状态（沃尔玛规则：可售 + 入库中至少 {days} 天供货）',
  'alert.wfs-long-term-mark-down': '请在 {date} 前降价或移除 {units} 件（WFS 长期仓储费约 {amount}）',
  'alert.wfs-long-term-mark-down-fee-unknown': '请在 {date} 前降价或移除 {units} 件（将产生 WFS 长期仓储费，金额未知：未设置单件体积）',
};
