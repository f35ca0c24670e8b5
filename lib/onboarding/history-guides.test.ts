import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../i18n/messages';
import { HISTORY_GUIDES, historyPlatforms } from './history-guides';

describe('order-history download guides', () => {
  it('every platform has a title and numbered steps in both languages', () => {
    for (const guide of Object.values(HISTORY_GUIDES)) {
      expect(guide.steps.length).toBeGreaterThanOrEqual(3);
      for (const key of [guide.title, ...guide.steps]) {
        expect(en[key].length, key).toBeGreaterThan(0);
        expect(zhCN[key], key).not.toBe(en[key]);
      }
    }
  });

  it('the Amazon steps ask for the longest range Amazon allows', () => {
    expect(HISTORY_GUIDES.amazon.steps.map((k) => en[k]).join(' ')).toMatch(/All Orders[\s\S]*two years/);
  });

  it('shows the platforms of the chosen marketplaces, or all when none is chosen', () => {
    expect(historyPlatforms({ marketplaces: ['walmart.com', 'amazon.de', 'amazon.fr'], channels: ['FBA'] })).toEqual(['amazon', 'walmart']);
    expect(historyPlatforms({ marketplaces: [], channels: [] })).toEqual(['amazon', 'walmart', 'ebay']);
  });
});
