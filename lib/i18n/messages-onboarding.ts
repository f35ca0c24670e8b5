/**
 * UI strings of the guided start on the options page (components/options/FirstRun*.tsx),
 * English and Simplified Chinese with the same keys. The download instructions per platform
 * follow lib/onboarding/history-guides.ts, which says what in them is uncertain.
 */
export const onboardingEn = {
  'onboarding.heading': 'Guided start',
  'onboarding.intro':
    'Four short steps, and the panels on your seller pages show forecasts instead of "No sales yet". Skip whenever you like and resume later.',
  'onboarding.progress': 'Step {n} of {total}',
  'onboarding.steps': 'Steps of the guided start',
  'onboarding.stepDone': '(done)',
  'onboarding.step.channels': 'Where you sell',
  'onboarding.step.leadTimes': 'Lead times',
  'onboarding.step.history': 'Bring your sales history',
  'onboarding.step.pages': 'Open these pages once',
  'onboarding.next': 'Next',
  'onboarding.back': 'Back',
  'onboarding.finish': 'Finish',
  'onboarding.skip': 'Skip the guided start',
  'onboarding.skipped': 'You skipped the guided start at step {n} of {total}.',
  'onboarding.resume': 'Resume the guided start',

  'onboarding.channels.marketplaces': 'Marketplaces you sell on',
  'onboarding.channels.platform.amazon': 'Amazon Seller Central',
  'onboarding.channels.europeHost': 'Seller Central Europe (sellercentral-europe.amazon.com)',
  'onboarding.channels.platform.walmart': 'Walmart Seller Center',
  'onboarding.channels.platform.ebay': 'eBay Seller Hub',
  'onboarding.channels.channels': 'Who ships your orders',
  'onboarding.channels.needOne': 'Choose at least one marketplace and one way your orders are shipped.',

  'onboarding.leadTimes.intro':
    'Every reorder date counts back from these: the days a supplier needs to make an order, plus the days a shipment takes until it can be sold at each destination.',
  'onboarding.leadTimes.preset': 'How your goods travel',
  'onboarding.leadTimes.preset.sea': 'Sea freight',
  'onboarding.leadTimes.preset.air': 'Air freight',
  'onboarding.leadTimes.presetNote': 'A preset fills in the transit days; change any of them before saving.',
  'onboarding.leadTimes.more': 'Minimum order quantities, case packs, transit per supplier and which SKU comes from which supplier are in Settings below.',
  'onboarding.leadTimes.save': 'Save and continue',

  'onboarding.history.intro':
    'One import of your order history gives every SKU a forecast. Download the order report of each marketplace as below, then drop the files here: you see a preview, and nothing is stored until you confirm.',
  'onboarding.history.marketplaceNote':
    'Amazon files name each order\'s marketplace and are stored under it. For the others, first set "{field}" to the marketplace the file comes from.',
  'onboarding.history.later': 'No files at hand? Go on, and import them later in the Import section.',
  'onboarding.history.amazon.title': 'Amazon: the All Orders report',
  'onboarding.history.amazon.1': 'In Seller Central, open Reports › Fulfillment, and under Sales choose All Orders.',
  'onboarding.history.amazon.2':
    'Choose exact dates and the longest range Amazon accepts: orders up to two years old. If it refuses a range that long, request a few shorter ones and import every file.',
  'onboarding.history.amazon.3': 'Request the download (.txt, tab-separated) and download it when it is ready, usually within minutes.',
  'onboarding.history.amazon.4': 'Repeat in the Seller Central of each other Amazon marketplace you sell on.',
  'onboarding.history.walmart.title': 'Walmart: your orders',
  'onboarding.history.walmart.1': 'In Seller Center, open Order Management.',
  'onboarding.history.walmart.2': 'Filter by order date with the longest range the page offers, all statuses.',
  'onboarding.history.walmart.3': 'Choose Download and save the CSV file.',
  'onboarding.history.ebay.title': 'eBay: your orders',
  'onboarding.history.ebay.1': 'In Seller Hub, open Reports › Downloads and choose Download report.',
  'onboarding.history.ebay.2': 'Source: Orders, type: All orders, with the longest date range offered (download several periods if it is limited).',
  'onboarding.history.ebay.3': 'Download the CSV file when it is ready.',
  'onboarding.importInGuide': 'The import is open in the guided start above.',

  'onboarding.pages.intro':
    'These pages show your stock and recent sales. Open each once while signed in; after that every visit keeps the figures up to date.',
  'onboarding.pages.link': '{page} · {marketplace}',
  'onboarding.pages.none': 'Choose your marketplaces in the first step to see your pages here.',
} as const;

export const onboardingZhCN: Record<keyof typeof onboardingEn, string> = {
  'onboarding.heading': '快速上手',
  'onboarding.intro': '只需四个简短步骤，卖家后台页面上的面板就会显示预测，而不是“暂无销量”。可以随时跳过，稍后继续。',
  'onboarding.progress': '第 {n} 步，共 {total} 步',
  'onboarding.steps': '快速上手的步骤',
  'onboarding.stepDone': '（已完成）',
  'onboarding.step.channels': '您在哪里销售',
  'onboarding.step.leadTimes': '交货周期',
  'onboarding.step.history': '导入销售历史',
  'onboarding.step.pages': '打开这些页面一次',
  'onboarding.next': '下一步',
  'onboarding.back': '上一步',
  'onboarding.finish': '完成',
  'onboarding.skip': '跳过快速上手',
  'onboarding.skipped': '您在第 {n} 步（共 {total} 步）跳过了快速上手。',
  'onboarding.resume': '继续快速上手',

  'onboarding.channels.marketplaces': '您销售的站点',
  'onboarding.channels.platform.amazon': '亚马逊卖家平台',
  'onboarding.channels.europeHost': '亚马逊欧洲站卖家后台',
  'onboarding.channels.platform.walmart': '沃尔玛卖家中心',
  'onboarding.channels.platform.ebay': 'eBay 卖家中心',
  'onboarding.channels.channels': '谁为您的订单发货',
  'onboarding.channels.needOne': '请至少选择一个站点和一种发货方式。',

  'onboarding.leadTimes.intro': '每个补货日期都由此倒推：供应商生产一批订单所需的天数，加上货物运到各目的地并可销售所需的天数。',
  'onboarding.leadTimes.preset': '货物运输方式',
  'onboarding.leadTimes.preset.sea': '海运',
  'onboarding.leadTimes.preset.air': '空运',
  'onboarding.leadTimes.presetNote': '预设会填入运输天数；保存前可修改其中任何一项。',
  'onboarding.leadTimes.more': '最小起订量、箱规、各供应商的运输天数以及 SKU 对应的供应商，请在下方的“设置”中填写。',
  'onboarding.leadTimes.save': '保存并继续',

  'onboarding.history.intro':
    '导入一次订单历史，即可为每个 SKU 生成预测。请按下面的说明下载各站点的订单报告，然后把文件拖到这里：您会先看到预览，确认之前不会保存任何数据。',
  'onboarding.history.marketplaceNote': '亚马逊的文件注明了每个订单的站点，会归入对应站点。其他文件请先把“{field}”设为文件来源的站点。',
  'onboarding.history.later': '手头没有文件？可以先继续，之后在“导入”部分再导入。',
  'onboarding.history.amazon.title': '亚马逊：“所有订单”报告',
  'onboarding.history.amazon.1': '在卖家平台打开“数据报告 › 库存和销售报告”（亚马逊物流），在“销售”下选择“所有订单”。',
  'onboarding.history.amazon.2': '选择“精确日期”，并设置亚马逊允许的最长范围：最早可到两年前的订单。如果范围太长被拒绝，请分成几段较短的范围，并导入每个文件。',
  'onboarding.history.amazon.3': '请求下载（.txt，制表符分隔），报告生成后（通常几分钟内）下载。',
  'onboarding.history.amazon.4': '在您销售的其他每个亚马逊站点的卖家平台中重复以上步骤。',
  'onboarding.history.walmart.title': '沃尔玛：您的订单',
  'onboarding.history.walmart.1': '在卖家中心打开“订单管理”。',
  'onboarding.history.walmart.2': '按下单日期筛选，选择页面提供的最长范围，包含所有状态。',
  'onboarding.history.walmart.3': '选择“下载”，保存 CSV 文件。',
  'onboarding.history.ebay.title': 'eBay：您的订单',
  'onboarding.history.ebay.1': '在卖家中心打开“报告 › 下载”，选择“下载报告”。',
  'onboarding.history.ebay.2': '来源：订单，类型：所有订单，选择提供的最长日期范围（如有限制，请分几个时段下载）。',
  'onboarding.history.ebay.3': '报告生成后下载 CSV 文件。',
  'onboarding.importInGuide': '导入功能已在上方的快速上手中打开。',

  'onboarding.pages.intro': '这些页面显示您的库存和近期销量。请在登录状态下各打开一次；之后每次访问都会更新数据。',
  'onboarding.pages.link': '{page} · {marketplace}',
  'onboarding.pages.none': '请在第一步选择您的站点，这里就会显示您的页面。',
};
