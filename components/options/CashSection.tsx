/**
 * The cash the purchase plan needs (options page, #cash): 26 weeks of cash out for planned
 * and placed orders and the stock held at cost, as planned and under a stress scenario the
 * seller sets (sales down by a share, lead times longer), as a table and a chart.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { mountChart } from '@/lib/charts';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { CashViewData } from '@/lib/messaging/protocol-purchasing';
import { cashChartConfig, cashChartSummary } from '@/lib/purchasing';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { NumberField } from './fields';
import { moneyText } from './PurchaseParts';

const DEFAULT_SALES_DOWN_PCT = 30;

export function CashSection() {
  const { t, language } = useI18n();
  const [salesDownPct, setSalesDownPct] = useState(DEFAULT_SALES_DOWN_PCT);
  const [extraLeadDays, setExtraLeadDays] = useState(0);
  const cash = useQuery({
    queryKey: ['purchasing/cash', salesDownPct, extraLeadDays],
    queryFn: () => rpc('purchasing/cash', { salesDownPct, extraLeadDays }),
    placeholderData: keepPreviousData,
  });
  const data = cash.data;
  return (
    <div data-testid="cash">
      <p className="meta">{t('cash.intro')}</p>
      <div className="row-editor">
        <NumberField id="cash-sales-down" label={t('cash.salesDown')} value={salesDownPct} onChange={(v) => v >= 0 && v <= 90 && setSalesDownPct(v)} />
        <NumberField
          id="cash-extra-lead"
          label={t('cash.extraLeadDays')}
          value={extraLeadDays}
          onChange={(v) => Number.isInteger(v) && v >= 0 && v <= 365 && setExtraLeadDays(v)}
        />
      </div>
      {cash.isPending && <p role="status">{t('options.loading')}</p>}
      {cash.isError && <p role="alert">{t('options.error', { message: cash.error.message })}</p>}
      {data && (
        <>
          <CashChart base={data.base} stress={data.stress} />
          <p data-testid="cash-runs-out">{data.stress.runsOut.length ? t('cash.runsOut', { skus: data.stress.runsOut.join(', ') }) : t('cash.runsOutNone')}</p>
          {data.base.unpricedOrders > 0 && (
            <p className="meta">{t('cash.unpriced', { count: formatNumber(language, data.base.unpricedOrders), currency: data.base.currency })}</p>
          )}
          {data.base.unknownStocks > 0 && <p className="meta">{t('cash.unknownStocks', { count: formatNumber(language, data.base.unknownStocks) })}</p>}
          <CashTable base={data.base} stress={data.stress} />
        </>
      )}
    </div>
  );
}

function CashChart({ base, stress }: { base: CashViewData; stress: CashViewData }) {
  const { language } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = mountChart(ref.current, cashChartConfig(base, stress, language) as Parameters<typeof mountChart>[1]);
    return () => chart.destroy();
  }, [base, stress, language]);
  return <canvas ref={ref} role="img" aria-label={cashChartSummary(base, stress, language)} data-testid="cash-chart" />;
}

function CashTable({ base, stress }: { base: CashViewData; stress: CashViewData }) {
  const { t, language } = useI18n();
  const money = (amountMinor: number) => moneyText(language, { amountMinor, currency: base.currency });
  return (
    <table data-testid="cash-table">
      <thead>
        <tr>
          {(['week', 'plannedOut', 'placedOut', 'capital', 'stressOut', 'stressCapital'] as const).map((c) => (
            <th key={c} scope="col">
              {t(`cash.column.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {base.weeks.map((w, i) => {
          const s = stress.weeks[i]!;
          return (
            <tr key={w.weekStart} data-testid="cash-week">
              <th scope="row">{formatDate(language, w.weekStart)}</th>
              <td className="num">{money(w.plannedOut)}</td>
              <td className="num">{money(w.placedOut)}</td>
              <td className="num">{money(w.capitalHeld)}</td>
              <td className="num">{money(s.plannedOut + s.placedOut)}</td>
              <td className="num">{money(s.capitalHeld)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
