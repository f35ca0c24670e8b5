/**
 * UI strings of seller accounts (the options page's accounts section, its per-account settings
 * and the export's account choice), English and Simplified Chinese with the same keys.
 */
export const accountsEn = {
  'accounts.heading': 'Seller accounts',
  'accounts.intro':
    "Each seller account the pages showed (the account switcher, the signed-in seller) is kept apart: its listings, stock, orders and plans never mix with another account's, and automatic linking stays inside one account. The first account seen on each platform is the default account, which also holds everything read before accounts were told apart.",
  'accounts.name': 'Account',
  'accounts.platforms': 'Platforms',
  'accounts.default': 'default',
  'accounts.defaultName': 'Default account',
  'accounts.overrides': 'Settings of this account',
  'accounts.overridesNote': 'Leave a field empty to use the global setting.',
  'accounts.targetCoverDays': 'Days of cover to reorder for',
  'accounts.serviceLevel': 'Service level (0.5–0.999)',
  'accounts.defaultMoq': 'Default MOQ',
  'accounts.defaultCasePack': 'Default case pack',
  'accounts.save': 'Save for this account',
  'accounts.saved': 'Saved; plans are updated.',
  'accounts.filter': 'Seller account',
  'accounts.all': 'All accounts',
  'accounts.invalidWhole': '{field}: enter a whole number from {min} to {max}, or leave it empty to use the global setting',
  'accounts.invalidNumber': '{field}: enter a number from {min} to {max}, or leave it empty to use the global setting',
  'accounts.invalidBufferLine': '{field}, line {line}: write a channel, "=" and a number of units or a percent up to 100% (ebay = 5, amazon|amazon.de = 10%)',
  'accounts.invalidBufferChannel':
    '{field}, line {line}: "{channel}" is not a channel; write a platform (amazon, walmart, ebay) or a platform and marketplace (amazon|amazon.de)',
  'accounts.inherited': 'global: {value}',
  'accounts.inheritedNone': 'global: none',
  'accounts.buffersHelp':
    'One channel a line: ebay = 5 holds back 5 units, amazon|amazon.de = 10% holds back a tenth. Channels not named keep the global buffer.',
  'accounts.importAccount': 'Seller account the files belong to',
  'accounts.importAccountNote':
    'Suggested: the account a {platform} page last showed. Listings and orders of these files are stored under the account chosen here.',
  'accounts.rowAccount': 'Seller account: {name}',
} as const;

export const accountsZhCN: Record<keyof typeof accountsEn, string> = {
  'accounts.heading': '卖家账户',
  'accounts.intro':
    '页面上显示的每个卖家账户（账户切换器、已登录的卖家）都分开保存：其商品、库存、订单和补货计划不会与其他账户混在一起，自动关联也只在同一账户内进行。每个平台上最先出现的账户为默认账户，区分账户之前读取的数据也都归入默认账户。',
  'accounts.name': '账户',
  'accounts.platforms': '平台',
  'accounts.default': '默认',
  'accounts.defaultName': '默认账户',
  'accounts.overrides': '此账户的设置',
  'accounts.overridesNote': '留空则使用全局设置。',
  'accounts.targetCoverDays': '补货覆盖天数',
  'accounts.serviceLevel': '服务水平（0.5–0.999）',
  'accounts.defaultMoq': '默认最小起订量',
  'accounts.defaultCasePack': '默认每箱数量',
  'accounts.save': '保存此账户的设置',
  'accounts.saved': '已保存，补货计划已更新。',
  'accounts.filter': '卖家账户',
  'accounts.all': '全部账户',
  'accounts.invalidWhole': '{field}：请输入 {min} 到 {max} 之间的整数，或留空以使用全局设置',
  'accounts.invalidNumber': '{field}：请输入 {min} 到 {max} 之间的数字，或留空以使用全局设置',
  'accounts.invalidBufferLine': '{field}，第 {line} 行：请写渠道、"=" 以及件数或不超过 100% 的百分比（ebay = 5，amazon|amazon.de = 10%）',
  'accounts.invalidBufferChannel': '{field}，第 {line} 行："{channel}" 不是渠道；请写平台（amazon、walmart、ebay）或平台加站点（amazon|amazon.de）',
  'accounts.inherited': '全局：{value}',
  'accounts.inheritedNone': '全局：无',
  'accounts.buffersHelp': '每行一个渠道：ebay = 5 表示保留 5 件，amazon|amazon.de = 10% 表示保留十分之一。未写出的渠道沿用全局缓冲。',
  'accounts.importAccount': '文件所属的卖家账户',
  'accounts.importAccountNote': '建议：{platform} 页面最近显示的账户。这些文件中的商品和订单将保存在此处所选的账户下。',
  'accounts.rowAccount': '卖家账户：{name}',
};
