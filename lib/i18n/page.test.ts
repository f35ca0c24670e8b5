import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages';
import { isPageKey, pageEn, t } from './page';

describe('the seller page strings (lib/i18n/page.ts)', () => {
  it('are the same strings as the whole table, in both languages', () => {
    for (const key of Object.keys(pageEn) as (keyof typeof pageEn)[]) {
      expect(t('en', key), key).toBe(en[key]);
      expect(t('zh-CN', key), key).toBe(zhCN[key]);
    }
  });

  it('leave out the strings only the options page shows', () => {
    expect(isPageKey('alert.no-sale')).toBe(true);
    expect(isPageKey('teach.show')).toBe(true);
    expect(isPageKey('chart.demand.title')).toBe(true);
    expect(isPageKey('options.title')).toBe(true); // a core string, shared with the popup
    expect(isPageKey('options.nav')).toBe(false);
    expect(Object.keys(en).filter((k) => k.startsWith('onboarding.') && isPageKey(k))).toEqual([]);
  });

  it('fill placeholders like the whole table', () => {
    expect(t('zh-CN', 'panel.health', { score: 80 })).toBe('健康分 80');
    expect(t('en', 'panel.health')).toBe('Health {score}');
  });
});
