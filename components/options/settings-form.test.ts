import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/settings/schema';
import { formOf, toSettings } from './settings-form';

describe('settings form', () => {
  it('round-trips the settings through the form', () => {
    const settings = { ...defaultSettings(), safetyBuffers: { ebay: { kind: 'percent' as const, value: 10 } }, allocationWeights: { amazon: 2 } };
    settings.leadTimes = {
      ...settings.leadTimes,
      suppliers: { Acme: { productionDays: 20, transitDays: { FBA: 35 }, moq: 100, casePack: 12 } },
      skuSupplier: { 'MUG-1': 'Acme' },
    };
    expect(toSettings(formOf(settings), 'en')).toEqual({ settings, errors: {} });
  });

  it('puts each problem on its input, translated', () => {
    const form = formOf(defaultSettings());
    form.base = {
      ...form.base,
      targetCoverDays: 0,
      serviceLevel: Number.NaN,
      leadTimes: { ...form.base.leadTimes, transitDaysByDestination: { FBA: 1.5, WFS: 40, SELLER: 30 } },
    };
    form.suppliers = [
      { name: 'Acme', productionDays: -1, transit: {}, moq: 1, casePack: 1 },
      { name: 'Acme', productionDays: 1, transit: {}, moq: 1, casePack: 1 },
    ];
    form.buffers = [
      { channel: 'ebay', kind: 'percent', value: 5 },
      { channel: '', kind: 'fixed', value: 1 },
    ];
    form.skuSupplierText = 'MUG-1=Nobody';
    expect(toSettings(form, 'en').errors).toEqual({
      targetCoverDays: 'Must be at least 1.',
      serviceLevel: 'Enter a number.',
      'leadTimes.transitDaysByDestination.FBA': 'Must be a whole number.',
      'suppliers.1.name': 'Each name may appear only once.',
      'buffers.1.channel': 'Required.',
      skuSupplier: 'Line 1: write SKU=supplier with a supplier listed above.',
    });
    form.suppliers = [form.suppliers[0]!];
    form.buffers = [form.buffers[0]!];
    form.skuSupplierText = '';
    expect(toSettings(form, 'zh-CN').errors['suppliers.0.productionDays']).toBe('不能小于 0。');
  });
});

describe('data kept', () => {
  it('saves the compaction window and reports one out of range next to its field', () => {
    const settings = defaultSettings();
    const form = formOf({ ...settings, compaction: { rawObservationDays: 45 } });
    expect(toSettings(form, 'en').settings?.compaction.rawObservationDays).toBe(45);
    const bad = formOf({ ...settings, compaction: { rawObservationDays: 3 } });
    expect(Object.keys(toSettings(bad, 'en').errors)).toEqual(['compaction.rawObservationDays']);
  });
});

describe('per-SKU fee facts', () => {
  it('edits size tier, weight and volume as one row per SKU and saves each where the planner reads it', () => {
    const settings = defaultSettings();
    settings.fbaFees.sizeBySku = { 'MUG-1': { tier: 'large-standard', shippingWeightOz: 40 } };
    settings.storageFees.unitCubicFeetBySku = { 'MUG-1': 0.3, 'CUP-2': 0.05 };
    const form = formOf(settings);
    expect(form.skuFacts).toEqual([
      { sku: 'CUP-2', tier: '', weightOz: Number.NaN, cubicFeet: 0.05 },
      { sku: 'MUG-1', tier: 'large-standard', weightOz: 40, cubicFeet: 0.3 },
    ]);
    expect(toSettings(form, 'en')).toEqual({ settings, errors: {} });
    form.skuFacts[0] = { sku: ' CUP-2 ', tier: 'small-standard', weightOz: 6, cubicFeet: Number.NaN };
    const saved = toSettings(form, 'en').settings!;
    expect(saved.fbaFees.sizeBySku['CUP-2']).toEqual({ tier: 'small-standard', shippingWeightOz: 6 });
    expect(saved.storageFees.unitCubicFeetBySku).toEqual({ 'MUG-1': 0.3 });
  });

  it('puts a missing weight, a bad volume and a repeated SKU on their inputs', () => {
    const form = formOf(defaultSettings());
    form.skuFacts = [
      { sku: 'A', tier: 'small-standard', weightOz: Number.NaN, cubicFeet: 0.1 },
      { sku: 'B', tier: '', weightOz: Number.NaN, cubicFeet: -1 },
      { sku: 'B', tier: '', weightOz: Number.NaN, cubicFeet: 0.1 },
    ];
    expect(toSettings(form, 'en').errors).toMatchObject({
      'skuFacts.0.weight': 'Required.',
      'skuFacts.2.sku': 'Each name may appear only once.',
    });
    form.skuFacts = [form.skuFacts[1]!];
    expect(toSettings(form, 'en').errors).toEqual({ 'skuFacts.0.volume': 'Must be at least 0.' });
  });
});

describe('fee schedule amounts and capacity limits', () => {
  it('keeps the seller low-inventory rates and capacity limits, and puts a bad amount on its input', () => {
    const settings = defaultSettings();
    settings.fbaFees.lowInventoryPerUnit = [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [95, 70, 40] }];
    settings.fbaFees.capacityCubicFeetByMarketplace = { 'amazon.com': 1200 };
    const form = formOf(settings);
    expect(toSettings(form, 'en')).toEqual({ settings, errors: {} });
    form.base = {
      ...form.base,
      fbaFees: {
        ...form.base.fbaFees,
        lowInventoryPerUnit: [{ tier: 'small-standard', overWeightOz: 0, upToWeightOz: null, perUnitMinor: [95, -1, 40] }],
        capacityCubicFeetByMarketplace: { 'amazon.de': Number.NaN },
      },
    };
    expect(toSettings(form, 'zh-CN').errors).toEqual({
      'fbaFees.lowInventoryPerUnit.0.perUnitMinor.1': expect.any(String),
      'fbaFees.capacityCubicFeetByMarketplace.amazon.de': expect.any(String),
    });
  });
});
