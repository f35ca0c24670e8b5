import { describe, expect, it } from 'vitest';
import { formatDate, languageFromTag, t } from './index';
import { en, zhCN } from './messages';

describe('i18n', () => {
  it('has a Chinese string for every English key, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'panel.reorderBy', { quantity: 120, date: 'Dec 1' })).toBe('Reorder 120 by Dec 1');
    expect(t('zh-CN', 'panel.health', { score: 80 })).toBe('健康分 80');
    expect(t('en', 'panel.health')).toBe('Health {score}');
  });

  it('picks Chinese for any zh tag and English otherwise', () => {
    expect(languageFromTag('zh-CN')).toBe('zh-CN');
    expect(languageFromTag('zh-Hans')).toBe('zh-CN');
    expect(languageFromTag('de-DE')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });

  it('formats dates in the language, without shifting the day', () => {
    expect(formatDate('en', '2026-12-01')).toBe('12/1/2026');
    expect(formatDate('zh-CN', '2026-12-01')).toBe('2026/12/1');
  });
});
