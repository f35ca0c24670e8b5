/**
 * The Details lines of a panel's stock pool's other channels: each listing that draws on the same
 * stock, named by platform, marketplace and SKU, with what it lists and its own channel answer
 * ("lists 30, list 12 there"), or, where the channel shows the pool's own count (FBA, WFS), how
 * much it sells from the stock.
 */
import { formatNumber, t, type Language } from '../i18n/page';
import type { PanelData, PoolMember } from '../messaging/protocol';
import { platformName } from './market-figures';

/**
 * One other channel's line.
 * @example poolMemberText('en', { key: 'ebay|ebay.com|LAMP', platform: 'ebay', marketplace: 'ebay.com', sku: 'LAMP', listed: 30, suggested: 12, dailyDemand: 1 }) // 'eBay ebay.com · LAMP: lists 30, list 12 there'
 */
export function poolMemberText(language: Language, member: PoolMember): string {
  const n = (value: number) => formatNumber(language, value);
  const channel = t(language, 'panel.pool.channel', { platform: platformName(language, member.key), marketplace: member.marketplace, sku: member.sku });
  const { listed, suggested } = member;
  if (suggested !== null) {
    if (listed === null) return t(language, 'panel.pool.listUnread', { channel, suggested: n(suggested) });
    if (listed === suggested) return t(language, 'panel.pool.listOk', { channel, listed: n(listed) });
    if (listed === 0) return t(language, 'panel.pool.listNone', { channel, suggested: n(suggested) });
    return t(language, 'panel.pool.listChange', { channel, listed: n(listed), suggested: n(suggested) });
  }
  if (member.dailyDemand === null) return t(language, 'panel.pool.unplanned', { channel });
  return t(language, 'panel.pool.shared', { channel, rate: formatNumber(language, member.dailyDemand, 1) });
}

/**
 * The lines of every other channel of the panel's pool, in the order the background sent them;
 * empty for a listing with a stock of its own.
 * @example poolMemberLines('en', panel).map((l) => l.text) // ['eBay ebay.com · LAMP: lists 30, list 12 there', ...]
 */
export function poolMemberLines(language: Language, data: Pick<PanelData, 'poolMembers'>): { key: string; text: string }[] {
  return (data.poolMembers ?? []).map((member) => ({ key: member.key, text: poolMemberText(language, member) }));
}
