import { describe, expect, it } from 'vitest';
import { badgeText, toolbarButton, type ToolbarButton } from './badge';

describe('badgeText', () => {
  it('is empty at zero, the count otherwise, capped at four characters', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
  });
});

describe('toolbarButton', () => {
  const button = (): ToolbarButton => ({ setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} });

  it('uses MV3 action where it exists (Chrome)', () => {
    const action = button();
    expect(toolbarButton({ action })).toBe(action);
    // A browser offering both (Firefox MV3) still gets the current API.
    expect(toolbarButton({ action, browserAction: button() })).toBe(action);
  });

  it('falls back to MV2 browserAction (the Firefox build has no action)', () => {
    const browserAction = button();
    expect(toolbarButton({ browserAction })).toBe(browserAction);
  });

  it('is undefined when the browser offers neither', () => {
    expect(toolbarButton({})).toBeUndefined();
  });
});
