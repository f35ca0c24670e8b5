import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupOf, groupsOf, STORE_GROUPS } from './groups';

describe('groupOf', () => {
  it('is stable (stored records depend on it) and within range', () => {
    // Pinned values: changing the hash would strand every stored chunk under the wrong group.
    expect(groupOf('amazon|amazon.com|MUG-1')).toBe(groupOf('amazon|amazon.com|MUG-1'));
    expect([groupOf(''), groupOf('a'), groupOf('amazon|amazon.com|MUG-1')]).toEqual([69, 44, 21]);
    fc.assert(
      fc.property(fc.string(), (key) => {
        const g = groupOf(key);
        return Number.isInteger(g) && g >= 0 && g < STORE_GROUPS;
      }),
    );
  });

  it('spreads a catalogue over the groups', () => {
    const counts = new Array<number>(STORE_GROUPS).fill(0);
    for (let i = 0; i < 12_800; i++) counts[groupOf(`amazon|amazon.com|SKU-${String(i).padStart(5, '0')}`)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });

  it('groupsOf gives each group once, sorted', () => {
    const keys = ['a', 'b', 'a', 'c'];
    expect(groupsOf(keys)).toEqual([...new Set(keys.map(groupOf))].sort((x, y) => x - y));
  });
});
