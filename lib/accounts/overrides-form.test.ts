import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { formOf, inheritedOf, NUMBER_FIELDS, overridesOf, problemText, type OverridesForm } from './overrides-form';
import { settingsForAccount } from './settings';

const empty = Object.fromEntries([...NUMBER_FIELDS, 'safetyBuffers'].map((f) => [f, ''])) as OverridesForm;

describe('per-account settings form', () => {
  it('turns filled fields into overrides, empty ones into "use the global setting"', () => {
    expect(overridesOf({ ...empty, serviceLevel: ' 0.99 ', defaultMoq: '50' }, { targetCoverDays: 30 })).toEqual({
      ok: true,
      overrides: { serviceLevel: 0.99, defaultMoq: 50 },
    });
    expect(formOf({ targetCoverDays: 90 })).toEqual({ ...empty, targetCoverDays: '90' });
  });

  it('edits lead times part by part and buffers channel by channel; the account plans with them over the global settings', () => {
    const form = { ...empty, productionDays: '12', 'transit.FBA': '20', safetyBuffers: 'ebay = 5\n\namazon|amazon.de = 10%' };
    const result = overridesOf(form, { leadTimes: { skuSupplier: { 'MUG-1': 'acme' } } });
    expect(result).toEqual({
      ok: true,
      overrides: {
        leadTimes: { defaultProductionDays: 12, transitDaysByDestination: { FBA: 20 }, skuSupplier: { 'MUG-1': 'acme' } },
        safetyBuffers: { ebay: { kind: 'fixed', value: 5 }, 'amazon|amazon.de': { kind: 'percent', value: 10 } },
      },
    });
    if (!result.ok) return;
    // Round trip: what is stored shows again as the seller wrote it.
    expect(formOf(result.overrides)).toMatchObject({
      productionDays: '12',
      'transit.FBA': '20',
      'transit.WFS': '',
      safetyBuffers: 'ebay = 5\namazon|amazon.de = 10%',
    });
    const global = { ...defaultSettings(), safetyBuffers: { walmart: { kind: 'fixed' as const, value: 3 } } };
    const planned = settingsForAccount(global, { overrides: { b: result.overrides } }, 'b');
    expect(planned.leadTimes).toEqual({
      ...global.leadTimes,
      defaultProductionDays: 12,
      transitDaysByDestination: { ...global.leadTimes.transitDaysByDestination, FBA: 20 },
      skuSupplier: { 'MUG-1': 'acme' },
    });
    expect(Object.keys(planned.safetyBuffers).sort()).toEqual(['amazon|amazon.de', 'ebay', 'walmart']);
  });

  it('shows the inherited global value of every field', () => {
    const inherited = inheritedOf(defaultSettings());
    expect(inherited).toMatchObject({
      targetCoverDays: '60',
      serviceLevel: '0.95',
      productionDays: '30',
      'transit.FBA': '40',
      'transit.SELLER': '30',
      safetyBuffers: '',
    });
    expect(NUMBER_FIELDS.every((f) => inherited[f] !== '')).toBe(true);
  });

  it('names every bad field with its bounds in both languages and saves nothing', () => {
    const result = overridesOf(
      {
        ...empty,
        targetCoverDays: '-1',
        serviceLevel: '2',
        defaultMoq: 'abc',
        defaultCasePack: '6',
        'transit.WFS': '1.5',
        safetyBuffers: 'ebay = 5\namazon = 150%\nshopify = 3\nebay five',
      },
      {},
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual([
      'targetCoverDays',
      'serviceLevel',
      'defaultMoq',
      'transit.WFS',
      'safetyBuffers',
      'safetyBuffers',
      'safetyBuffers',
    ]);
    const en = result.problems.map((p) => problemText('en', p));
    expect(en[0]).toBe('Days of cover to reorder for: enter a whole number from 1 to 730, or leave it empty to use the global setting');
    expect(en[1]).toMatch(/^Service level \(0\.5–0\.999\): enter a number from 0\.5 to 0\.999/);
    expect(en[3]).toMatch(/^Transit days to Walmart WFS: enter a whole number from 0 to/);
    expect(en.slice(4)).toEqual([
      expect.stringMatching(/^Safety buffer per channel, line 2: write a channel/),
      expect.stringMatching(/^Safety buffer per channel, line 3: "shopify" is not a channel/),
      expect.stringMatching(/^Safety buffer per channel, line 4: write a channel/),
    ]);
    const zh = result.problems.map((p) => problemText('zh-CN', p));
    expect(zh[0]).toBe('补货覆盖天数：请输入 1 到 730 之间的整数，或留空以使用全局设置');
    expect(zh[5]).toContain('第 3 行："shopify" 不是渠道');
  });
});
