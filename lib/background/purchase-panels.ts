/**
 * Placed orders in the panels and the popup's list: a listing's panel shows its stock's units
 * on order and the reorder net of them (lib/purchasing/on-order.ts), so a seller who marked
 * an order placed is not told to order the same units again on any channel.
 */
import type { PanelData } from '../messaging/protocol';
import type { SkuPlan } from '../planning/types';
import { onOrderByStock, stockKeyOf } from '../purchasing';
import type { StoreDb } from '../store';
import { loadPurchasing } from './purchase-store';

/**
 * The panels with their stock's placed orders: `onOrder` set and `reorderQuantity` net of it,
 * for stocks with units on order; the others unchanged.
 * @example await withPlacedOrders(db, [{ panel, plan }], '2026-11-20') // [{ ...panel, onOrder: 300, reorderQuantity: 200 }]
 */
export async function withPlacedOrders<T extends PanelData>(
  db: StoreDb,
  entries: readonly { panel: T; plan: SkuPlan | undefined }[],
  today: string,
): Promise<T[]> {
  const { placedOrders } = await loadPurchasing(db);
  if (placedOrders.length === 0) return entries.map((e) => e.panel);
  const onOrder = onOrderByStock(
    entries.flatMap((e) => (e.plan ? [e.plan] : [])),
    placedOrders,
    today,
  );
  return entries.map(({ panel, plan }) => {
    const stock = plan ? onOrder.get(stockKeyOf(plan)) : undefined;
    if (!stock) return panel;
    return { ...panel, onOrder: stock.openUnits, reorderQuantity: panel.reorderQuantity === null ? null : stock.reorderQuantity };
  });
}
