import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, settingsSchema, SETTINGS_VERSION } from './schema';
import { migrateSettings, migrateSettingsReport, migrateV1toV2, migrateV2toV3, migrateV3toV4 } from './migrate';

const v1Sample = {
  version: 1,
  leadTimes: { productionDays: 20, transitDays: 45 },
  safetyBufferUnits: 3,
  language: 'zh',
  targetCoverDays: 90,
  serviceLevel: 0.9,
};

describe('defaults', () => {
  it('are valid under the current schema', () => {
    expect(settingsSchema.safeParse(defaultSettings()).success).toBe(true);
  });
  it('round-trip unchanged with nothing dropped', () => {
    const report = migrateSettingsReport(defaultSettings());
    expect(report.settings).toEqual(defaultSettings());
    expect(report.dropped).toEqual([]);
    expect(report.fromVersion).toBe(SETTINGS_VERSION);
  });
});

describe('step v1 -> v2', () => {
  it('turns the single transit time into one per destination', () => {
    const v2 = migrateV1toV2(v1Sample);
    expect(v2.version).toBe(2);
    expect(v2.leadTimes).toEqual({
      defaultProductionDays: 20,
      transitDaysByDestination: { FBA: 45, WFS: 45, SELLER: 45 },
      suppliers: {},
      skuSupplier: {},
    });
  });
  it('turns the single buffer into a fixed buffer per platform and renames zh', () => {
    const v2 = migrateV1toV2(v1Sample);
    expect(v2.safetyBuffers).toEqual({
      amazon: { kind: 'fixed', value: 3 },
      walmart: { kind: 'fixed', value: 3 },
      ebay: { kind: 'fixed', value: 3 },
    });
    expect(v2.language).toBe('zh-CN');
    expect('safetyBufferUnits' in v2).toBe(false);
  });
  it('yields valid current settings that keep the seller numbers', () => {
    const report = migrateSettingsReport(v1Sample);
    expect(report.fromVersion).toBe(1);
    expect(report.dropped).toEqual([]);
    expect(report.settings.targetCoverDays).toBe(90);
    expect(report.settings.serviceLevel).toBe(0.9);
    expect(report.settings.leadTimes.transitDaysByDestination.WFS).toBe(45);
    // Fields that v2 added come from the defaults.
    expect(report.settings.clearance).toEqual(defaultSettings().clearance);
  });
  it('treats settings without a version as v1', () => {
    const { version: _v, ...unversioned } = v1Sample;
    expect(migrateSettingsReport(unversioned).fromVersion).toBe(1);
    expect(migrateSettings(unversioned).language).toBe('zh-CN');
  });
});

describe('damaged input', () => {
  it('replaces only the bad fields and says which', () => {
    const report = migrateSettingsReport({
      ...defaultSettings(),
      serviceLevel: 'high',
      alerts: { ...defaultSettings().alerts, spikePct: -5 },
      unitCostMinorBySku: { good: 500, bad: -1 },
    });
    expect(report.dropped.sort()).toEqual(['alerts.spikePct', 'serviceLevel', 'unitCostMinorBySku.bad']);
    expect(report.settings.serviceLevel).toBe(0.95);
    expect(report.settings.alerts.spikePct).toBe(200);
    expect(report.settings.alerts.noSaleDays).toBe(30);
    expect(report.settings.unitCostMinorBySku).toEqual({ good: 500 });
  });
  it('drops hidden-panel page types this build does not know, keeping the others and nothing else', () => {
    const report = migrateSettingsReport({ ...defaultSettings(), hiddenPanels: ['walmart/items', 'amazon/orders', 'ebay/orders'] });
    expect(report.settings.hiddenPanels).toEqual(['amazon/orders', 'ebay/orders']);
    expect(report.dropped).toEqual([]);
    expect(settingsSchema.parse({ ...defaultSettings(), hiddenPanels: ['walmart/manage-items', 'x'] }).hiddenPanels).toEqual(['walmart/manage-items']);
  });
  it('falls back to defaults for non-objects and future versions', () => {
    expect(migrateSettingsReport('garbage')).toEqual({ settings: defaultSettings(), fromVersion: null, dropped: ['(root)'] });
    expect(migrateSettingsReport(undefined).dropped).toEqual([]);
    expect(migrateSettingsReport({ version: 99 }).dropped).toEqual(['version']);
    expect(migrateSettingsReport({ version: 1, leadTimes: 7 }).settings.leadTimes).toEqual(defaultSettings().leadTimes);
  });
  it('never throws and always returns valid settings', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(settingsSchema.safeParse(migrateSettings(junk)).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(defaultSettings()), 'x'), fc.anything()), (partial) => {
        expect(settingsSchema.safeParse(migrateSettings({ version: 1, ...partial })).success).toBe(true);
        expect(settingsSchema.safeParse(migrateSettings({ ...partial, version: 2 })).success).toBe(true);
      }),
    );
  });
});

describe('step v2 -> v3', () => {
  it('keeps raw readings 90 days, or the shorter history window the seller chose', () => {
    expect(migrateV2toV3({ version: 2, historyDays: 730 })).toMatchObject({ version: 3, compaction: { rawObservationDays: 90 } });
    expect(migrateV2toV3({ version: 2, historyDays: 60 }).compaction).toEqual({ rawObservationDays: 60 });
    expect(migrateV2toV3({ version: 2 }).compaction).toEqual({ rawObservationDays: 90 });
  });

  it('upgrades stored v2 settings without losing what the seller set', () => {
    const v2 = { ...defaultSettings(), version: 2, targetCoverDays: 45, historyDays: 60 } as Record<string, unknown>;
    delete v2.compaction;
    const { settings, fromVersion, dropped } = migrateSettingsReport(v2);
    expect(fromVersion).toBe(2);
    expect(dropped).toEqual([]);
    expect(settings.targetCoverDays).toBe(45);
    expect(settings.compaction.rawObservationDays).toBe(60);
    expect(settings.version).toBe(SETTINGS_VERSION);
  });

  it('takes v1 settings through every step', () => {
    expect(migrateSettings({ version: 1, language: 'zh' })).toMatchObject({ version: 4, language: 'zh-CN', compaction: { rawObservationDays: 90 } });
  });
});

describe('step v3 -> v4 (fee schedules are the one source of storage defaults)', () => {
  const v3Aged = [
    { minDays: 181, perCubicFootMonthly: 150 },
    { minDays: 271, perCubicFootMonthly: 400 },
    { minDays: 366, perCubicFootMonthly: 690 },
  ];

  it("replaces v3's invented aged-surcharge defaults by the published tiers, and defaults the FBA fee settings", () => {
    const v3 = { ...defaultSettings(), version: 3, storageFees: { ...defaultSettings().storageFees, agedSurcharges: v3Aged } } as Record<string, unknown>;
    delete v3.fbaFees;
    const { settings, dropped } = migrateSettingsReport(v3);
    expect(dropped).toEqual([]);
    // fees.md: 181-210 $0.50, 211-240 $1.00, 241-270 $1.50, 271-300 $3.80, 301-330 $4.00, 331-365 $4.20, 365+ $6.90.
    expect(settings.storageFees.agedSurcharges.map((a) => [a.minDays, a.perCubicFootMonthly])).toEqual([
      [181, 50],
      [211, 100],
      [241, 150],
      [271, 380],
      [301, 400],
      [331, 420],
      [366, 690],
    ]);
    expect(settings.fbaFees).toEqual({ lowInventoryMarginDays: 7, sizeBySku: {} });
  });

  it('keeps aged-surcharge rows the seller edited', () => {
    const edited = [{ minDays: 200, perCubicFootMonthly: 99 }];
    expect(migrateV3toV4({ version: 3, storageFees: { agedSurcharges: edited } })).toEqual({ version: 4, storageFees: { agedSurcharges: edited } });
    expect(migrateV3toV4({ version: 3 })).toEqual({ version: 4 });
  });

  it('new installs start from the same published figures', () => {
    expect(defaultSettings().storageFees).toMatchObject({ monthlyPerCubicFootJanSep: 78, monthlyPerCubicFootOctDec: 240 });
    expect(defaultSettings().storageFees.agedSurcharges).toHaveLength(7);
  });
});
