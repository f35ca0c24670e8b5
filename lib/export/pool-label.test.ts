import { describe, expect, it } from 'vitest';
import { poolLabel } from './pool-label';

describe('poolLabel', () => {
  it('names each kind of pool by destination and name, in both languages, never by its id', () => {
    expect(poolLabel('fba:NA', 'en')).toBe('Amazon FBA · North America');
    expect(poolLabel('fba:EU/amazon-b', 'en')).toBe('Amazon FBA · Europe (amazon-b)');
    expect(poolLabel('own:main', 'en')).toBe('Own warehouse · main warehouse');
    expect(poolLabel('own:Shenzhen', 'en')).toBe('Own warehouse · Shenzhen');
    expect(poolLabel('wfs:walmart.com', 'en')).toBe('Walmart WFS · walmart.com');
    // Chinese words, not the English ones or the id.
    expect(poolLabel('fba:NA', 'zh-CN')).not.toMatch(/North America|fba:NA/);
    expect(poolLabel('own:main', 'zh-CN')).not.toMatch(/main|own:/);
  });
});
