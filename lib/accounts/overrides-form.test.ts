import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { BAND_FIELDS, formOf, inheritedOf, LINE_FIELDS, NUMBER_FIELDS, overridesOf, problemText, type OverridesForm } from './overrides-form';
import { settingsForAccount, type AccountOverrides } from './settings';

const empty = Object.fromEntries([...NUMBER_FIELDS, ...LINE_FIELDS, ...BAND_FIELDS].map((f) => [f, ''])) as OverridesForm;

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

  it('edits every overridable setting: a full set of overrides shows in the form and comes back the same', () => {
    // Typed against the overrides model: a field made overridable later must be added here, and then to the form.
    const full = {
      targetCoverDays: 90,
      serviceLevel: 0.99,
      defaultMoq: 10,
      defaultCasePack: 6,
      leadTimes: { defaultProductionDays: 12, transitDaysByDestination: { FBA: 20, WFS: 25, SELLER: 5 }, suppliers: {}, skuSupplier: { 'MUG-1': 'acme' } },
      safetyBuffers: { ebay: { kind: 'fixed' as const, value: 5 } },
      storageFees: {
        monthlyPerCubicFootJanSep: 50,
        monthlyPerCubicFootOctDec: 0,
        agedSurcharges: [
          { minDays: 181, perCubicFootMonthly: 50 },
          { minDays: 365, perCubicFootMonthly: 0 },
        ],
        wfsPerCubicFoot: { storage: 60, longTerm: 500 },
      },
      fbaFees: {
        capacityCubicFeetByMarketplace: { 'amazon.com': 800, 'amazon.de': 120.5 },
        lowInventoryPerUnit: [{ tier: 'large-standard' as const, overWeightOz: 48, upToWeightOz: 320, perUnitMinor: [100, 50, 0] }],
      },
    } satisfies { [K in keyof AccountOverrides]-?: unknown };
    const form = formOf(full);
    expect(form).toMatchObject({
      'storage.janSep': '0.50',
      'storage.octDec': '0.00',
      agedSurcharges: '181 = 0.50\n365 = 0.00',
      capacity: 'amazon.com = 800\namazon.de = 120.5',
      'wfs.storage': '0.60',
      'wfs.longTerm': '5.00',
      'lowInventory.0': '',
      'lowInventory.2': '1.00 / 0.50 / 0.00',
    });
    expect(overridesOf(form, full)).toEqual({ ok: true, overrides: full });
  });

  it('reads fee amounts in the currency the schedule charges and capacity limits per Amazon marketplace', () => {
    const result = overridesOf({ ...empty, 'storage.octDec': '1.2', agedSurcharges: ' 365 = 0\n\n181=0.5 ', capacity: 'Amazon.com = 800' }, {});
    expect(result).toEqual({
      ok: true,
      overrides: {
        storageFees: {
          monthlyPerCubicFootOctDec: 120,
          agedSurcharges: [
            { minDays: 181, perCubicFootMonthly: 50 },
            { minDays: 365, perCubicFootMonthly: 0 },
          ],
        },
        fbaFees: { capacityCubicFeetByMarketplace: { 'amazon.com': 800 } },
      },
    });
  });

  it('names each bad fee amount, tier and capacity line in both languages', () => {
    const result = overridesOf(
      { ...empty, 'storage.janSep': '-1', agedSurcharges: '181 = 0.5\n181 = 1\nold = 2\n9999 = 1', capacity: 'walmart.com = 5\namazon.com = 0\namazon.de' },
      {},
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const en = result.problems.map((p) => problemText('en', p));
    expect(en).toEqual([
      'FBA storage per cubic foot per month, January to September (USD): enter an amount of $0.00 or more, or leave it empty to use the global setting',
      expect.stringMatching(/^Aged-inventory surcharge tiers \(USD per cubic foot per month\), line 2: write an age in days from 0 to 3,650/),
      expect.stringMatching(/, line 3: write an age/),
      expect.stringMatching(/, line 4: write an age/),
      'FBA capacity limits (cubic feet, Capacity Monitor), line 1: "walmart.com" is not an Amazon marketplace; write one such as amazon.com or amazon.de',
      expect.stringMatching(
        /^FBA capacity limits \(cubic feet, Capacity Monitor\), line 2: write a marketplace, "=" and a number of cubic feet above 0 up to 10,000,000/,
      ),
      expect.stringMatching(/, line 3: write a marketplace/),
    ]);
    const zh = result.problems.map((p) => problemText('zh-CN', p));
    expect(zh[0]).toBe('FBA 每立方英尺每月仓储费，1 月至 9 月（USD）：请输入不小于 US$0.00 的金额，或留空以使用全局设置');
    expect(zh[4]).toContain('第 1 行："walmart.com" 不是亚马逊站点');
  });

  it('reads low-inventory rates row by row and WFS amounts part by part; the rest inherits the global (else published) amounts', () => {
    const inherited = inheritedOf(defaultSettings());
    // Nothing in the global settings: the published 2024 amounts, as the plans charge them.
    expect(inherited).toMatchObject({ 'wfs.storage': '0.75', 'wfs.longTerm': '7.50', 'lowInventory.0': '0.89 / 0.63 / 0.32' });
    const result = overridesOf({ ...empty, 'lowInventory.0': ' 0.5/0.4 / 0.3 ', 'wfs.longTerm': '6' }, {});
    expect(result).toEqual({
      ok: true,
      overrides: {
        storageFees: { wfsPerCubicFoot: { longTerm: 600 } },
        fbaFees: { lowInventoryPerUnit: [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [50, 40, 30] }] },
      },
    });
    if (!result.ok) return;
    const global = defaultSettings();
    global.fbaFees.lowInventoryPerUnit = [{ tier: 'large-standard', overWeightOz: 0, upToWeightOz: 48, perUnitMinor: [1, 2, 3] }];
    const planned = settingsForAccount(global, { overrides: { b: result.overrides } }, 'b');
    expect(planned.storageFees.wfsPerCubicFoot).toEqual({ storage: 75, longTerm: 600 });
    expect(planned.fbaFees.lowInventoryPerUnit).toEqual([global.fbaFees.lowInventoryPerUnit[0], result.overrides.fbaFees!.lowInventoryPerUnit![0]]);
  });

  it('names a low-inventory row without one amount per band, or a bad WFS amount, in both languages', () => {
    const result = overridesOf({ ...empty, 'wfs.storage': '-1', 'lowInventory.0': '0.89 / 0.63', 'lowInventory.1': 'a / b / c' }, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['wfs.storage', 'lowInventory.0', 'lowInventory.1']);
    const en = result.problems.map((p) => problemText('en', p));
    expect(en[0]).toBe('Walmart WFS storage per cubic foot per month (USD): enter an amount of $0.00 or more, or leave it empty to use the global setting');
    expect(en[1]).toBe(
      'Low-inventory-level fee per unit shipped, Small standard, any weight (USD; historical days of supply 0–14 / 14–21 / 21–28): enter 3 amounts of $0.00 or more separated by "/" (one per band, 0.89 / 0.63 / 0.32), or leave it empty to use the global setting',
    );
    const zh = result.problems.map((p) => problemText('zh-CN', p));
    expect(zh[1]).toContain('请输入 3 个不小于 US$0.00 的金额');
    expect(zh[2]).toContain('大号标准尺寸');
  });
});
