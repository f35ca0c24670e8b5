// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { panelData } from '../messaging/test-panel';
import type { PoolMember } from '../messaging/protocol';
import { renderPanel, sweepDetachedPanels } from './panel-view';
import { poolMemberLines, poolMemberText } from './pool-lines';

const member = (fields: Partial<PoolMember> & Pick<PoolMember, 'key'>): PoolMember => {
  const [platform, marketplace, sku] = fields.key.split('|') as ['amazon' | 'walmart' | 'ebay', string, string];
  return { platform, marketplace, sku, listed: null, suggested: null, dailyDemand: null, ...fields };
};
const EBAY = member({ key: 'ebay|ebay.com|LAMP', listed: 30, suggested: 12, dailyDemand: 1 });
const WALMART = member({ key: 'walmart|walmart.com|LAMP', listed: 0, suggested: 9, dailyDemand: 1 });

afterEach(() => {
  document.body.replaceChildren();
  sweepDetachedPanels();
});

describe('the pool\u2019s other channels in Details', () => {
  it('names each by platform, marketplace and SKU with what it lists and its own answer, in both languages', () => {
    expect(poolMemberText('en', EBAY)).toBe('eBay ebay.com · LAMP: lists 30, list 12 there');
    expect(poolMemberText('en', WALMART)).toBe('Walmart walmart.com · LAMP: lists none, list 9 there');
    expect(poolMemberText('en', { ...EBAY, listed: 12 })).toBe('eBay ebay.com · LAMP: lists 12, as suggested');
    expect(poolMemberText('en', { ...EBAY, listed: null })).toBe('eBay ebay.com · LAMP: list 12 there (its listed quantity is not read yet)');
    expect(poolMemberText('zh-CN', EBAY)).toBe('eBay ebay.com · LAMP：当前上架 30 件，建议在该渠道上架 12 件');
    expect(poolMemberText('zh-CN', WALMART)).toBe('沃尔玛 walmart.com · LAMP：当前未上架，建议在该渠道上架 9 件');
  });

  it('says how much a channel that shows the pool\u2019s own count sells from it, and when it is not planned yet', () => {
    const fr = member({ key: 'amazon|amazon.fr|MUG-EU', dailyDemand: 3.04 });
    expect(poolMemberText('en', fr)).toBe('Amazon amazon.fr · MUG-EU: sells about 3 a day from this stock');
    expect(poolMemberText('zh-CN', fr)).toBe('亚马逊 amazon.fr · MUG-EU：每天从此库存售出约 3 件');
    expect(poolMemberText('en', member({ key: 'amazon|amazon.it|MUG-EU' }))).toBe('Amazon amazon.it · MUG-EU: not planned yet');
  });

  it('lists nothing for a stock of its own, and keeps the background\u2019s order', () => {
    expect(poolMemberLines('en', {})).toEqual([]);
    expect(poolMemberLines('en', { poolMembers: [WALMART, EBAY] }).map((l) => l.key)).toEqual([WALMART.key, EBAY.key]);
  });

  it('shows the list in the opened Details, one item per other channel', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    renderPanel(shadow, panelData({ sku: 'LAMP', key: 'amazon|amazon.com|LAMP', poolMembers: [EBAY, WALMART] }), 'en', { today: '2026-12-02' });
    expect(shadow.querySelector('[data-testid="pool-members"]')).toBeNull();
    shadow.querySelector<HTMLElement>('[data-testid="toggle"]')!.click();
    const items = [...shadow.querySelectorAll('[data-testid="pool-members"] li')].map((li) => li.textContent);
    expect(items).toEqual(['eBay ebay.com · LAMP: lists 30, list 12 there', 'Walmart walmart.com · LAMP: lists none, list 9 there']);
    const alone = document.createElement('div');
    document.body.append(alone);
    const own = alone.attachShadow({ mode: 'open' });
    renderPanel(own, panelData({ sku: 'MUG', key: 'amazon|amazon.com|MUG' }), 'en', { today: '2026-12-02' });
    own.querySelector<HTMLElement>('[data-testid="toggle"]')!.click();
    expect(own.querySelector('[data-testid="pool-members"]')).toBeNull();
  });
});
