/**
 * The ABC policy applied to each stock's reorder, once for every view: the re-plan applies it
 * before the plans are cached (lib/background/purchase-panels.ts), so the quantity a panel
 * shows is the one the purchase plan lists for the same stock. A lean, B by EOQ (abc-policy.ts
 * policyQuantity), rounded to the supplier's MOQ and whole cases, then C capped together to the
 * seller's cash share of every reorder's value (capCLines). The plan keeps the reorder it
 * started from (`reorderPolicy`), so applying it again starts from there and changes nothing.
 */
import { leadTimeFor } from '../planning/plan-listing';
import { poolKindOf } from '../planning/pool-stock';
import { roundOrderQuantity } from '../planning/rounding';
import type { Alert, SkuPlan } from '../planning/types';
import type { Settings } from '../settings/schema';
import { capCLines, DEFAULT_POLICY, policyQuantity, shortfallOf, type AbcPolicy, type CappableLine, type PolicyRule } from './abc-policy';
import { physicalReorders, stockKeyOf } from './reorders';
import { reorderCostOf, type CostSources } from './unit-cost';

/** The alert that says "order now": its quantity follows the policy's. */
const REORDER_ALERT: Alert['code'] = 'reorder-now';

/** What the policy reads besides the plans and settings: the costs and the seller's policy figures. */
export interface PolicyInput extends CostSources {
  /** ABC policies (default DEFAULT_POLICY). */
  policy?: AbcPolicy;
}

/** One stock's reorder under the policy: units in all (MOQ, whole cases), the rule that set them, and the key of the plan that answers for the stock. */
export interface StockReorder {
  quantity: number;
  rule: PolicyRule;
  planKey: string;
}

/**
 * The plan as the planner (net of placed orders and transfers) left it: a policy applied
 * earlier is undone (its reorder, date and the "order now" alert's quantity restored; an alert
 * a cut to nothing dropped stays dropped: the position was at or above the reorder point, where
 * the planner raises none).
 * @example plannedReorder({ ...plan, reorderQuantity: 300, reorderPolicy: { rule: 'lean', suggested: 900, reorderDate: '2026-03-10', reorderDaysLate: 0 } }).reorderQuantity // 900
 */
export function plannedReorder(plan: SkuPlan): SkuPlan {
  const applied = plan.reorderPolicy;
  if (!applied) return plan;
  const { reorderPolicy: _applied, ...planned } = plan;
  return {
    ...planned,
    reorderQuantity: applied.suggested,
    reorderDate: applied.reorderDate,
    reorderDaysLate: applied.reorderDaysLate,
    alerts: plan.alerts.map((a) => (a.code === REORDER_ALERT ? { ...a, params: { ...a.params, quantity: applied.suggested } } : a)),
  };
}

/**
 * One stock's reorder before the C cap: what the cap reads of it (class, priced quantity,
 * floor, MOQ, cases), its rule, and the stock and plan it stands for. The re-plan keeps these
 * lines (lib/background/reorder-values.ts) so that a re-plan of a few products caps against
 * the others' lines instead of reading every cached plan.
 */
export interface StockLine extends CappableLine {
  stockKey: string;
  productId: string;
  planKey: string;
  rule: PolicyRule;
}

/**
 * Each physical reorder as a line before the cap: its class's rule rounded to its supplier's
 * MOQ and cases, never below its shortfall to the reorder point (rounded the same way).
 * @example stockLinesOf([A plan of 900 at 10 a day, shortfall 400], settings, { currency: 'USD' })[0] // { stockKey: 'MUG@fba:NA', quantity: 400, floor: 400, rule: 'lean', ... }
 */
export function stockLinesOf(plans: readonly SkuPlan[], settings: Settings, input: PolicyInput): StockLine[] {
  const policy = input.policy ?? DEFAULT_POLICY;
  return physicalReorders(plans.map(plannedReorder)).map((plan) => {
    const lead = leadTimeFor(plan.sku, poolKindOf(plan.poolId), settings);
    const unitCostMinor = reorderCostOf(plan, settings, input).amountMinor;
    const shaped = policyQuantity(plan, settings, unitCostMinor, policy);
    return {
      stockKey: stockKeyOf(plan),
      productId: plan.productId,
      planKey: plan.key,
      abcClass: plan.abcClass,
      rule: shaped.rule,
      quantity: roundOrderQuantity(shaped.raw, lead),
      floor: roundOrderQuantity(shortfallOf(plan), lead),
      unitCostMinor,
      moq: lead.moq,
      casePack: lead.casePack,
    };
  });
}

/**
 * Each stock's reorder once the C lines are cut together to the cash share of all lines'
 * priced value (capCLines). The cap is over every line given, whatever its date.
 * @example cappedReorders(stockLinesOf(plans, settings, input), DEFAULT_POLICY).get('MUG@fba:NA') // { quantity: 400, rule: 'lean', planKey: 'pool:MUG@fba:NA' }
 */
export function cappedReorders(lines: readonly StockLine[], policy: AbcPolicy = DEFAULT_POLICY): Map<string, StockReorder> {
  const capped = capCLines(lines, policy.cCashSharePct);
  return new Map(
    lines.map((line, i) => {
      const quantity = capped[i]!;
      return [line.stockKey, { quantity, rule: quantity !== line.quantity ? 'cash-cap' : line.rule, planKey: line.planKey }];
    }),
  );
}

/**
 * The plans with each stock's reorder under the policy (stockLinesOf, then cappedReorders over
 * all of them), the same on every plan of the stock (a pool's listings repeat it), with the
 * reorder it started from in `reorderPolicy`. A reorder the policy cuts to nothing is no longer
 * due (no date, no "order now" alert). Plans without a reorder come back as the planner left them.
 * @example withReorderPolicy([pool plan of 900 MUG (A, shortfall 400), its listing], settings, { currency: 'USD' }) // both: reorderQuantity 400, reorderPolicy { rule: 'lean', suggested: 900, ... }
 */
export function withReorderPolicy(plans: readonly SkuPlan[], settings: Settings, input: PolicyInput): SkuPlan[] {
  return withReorders(plans, cappedReorders(stockLinesOf(plans, settings, input), input.policy));
}

/**
 * The plans with the reorders `answers` gives their stocks (by stockKeyOf): the stock's own plan
 * and the listings that repeat it take the answer; every other plan comes back as planned.
 * @example withReorders([poolPlan, member], new Map([['MUG@fba:NA', { quantity: 400, rule: 'lean', planKey: poolPlan.key }]]))[1].reorderQuantity // 400
 */
export function withReorders(plans: readonly SkuPlan[], answers: ReadonlyMap<string, StockReorder>): SkuPlan[] {
  return plans.map((plan) => {
    const planned = plannedReorder(plan);
    const answer = answers.get(stockKeyOf(planned));
    // The stock's own plan and the listings that repeat it (a pool's members) take its answer.
    const repeats = answer && (answer.planKey === planned.key || planned.poolKey !== undefined);
    return answer && repeats && planned.reorderDate !== null ? shaped(planned, planned.reorderDate, answer) : planned;
  });
}

/** One plan with its stock's reorder under the policy. */
function shaped(plan: SkuPlan, reorderDate: string, answer: StockReorder): SkuPlan {
  const covered = answer.quantity === 0;
  return {
    ...plan,
    reorderQuantity: answer.quantity,
    reorderPolicy: { rule: answer.rule, suggested: plan.reorderQuantity, reorderDate, reorderDaysLate: plan.reorderDaysLate },
    alerts: covered
      ? plan.alerts.filter((a) => a.code !== REORDER_ALERT)
      : plan.alerts.map((a) => (a.code === REORDER_ALERT ? { ...a, params: { ...a.params, quantity: answer.quantity } } : a)),
    ...(covered ? { reorderDate: null, reorderDaysLate: 0 } : {}),
  };
}
