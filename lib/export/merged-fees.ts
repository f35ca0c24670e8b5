/**
 * The merged report's FBA fee columns (issue 15): each pool's historical days of supply, the
 * money at stake over the next 90 days and at the next aged-inventory snapshot, and the
 * fee-aware action, from the plan's `fees` block (lib/planning/decisions/fba-fees.ts). Money is
 * a plain number in the currency's major units with the currency in its own column, so
 * spreadsheets add it up; an amount that needs an unknown fact (size tier, unit volume) is
 * "unknown", never 0. A product row adds its pools' amounts (each pool once).
 */
import { z } from 'zod';
import { formatDate, formatMoney, formatNumber, t, type Language } from '../i18n';
import { currencyDigits } from '../i18n/format';
import { isoDateSchema } from '../records';

const figure = z.union([z.number().nonnegative(), z.enum(['no-sales', 'unknown'])]);
const amount = z.number().int().nonnegative().nullable();

/** A plan's fee figures as the report carries them (absent: not an FBA pool, or planned before fees). */
export const mergedFeesSchema = z.object({
  /** Amazon FBA or Walmart WFS (absent: FBA, as before WFS was planned). */
  channel: z.enum(['fba', 'wfs']).optional(),
  currency: z.string(),
  historicalSupply30: figure,
  historicalSupply90: figure,
  /** Next 90 days, minor units; null = unknown. */
  lowInventoryFeeMinor: amount,
  storageFeeMinor: amount,
  /** The first coming snapshot that ages units into a surcharge (else the next one). */
  agedSnapshotDate: isoDateSchema.nullable(),
  agedSurchargeMinor: amount,
  action: z
    .object({
      kind: z.enum(['send', 'mark-down', 'send-later', 'in-stock-send']),
      units: z.number().int().nonnegative(),
      date: isoDateSchema,
      amountMinor: amount,
      laterDate: isoDateSchema.nullable(),
    })
    .nullable(),
});
export type MergedFees = z.infer<typeof mergedFeesSchema>;

/** The plan's `fees` block as PlanFees (lib/planning/types.ts) has it, the part the report uses. */
interface PlanFeesLike {
  channel?: 'fba' | 'wfs' | undefined;
  currency: string;
  historicalSupply: { short: number | 'no-sales' | 'unknown'; long: number | 'no-sales' | 'unknown' };
  windows: readonly { days: number; lowInventoryMinor: number | null; storageMinor: number | null }[];
  agedSnapshots: readonly { date: string; units: number | null; amountMinor: number | null }[];
  action: MergedFees['action'];
}

/**
 * The report's fee figures of a plan: the 90-day window, the first charged snapshot.
 * @example mergedFeesOf(plan.fees)?.lowInventoryFeeMinor // 4300
 */
export function mergedFeesOf(fees: PlanFeesLike | undefined): MergedFees | undefined {
  if (!fees) return undefined;
  const window = fees.windows.reduce<PlanFeesLike['windows'][number] | undefined>((a, w) => (!a || w.days > a.days ? w : a), undefined);
  const snapshot = fees.agedSnapshots.find((s) => s.units === null || s.units > 0) ?? fees.agedSnapshots[0];
  return {
    ...(fees.channel ? { channel: fees.channel } : {}),
    currency: fees.currency,
    historicalSupply30: fees.historicalSupply.short,
    historicalSupply90: fees.historicalSupply.long,
    lowInventoryFeeMinor: window?.lowInventoryMinor ?? null,
    storageFeeMinor: window?.storageMinor ?? null,
    agedSnapshotDate: snapshot?.date ?? null,
    agedSurchargeMinor: snapshot ? snapshot.amountMinor : null,
    action: fees.action,
  };
}

/** The fee columns, in report order. */
export const FEE_COLUMNS = [
  'historicalSupply30',
  'historicalSupply90',
  'feeCurrency',
  'lowInventoryFee90',
  'storageFee90',
  'agedSnapshotDate',
  'agedSurcharge',
  'feeAction',
] as const;
export type FeeColumn = (typeof FEE_COLUMNS)[number];
type Cell = string | number | null;

/**
 * The fee columns holding amounts (major units, or "unknown"), and the column holding their
 * currency: the XLSX writes those amounts as currency cells in that currency.
 */
export const FEE_MONEY_COLUMNS: readonly FeeColumn[] = ['lowInventoryFee90', 'storageFee90', 'agedSurcharge'];
export const FEE_CURRENCY_COLUMN: FeeColumn = 'feeCurrency';

/**
 * The fee cells of one plan's figures (all empty when the plan has none).
 * @example feeCells(fees, 'en').lowInventoryFee90 // 43
 */
export function feeCells(fees: MergedFees | undefined, language: Language): Record<FeeColumn, Cell> {
  if (!fees) return Object.fromEntries(FEE_COLUMNS.map((c) => [c, null])) as Record<FeeColumn, Cell>;
  const money = (minor: number | null): Cell => (minor === null ? t(language, 'options.export.fees.unknown') : minor / 10 ** currencyDigits(fees.currency));
  return {
    historicalSupply30: supplyCell(fees.historicalSupply30, language),
    historicalSupply90: supplyCell(fees.historicalSupply90, language),
    feeCurrency: fees.currency,
    lowInventoryFee90: money(fees.lowInventoryFeeMinor),
    storageFee90: money(fees.storageFeeMinor),
    agedSnapshotDate: fees.agedSnapshotDate,
    agedSurcharge: fees.agedSnapshotDate ? money(fees.agedSurchargeMinor) : null,
    feeAction: actionText(fees, language),
  };
}

/** @example supplyCell('no-sales', 'en') // 'No sales in 90 days' */
function supplyCell(f: MergedFees['historicalSupply30'], language: Language): Cell {
  if (f === 'no-sales') return t(language, 'options.export.fees.noSales');
  if (f === 'unknown') return t(language, 'options.export.fees.unknown');
  return f;
}

/** The fee-aware action in words, as the panel says it. */
function actionText(fees: MergedFees, language: Language): Cell {
  const a = fees.action;
  if (!a) return null;
  // Whole units with the currency, as the panel's alert says the same amount ("~$43"; lib/content/codes.ts).
  const amount =
    a.amountMinor === null ? t(language, 'options.export.fees.unknown') : formatMoney(language, { amountMinor: a.amountMinor, currency: fees.currency }, true);
  const params = {
    units: formatNumber(language, a.units),
    date: formatDate(language, a.date),
    amount,
    later: a.laterDate ? formatDate(language, a.laterDate) : '',
  };
  const kind = a.kind === 'mark-down' && fees.channel === 'wfs' ? 'wfs-mark-down' : a.kind;
  return t(language, `options.export.fees.action.${kind}`, params);
}

/**
 * A product's fees over its FBA pools: amounts add up (unknown when any is), the lowest supply
 * figure and the earliest snapshot win, actions are joined. Pools in different currencies are
 * not added: the first currency's pools only.
 * @example rollUpFees([a, b])?.lowInventoryFeeMinor === a.lowInventoryFeeMinor + b.lowInventoryFeeMinor // true
 */
export function rollUpFees(all: readonly (MergedFees | undefined)[]): MergedFees | undefined {
  const known = all.filter((f): f is MergedFees => f !== undefined);
  if (known.length <= 1) return known[0];
  const fees = known.filter((f) => f.currency === known[0]!.currency);
  const sum = (pick: (f: MergedFees) => number | null) => fees.reduce<number | null>((s, f) => (s === null || pick(f) === null ? null : s + pick(f)!), 0);
  const lowest = (pick: (f: MergedFees) => MergedFees['historicalSupply30']) => {
    const days = fees.map(pick).filter((v): v is number => typeof v === 'number');
    return days.length ? Math.min(...days) : pick(fees[0]!);
  };
  const snapshot =
    fees
      .map((f) => f.agedSnapshotDate)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  const atSnapshot = fees.filter((f) => f.agedSnapshotDate === snapshot);
  const acting = fees.find((f) => f.action);
  return {
    // The action's channel says its words (an FBA aged surcharge or WFS long-term storage).
    ...(acting?.channel ? { channel: acting.channel } : {}),
    currency: fees[0]!.currency,
    historicalSupply30: lowest((f) => f.historicalSupply30),
    historicalSupply90: lowest((f) => f.historicalSupply90),
    lowInventoryFeeMinor: sum((f) => f.lowInventoryFeeMinor),
    storageFeeMinor: sum((f) => f.storageFeeMinor),
    agedSnapshotDate: snapshot,
    agedSurchargeMinor: atSnapshot.reduce<number | null>((s, f) => (s === null || f.agedSurchargeMinor === null ? null : s + f.agedSurchargeMinor), 0),
    action: acting?.action ?? null,
  };
}
