/** UI strings of the options page's "Inbound arrivals" section, English and Simplified Chinese with the same keys. */
export const inboundEn = {
  'options.inbound.heading': 'Inbound arrivals',
  'options.inbound.intro':
    'Units on their way to a fulfilment centre. The plan guesses their arrival from when they first appeared plus the transit days; enter the expected arrival (for example the check-in date of the shipment) and the stockout dates count it.',
  'options.inbound.empty': 'No units on the way.',
  'options.inbound.sku': 'SKU',
  'options.inbound.marketplace': 'Marketplace',
  'options.inbound.units': 'Inbound',
  'options.inbound.planned': 'Arrival the plan counts',
  'options.inbound.entered': 'Your expected arrival',
  'options.inbound.runsOut': 'Runs out',
  'options.inbound.runsOutWith': 'Runs out with the inbound',
  'options.inbound.estimated': '{date} (estimated)',
  'options.inbound.save': 'Save',
  'options.inbound.clear': 'Use the estimate',
  'options.inbound.dateLabel': 'Expected arrival of the {units} inbound units of {sku}',
  'options.inbound.never': 'not within the forecast',
} as const;

export const inboundZhCN: Record<keyof typeof inboundEn, string> = {
  'options.inbound.heading': '在途到货',
  'options.inbound.intro':
    '正在发往运营中心的货件。计划根据其首次出现的日期加上运输天数估算到货日；填写预计到货日（例如货件的签收入库日期）后，断货日期将按此计算。',
  'options.inbound.empty': '没有在途货件。',
  'options.inbound.sku': 'SKU',
  'options.inbound.marketplace': '站点',
  'options.inbound.units': '在途数量',
  'options.inbound.planned': '计划采用的到货日',
  'options.inbound.entered': '您的预计到货日',
  'options.inbound.runsOut': '断货日期',
  'options.inbound.runsOutWith': '计入在途后的断货日期',
  'options.inbound.estimated': '{date}（估算）',
  'options.inbound.save': '保存',
  'options.inbound.clear': '改用估算',
  'options.inbound.dateLabel': '{sku} 的 {units} 件在途商品的预计到货日',
  'options.inbound.never': '预测期内不会断货',
};
