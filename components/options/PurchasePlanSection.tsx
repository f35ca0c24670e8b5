/**
 * The purchase plan (options page, #purchase-plan): transfers between stocks first, then
 * reorders due in the next N weeks grouped by supplier and week, the orders marked as placed,
 * the costs, and the whole plan as JSON.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { purchasePlanJson } from '@/lib/export/purchase-order';
import { formatNumber } from '@/lib/i18n';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { NumberField } from './fields';
import { datedName, saveFile, errorText } from './format';
import { PurchaseCosts } from './PurchaseCosts';
import { PurchaseGroup } from './PurchaseGroup';
import { PurchasePlacedOrders } from './PurchasePlacedOrders';
import { PurchaseTransfers } from './PurchaseTransfers';

/** Weeks the plan looks ahead by default, and at most (the protocol's limit). */
const DEFAULT_WEEKS = 8;
const MAX_WEEKS = 26;

export function PurchasePlanSection() {
  const { t, language } = useI18n();
  const [weeks, setWeeks] = useState(DEFAULT_WEEKS);
  const plan = useQuery({ queryKey: ['purchasing/plan', weeks], queryFn: () => rpc('purchasing/plan', { weeks }), placeholderData: keepPreviousData });
  const view = plan.data;
  const weeksOk = (v: number) => Number.isInteger(v) && v >= 1 && v <= MAX_WEEKS;
  return (
    <div data-testid="purchase-plan">
      <p className="meta">{t('purchase.intro')}</p>
      <div className="actions">
        <NumberField id="purchase-weeks" label={t('purchase.weeks')} value={weeks} onChange={(v) => weeksOk(v) && setWeeks(v)} />
        <button
          type="button"
          disabled={!view}
          onClick={() => view && saveFile(datedName('stock-copilot-purchase-plan', 'json'), purchasePlanJson(view), 'application/json')}
        >
          {t('purchase.export.json')}
        </button>
      </div>
      {plan.isPending && <p role="status">{t('options.loading')}</p>}
      {plan.isError && <p role="alert">{errorText(t, plan.error)}</p>}
      {view && (
        <>
          <PurchaseTransfers transfers={view.transfers} titles={view.titles} />
          {view.groups.length === 0 && <p data-testid="purchase-empty">{t('purchase.empty', { weeks: formatNumber(language, view.weeks) })}</p>}
          {view.groups.map((g) => (
            <PurchaseGroup key={`${g.weekStart}|${g.supplierId ?? ''}`} group={g} titles={view.titles} today={view.today} />
          ))}
          {(view.laterReorders > 0 || view.coveredReorders > 0) && (
            <p className="meta">
              {t('purchase.notListed', { later: formatNumber(language, view.laterReorders), covered: formatNumber(language, view.coveredReorders) })}
            </p>
          )}
          {view.cashCapped > 0 && <p className="meta">{t('purchase.cashCapped', { count: formatNumber(language, view.cashCapped) })}</p>}
          <PurchasePlacedOrders placed={view.placed} titles={view.titles} />
        </>
      )}
      <PurchaseCosts />
    </div>
  );
}
