import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../settings/schema';
import { DEFAULT_POLICY } from './abc-policy';
import { purchasePlan } from './purchase-plan';
import { plannedReorder, withReorderPolicy } from './reorder-policy';
import { stockKeyOf } from './reorders';
import { planWith } from './test-purchasing';

const settings = defaultSettings(); // MOQ 1, cases of 1; EOQ: order cost $50, holding 25% a year
const input = { currency: 'USD', unitCosts: [{ sku: 'MUG', supplierId: null, unitCostMinor: 250, currency: 'USD' }] };

describe('withReorderPolicy', () => {
  it("gives the stock's plan and every listing that repeats it the policy's reorder, and keeps the one it started from", () => {
    // A, 300 on hand at 10 a day, reorder point 700: the shortfall is 400, above a 30-day lot.
    const pool = planWith({ reorderQuantity: 900, alerts: [{ code: 'reorder-now', severity: 'warning', params: { quantity: 900 } }] });
    const member = { ...pool, key: 'amazon|amazon.com|MUG', scope: 'listing' as const, poolKey: pool.key };
    const out = withReorderPolicy([pool, member], settings, input);
    for (const plan of out)
      expect(plan).toMatchObject({
        reorderQuantity: 400,
        reorderPolicy: { rule: 'lean', suggested: 900, reorderDate: '2026-03-10', reorderDaysLate: 0 },
        alerts: [{ code: 'reorder-now', params: { quantity: 400 } }],
      });
    expect(plannedReorder(out[0]!)).toEqual(pool);
    // Applying it again starts from the reorder it kept: nothing changes.
    expect(withReorderPolicy(out, settings, input)).toEqual(out);
  });

  it('a C reorder the cash share cuts to nothing is no longer due', () => {
    const a = planWith({ productId: 'LAMP', sku: 'LAMP', reorderQuantity: 400, abcClass: 'B' });
    // C with its position above the reorder point (floor 0), and no cash share for C at all.
    const c = planWith({ available: 800, reorderQuantity: 100, abcClass: 'C' });
    const costs = { currency: 'USD', unitCosts: [...input.unitCosts, { sku: 'LAMP', supplierId: null, unitCostMinor: 250, currency: 'USD' }] };
    const [, cut] = withReorderPolicy([a, c], settings, { ...costs, policy: { ...DEFAULT_POLICY, cCashSharePct: 0 } });
    expect(cut).toMatchObject({ reorderQuantity: 0, reorderDate: null, reorderPolicy: { rule: 'cash-cap', suggested: 100 } });
    expect(purchasePlan([a, c], settings, { ...costs, policy: { ...DEFAULT_POLICY, cCashSharePct: 0 }, today: '2026-03-02', weeks: 4 }).cashCapped).toBe(1);
  });

  const stockArb = fc.record({
    product: fc.constantFrom('MUG', 'LAMP', 'VASE', 'CUP', 'BOWL'),
    pool: fc.constantFrom('fba:NA', 'own:main', 'wfs:walmart.com'),
    members: fc.nat(2),
    abcClass: fc.constantFrom('A' as const, 'B' as const, 'C' as const, null),
    available: fc.integer({ min: 0, max: 2000 }),
    quantity: fc.integer({ min: 1, max: 3000 }),
    reorderDay: fc.integer({ min: 1, max: 120 }),
    meanDaily: fc.integer({ min: 1, max: 50 }),
    launch: fc.boolean(),
  });
  const settingsArb = fc.record({ moq: fc.integer({ min: 1, max: 300 }), casePack: fc.integer({ min: 1, max: 48 }), cost: fc.integer({ min: 50, max: 5000 }) });
  const plansOf = (rows: (typeof stockArb extends fc.Arbitrary<infer T> ? T : never)[]) => {
    const seen = new Set<string>();
    return rows.flatMap((r) => {
      const key = `${r.product}@${r.pool}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const pool = planWith({
        productId: r.product,
        sku: r.product,
        poolId: r.pool,
        abcClass: r.abcClass,
        available: r.available,
        reorderQuantity: r.quantity,
        reorderDate: new Date(Date.UTC(2026, 2, r.reorderDay)).toISOString().slice(0, 10),
        forecast: { ...planWith().forecast, meanDaily: r.meanDaily },
        lifecycleStage: r.launch ? 'launch' : 'maturity',
      });
      const members = Array.from({ length: r.members }, (_, i) => ({ ...pool, key: `listing|${key}|${i}`, scope: 'listing' as const, poolKey: pool.key }));
      return [pool, ...members];
    });
  };
  const settingsOf = (s: { moq: number; casePack: number; cost: number }): Settings => ({
    ...settings,
    defaultMoq: s.moq,
    defaultCasePack: s.casePack,
    unitCostMinorBySku: { MUG: s.cost, LAMP: 2 * s.cost, VASE: s.cost + 7, CUP: 3 * s.cost },
  });

  it('property: the panel (every cached plan of a stock) and the purchase plan show one quantity for the same stock', () => {
    fc.assert(
      fc.property(
        fc.array(stockArb, { minLength: 1, maxLength: 10 }),
        settingsArb,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 26 }),
        (rows, s, share, weeks) => {
          const planned = plansOf(rows);
          const policy = { ...DEFAULT_POLICY, cCashSharePct: share };
          const options = { currency: 'USD', policy, today: '2026-03-02', weeks };
          // What the re-plan caches: the plans under the policy. The panels read these.
          const cached = withReorderPolicy(planned, settingsOf(s), options);
          const lines = purchasePlan(cached, settingsOf(s), options).groups.flatMap((g) => g.lines);
          for (const line of lines) {
            const shown = cached.filter((p) => stockKeyOf(p) === line.stockKey);
            for (const panel of shown) {
              expect(panel.reorderQuantity).toBe(line.quantity + (line.launch?.laterUnits ?? 0));
              expect(panel.reorderPolicy?.rule).toBe(line.policyRule);
            }
          }
          // The purchase plan of the planner's own plans (no policy applied yet) applies the same function: the same lines.
          expect(purchasePlan(planned, settingsOf(s), options)).toEqual(purchasePlan(cached, settingsOf(s), options));
          // A re-plan of some products with the others' cached plans answers as the whole store does.
          const half = new Set<string>(rows.slice(0, Math.ceil(rows.length / 2)).map((r) => r.product));
          const again = withReorderPolicy(
            [...planned.filter((p) => half.has(p.productId)), ...cached.filter((p) => !half.has(p.productId))],
            settingsOf(s),
            options,
          );
          for (const plan of again) expect(plan).toEqual(cached.find((p) => p.key === plan.key));
        },
      ),
    );
  });
});
