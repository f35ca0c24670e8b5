import { describe, expect, it } from 'vitest';
import { planWith } from '../planning/test-plan';
import type { SkuPlan } from '../planning/types';
import type { ListingIndexRow } from '../store';
import { freshPlansOf, STORED_PLAN } from './fresh-plans';

const key = (sku: string) => `amazon|amazon.com|${sku}`;
/** A listing's own plan. */
const own = (sku: string, cover: number): SkuPlan => ({
  ...planWith({ productId: 'P', daysOfCover: cover }),
  key: key(sku),
  scope: 'listing',
  listingKeys: [key(sku)],
});
/** A pool plan of a product over some listings. */
const pool = (product: string, poolId: string, skus: readonly string[], cover: number): SkuPlan =>
  planWith({ productId: product, poolId, listingKeys: skus.map(key), daysOfCover: cover });

describe('freshPlansOf', () => {
  /** Product P re-planned: its listings A and B, as the re-plan read their rows. */
  const replanned = ['P'];
  const rows = ['A', 'B'].map((sku) => ({ key: key(sku), sku, productId: 'P' }) as ListingIndexRow);

  it('shows a re-planned listing its own plan over its pool plan, and leaves other listings to the store', () => {
    const fresh = freshPlansOf([pool('P', 'own:main', ['A', 'B'], 5), own('A', 9)], replanned, rows);
    expect(fresh.shown(key('A'))?.plan?.key).toBe(key('A'));
    expect(fresh.shown(key('B'))?.plan?.key).toBe('pool:P@own:main');
    expect(fresh.shown(key('C'))).toBeUndefined();
  });

  it('shows a re-planned listing no plan when none covers it (not its stored one)', () => {
    expect(freshPlansOf([own('A', 9)], replanned, rows).shown(key('B'))).toEqual({ plan: undefined, listing: rows[1] });
  });

  it('of two equally urgent pool plans shows the first by key, whatever order the planner gave them in', () => {
    const plans = [pool('P', 'own:z', ['A'], 5), pool('P', 'own:a', ['A'], 5)];
    expect(freshPlansOf(plans, replanned, rows).shown(key('A'))?.plan?.key).toBe('pool:P@own:a');
    expect(freshPlansOf([...plans].reverse(), replanned, rows).shown(key('A'))?.plan?.key).toBe('pool:P@own:a');
  });

  it('refuses a plan that fails the schema, as the save does: the listing shows its other plan', () => {
    const broken = { ...own('A', 9), daysOfCover: -1 };
    const fresh = freshPlansOf([broken, pool('P', 'own:main', ['A'], 5)], replanned, rows);
    expect(fresh.shown(key('A'))?.plan?.key).toBe('pool:P@own:main');
    expect(fresh.planAfterSave(key('A'))).toBeUndefined();
  });

  it('says which plans the save makes, deletes and leaves', () => {
    const made = pool('P', 'own:main', ['A', 'B'], 5);
    const fresh = freshPlansOf([made], replanned, rows);
    expect(fresh.planAfterSave(made.key)).toEqual(made);
    // Not made again: a pool plan of a re-planned product, a re-planned listing's own plan.
    expect(fresh.planAfterSave('pool:P@fba:NA')).toBeUndefined();
    expect(fresh.planAfterSave(key('A'))).toBeUndefined();
    // Another product's pool plan and another listing's plan stay as stored.
    expect(fresh.planAfterSave('pool:Q@own:main')).toBe(STORED_PLAN);
    expect(fresh.planAfterSave(key('C'))).toBe(STORED_PLAN);
  });

  it('after a whole re-plan, shows every listing its fresh plan and deletes every plan not made again', () => {
    const fresh = freshPlansOf([own('A', 9)], 'all', []);
    expect(fresh.shown(key('C'))).toEqual({ plan: undefined });
    expect(fresh.planAfterSave('pool:Q@own:main')).toBeUndefined();
  });
});
