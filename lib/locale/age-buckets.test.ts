import { describe, expect, it } from 'vitest';
import { ageBucketOf } from './age-buckets';

describe('ageBucketOf: one vocabulary for page and report headers', () => {
  it.each([
    // Page headers (lib/platforms: FBA Inventory, Inventory Age in four languages).
    ['0-90 days', 0, 90],
    ['365+ days', 365, null],
    ['Inventory age 91-180 days', 91, 180],
    ['Alter 181–270 Tage', 181, 270],
    ['Alter über 365 Tage', 365, null],
    ['Mehr als 365 Tage', 365, null],
    ['库龄 365 天以上', 365, null],
    ['在庫日数 0～90日', 0, 90],
    ['在庫経過日数 365日以上', 365, null],
    ['0 à 90 jours', 0, 90],
    // Report headers (lib/reports: FBA inventory planning, WFS health).
    ['inv-age-91-to-180-days', 91, 180],
    ['inv-age-456-plus-days', 456, null],
    ['ATS age 0-90 days', 0, 90],
    ['库龄 0-90 天', 0, 90],
  ] as const)('%s is %i-%s days', (header, minDays, maxDays) => {
    expect(ageBucketOf(header)).toEqual({ minDays, maxDays });
  });

  it.each(['Units sold last 30 days', 'Price 10-20', 'units-shipped-t30', 'estimated-ais-181-210-days', 'Days of supply 0-90', '180-90 days'])(
    '%s is no bucket',
    (header) => {
      expect(ageBucketOf(header)).toBeUndefined();
    },
  );
});
