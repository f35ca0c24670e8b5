/**
 * The merged report's FBA capacity columns (issue 15): the capacity limit of the stock's
 * marketplace (cubic feet, as the seller entered it), the units of the planned shipment held
 * back because the marketplace's stocks together would not fit it
 * (lib/planning/fba-capacity-share.ts), and where to hold them. Empty where no limit applies.
 */
import { z } from 'zod';
import { formatDate, formatMoney, formatNumber, t, type Language } from '../i18n';
import { awdHoldOptionSchema, type AwdHoldOption } from '../planning/types';
import { isoDateSchema } from '../records';

/** A plan's capacity figures as the report carries them (absent: not an FBA stock of a marketplace with a limit). */
export const mergedCapacitySchema = z.object({
  marketplace: z.string(),
  limitCubicFeet: z.number().positive(),
  /** Units of the planned shipment held back (0: it fits, or none is planned). */
  holdUnits: z.number().int().nonnegative(),
  /** Units FBA takes of it, and the day it leaves; null when nothing is held. */
  sendUnits: z.number().int().nonnegative().nullable(),
  date: isoDateSchema.nullable(),
  /** What holding the held units in AWD costs, where the seller uses AWD there (lib/planning/awd-hold.ts). */
  awd: awdHoldOptionSchema.optional(),
});
type MergedCapacity = z.infer<typeof mergedCapacitySchema>;

/** What a cached plan (lib/planning/types.ts SkuPlan) says about capacity, the part the report uses. */
interface PlanCapacityLike {
  fbaCapacityClaim?: { marketplace: string; limitCubicFeet: number } | undefined;
  fbaCapacity?: { limitCubicFeet: number; sendUnits: number; holdUnits: number; date: string; awd?: AwdHoldOption | undefined } | undefined;
}

/**
 * @example mergedCapacityOf({ fbaCapacityClaim: { marketplace: 'amazon.com', limitCubicFeet: 300, ... } })
 * // { marketplace: 'amazon.com', limitCubicFeet: 300, holdUnits: 0, sendUnits: null, date: null }
 */
export function mergedCapacityOf(plan: PlanCapacityLike): MergedCapacity | undefined {
  const claim = plan.fbaCapacityClaim;
  if (!claim) return undefined;
  const held = plan.fbaCapacity;
  const awd = held?.awd ? { awd: held.awd } : {};
  return held
    ? { marketplace: claim.marketplace, limitCubicFeet: held.limitCubicFeet, holdUnits: held.holdUnits, sendUnits: held.sendUnits, date: held.date, ...awd }
    : { marketplace: claim.marketplace, limitCubicFeet: claim.limitCubicFeet, holdUnits: 0, sendUnits: null, date: null };
}

/** The capacity columns, in report order. */
export const CAPACITY_COLUMNS = ['fbaCapacityLimit', 'capacityHeldUnits', 'capacityHoldWhere'] as const;
export type CapacityColumn = (typeof CAPACITY_COLUMNS)[number];
type Cell = string | number | null;

/**
 * The capacity cells of a stock's (or product's) figures: one limit as a number, several
 * marketplaces' limits as text; the units held; where to hold them when some are.
 * @example capacityCells([{ marketplace: 'amazon.com', limitCubicFeet: 300, holdUnits: 500, sendUnits: 300, date: '2027-01-04' }], 'en')
 * // { fbaCapacityLimit: 300, capacityHeldUnits: 500, capacityHoldWhere: 'Own warehouse or AWD (FBA takes 300 on Jan 4, 2027)' }
 */
export function capacityCells(all: readonly (MergedCapacity | undefined)[], language: Language): Record<CapacityColumn, Cell> {
  const known = all.filter((c): c is MergedCapacity => c !== undefined);
  if (known.length === 0) return { fbaCapacityLimit: null, capacityHeldUnits: null, capacityHoldWhere: null };
  const limits = new Map(known.map((c) => [c.marketplace, c.limitCubicFeet]));
  const held = known.filter((c) => c.holdUnits > 0);
  return {
    fbaCapacityLimit: limits.size === 1 ? known[0]!.limitCubicFeet : [...limits].map(([m, l]) => `${m}: ${formatNumber(language, l)}`).join('; '),
    capacityHeldUnits: held.reduce((n, c) => n + c.holdUnits, 0),
    capacityHoldWhere: held.length ? held.map((c) => holdWhere(c, language)).join('; ') : null,
  };
}

/** Where to hold a cut shipment's rest: with AWD's cost and days to FBA where the seller uses AWD, or what is missing to price it. */
function holdWhere(c: MergedCapacity, language: Language): string {
  const sent = { units: formatNumber(language, c.sendUnits ?? 0), date: c.date ? formatDate(language, c.date) : '' };
  const awd = c.awd;
  if (!awd) return t(language, 'options.export.capacity.holdWhere', sent);
  const legDays = formatNumber(language, awd.legDays);
  if (awd.kind !== 'priced') {
    return t(language, 'options.export.capacity.holdWhereAwdUnknown', {
      ...sent,
      legDays,
      missing: t(language, `options.export.capacity.awdMissing.${awd.kind}`),
    });
  }
  const amount = formatMoney(language, { amountMinor: awd.amountMinor, currency: awd.currency }, true);
  return t(language, 'options.export.capacity.holdWhereAwd', { ...sent, legDays, amount, days: formatNumber(language, awd.holdDays) });
}
