/**
 * Days of cover and the stockout date: the median day demand first goes unserved (the customer
 * after the last whole unit) under the cumulative forecast (see cover.ts). Unknown stock gives
 * no cover, never "0 days".
 */
import { daysUntilStockout, stockoutDay } from '../cover';
import type { Decision } from './situation';

/** @example cover({ stock: 10, meanCum: [1, 2, ...], asOfDay }, draft) // draft.daysOfCover ≈ 9.7 */
export const cover: Decision = (s, d) => {
  if (s.stock === null) return;
  d.daysOfCover = daysUntilStockout(s.stock, s.meanCum);
  d.stockoutDay = stockoutDay(s.asOfDay, d.daysOfCover);
};
