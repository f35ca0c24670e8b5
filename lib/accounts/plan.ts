/**
 * Planning with per-account settings: when some account overrides settings (lib/accounts/
 * settings.ts), each account's readings are planned with its own settings. Products never span
 * accounts except by the seller's hand-made links (a hand-linked listing is planned with its own
 * account's settings), so planning each account apart changes no stock grouping.
 */
import { planWithFit, type CapacityLimitOf, type CatalogueFit, type PlanExtras } from '../planning';
import type { ListingFacts } from '../planning/stock-groups';
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
  const known = Object.values(extras.knownFacts ?? {});
  if (!hasOverrides(doc) || (observations.length === 0 && known.length === 0)) return plan(observations, settings, now, extras);
  // Each account's readings and its listings' facts worked out already (by the listing key's account).
  const byAccount = new Map<string, { observations: Observation[]; knownFacts: Record<string, ListingFacts> }>();
  const of = (account: string) => byAccount.get(account) ?? byAccount.set(account, { observations: [], knownFacts: {} }).get(account)!;
  for (const o of observations) of(accountOfKey(listingKey(o))).observations.push(o);
  for (const f of known) of(accountOfKey(f.key)).knownFacts[f.key] = f;
  const accounts = [...byAccount.keys()].sort((a, b) => (a === DEFAULT_ACCOUNT ? -1 : b === DEFAULT_ACCOUNT ? 1 : a < b ? -1 : 1));
  const plans: SkuPlan[] = [];
  let forecastContext = extras.forecastContext;
  const abcOf: CatalogueFit['abcOf'] = {};
  for (const account of accounts) {
    const mine = byAccount.get(account)!;
    const run = plan(mine.observations, settingsForAccount(settings, doc, account), now, {
      ...extras,
      knownFacts: mine.knownFacts,
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
