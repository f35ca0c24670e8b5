/**
 * The fee facts a report gives per SKU (size tier, shipping weight, unit volume: Fee Preview,
 * Manage FBA Inventory, the inventory planning report) against the ones the seller entered in
 * the options page. The rule: a report fills what the seller left empty (the plans take the
 * seller's entry first, then the newest report's figure: lib/planning/fees-facts.ts), and never
 * replaces an entry; where the two differ, the import preview lists the SKU, so the seller sees
 * it and can remove the entry to use the report's figure.
 */
import { z } from 'zod';
import { SIZE_TIERS, type SizeTier } from '../fees/index';
import { isoDateSchema, type Observation } from '../records';
import type { Settings } from '../settings/schema';

/** What one file says about a SKU's fee facts (the last row of the SKU wins, as in the store). */
export interface ReadFeeFacts {
  sku: string;
  sizeTier?: SizeTier;
  shippingWeightOz?: number;
  unitCubicFeet?: number;
}

/** A seller entry a file disagrees with: the entry is kept. */
export interface FeeFactDifference {
  sku: string;
  fact: 'sizeTier' | 'shippingWeightOz' | 'unitCubicFeet';
  entered: SizeTier | number;
  read: SizeTier | number;
}

/**
 * The fee facts a reading carries, or undefined when it carries none.
 * @example feeFactsOf({ kind: 'listing', sku: 'A', unitCubicFeet: 0.2, ... }) // { sku: 'A', unitCubicFeet: 0.2 }
 */
export function feeFactsOf(row: Observation): ReadFeeFacts | undefined {
  if (row.kind !== 'listing') return undefined;
  const { sizeTier, shippingWeightOz, unitCubicFeet } = row;
  if (sizeTier === undefined && shippingWeightOz === undefined && unitCubicFeet === undefined) return undefined;
  return {
    sku: row.sku,
    ...(sizeTier !== undefined ? { sizeTier } : {}),
    ...(shippingWeightOz !== undefined ? { shippingWeightOz } : {}),
    ...(unitCubicFeet !== undefined ? { unitCubicFeet } : {}),
  };
}

/**
 * Figures within 2% are the same: the seller types a rounded volume or weight ("0.32" for the
 * report's 0.324074), and listing that as a difference would bury the real ones.
 */
const sameFigure = (a: number, b: number) => Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Where the files' fee facts differ from the seller's entries, by SKU then fact.
 * @example feeFactDifferences([{ sku: 'A', sizeTier: 'large-standard' }], settingsWith({ A: 'small-standard' })) // [{ sku: 'A', fact: 'sizeTier', entered: 'small-standard', read: 'large-standard' }]
 */
export function feeFactDifferences(read: readonly ReadFeeFacts[], settings: Pick<Settings, 'fbaFees' | 'storageFees'>): FeeFactDifference[] {
  const out: FeeFactDifference[] = [];
  for (const r of read) {
    const size = settings.fbaFees.sizeBySku[r.sku];
    const volume = settings.storageFees.unitCubicFeetBySku[r.sku];
    if (size && r.sizeTier !== undefined && r.sizeTier !== size.tier) out.push({ sku: r.sku, fact: 'sizeTier', entered: size.tier, read: r.sizeTier });
    if (size && r.shippingWeightOz !== undefined && !sameFigure(r.shippingWeightOz, size.shippingWeightOz)) {
      out.push({ sku: r.sku, fact: 'shippingWeightOz', entered: size.shippingWeightOz, read: r.shippingWeightOz });
    }
    if (volume !== undefined && r.unitCubicFeet !== undefined && !sameFigure(r.unitCubicFeet, volume)) {
      out.push({ sku: r.sku, fact: 'unitCubicFeet', entered: volume, read: r.unitCubicFeet });
    }
  }
  const order = { sizeTier: 0, shippingWeightOz: 1, unitCubicFeet: 2 };
  return out.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : order[a.fact] - order[b.fact]));
}

/** One fact as read: its value, the reader or report that showed it (a record's `source`) and the day. */
const readFactSchema = <T extends z.ZodType>(value: T) => z.object({ value, source: z.string().max(80), date: isoDateSchema });

/** The newest fee facts the store's readings show for one SKU (what the plans use while the seller enters none). */
export const newestFeeFactsSchema = z.object({
  sku: z.string(),
  sizeTier: readFactSchema(z.enum(SIZE_TIERS)).optional(),
  shippingWeightOz: readFactSchema(z.number().positive()).optional(),
  unitCubicFeet: readFactSchema(z.number().positive()).optional(),
});
export type NewestFeeFacts = z.infer<typeof newestFeeFactsSchema>;

/**
 * Per SKU, the newest reading of each fee fact (by reading time, whatever account or
 * marketplace: the settings' entries are per SKU too), sorted by SKU; SKUs no reading gave a
 * fact for are left out. The plans take the newest figure per pool the same way (lib/planning/fees-facts.ts).
 * @example newestFeeFacts([{ kind: 'listing', sku: 'A', unitCubicFeet: 0.2, source: 'report:amazon/fba-myi', observedDate: '2026-11-02', ... }])
 * // [{ sku: 'A', unitCubicFeet: { value: 0.2, source: 'report:amazon/fba-myi', date: '2026-11-02' } }]
 */
export function newestFeeFacts(rows: Iterable<Observation>): NewestFeeFacts[] {
  type Fact = 'sizeTier' | 'shippingWeightOz' | 'unitCubicFeet';
  const bySku = new Map<string, NewestFeeFacts>();
  const at = new Map<string, string>();
  for (const row of rows) {
    const facts = feeFactsOf(row);
    if (!facts || row.kind !== 'listing') continue;
    const entry = bySku.get(facts.sku) ?? { sku: facts.sku };
    for (const fact of ['sizeTier', 'shippingWeightOz', 'unitCubicFeet'] as const satisfies readonly Fact[]) {
      const value = facts[fact];
      const key = `${facts.sku}\u0000${fact}`;
      if (value === undefined || (at.get(key) ?? '') > row.observedAt) continue;
      at.set(key, row.observedAt);
      (entry as Record<Fact, unknown>)[fact] = { value, source: row.source, date: row.observedDate };
    }
    bySku.set(facts.sku, entry);
  }
  return [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
