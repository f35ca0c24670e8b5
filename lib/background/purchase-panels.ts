/**
 * The purchasing answers in the plans the re-plan caches: each stock's units on order come off
 * its reorder (lib/purchasing/net-plans.ts), a pool that runs out while another pool of the
 * product holds surplus gets a transfer, whose units come off its reorder too
 * (lib/purchasing/transfers.ts), and every reorder takes its ABC policy
 * (lib/purchasing/reorder-policy.ts), before the plans are saved. So the urgency level, the
 * badge, the notifications, the panels, the popup and the purchase plan all read the same net
 * answer, and a reorder a placed order covers no longer counts as due.
 */
import type { SkuPlan } from '../planning/types';
import {
  cappedReorders,
  netPlacedOrders,
  stockLinesOf,
  transferDaysOf,
  withReorders,
  withTransfers,
  type PolicyInput,
  type PurchasingData,
} from '../purchasing';
import { migrateSettings } from '../settings';
import type { Settings } from '../settings/schema';
import { loadSettings, type StoreDb } from '../store';
import { loadPurchasing } from './purchase-store';
import { answerMoved, loadReorderValues, policyInputsHash, storedStocksOf, type LoadedStocks, type ReorderValues } from './reorder-values';

/** The plans to save, and the reorder lines to keep for the next partial re-plan (saved after the plans). */
interface PurchasingAnswers {
  plans: SkuPlan[];
  reorderValues: ReorderValues;
}

/**
 * The plans net of the seller's placed orders (read from the purchasing document), then of the
 * transfers between pools they leave, then under the ABC policy. The C cap is over every
 * reorder of the store: when only some products are re-planned (`replanned`: their listings'
 * keys), the other stocks' stored lines join the cap, and the cached plans of those whose
 * reorder the cap now sets differently are returned too (saved with the re-planned ones), so
 * no cached plan keeps a cap the others no longer allow. `replanned` undefined: `plans` are
 * the whole store's.
 * @example (await withPurchasingAnswers(db, plans)).plans // the MUG pool plan and its listings: reorderQuantity 200, onOrder 300
 */
export async function withPurchasingAnswers(db: StoreDb, plans: readonly SkuPlan[], replanned?: readonly string[]): Promise<PurchasingAnswers> {
  const [data, stored] = await Promise.all([loadPurchasing(db), loadSettings(db)]);
  const settings = migrateSettings(stored);
  const input = policyInputOf(data);
  const inputs = policyInputsHash(settings, input);
  const answered = withTransfers(netPlacedOrders(plans, data.placedOrders), transferDaysOf(data.policy));
  const fresh = stockLinesOf(answered, settings, input);
  // A whole-store re-plan replaces every cached plan: the others are gone, not kept.
  const { stocks: others, planCount } =
    replanned === undefined ? { stocks: [], planCount: undefined } : await otherStocks(db, answered, replanned, { settings, input, inputs });
  const answers = cappedReorders([...fresh, ...others], input.policy);
  const shaped = withReorders(answered, answers);
  const moved = others.filter((stock) => answerMoved(stock, answers.get(stock.stockKey)));
  const reshaped =
    moved.length === 0
      ? []
      : withReorders(
          await cachedPlans(
            db,
            moved.flatMap((s) => s.planKeys),
          ),
          answers,
        );
  const kept = others.map((stock) => {
    const answer = answers.get(stock.stockKey);
    return answer ? { ...stock, applied: { quantity: answer.quantity, rule: answer.rule } } : stock;
  });
  const stocks = [...storedStocksOf(fresh, shaped), ...kept];
  return { plans: [...shaped, ...reshaped], reorderValues: { inputs, stocks, ...(planCount !== undefined ? { planCountBefore: planCount } : {}) } };
}

/** What the ABC policy reads from the purchasing document: the costs and the policy figures. */
function policyInputOf(data: PurchasingData): PolicyInput {
  return { currency: data.currency, unitCosts: data.unitCosts, policy: data.policy };
}

interface PolicyContext {
  settings: Settings;
  input: PolicyInput;
  /** policyInputsHash of the two. */
  inputs: string;
}

/**
 * The stocks a partial re-plan leaves alone: not of a re-planned product, not standing for a
 * re-planned listing (its plans are made again or deleted with the re-plan), not a fresh plan.
 * From the stored lines while they describe the cached plans, else from every cached plan.
 */
async function otherStocks(db: StoreDb, fresh: readonly SkuPlan[], replanned: readonly string[], context: PolicyContext): Promise<LoadedStocks> {
  const products = new Set(fresh.map((p) => p.productId));
  const keys = new Set(fresh.map((p) => p.key));
  const listings = new Set(replanned);
  const { stocks, planCount } = (await loadReorderValues(db, context.inputs)) ?? (await stocksOfEveryPlan(db, context));
  return {
    stocks: stocks.filter((s) => !products.has(s.productId) && !s.planKeys.some((k) => keys.has(k)) && !s.listingKeys.some((k) => listings.has(k))),
    planCount,
  };
}

/** The lines of every cached plan: the slow way, when the stored ones are missing or stale. */
async function stocksOfEveryPlan(db: StoreDb, { settings, input }: PolicyContext): Promise<LoadedStocks> {
  const plans = (await db.plans.toArray()).map((r) => r.plan);
  return { stocks: storedStocksOf(stockLinesOf(plans, settings, input), plans), planCount: plans.length };
}

async function cachedPlans(db: StoreDb, keys: readonly string[]): Promise<SkuPlan[]> {
  return (await db.plans.bulkGet([...new Set(keys)])).flatMap((row) => (row ? [row.plan] : []));
}
