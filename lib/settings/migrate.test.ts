import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, settingsSchema, SETTINGS_VERSION } from './schema';
import { migrateSettings, migrateSettingsReport, migrateV1toV2, migrateV2toV3 } from './migrate';

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
    expect(settings.version).toBe(3);
  });

  it('takes v1 settings through both steps', () => {
    expect(migrateSettings({ version: 1, language: 'zh' })).toMatchObject({ version: 3, language: 'zh-CN', compaction: { rawObservationDays: 90 } });
  });
});
