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
import { netPlacedOrders, transferDaysOf, withReorderPolicy, withTransfers, type PurchasingData } from '../purchasing';
import { migrateSettings } from '../settings';
import { loadSettings, type StoreDb } from '../store';
import { loadPurchasing } from './purchase-store';

/**
 * The plans net of the seller's placed orders (read from the purchasing document), then of the
 * transfers between pools they leave, then under the ABC policy. The C cap is over every
 * reorder of the store: when only some products are re-planned, the cached plans of the others
 * join the computation, and those whose reorder the cap now sets differently are returned too
 * (saved with the re-planned ones), so no cached plan keeps a cap the others no longer allow.
 * `whole`: `plans` are the whole store's (a re-plan of every product).
 * @example await withPurchasingAnswers(db, plans) // the MUG pool plan and its listings: reorderQuantity 200, onOrder 300
 */
export async function withPurchasingAnswers(db: StoreDb, plans: readonly SkuPlan[], whole = false): Promise<SkuPlan[]> {
  const [data, stored] = await Promise.all([loadPurchasing(db), loadSettings(db)]);
  const settings = migrateSettings(stored);
  const answered = withTransfers(netPlacedOrders(plans, data.placedOrders), transferDaysOf(data.policy));
  // A whole-store re-plan replaces every cached plan: the others are gone, not kept.
  const others = whole ? [] : await otherCachedPlans(db, plans);
  const shaped = withReorderPolicy([...answered, ...others], settings, policyInputOf(data));
  const changedOthers = shaped.slice(answered.length).filter((plan, i) => reorderDiffers(plan, others[i]!));
  return [...shaped.slice(0, answered.length), ...changedOthers];
}

/** What the ABC policy reads from the purchasing document: the costs and the policy figures. */
function policyInputOf(data: PurchasingData) {
  return { currency: data.currency, unitCosts: data.unitCosts, policy: data.policy };
}

/** The cached plans of the products not among `plans`. */
async function otherCachedPlans(db: StoreDb, plans: readonly SkuPlan[]): Promise<SkuPlan[]> {
  const products = new Set(plans.map((p) => p.productId));
  const keys = new Set(plans.map((p) => p.key));
  const rows = await db.plans.toArray();
  return rows.map((r) => r.plan).filter((p) => !products.has(p.productId) && !keys.has(p.key));
}

function reorderDiffers(a: SkuPlan, b: SkuPlan): boolean {
  return a.reorderQuantity !== b.reorderQuantity || a.reorderDate !== b.reorderDate || a.reorderPolicy?.rule !== b.reorderPolicy?.rule;
}
