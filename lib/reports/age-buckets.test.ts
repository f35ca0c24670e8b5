import { describe, expect, it } from 'vitest';
import { chooseAgeBuckets } from './age-buckets';
import { ageBucketOf } from '../locale/age-buckets';

const col = (header: string, index: number) => ({ index, header, ...ageBucketOf(header)! });

describe('age buckets', () => {
  it('reads bucket ranges from headers in several forms', () => {
    expect(ageBucketOf('inv-age-91-to-180-days')).toEqual({ minDays: 91, maxDays: 180 });
    expect(ageBucketOf('inv-age-456-plus-days')).toEqual({ minDays: 456, maxDays: null });
    expect(ageBucketOf('ATS age 0-90 days')).toEqual({ minDays: 0, maxDays: 90 });
    expect(ageBucketOf('库龄 0-90 天')).toEqual({ minDays: 0, maxDays: 90 });
    expect(ageBucketOf('units-shipped-t30')).toBeUndefined();
  });

  it('keeps the old set as a tiling, starting the open bucket after the last closed one', () => {
    const old = ['inv-age-0-to-90-days', 'inv-age-91-to-180-days', 'inv-age-181-to-270-days', 'inv-age-271-to-365-days', 'inv-age-365-plus-days'].map(col);
    const { chosen, dropped } = chooseAgeBuckets(old);
    expect(chosen.map((c) => [c.minDays, c.maxDays])).toEqual([
      [0, 90],
      [91, 180],
      [181, 270],
      [271, 365],
      [366, null],
    ]);
    expect(dropped).toEqual([]);
  });

  it('prefers the finer new buckets when a file carries both sets, without gaps or overlaps', () => {
    const both = [
      'inv-age-0-to-90-days',
      'inv-age-91-to-180-days',
      'inv-age-181-to-270-days',
      'inv-age-271-to-365-days',
      'inv-age-365-plus-days',
      'inv-age-0-to-30-days',
      'inv-age-31-to-60-days',
      'inv-age-61-to-90-days',
      'inv-age-181-to-330-days',
      'inv-age-331-to-365-days',
      'inv-age-366-to-455-days',
      'inv-age-456-plus-days',
    ].map(col);
    const { chosen, dropped } = chooseAgeBuckets(both);
    const ranges = chosen.map((c) => [c.minDays, c.maxDays]);
    expect(ranges.slice(0, 4)).toEqual([
      [0, 30],
      [31, 60],
      [61, 90],
      [91, 180],
    ]);
    expect(ranges.at(-1)).toEqual([456, null]);
    for (let k = 1; k < chosen.length; k++) expect(chosen[k]!.minDays).toBe((chosen[k - 1]!.maxDays as number) + 1);
    expect(dropped).toContain('inv-age-0-to-90-days');
    expect(dropped).toContain('inv-age-365-plus-days');
  });
});
