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
  'accounts.mergeHeading': 'Merge two accounts of one seller',
  'accounts.mergeNote':
    'When one seller shows up as two accounts (one page showed the seller id, another only the name or no account at all), merge one into the other: its listings, readings, orders, stock corrections and returns move over, the same SKU in both becomes one listing, and each value keeps its newest reading.',
  'accounts.mergeFrom': 'Merge account',
  'accounts.mergeInto': 'into account',
  'accounts.mergeCheck': 'Check what moves',
  'accounts.mergeSame': 'Choose two different accounts.',
  'accounts.mergeBadReading':
    'A stored reading of account "{account}" no longer passes the checks ({reason}), so nothing was merged and your data is as it was. Download a backup under Your data and report this.',
  'accounts.mergeBadOrderLine':
    'A stored order line of account "{account}" no longer passes the checks ({reason}), so nothing was merged and your data is as it was. Download a backup under Your data and report this.',
  'accounts.missing': 'No seller account "{account}" is known: open one of its seller pages first, or choose another account.',
  'accounts.mergeConfirmText':
    'Merging "{from}" into "{into}" moves {listings} listings ({collisions} of them also in "{into}": combined), {readings} readings, {orders} order lines, {calibrations} stock corrections and {returns} returns. "{from}" is then gone; its settings apply only where "{into}" has none. This cannot be undone: back up first if unsure.',
  'accounts.mergeConfirm': 'Merge',
  'accounts.mergeCancel': 'Cancel',
  'accounts.merged': '"{from}" is merged into "{into}"; plans are updated.',
  'accounts.mergeStorageFull':
    "The browser has no room left for the extension's data, so nothing was merged. Free space on the disk, or download a backup under Your data and delete data you no longer need, then merge again.",
  'accounts.rowAccount': 'Seller account: {name}',
  'accounts.storageJanSep': 'FBA storage per cubic foot per month, January to September ({currency})',
  'accounts.storageOctDec': 'FBA storage per cubic foot per month, October to December ({currency})',
  'accounts.agedSurcharges': 'Aged-inventory surcharge tiers ({currency} per cubic foot per month)',
  'accounts.agedHelp':
    'One tier a line: the age in days from which it applies, "=" and the amount: 181 = 0.50. The tiers written here replace all global tiers for this account; 0 charges nothing.',
  'accounts.capacity': 'FBA capacity limits (cubic feet, Capacity Monitor)',
  'accounts.capacityHelp':
    "One marketplace a line: amazon.com = 1500. Amazon gives each seller account its own limit, shared only by this account's FBA stock; marketplaces not named keep the global limit.",
  'accounts.invalidAmount': '{field}: enter an amount of {min} or more, or leave it empty to use the global setting',
  'accounts.invalidAgedLine': '{field}, line {line}: write an age in days from {minDays} to {maxDays} (each once), "=" and an amount (181 = 0.50)',
  'accounts.invalidCapacityLine': '{field}, line {line}: write a marketplace, "=" and a number of cubic feet above 0 up to {max} (amazon.com = 1500)',
  'accounts.invalidCapacityMarketplace': '{field}, line {line}: "{marketplace}" is not an Amazon marketplace; write one such as amazon.com or amazon.de',
  'accounts.lowInventoryRow': 'Low-inventory-level fee per unit shipped, {tier}, {weight} ({currency}; historical days of supply {bands})',
  'accounts.invalidBands':
    '{field}: enter {count} amounts of {min} or more separated by "/" (one per band, 0.89 / 0.63 / 0.32), or leave it empty to use the global setting',
  'accounts.wfsStorage': 'Walmart WFS storage per cubic foot per month ({currency})',
  'accounts.wfsLongTerm': 'Walmart WFS long-term storage per cubic foot per month, units over {days} days ({currency})',
} as const;

export const accountsZhCN: Record<keyof typeof accountsEn, string> = {
  'accounts.heading': '卖家账户',
  'accounts.intro':
    '页面上显示的每个卖家账户（账户切换器、已登录的卖家）都分开保存：其商品、库存、订单和补货计划不会与其他账户混在一起，自动关联也只在同一账户内进行。每个平台上最先出现的账户为默认账户，区分账户之前读取的数据也都归入默认账户。',
  'accounts.name': '账户',
  'accounts.platforms': '平台',
  'accounts.default': '默认',
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
  'accounts.mergeHeading': '合并同一卖家的两个账户',
  'accounts.mergeNote':
    '当同一卖家显示为两个账户时（一个页面显示卖家编号，另一个只显示名称或不显示账户），可将其中一个合并到另一个：其商品、读数、订单、库存更正和退货都会移过去，两边相同的 SKU 合为一个商品，每个数值保留最新的读数。',
  'accounts.mergeFrom': '将账户',
  'accounts.mergeInto': '合并到账户',
  'accounts.mergeCheck': '查看将移动的内容',
  'accounts.mergeSame': '请选择两个不同的账户。',
  'accounts.mergeBadReading':
    '账户“{account}”的一条已存读数已无法通过检查（{reason}），因此未做任何合并，您的数据保持原样。请在“您的数据”中下载备份并报告此问题。',
  'accounts.mergeBadOrderLine':
    '账户“{account}”的一条已存订单行已无法通过检查（{reason}），因此未做任何合并，您的数据保持原样。请在“您的数据”中下载备份并报告此问题。',
  'accounts.missing': '未知的卖家账户“{account}”：请先打开该账户的一个卖家后台页面，或选择其他账户。',
  'accounts.mergeConfirmText':
    '将“{from}”合并到“{into}”会移动 {listings} 个商品（其中 {collisions} 个在“{into}”中也有：将合并）、{readings} 条读数、{orders} 条订单行、{calibrations} 条库存更正和 {returns} 条退货。之后“{from}”将不再存在；它的设置仅在“{into}”未设置时沿用。此操作无法撤销：如不确定，请先备份。',
  'accounts.mergeConfirm': '合并',
  'accounts.mergeCancel': '取消',
  'accounts.merged': '“{from}”已合并到“{into}”；计划已更新。',
  'accounts.mergeStorageFull': '浏览器已没有空间存放扩展的数据，因此未做任何合并。请先释放磁盘空间，或在“您的数据”中下载备份并删除不再需要的数据，然后再合并。',
  'accounts.rowAccount': '卖家账户：{name}',
  'accounts.storageJanSep': 'FBA 每立方英尺每月仓储费，1 月至 9 月（{currency}）',
  'accounts.storageOctDec': 'FBA 每立方英尺每月仓储费，10 月至 12 月（{currency}）',
  'accounts.agedSurcharges': '库龄附加费档位（每立方英尺每月，{currency}）',
  'accounts.agedHelp': '每行一档：起始库龄天数、"=" 和金额，例如 181 = 0.50。此处写出的档位将替换此账户的全部全局档位；0 表示不收费。',
  'accounts.capacity': 'FBA 容量限制（立方英尺，容量监控）',
  'accounts.capacityHelp': '每行一个站点：amazon.com = 1500。亚马逊为每个卖家账户单独设定容量限制，仅由此账户的 FBA 库存共用；未写出的站点沿用全局限制。',
  'accounts.invalidAmount': '{field}：请输入不小于 {min} 的金额，或留空以使用全局设置',
  'accounts.invalidAgedLine': '{field}，第 {line} 行：请写 {minDays} 到 {maxDays} 之间的库龄天数（每个只写一次）、"=" 和金额（181 = 0.50）',
  'accounts.invalidCapacityLine': '{field}，第 {line} 行：请写站点、"=" 以及大于 0、不超过 {max} 的立方英尺数（amazon.com = 1500）',
  'accounts.invalidCapacityMarketplace': '{field}，第 {line} 行："{marketplace}" 不是亚马逊站点；请写 amazon.com、amazon.de 等站点',
  'accounts.lowInventoryRow': '低库存水平费（每发货一件），{tier}，{weight}（{currency}；历史供货天数 {bands}）',
  'accounts.invalidBands': '{field}：请输入 {count} 个不小于 {min} 的金额，以 "/" 分隔（每档一个，例如 0.89 / 0.63 / 0.32），或留空以使用全局设置',
  'accounts.wfsStorage': '沃尔玛 WFS 每立方英尺每月仓储费（{currency}）',
  'accounts.wfsLongTerm': '沃尔玛 WFS 每立方英尺每月长期仓储费，库龄超过 {days} 天的商品（{currency}）',
};
