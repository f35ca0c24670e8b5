/**
 * Planning with per-account settings: when some account overrides settings (lib/accounts/
 * settings.ts), each account's readings are planned with its own settings. Products never span
 * accounts except by the seller's hand-made links (a hand-linked listing is planned with its own
 * account's settings), so planning each account apart changes no stock grouping.
 */
import { planWithFit, type CapacityLimitOf, type CatalogueFit, type PlanExtras } from '../planning';
import type { SkuPlan } from '../planning/types';
import { accountOfKey, DEFAULT_ACCOUNT, listingKey, type Observation } from '../records';
import type { Settings } from '../settings/schema';
import type { AccountsDoc } from './registry';
import { hasOverrides, settingsForAccount } from './settings';

type Planner = (observations: readonly Observation[], settings: Settings, now: Date, extras: PlanExtras) => { plans: SkuPlan[]; fit: CatalogueFit };

/**
 * planWithFit, per account when any account has settings of its own; one run otherwise (the
 * same result as before accounts). The forecast context is fitted once, on the default account's
 * readings (or the first account's), and reused; ABC classes are ranked within each account.
 * @example planByAccount(observations, settings, doc, now, extras).plans
 */
export function planByAccount(
  observations: readonly Observation[],
  settings: Settings,
  doc: Pick<AccountsDoc, 'overrides'>,
  now: Date,
  extras: PlanExtras = {},
  plan: Planner = planWithFit,
): { plans: SkuPlan[]; fit: CatalogueFit } {
  if (!hasOverrides(doc) || observations.length === 0) return plan(observations, settings, now, extras);
  const byAccount = new Map<string, Observation[]>();
  for (const o of observations) {
    const account = accountOfKey(listingKey(o));
    let list = byAccount.get(account);
    if (!list) byAccount.set(account, (list = []));
    list.push(o);
  }
  const accounts = [...byAccount.keys()].sort((a, b) => (a === DEFAULT_ACCOUNT ? -1 : b === DEFAULT_ACCOUNT ? 1 : a < b ? -1 : 1));
  const plans: SkuPlan[] = [];
  let forecastContext = extras.forecastContext;
  const abcOf: CatalogueFit['abcOf'] = {};
  for (const account of accounts) {
    const run = plan(byAccount.get(account)!, settingsForAccount(settings, doc, account), now, {
      ...extras,
      ...(forecastContext ? { forecastContext } : {}),
    });
    forecastContext ??= run.fit.forecastContext;
    Object.assign(abcOf, run.fit.abcOf);
    plans.push(...run.plans);
  }
  return { plans, fit: { forecastContext: forecastContext!, abcOf } };
}

/**
 * Each account's FBA capacity limit in each marketplace: its override, else the global one (each
 * account's settings resolved once).
 * @example capacityLimitsByAccount(settings, { overrides: { b: { fbaFees: { capacityCubicFeetByMarketplace: { 'amazon.com': 800 } } } } })('b', 'amazon.com') // 800
 */
export function capacityLimitsByAccount(settings: Settings, doc: Pick<AccountsDoc, 'overrides'>): CapacityLimitOf {
  const byAccount = new Map<string, Partial<Record<string, number>>>();
  return (account, marketplace) => {
    let limits = byAccount.get(account);
    if (!limits) byAccount.set(account, (limits = settingsForAccount(settings, doc, account).fbaFees.capacityCubicFeetByMarketplace ?? {}));
    return limits[marketplace];
  };
}
