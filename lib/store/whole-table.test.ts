import { describe, expect, it } from 'vitest';
import { wantsMostOf } from './whole-table';

describe('wantsMostOf', () => {
  it('reads the table once from a third of its records on', () => {
    expect(wantsMostOf(1_000, 2_500)).toBe(true);
    expect(wantsMostOf(1_000, 3_000)).toBe(true);
    expect(wantsMostOf(1_000, 3_001)).toBe(false);
    expect(wantsMostOf(0, 0)).toBe(true);
  });
});
