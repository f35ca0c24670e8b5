/**
 * Oversell: pending orders above the units on hand, and (for stock the channels each list a
 * quantity of, like an own warehouse, once its units are known from a count) more listed in
 * total than the pool minus every channel's safety buffer. An estimate from the listed
 * quantities cannot show oversell: whether the channels each list the whole stock or a share
 * of it is exactly what it does not know. The allocation says how much each channel should list: the pool
 * after buffers, shared by the seller's weights x each channel's sales velocity.
 */
import { allocatePool, bufferUnits } from '../allocation';
import type { Decision } from './situation';

/** @example oversell(situation where channels list 300 of a 226-unit pool with 20 buffered, draft) // draft.oversell.listedAbovePool === 94 */
export const oversell: Decision = (s, d) => {
  const pool = s.input.pool;
  const stock = s.stock === null ? null : Math.max(0, Math.round(s.stock));
  const onHand = stock === null ? null : stock + s.input.reserved;
  const pendingAboveStock = onHand === null ? 0 : Math.max(0, Math.round(s.input.pendingUnits - onHand));
  let listedAbovePool = 0;
  let allocation: Record<string, number> = {};
  if (stock !== null && pool) {
    allocation = allocatePool(stock, pool.members);
    const listable = Math.max(0, stock - pool.members.reduce((sum, m) => sum + bufferUnits(stock, m.buffer), 0));
    if (pool.checkListed) listedAbovePool = Math.max(0, pool.listed - listable);
  }
  d.oversell = { pendingAboveStock, listedAbovePool, atRisk: pendingAboveStock > 0 || listedAbovePool > 0, allocation };
};
