/**
 * One FBA capacity limit per seller account and marketplace (fees.md: one monthly limit, on hand
 * plus open shipments; Amazon sets it per account): the planned FBA shipments of every stock of
 * that account in the marketplace share it. Shipments
 * are grouped by shipping window, the calendar month they leave in (the limit is monthly); in
 * each window every stock's units at FBA count first, then the shipments take what room is
 * left, earliest stockout first. Once one shipment is cut, the later ones wait too: no stock is
 * held back while a stock that runs out later ships. What is held is said with the
 * `fba-capacity-hold` alert (hold it in the own warehouse or AWD), or where the seller uses AWD in
 * the marketplace its AWD variant with what AWD would cost (awd-hold.ts).
 *
 * The limits are the settings' `fbaFees.capacityCubicFeetByMarketplace`, which an account may
 * override (lib/accounts/settings.ts): the caller says each account's limit (`CapacityLimitOf`).
 */
import { accountOfKey } from '../records';
import type { Settings } from '../settings/schema';
import { awdOptionOfClaim } from './awd-hold';
import { CAPACITY_HOLD_ALERTS, capacityFit, capacityHoldAlert } from './decisions/fba-capacity';
import type { Alert, FbaCapacity, FbaCapacityClaim, SkuPlan } from './types';

/** One stock's claim on its marketplace's limit, with its planned shipment and urgency. */
export interface CapacityClaim extends FbaCapacityClaim {
  /** The stock's key (the pool plan's, or the lone listing's). */
  key: string;
  /** Units of the planned shipment leaving on `date` (0: none). */
  shipmentUnits: number;
  /** The day demand first goes unserved (ISO), null: not within the plan. */
  stockoutDate: string | null;
}

/** What a shipment may send and must hold. */
interface CapacityShare {
  sendUnits: number;
  holdUnits: number;
}

const month = (date: string) => date.slice(0, 7);
const urgency = (c: CapacityClaim) => c.stockoutDate ?? '9999-12-31';

/**
 * The shipments of one marketplace under its limit, window by window (month of `date`), each
 * window's shipments earliest stockout first. A stock counts its units at FBA on its own
 * shipping day in its window; in other windows what it holds today plus what it sent in earlier
 * windows (it only sells down from there, so the limit is never overrun by this count).
 * @example shareCapacity(100, [{ key: 'A', unitCubicFeet: 1, heldUnits: 0, heldNowUnits: 0, shipmentUnits: 80, date: '2026-03-05', stockoutDate: '2026-03-20', ... }, { key: 'B', ...80 units, stockoutDate: '2026-04-01' }])
 * // A: send 80; B: send 20, hold 60
 */
export function shareCapacity(limitCubicFeet: number, claims: readonly CapacityClaim[]): Map<string, CapacityShare> {
  const out = new Map<string, CapacityShare>();
  const sentBefore = new Map<string, number>();
  const windows = [...new Set(claims.filter((c) => c.shipmentUnits > 0).map((c) => month(c.date)))].sort();
  for (const window of windows) {
    const shipping = claims
      .filter((c) => c.shipmentUnits > 0 && month(c.date) === window)
      .sort((a, b) => (urgency(a) < urgency(b) ? -1 : urgency(a) > urgency(b) ? 1 : a.key < b.key ? -1 : 1));
    const inWindow = new Set(shipping);
    const held = claims.reduce((sum, c) => {
      const units = inWindow.has(c) ? c.heldUnits : c.heldNowUnits + (sentBefore.get(c.key) ?? 0);
      return sum + units * c.unitCubicFeet;
    }, 0);
    let room = limitCubicFeet - held;
    let cut = false;
    for (const c of shipping) {
      const fit: CapacityShare = cut
        ? { sendUnits: 0, holdUnits: c.shipmentUnits }
        : capacityFit({ limitCubicFeet: room, unitCubicFeet: c.unitCubicFeet, heldUnits: 0, shipmentUnits: c.shipmentUnits });
      room -= fit.sendUnits * c.unitCubicFeet;
      cut ||= fit.holdUnits > 0;
      out.set(c.key, fit);
      sentBefore.set(c.key, fit.sendUnits);
    }
  }
  return out;
}

/** The key of the stock a plan is about: its pool plan's for a member listing. */
const stockKeyOf = (p: SkuPlan) => p.poolKey ?? p.key;

/** The seller account a plan's stock belongs to: its listings' (a pool plan's key names none). */
const accountOfPlan = (p: SkuPlan) => accountOfKey(p.listingKeys[0] ?? p.key);

/** The capacity limit (cubic feet) of one seller account's FBA stock in one marketplace; undefined: none set. */
export type CapacityLimitOf = (account: string, marketplace: string) => number | undefined;

/** Every account with the limits of one settings object (a plan run with one account's settings, or with the global ones for all). */
const limitsOfSettings =
  (settings: Settings): CapacityLimitOf =>
  (_account, marketplace) =>
    settings.fbaFees.capacityCubicFeetByMarketplace?.[marketplace];

/**
 * Which limit a plan's claim counts against (its account and marketplace), or null: no claim, or
 * no limit set for them.
 * @example capacityGroupOf(plan, () => 500) // 'default|amazon.com'
 */
export function capacityGroupOf(p: SkuPlan, limitOf: CapacityLimitOf): string | null {
  if (!p.fbaCapacityClaim || !limitOf(accountOfPlan(p), p.fbaCapacityClaim.marketplace)) return null;
  return `${accountOfPlan(p)}|${p.fbaCapacityClaim.marketplace}`;
}

/**
 * The plans with each account's capacity limit in each marketplace shared by that account's FBA
 * stocks there (two accounts on one marketplace never share room): `fbaCapacity`, the
 * `fba-capacity-hold` alert and the fee-aware send (capped at what is sent) set from the shared
 * answer, on the stock's plan and its listings' alike. Plans without a claim are returned as they are.
 * `limitOf`: each account's limit (default: the limits of `settings`, for every account).
 * @example withSharedFbaCapacity(plans, settings).filter((p) => p.fbaCapacity).map((p) => p.fbaCapacity!.holdUnits)
 */
export function withSharedFbaCapacity(plans: readonly SkuPlan[], settings: Settings, limitOf: CapacityLimitOf = limitsOfSettings(settings)): SkuPlan[] {
  const limitOfPlan = (p: SkuPlan, claim: FbaCapacityClaim) => limitOf(accountOfPlan(p), claim.marketplace);
  const byLimit = new Map<string, { limit: number; claims: CapacityClaim[] }>();
  for (const p of plans) {
    const group = capacityGroupOf(p, limitOf);
    if (!p.fbaCapacityClaim || stockKeyOf(p) !== p.key || group === null) continue;
    const limit = limitOfPlan(p, p.fbaCapacityClaim)!;
    (byLimit.get(group) ?? byLimit.set(group, { limit, claims: [] }).get(group)!).claims.push(claimOf(p, p.fbaCapacityClaim));
  }
  const shares = new Map<string, { limit: number; claim: CapacityClaim; share: CapacityShare }>();
  for (const { limit, claims } of byLimit.values()) {
    const shared = shareCapacity(limit, claims);
    for (const claim of claims) {
      const share = shared.get(claim.key);
      if (share) shares.set(claim.key, { limit, claim, share });
    }
  }
  return plans.map((p) => {
    if (!p.fbaCapacityClaim) return p;
    const s = shares.get(stockKeyOf(p));
    const limit = limitOfPlan(p, p.fbaCapacityClaim);
    // The claim says the limit in force; a limit the seller removed leaves no claim.
    const claimed: SkuPlan = { ...p, fbaCapacityClaim: { ...p.fbaCapacityClaim, limitCubicFeet: limit ?? p.fbaCapacityClaim.limitCubicFeet } };
    if (!limit) delete claimed.fbaCapacityClaim;
    return withShare(claimed, s && s.share.holdUnits > 0 ? cutOf(s, settings) : null);
  });
}

/** A stock's cut shipment, with what holding the rest in AWD costs where the seller uses it. */
function cutOf(s: { limit: number; claim: CapacityClaim; share: CapacityShare }, settings: Settings): FbaCapacity {
  const cut: FbaCapacity = { limitCubicFeet: s.limit, ...s.share, date: s.claim.date };
  const awd = awdOptionOfClaim(s.claim, cut, settings);
  return awd ? { ...cut, awd } : cut;
}

function claimOf(p: SkuPlan, claim: FbaCapacityClaim): CapacityClaim {
  const shipmentUnits = p.reorderDate !== null ? p.reorderQuantity : 0;
  // Units on their way count: the stockout with the inbound when some is inbound.
  const stockoutDate = p.inbound > 0 ? p.stockoutDateWithInbound : p.stockoutDate;
  return { ...claim, key: p.key, shipmentUnits, stockoutDate };
}

const FLOOR_SEND_ALERTS: readonly string[] = ['fba-floor-send', 'fba-floor-send-fee-unknown'];

/** A plan with the shared answer for its stock (null: its shipment fits, or none is planned). */
function withShare(p: SkuPlan, capacity: NonNullable<SkuPlan['fbaCapacity']> | null): SkuPlan {
  const rest: SkuPlan = { ...p };
  delete rest.fbaCapacity;
  if (!capacity) return { ...rest, alerts: p.alerts.filter((a) => !CAPACITY_HOLD_ALERTS.includes(a.code)) };
  const capped = (units: number) => Math.min(units, capacity.sendUnits);
  return {
    ...rest,
    fbaCapacity: capacity,
    alerts: withHoldAlert(p.alerts, capacityHoldAlert(capacity)).map((a) =>
      FLOOR_SEND_ALERTS.includes(a.code) && typeof a.params.units === 'number' ? { ...a, params: { ...a.params, units: capped(a.params.units) } } : a,
    ),
    ...(p.fees
      ? { fees: { ...p.fees, action: p.fees.action?.kind === 'send' ? { ...p.fees.action, units: capped(p.fees.action.units) } : p.fees.action } }
      : {}),
  };
}

/** The alerts with the hold alert in the place of the hold alert there was (the catalogue's order), else last. */
function withHoldAlert(alerts: readonly Alert[], hold: Alert): Alert[] {
  const at = alerts.findIndex((a) => CAPACITY_HOLD_ALERTS.includes(a.code));
  return at < 0 ? [...alerts, hold] : alerts.map((a, i) => (i === at ? hold : a));
}
