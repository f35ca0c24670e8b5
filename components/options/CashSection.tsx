/**
 * The cash the purchase plan needs (options page, #cash): 26 weeks of cash out for planned
 * and placed orders and the stock held at cost, as planned and under a stress scenario the
 * seller sets (sales down by a share, lead times longer), as a table and a chart; days of
 * inventory and turnover per product and in total, and the cash conversion cycle under the
 * payment terms the seller gives (defaults: CASH_DEFAULTS).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { mountChart } from '@/lib/charts';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { CashViewData } from '@/lib/messaging/protocol-purchasing';
import { CASH_DEFAULTS, cashChartConfig, cashChartSummary, cashOutOf } from '@/lib/purchasing';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { NumberField } from './fields';
import { moneyText } from './PurchaseParts';

const DEFAULT_SALES_DOWN_PCT = 30;

/** What the seller sets: the stress scenario, the payment terms and the hold threshold. */
interface CashInputs {
  salesDownPct: number;
  extraLeadDays: number;
  supplierTermsDays: number;
  payoutDelayDays: number;
  holdDaysAbove: number;
}

export function CashSection() {
  const { t } = useI18n();
  const [inputs, setInputs] = useState<CashInputs>({ salesDownPct: DEFAULT_SALES_DOWN_PCT, extraLeadDays: 0, ...CASH_DEFAULTS });
  const cash = useQuery({ queryKey: ['purchasing/cash', inputs], queryFn: () => rpc('purchasing/cash', inputs), placeholderData: keepPreviousData });
  const data = cash.data;
  return (
    <div data-testid="cash">
      <p className="meta">{t('cash.intro')}</p>
      <CashInputsForm inputs={inputs} onChange={setInputs} />
      {cash.isPending && <p role="status">{t('options.loading')}</p>}
      {cash.isError && <p role="alert">{errorText(t, cash.error)}</p>}
      {data && (
        <>
          <CashChart base={data.base} stress={data.stress} />
          <CashFindings base={data.base} stress={data.stress} holdDaysAbove={inputs.holdDaysAbove} />
          <CashTable base={data.base} stress={data.stress} />
          <CashTurnsTable base={data.base} stress={data.stress} />
        </>
      )}
    </div>
  );
}

/** The fields, each kept within the message's bounds (a value outside them is not taken). */
function CashInputsForm({ inputs, onChange }: { inputs: CashInputs; onChange: (inputs: CashInputs) => void }) {
  const { t } = useI18n();
  const field = (key: keyof CashInputs, label: Parameters<typeof t>[0], max: number, min = 0) => (
    <NumberField
      id={`cash-${key}`}
      label={t(label)}
      value={inputs[key]}
      onChange={(v) => Number.isInteger(v) && v >= min && v <= max && onChange({ ...inputs, [key]: v })}
    />
  );
  return (
    <div className="row-editor">
      {field('salesDownPct', 'cash.salesDown', 90)}
      {field('extraLeadDays', 'cash.extraLeadDays', 365)}
      {field('supplierTermsDays', 'cash.supplierTermsDays', 365)}
      {field('payoutDelayDays', 'cash.payoutDelayDays', 365)}
      {field('holdDaysAbove', 'cash.holdDaysAbove', 3650, 1)}
    </div>
  );
}

/** The cycle and the totals, which SKUs run out or hold too long under stress, and what is left out. */
function CashFindings({ base, stress, holdDaysAbove }: { base: CashViewData; stress: CashViewData; holdDaysAbove: number }) {
  const { t, language } = useI18n();
  const days = (n: number | null) => (n === null ? t('purchase.unknown') : formatNumber(language, n));
  return (
    <>
      <p data-testid="cash-cycle">
        {t('cash.cycle', { days: days(base.total.cashConversionDays), inventoryDays: days(base.total.daysOfInventory), turnover: days(base.total.turnover) })}
      </p>
      <p data-testid="cash-runs-out">{stress.runsOut.length ? t('cash.runsOut', { skus: stress.runsOut.join(', ') }) : t('cash.runsOutNone')}</p>
      <p data-testid="cash-holds">
        {stress.holdsTooLong.length
          ? t('cash.holdsTooLong', { days: formatNumber(language, holdDaysAbove), skus: stress.holdsTooLong.join(', ') })
          : t('cash.holdsNone', { days: formatNumber(language, holdDaysAbove) })}
      </p>
      {base.unpricedOrders > 0 && <p className="meta">{t('cash.unpriced', { count: formatNumber(language, base.unpricedOrders), currency: base.currency })}</p>}
      {base.unknownStocks > 0 && <p className="meta">{t('cash.unknownStocks', { count: formatNumber(language, base.unknownStocks) })}</p>}
    </>
  );
}

/** Days of inventory and turnover per product, as planned and under stress. */
function CashTurnsTable({ base, stress }: { base: CashViewData; stress: CashViewData }) {
  const { t, language } = useI18n();
  const value = (n: number | null | undefined) => (n === null || n === undefined ? t('purchase.unknown') : formatNumber(language, n));
  const stressed = new Map(stress.products.map((p) => [p.productId, p]));
  if (base.products.length === 0) return null;
  return (
    <table data-testid="cash-turns">
      <thead>
        <tr>
          {(['sku', 'daysOfInventory', 'turnover', 'stressDays', 'stressTurnover'] as const).map((c) => (
            <th key={c} scope="col">
              {t(`cash.turns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {base.products.map((p) => (
          <tr key={p.productId} data-testid="cash-product">
            <th scope="row">{p.sku}</th>
            <td className="num">{value(p.daysOfInventory)}</td>
            <td className="num">{value(p.turnover)}</td>
            <td className="num">{value(stressed.get(p.productId)?.daysOfInventory)}</td>
            <td className="num">{value(stressed.get(p.productId)?.turnover)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
          {(['week', 'plannedOut', 'placedOut', 'laterOut', 'capital', 'stressOut', 'stressCapital'] as const).map((c) => (
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
              <td className="num">{money(w.laterOut)}</td>
              <td className="num">{money(w.capitalHeld)}</td>
              <td className="num">{money(cashOutOf(s))}</td>
              <td className="num">{money(s.capitalHeld)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
