/**
 * Settings that may differ per seller account, as overrides over the global settings: two
 * brands in one browser often buy from different suppliers with different lead times, cover
 * and buffers; Amazon gives each seller account its own FBA capacity limit, and fees differ by
 * account (a new-seller programme's storage rates). Only these fields can differ; everything else
 * (unit volumes, alerts, display) is one setting for the whole extension. An override replaces a
 * plain field, one part of the lead times or of the fee schedule, one channel's buffer or one
 * marketplace's capacity limit; the rest is inherited, so what an account plans with is always a
 * valid settings object and follows later changes of the global settings it does not override.
 */
import { z } from 'zod';
import { publishedWfsPerCubicFoot } from '../fees/index';
import { settingsSchema, type Settings } from '../settings/schema';
import { DEFAULT_ACCOUNT } from '../records';
import type { AccountsDoc } from './registry';

/** The settings fields an account can override. */
type AccountSettingField = 'leadTimes' | 'targetCoverDays' | 'serviceLevel' | 'defaultMoq' | 'defaultCasePack' | 'safetyBuffers' | 'storageFees' | 'fbaFees';

const globalLeadTimes = settingsSchema.shape.leadTimes.shape;
const transitDays = globalLeadTimes.transitDaysByDestination;
const globalStorageFees = settingsSchema.shape.storageFees.shape;
const globalWfs = globalStorageFees.wfsPerCubicFoot.unwrap().shape;
const globalFbaFees = settingsSchema.shape.fbaFees.shape;

/**
 * One account's overrides, validated with the settings' own field schemas. Lead times override
 * part by part (an account may differ only in its production days and keep the global transit
 * times, suppliers and SKU suppliers); safety buffers override channel by channel. Of the fees,
 * the seller's storage amounts override one by one (the aged tiers as one list: tiers are read
 * as steps, so a list is never mixed with the global one), the WFS storage and long-term
 * amounts one by one, the low-inventory-level rates row by row (a row: one size tier and weight
 * range, all its bands) and capacity limits marketplace by marketplace. Like the global amounts
 * they are the seller's copy of the newest schedule (lib/fees withSellerFees), so they charge
 * from its effective day and past days keep the published fees. Unit volumes are facts of the
 * product, not of the account.
 */
export const accountOverridesSchema = settingsSchema
  .pick({ targetCoverDays: true, serviceLevel: true, defaultMoq: true, defaultCasePack: true, safetyBuffers: true })
  .extend({
    leadTimes: z.object({
      defaultProductionDays: globalLeadTimes.defaultProductionDays.optional(),
      transitDaysByDestination: z.partialRecord(transitDays.keyType, transitDays.valueType).optional(),
      suppliers: globalLeadTimes.suppliers.optional(),
      skuSupplier: globalLeadTimes.skuSupplier.optional(),
    }),
    storageFees: z.object({
      monthlyPerCubicFootJanSep: globalStorageFees.monthlyPerCubicFootJanSep.optional(),
      monthlyPerCubicFootOctDec: globalStorageFees.monthlyPerCubicFootOctDec.optional(),
      agedSurcharges: globalStorageFees.agedSurcharges.optional(),
      wfsPerCubicFoot: z.object({ storage: globalWfs.storage.optional(), longTerm: globalWfs.longTerm.optional() }).optional(),
    }),
    fbaFees: z.object({
      capacityCubicFeetByMarketplace: globalFbaFees.capacityCubicFeetByMarketplace,
      lowInventoryPerUnit: globalFbaFees.lowInventoryPerUnit,
    }),
  })
  .partial() satisfies z.ZodType<{ [F in AccountSettingField]?: unknown }>;
export type AccountOverrides = z.infer<typeof accountOverridesSchema>;

/**
 * The settings one account plans with: the global settings with its valid overrides on top
 * (an override that no longer validates, say after a settings migration, is ignored).
 * @example settingsForAccount(global, { overrides: { 'amazon-b': { targetCoverDays: 90 } } }, 'amazon-b').targetCoverDays // 90
 */
export function settingsForAccount(global: Settings, doc: Pick<AccountsDoc, 'overrides'>, account: string | undefined): Settings {
  const raw = doc.overrides[account ?? DEFAULT_ACCOUNT];
  if (raw === undefined) return global;
  const parsed = accountOverridesSchema.safeParse(raw);
  if (!parsed.success) return global;
  const { leadTimes, safetyBuffers, storageFees, fbaFees, ...plain } = parsed.data;
  const out: Settings = { ...global, ...plain };
  if (leadTimes) {
    const { transitDaysByDestination, ...parts } = leadTimes;
    out.leadTimes = {
      ...global.leadTimes,
      ...parts,
      transitDaysByDestination: { ...global.leadTimes.transitDaysByDestination, ...transitDaysByDestination },
    };
  }
  if (safetyBuffers) out.safetyBuffers = { ...global.safetyBuffers, ...safetyBuffers };
  if (storageFees) out.storageFees = storageFeesFor(global.storageFees, storageFees);
  if (fbaFees) out.fbaFees = fbaFeesFor(global.fbaFees, fbaFees);
  return out;
}

/** The storage amounts an account plans with: its own over the global ones, the WFS pair part by part over the global (else published) pair. */
function storageFeesFor(global: Settings['storageFees'], own: NonNullable<AccountOverrides['storageFees']>): Settings['storageFees'] {
  const { wfsPerCubicFoot, ...amounts } = own;
  const out = { ...global, ...amounts };
  const wfs = { ...(global.wfsPerCubicFoot ?? publishedWfsPerCubicFoot()), ...wfsPerCubicFoot };
  if (wfsPerCubicFoot && wfs.storage !== undefined && wfs.longTerm !== undefined) out.wfsPerCubicFoot = { storage: wfs.storage, longTerm: wfs.longTerm };
  return out;
}

type LowInventoryRow = NonNullable<Settings['fbaFees']['lowInventoryPerUnit']>[number];

/** What identifies a low-inventory rate row: its size tier and weight range (lib/fees matches rows by them). */
export const lowInventoryRowKey = (row: Pick<LowInventoryRow, 'tier' | 'overWeightOz' | 'upToWeightOz'>) =>
  `${row.tier}|${row.overWeightOz}|${row.upToWeightOz ?? ''}`;

/**
 * The low-inventory rows an account plans with: the global rows with the account's row of the
 * same tier and weight range in their place, and the account's other rows added (a row neither
 * holds charges the published amounts).
 */
export function lowInventoryRowsFor(
  global: readonly LowInventoryRow[] | undefined,
  own: readonly LowInventoryRow[] | undefined,
): LowInventoryRow[] | undefined {
  if (!own) return global ? [...global] : undefined;
  const byKey = new Map((global ?? []).map((r) => [lowInventoryRowKey(r), r]));
  for (const row of own) byKey.set(lowInventoryRowKey(row), row);
  return [...byKey.values()];
}

/** The FBA fee settings an account plans with: its capacity limits marketplace by marketplace, its low-inventory rates row by row. */
function fbaFeesFor(global: Settings['fbaFees'], own: NonNullable<AccountOverrides['fbaFees']>): Settings['fbaFees'] {
  const out = { ...global };
  if (own.capacityCubicFeetByMarketplace)
    out.capacityCubicFeetByMarketplace = { ...global.capacityCubicFeetByMarketplace, ...own.capacityCubicFeetByMarketplace };
  if (own.lowInventoryPerUnit) out.lowInventoryPerUnit = lowInventoryRowsFor(global.lowInventoryPerUnit, own.lowInventoryPerUnit);
  return out;
}

/**
 * Whether any account has overrides (when none has, one plan run serves every account).
 * @example hasOverrides({ overrides: {} }) // false
 */
export function hasOverrides(doc: Pick<AccountsDoc, 'overrides'>): boolean {
  return Object.values(doc.overrides).some((o) => o !== undefined && Object.keys(o as object).length > 0);
}
