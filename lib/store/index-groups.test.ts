import { describe, expect, it } from 'vitest';
import { groupKeyOf, IndexGroups } from './index-groups';

const members = (groups: IndexGroups, value: string) => [...(groups.members(groupKeyOf(value)!) ?? ['unknown'])].sort();

describe('IndexGroups', () => {
  it('a known group follows completed writes: a record moved out leaves it, one moved in joins it, a deleted one goes', () => {
    const groups = new IndexGroups('productId');
    groups.know(groupKeyOf('p1')!, ['a', 'b']);
    groups.know(groupKeyOf('p2')!, []);
    groups.wrote('b', { productId: 'p2' });
    groups.wrote('c', { productId: 'p1' });
    expect(members(groups, 'p1')).toEqual(['a', 'c']);
    expect(members(groups, 'p2')).toEqual(['b']);
    groups.wrote('a', undefined);
    expect(members(groups, 'p1')).toEqual(['c']);
    // Into a group nobody read: it stays unknown (not a group of one).
    groups.wrote('c', { productId: 'p3' });
    expect(members(groups, 'p3')).toEqual(['unknown']);
    expect(members(groups, 'p1')).toEqual([]);
  });

  it('a member gone from the copy makes its group unknown', () => {
    const groups = new IndexGroups('productId');
    groups.knowAll([
      ['a', { productId: 'p1' }],
      ['b', { productId: 'p1' }],
      ['c', { productId: 'p2' }],
      ['d', { productId: ['not', 'groupable'] }],
    ]);
    expect(groups.size).toBe(2);
    groups.evicted('a');
    expect(members(groups, 'p1')).toEqual(['unknown']);
    groups.evicted('c');
    expect(members(groups, 'p2')).toEqual(['unknown']);
    expect(groups.size).toBe(0);
  });

  it('a read listing a key another group holds drops that group (it missed a write)', () => {
    const groups = new IndexGroups('productId');
    groups.know(groupKeyOf('p1')!, ['a', 'b']);
    groups.know(groupKeyOf('p2')!, ['b']);
    expect(members(groups, 'p1')).toEqual(['unknown']);
    expect(members(groups, 'p2')).toEqual(['b']);
  });

  it('groups strings and finite numbers by value, nothing else', () => {
    expect(groupKeyOf('1')).not.toBe(groupKeyOf(1));
    expect([undefined, null, Number.NaN, ['a'], {}].map(groupKeyOf)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
