import { describe, expect, it } from 'vitest';
import { scheduleOn } from '../fees/index';
import { storageChargeOf } from '../planning/storage-schedule';
import { defaultSettings, type Settings } from '../settings/schema';
import { capacityLimitsByAccount } from './plan';
import { hasOverrides, settingsForAccount } from './settings';

describe('settingsForAccount', () => {
  const global = defaultSettings();
  it("puts an account's overrides over the global settings, leaving other accounts alone", () => {
    const doc = { overrides: { 'amazon-b': { targetCoverDays: 90, serviceLevel: 0.99 } } };
    expect(settingsForAccount(global, doc, 'amazon-b')).toMatchObject({ targetCoverDays: 90, serviceLevel: 0.99, defaultMoq: global.defaultMoq });
    expect(settingsForAccount(global, doc, undefined)).toBe(global);
    expect(settingsForAccount(global, doc, 'default')).toBe(global);
    expect(hasOverrides(doc)).toBe(true);
    expect(hasOverrides({ overrides: {} })).toBe(false);
  });

  it('ignores an override that is not valid settings (never plans with a broken value)', () => {
    const doc = { overrides: { 'amazon-b': { targetCoverDays: -5 } } };
    expect(settingsForAccount(global, doc, 'amazon-b')).toBe(global);
  });

  it("puts an account's fee amounts and capacity limits over the global ones; the default account keeps the stored settings", () => {
    const stored = { ...defaultSettings(), fbaFees: { ...defaultSettings().fbaFees, capacityCubicFeetByMarketplace: { 'amazon.com': 500, 'amazon.de': 300 } } };
    const newSeller = {
      storageFees: { monthlyPerCubicFootOctDec: 0, agedSurcharges: [{ minDays: 365, perCubicFootMonthly: 0 }] },
      fbaFees: { capacityCubicFeetByMarketplace: { 'amazon.com': 80 } },
    };
    const doc = { overrides: { 'amazon-b': newSeller } };
    const b = settingsForAccount(stored, doc, 'amazon-b');
    expect(b.storageFees).toEqual({ ...stored.storageFees, monthlyPerCubicFootOctDec: 0, agedSurcharges: [{ minDays: 365, perCubicFootMonthly: 0 }] });
    // One marketplace overridden, the other inherited; the rest of the FBA fee settings untouched.
    expect(b.fbaFees).toEqual({ ...stored.fbaFees, capacityCubicFeetByMarketplace: { 'amazon.com': 80, 'amazon.de': 300 } });
    expect(settingsForAccount(stored, doc, 'default')).toBe(stored);
    const limitOf = capacityLimitsByAccount(stored, doc);
    expect([limitOf('amazon-b', 'amazon.com'), limitOf('default', 'amazon.com'), limitOf('amazon-b', 'amazon.de')]).toEqual([80, 500, 300]);
    // The plans of account b price peak storage at its own rate, the default account's at the published one.
    const peak = Date.UTC(2026, 10, 1) / 86_400_000;
    const fba = { poolId: 'fba:NA', marketplace: 'amazon.com' };
    const rate = (settings: Settings) => {
      const charge = storageChargeOf(fba, settings, peak);
      return typeof charge === 'object' ? charge.storage.perCubicFootMinor['large-standard'].peak : charge;
    };
    expect(rate(b)).toBe(0);
    const published = scheduleOn('amazon.com', 'fba', '2026-11-01')!;
    expect(rate(stored)).toBe(published.storage !== 'unknown' && published.storage.perCubicFootMinor['large-standard'].peak);
  });

  it('ignores a capacity limit or fee amount that is not valid (never plans with a broken value)', () => {
    for (const bad of [{ fbaFees: { capacityCubicFeetByMarketplace: { 'amazon.com': -1 } } }, { storageFees: { monthlyPerCubicFootJanSep: 1.5 } }]) {
      expect(settingsForAccount(global, { overrides: { 'amazon-b': bad } }, 'amazon-b')).toBe(global);
    }
  });
});
