import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings } from '../settings/schema';
import { capCLines, DEFAULT_POLICY, policyQuantity, shortfallOf, type CappableLine } from './abc-policy';
import { purchasePlan } from './purchase-plan';
import { planWith } from './test-purchasing';

const settings = defaultSettings(); // EOQ: order cost $50, holding 25% a year
// 300 on hand + 0 inbound at 10 a day, reorder point 700: the shortfall is 400.
const plan = (fields: Parameters<typeof planWith>[0]) => planWith({ reorderQuantity: 900, ...fields });

describe('shortfallOf', () => {
  it('is what brings the position (on hand, inbound, on order) back to the reorder point, at most the suggestion', () => {
    expect(shortfallOf(plan({}))).toBe(400);
    expect(shortfallOf(plan({ inbound: 100, onOrder: 250 }))).toBe(50);
    expect(shortfallOf(plan({ reorderQuantity: 120 }))).toBe(120);
    expect(shortfallOf(plan({ available: null }))).toBe(900);
  });
});

describe('policyQuantity', () => {
  it('A: lots of aLotDays of demand, never below the shortfall', () => {
    expect(policyQuantity(plan({ abcClass: 'A' }), settings, 250, DEFAULT_POLICY)).toEqual({ raw: 400, rule: 'lean' });
    expect(policyQuantity(plan({ abcClass: 'A', forecast: { ...planWith().forecast, meanDaily: 20 } }), settings, 250, DEFAULT_POLICY)).toEqual({
      raw: 600,
      rule: 'lean',
    });
    expect(policyQuantity(plan({ abcClass: 'A', reorderQuantity: 200 }), settings, 250, DEFAULT_POLICY)).toEqual({ raw: 200, rule: 'none' });
    // 400 on order bring the position to the reorder point: nothing until it falls there again.
    expect(policyQuantity(plan({ abcClass: 'A', reorderQuantity: 500, onOrder: 400 }), settings, 250, DEFAULT_POLICY)).toEqual({ raw: 0, rule: 'lean' });
  });
  it('B: the economic order quantity when the cost is known, never below the shortfall', () => {
    // sqrt(2 x 3650 x 5000 / (250 x 0.25)) = 764.2 -> 765
    expect(policyQuantity(plan({ abcClass: 'B' }), settings, 250, DEFAULT_POLICY)).toEqual({ raw: 765, rule: 'eoq' });
    expect(policyQuantity(plan({ abcClass: 'B' }), settings, 100_000, DEFAULT_POLICY)).toEqual({ raw: 400, rule: 'eoq' });
    expect(policyQuantity(plan({ abcClass: 'B' }), settings, null, DEFAULT_POLICY)).toEqual({ raw: 900, rule: 'none' });
  });
  it('C and unranked: as suggested (the C cap is over the whole plan)', () => {
    expect(policyQuantity(plan({ abcClass: 'C' }), settings, 250, DEFAULT_POLICY).raw).toBe(900);
    expect(policyQuantity(plan({ abcClass: null }), settings, 250, DEFAULT_POLICY).raw).toBe(900);
  });
});

describe('capCLines', () => {
  const line = (fields: Partial<CappableLine>): CappableLine => ({ abcClass: 'C', quantity: 240, floor: 0, moq: 1, casePack: 24, unitCostMinor: 1, ...fields });
  it('cuts C lines to the share in whole cases, keeps floors, MOQs and unpriced lines', () => {
    expect(capCLines([line({ abcClass: 'A', quantity: 900 }), line({})], 10)).toEqual([900, 96]);
    expect(capCLines([line({ abcClass: 'A', quantity: 900 }), line({ floor: 144 })], 10)).toEqual([900, 144]);
    expect(capCLines([line({ abcClass: 'A', quantity: 900 }), line({ moq: 120 })], 10)).toEqual([900, 120]);
    expect(capCLines([line({ abcClass: 'A', quantity: 900 }), line({ unitCostMinor: null })], 10)).toEqual([900, 240]);
    expect(capCLines([line({})], 10)).toEqual([0]);
    expect(capCLines([line({})], 100)).toEqual([240]);
  });

  it('cuts in whole percents, so a small change elsewhere leaves the C lines as they were', () => {
    // 10% share of 900 allows 100 of 240 (41.7%), of 905 allows 100.6 (41.9%): both cut to 41%.
    const cases1 = (quantity: number) => [line({ abcClass: 'A', quantity }), line({ casePack: 1 })];
    expect(capCLines(cases1(900), 10)).toEqual([900, 98]);
    expect(capCLines(cases1(905), 10)).toEqual([905, 98]);
    // A change that moves the allowed share by a percent moves them.
    expect(capCLines(cases1(925), 10)).toEqual([925, 100]);
  });

  it('property: C lines never grow; they take at most the share unless floors or MOQs force more', () => {
    const arb = fc.record({
      abcClass: fc.constantFrom('A', 'B', 'C', null),
      quantity: fc.integer({ min: 1, max: 5000 }),
      floor: fc.integer({ min: 0, max: 600 }),
      moq: fc.integer({ min: 1, max: 300 }),
      casePack: fc.integer({ min: 1, max: 48 }),
      unitCostMinor: fc.option(fc.integer({ min: 1, max: 10_000 })),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), fc.integer({ min: 0, max: 99 }), (lines, share) => {
        const out = capCLines(lines as CappableLine[], share);
        let cValue = 0;
        let other = 0;
        let forced = false;
        lines.forEach((l, i) => {
          const q = out[i]!;
          expect(q).toBeLessThanOrEqual(l.quantity);
          if (l.abcClass !== 'C' || l.unitCostMinor === null) {
            expect(q).toBe(l.quantity);
            other += q * (l.unitCostMinor ?? 0);
          } else {
            cValue += q * l.unitCostMinor;
            if (q > 0 && (q <= Math.max(l.floor, l.moq) + l.casePack || q === l.quantity)) forced = true;
          }
        });
        if (!forced) expect(cValue).toBeLessThanOrEqual((share / (100 - share)) * other + 1e-6);
      }),
    );
  });
});

describe('purchasePlan with policies', () => {
  it('marks each line with the rule that set it, and drops a C line the cash cap cuts to nothing', () => {
    const a = planWith({ reorderQuantity: 900, abcClass: 'A' });
    const c = planWith({ productId: 'TAIL', sku: 'TAIL', reorderQuantity: 500, abcClass: 'C', available: 2000 });
    const costs = ['MUG', 'TAIL'].map((sku) => ({ sku, supplierId: null, unitCostMinor: 250, currency: 'USD' }));
    const result = purchasePlan([a, c], settings, { today: '2026-03-02', weeks: 4, currency: 'USD', unitCosts: costs });
    expect(result.groups.flatMap((g) => g.lines).map((l) => [l.sku, l.suggestedQuantity, l.quantity, l.policyRule])).toEqual([
      ['MUG', 900, 400, 'lean'],
      ['TAIL', 500, 40, 'cash-cap'], // 10% of the plan allows 400 x 250 / 9 = 44.4 units, 8.9% of 500: cut to 8%
    ]);
    const none = purchasePlan([a, c], settings, {
      today: '2026-03-02',
      weeks: 4,
      currency: 'USD',
      unitCosts: costs,
      policy: { ...DEFAULT_POLICY, cCashSharePct: 0 },
    });
    expect(none.cashCapped).toBe(1);
    expect(none.groups.flatMap((g) => g.lines).map((l) => l.sku)).toEqual(['MUG']);
  });
});
