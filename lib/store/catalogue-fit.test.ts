import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogueFit, saveCatalogueFit } from './catalogue-fit';
import { CATALOGUE_FIT_ROW_ID } from './tables/settings';
import { dropStores, freshStore } from './test-helpers';
import type { CatalogueFit } from '../planning';

afterEach(dropStores);

const fit = {
  forecastContext: { version: 1, weekday: [1, 1, 1, 1, 1, 0.8, 0.7], note: { nested: true } },
  abcOf: { 'p:amazon|amazon.com|MUG@fba:NA': 'A', 'p:ebay|ebay.com|CUP@own': 'C' },
} as unknown as CatalogueFit;

describe('the catalogue fit', () => {
  it('comes back as it was saved, with when it was fitted', async () => {
    const db = await freshStore();
    await saveCatalogueFit(db, fit, new Date('2026-03-01T12:00:00Z'));
    const loaded = await loadCatalogueFit(db);
    expect(loaded).toEqual({ fit, fittedAt: '2026-03-01T12:00:00.000Z' });
  });

  it('is missing, not half-read, when the stored row is not a fit', async () => {
    const db = await freshStore();
    expect(await loadCatalogueFit(db)).toBeUndefined();
    const now = '2026-03-01T12:00:00.000Z';
    // A class the planner does not know, then a context that is not an object.
    await db.settings.put({ id: CATALOGUE_FIT_ROW_ID, value: { forecastContext: {}, abcOf: { k: 'Z' }, fittedAt: now }, updatedAt: now });
    expect(await loadCatalogueFit(db)).toBeUndefined();
    await db.settings.put({ id: CATALOGUE_FIT_ROW_ID, value: { forecastContext: [1], abcOf: {}, fittedAt: now }, updatedAt: now });
    expect(await loadCatalogueFit(db)).toBeUndefined();
  });

  it('drops keys it does not know, as zod does', async () => {
    const db = await freshStore();
    const now = '2026-03-01T12:00:00.000Z';
    await db.settings.put({ id: CATALOGUE_FIT_ROW_ID, value: { forecastContext: {}, abcOf: { k: 'B' }, fittedAt: now, extra: 1 }, updatedAt: now });
    const loaded = await loadCatalogueFit(db);
    expect(loaded).toEqual({ fit: { forecastContext: {}, abcOf: { k: 'B' } }, fittedAt: now });
  });
});
