/**
 * Handlers of the purchase plan's messages (lib/messaging/protocol-purchasing.ts): the plan
 * from the cached plans and the seller's purchasing document, and the changes to that document.
 * A change to placed orders re-plans their product: the re-plan nets them off the plans it
 * caches (purchase-panels.ts), so the urgency, the badge and every view count them; the badge
 * and notifications are then told through `afterChange`.
 */
import type { PurchasePlanView } from '../messaging/protocol-purchasing';
import { refusalMessage } from '../messaging/refusals';
import type { Handlers } from '../messaging/rpc';
import type { SkuPlan } from '../planning/types';
import {
  cashView,
  freightCostsOf,
  inboundByStockOf,
  mergeUnitCosts,
  placedOrderStatuses,
  purchasePlan,
  stockKeyOf,
  transferDaysOf,
  unitCostFromEntries,
  unitCostOf,
  type CashStock,
  type PurchasingData,
} from '../purchasing';
import type { Settings } from '../settings/schema';
import { migrateSettings } from '../settings';
import { loadSettings, readListings, type StoreDb } from '../store';
import type { BackgroundDeps } from './deps';
import { loadPurchasing, updatePurchasing } from './purchase-store';

type PurchasingMessage =
  | 'purchasing/plan'
  | 'purchasing/order-placed'
  | 'purchasing/order-edit'
  | 'purchasing/order-cancel'
  | 'purchasing/costs'
  | 'purchasing/costs-save'
  | 'purchasing/launch-save'
  | 'purchasing/cash';

export function createPurchaseHandlers(deps: BackgroundDeps): Pick<Handlers, PurchasingMessage> {
  const { db } = deps;
  /** Re-plans the products of the changed orders (their netting), then tells the badge. */
  const changed = async <T>(value: T, productIds: readonly string[]): Promise<T> => {
    await deps.replan([...new Set(productIds)]);
    deps.afterChange?.();
    return value;
  };
  return {
    async 'purchasing/plan'({ weeks }) {
      return purchasePlanView(db, weeks, deps.now().toISOString().slice(0, 10));
    },
    async 'purchasing/order-placed'(input) {
      const order = { ...input, id: `po-${deps.now().getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}` };
      await updatePurchasing(db, deps.now(), (d) => ({ ...d, placedOrders: [...d.placedOrders, order] }));
      return changed({ order }, [order.productId]);
    },
    async 'purchasing/order-edit'({ id, changes }) {
      const data = await updatePurchasing(db, deps.now(), (d) => ({ ...d, placedOrders: d.placedOrders.map((o) => (o.id === id ? { ...o, ...changes } : o)) }));
      const order = data.placedOrders.find((o) => o.id === id);
      if (!order) throw new Error(refusalMessage('order-missing', { id }));
      return changed({ order }, [order.productId]);
    },
    async 'purchasing/order-cancel'({ id }) {
      const cancelled = (await loadPurchasing(db)).placedOrders.find((o) => o.id === id);
      if (!cancelled) throw new Error(refusalMessage('order-missing', { id }));
      await updatePurchasing(db, deps.now(), (d) => ({ ...d, placedOrders: d.placedOrders.filter((o) => o.id !== id) }));
      return changed({ ok: true as const }, [cancelled.productId]);
    },
    async 'purchasing/cash'({ salesDownPct, extraLeadDays, ...terms }) {
      const today = deps.now().toISOString().slice(0, 10);
      const input = { ...(await cashInput(db, today)), terms };
      return { base: cashView(input, { salesFactor: 1, extraLeadDays: 0 }), stress: cashView(input, { salesFactor: 1 - salesDownPct / 100, extraLeadDays }) };
    },
    async 'purchasing/launch-save'({ stockKey, launch }) {
      await updatePurchasing(db, deps.now(), (d) => {
        const { [stockKey]: _old, ...others } = d.launchOverrides;
        return { ...d, launchOverrides: launch ? { ...others, [stockKey]: launch } : others };
      });
      return { ok: true as const };
    },
    async 'purchasing/costs'() {
      return costsOf(await loadPurchasing(db));
    },
    async 'purchasing/costs-save'({ merge, ...costs }) {
      const data = await updatePurchasing(db, deps.now(), (d) => ({
        ...d,
        ...costs,
        unitCosts: costs.unitCosts === undefined ? d.unitCosts : merge ? mergeUnitCosts(d.unitCosts, costs.unitCosts) : costs.unitCosts,
      }));
      // Costs and policy figures shape every cached reorder (the ABC policy, transfer days): re-plan them all.
      await deps.replan(undefined);
      deps.afterChange?.();
      return costsOf(data);
    },
  };
}

function costsOf(data: PurchasingData) {
  return { unitCosts: data.unitCosts, currency: data.currency, freight: data.freight, policy: data.policy };
}

/**
 * The plan the options page shows: every cached plan, net of the placed orders, for `weeks`
 * weeks from `today`, with a title per SKU and each placed order's state.
 * @example (await purchasePlanView(db, 8, '2026-11-20')).groups[0].lines[0].quantity // 240
 */
async function purchasePlanView(db: StoreDb, weeks: number, today: string): Promise<PurchasePlanView> {
  const { plans, data, plan, placed } = await planOf(db, weeks, today);
  const skus = new Set([...plan.groups.flatMap((g) => g.lines.map((l) => l.sku)), ...data.placedOrders.map((o) => o.sku)]);
  return {
    today,
    ...plan,
    titles: await titlesOf(db, plans, skus),
    placed: placed.map((s, i) => ({ order: data.placedOrders[i]!, openUnits: s.openUnits, state: s.state })),
  };
}

/** Everything the views start from: the cached plans, the purchasing document, the plan for `weeks` weeks and the placed orders' states. */
async function planOf(db: StoreDb, weeks: number, today: string) {
  const [rows, stored, data] = await Promise.all([db.plans.toArray(), loadSettings(db), loadPurchasing(db)]);
  const plans: SkuPlan[] = rows.map((r) => r.plan);
  const settings = migrateSettings(stored);
  const placed = placedOrderStatuses(data.placedOrders, inboundByStockOf(plans), today);
  const freight = freightCostsOf(data.freight);
  const plan = purchasePlan(plans, settings, {
    today,
    weeks,
    currency: data.currency,
    unitCosts: data.unitCosts,
    policy: data.policy,
    launch: { sharePct: data.policy.launchSharePct, checkInDays: data.policy.launchCheckInDays },
    launchOverrides: data.launchOverrides,
    transferDays: transferDaysOf(data.policy),
    ...(freight ? { freight } : {}),
  });
  return { plans, settings, data, plan, placed };
}

/** Weeks the cash view covers (the 26). */
const CASH_WEEKS = 26;

/** The cash view's input: the plan's lines for 26 weeks, the placed orders and each stock's position at cost. */
async function cashInput(db: StoreDb, today: string): Promise<Parameters<typeof cashView>[0]> {
  const { plans, settings, data, plan, placed } = await planOf(db, CASH_WEEKS, today);
  const stocks = new Map<string, CashStock>();
  for (const p of plans) {
    const key = stockKeyOf(p);
    if (stocks.has(key) && p.scope !== 'pool') continue;
    stocks.set(key, {
      stockKey: key,
      sku: p.sku,
      onHand: p.available,
      meanDaily: p.forecast.meanDaily,
      reorderPoint: p.reorderPoint,
      unitCost: stockCostOf(p.sku, settings, data),
    });
  }
  return {
    today,
    weeks: CASH_WEEKS,
    currency: data.currency,
    lines: plan.groups.flatMap((g) => g.lines),
    placed: placed.map((s, i) => ({
      stockKey: stockKeyOf(s.order),
      quantity: s.order.quantity,
      openUnits: s.openUnits,
      placedOn: s.order.placedOn,
      expectedArrival: s.order.expectedArrival,
      unitCost: data.placedOrders[i]!.unitCost ?? null,
    })),
    stocks: [...stocks.values()],
  };
}

/** A stock's unit cost as the plan prices it (the seller's costs, else the settings' in the document's currency); null = unknown. */
function stockCostOf(sku: string, settings: Settings, data: PurchasingData) {
  const set = unitCostFromEntries(data.unitCosts, sku, settings.leadTimes.skuSupplier[sku] ?? null);
  if (set) return set;
  const own = unitCostOf(sku, settings, data.currency);
  return own.amountMinor === null ? null : { amountMinor: own.amountMinor, currency: own.currency };
}

/** A listing title for each SKU, from the listings its plans cover. */
async function titlesOf(db: StoreDb, plans: readonly SkuPlan[], skus: ReadonlySet<string>): Promise<Record<string, string>> {
  const keyOf = new Map<string, string>();
  for (const p of plans) {
    const key = p.scope === 'listing' ? p.key : p.listingKeys[0];
    if (skus.has(p.sku) && key && !keyOf.has(p.sku)) keyOf.set(p.sku, key);
  }
  const listings = await readListings(db, [...keyOf.values()]);
  const titles: Record<string, string> = {};
  for (const l of listings) if (l?.title) for (const [sku, key] of keyOf) if (key === l.key) titles[sku] = l.title;
  return titles;
}
