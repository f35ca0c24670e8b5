/**
 * "Bring your sales history": where each platform's order-history download is, as numbered
 * steps (the texts are `onboarding.history.<platform>.<n>` in lib/i18n/messages-onboarding.ts).
 * Each download is a report lib/reports reads (Amazon All Orders, Walmart orders, eBay orders).
 *
 * Sources and what is uncertain (the pages sit behind a seller login):
 * - Amazon: the All Orders report (help page 200547170) is under Reports › Fulfillment, Sales;
 *   order reports cover orders up to two years old (SP-API order reports). How long a range one
 *   request from the page accepts is not documented (?): the text tells the seller to split it.
 * - Walmart: the orders CSV comes from Order Management's Download (the columns of our fixture,
 *   tests/fixtures/reports/walmart/orders.us.md, come from public tools); the longest date range
 *   it allows is not known (?).
 * - eBay: Seller Hub Reports › Downloads (/sh/reports/downloads, shared/reference/seller-pages.md),
 *   source Orders; the longest range per download is not known (?).
 */
import type { MessageKey } from '../i18n';
import { marketplaceById } from '../locale/markets';
import { PLATFORMS, type Platform } from '../records';
import type { OnboardingChoices } from './state';

interface HistoryGuide {
  title: MessageKey;
  steps: readonly MessageKey[];
}

export const HISTORY_GUIDES: Readonly<Record<Platform, HistoryGuide>> = {
  amazon: {
    title: 'onboarding.history.amazon.title',
    steps: ['onboarding.history.amazon.1', 'onboarding.history.amazon.2', 'onboarding.history.amazon.3', 'onboarding.history.amazon.4'],
  },
  walmart: {
    title: 'onboarding.history.walmart.title',
    steps: ['onboarding.history.walmart.1', 'onboarding.history.walmart.2', 'onboarding.history.walmart.3'],
  },
  ebay: {
    title: 'onboarding.history.ebay.title',
    steps: ['onboarding.history.ebay.1', 'onboarding.history.ebay.2', 'onboarding.history.ebay.3'],
  },
};

/**
 * The platforms whose download steps to show: those of the chosen marketplaces, or all of them
 * when none is chosen yet.
 * @example historyPlatforms({ marketplaces: ['ebay.de', 'amazon.com'], channels: [] }) // ['amazon', 'ebay']
 */
export function historyPlatforms(choices: OnboardingChoices): Platform[] {
  const chosen = new Set(choices.marketplaces.map((id) => marketplaceById(id)?.platform));
  return chosen.size === 0 ? [...PLATFORMS] : PLATFORMS.filter((p) => chosen.has(p));
}
