/**
 * Settings that may differ per seller account, as overrides over the global settings: two
 * brands in one browser often buy from different suppliers with different lead times, cover
 * and buffers. Only these fields can differ; everything else (fees, alerts, display) is one
 * setting for the whole extension. An override replaces the whole field (a lead-time override
 * is a whole lead-time table), so what an account plans with is always a valid settings object.
 */
import { z } from 'zod';
import { settingsSchema, type Settings } from '../settings/schema';
import { DEFAULT_ACCOUNT } from '../records';
import type { AccountsDoc } from './registry';

/** The settings fields an account can override. */
type AccountSettingField = 'leadTimes' | 'targetCoverDays' | 'serviceLevel' | 'defaultMoq' | 'defaultCasePack' | 'safetyBuffers';

/** One account's overrides (the fields above), validated with the settings' own field schemas. */
export const accountOverridesSchema = settingsSchema
  .pick({
    leadTimes: true,
    targetCoverDays: true,
    serviceLevel: true,
    defaultMoq: true,
    defaultCasePack: true,
    safetyBuffers: true,
  })
  .partial() satisfies z.ZodType<Partial<Pick<Settings, AccountSettingField>>>;
export type AccountOverrides = z.infer<typeof accountOverridesSchema>;

/**
 * The settings one account plans with: the global settings with its valid overrides on top
 * (an override that no longer validates, say after a settings migration, is ignored).
 * @example settingsForAccount(global, { accounts, lastByHost: {}, overrides: { 'amazon-b': { targetCoverDays: 90 } } }, 'amazon-b').targetCoverDays // 90
 */
export function settingsForAccount(global: Settings, doc: Pick<AccountsDoc, 'overrides'>, account: string | undefined): Settings {
  const raw = doc.overrides[account ?? DEFAULT_ACCOUNT];
  if (raw === undefined) return global;
  const parsed = accountOverridesSchema.safeParse(raw);
  if (!parsed.success) return global;
  return { ...global, ...parsed.data };
}

/**
 * Whether any account has overrides (when none has, one plan run serves every account).
 * @example hasOverrides({ overrides: {} }) // false
 */
export function hasOverrides(doc: Pick<AccountsDoc, 'overrides'>): boolean {
  return Object.values(doc.overrides).some((o) => o !== undefined && Object.keys(o as object).length > 0);
}
