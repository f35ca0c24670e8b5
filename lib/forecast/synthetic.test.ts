import { describe, expect, it } from 'vitest';
import { poisson, seededRandom, syntheticCatalogue } from './synthetic.ts';

describe('synthetic data', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    expect(syntheticCatalogue(3, 50, 1)).toEqual(syntheticCatalogue(3, 50, 1));
    expect(syntheticCatalogue(3, 50, 1)).not.toEqual(syntheticCatalogue(3, 50, 2));
  });
  it('draws Poisson counts with about the requested mean', () => {
    const rand = seededRandom(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += poisson(rand, 3);
    expect(sum / 20_000).toBeCloseTo(3, 1);
  });
});
