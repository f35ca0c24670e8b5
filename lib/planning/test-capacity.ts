/**
 * What the FBA capacity tests share (not shipped code paths): a cached FBA stock plan with a
 * claim on amazon.com's capacity limit.
 */
import { planWith } from './test-plan';
import type { SkuPlan } from './types';

/** A cached FBA stock plan of `sku` on 2026-03-02 with a claim on amazon.com's limit and a reorder of `units` (0: none). */
export function fbaPlan(sku: string, units: number, stockoutDate: string | null, fields: Partial<SkuPlan> = {}): SkuPlan {
  return planWith({
    key: `amazon|amazon.com|${sku}`,
    scope: 'listing',
    sku,
    platform: 'amazon',
    marketplace: 'amazon.com',
    listingKeys: [`amazon|amazon.com|${sku}`],
    productId: sku,
    available: 100,
    daysOfCover: 10,
    stockoutDate,
    reorderDate: units > 0 ? '2026-03-02' : null,
    reorderQuantity: units,
    reorderPoint: 100,
    safetyStock: 10,
    leadTimeDays: 14,
    fbaCapacityClaim: { marketplace: 'amazon.com', limitCubicFeet: 100, unitCubicFeet: 1, heldNowUnits: 20, heldUnits: 20, date: '2026-03-02' },
    ...fields,
  });
}
