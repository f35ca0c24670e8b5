import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
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
});
