/**
 * The cash chart's chart.js configuration, a pure function of the two cash views and the UI
 * language (mounted with lib/charts mountChart): cash out per week as bars, stock at cost as
 * lines, as planned and under stress, all in the views' currency (major units).
 */
import type { ChartConfiguration } from 'chart.js';
import { formatDate, formatNumber, t, type Language } from '../i18n';
import { cashOutOf, type CashView } from './cash';
import { majorAmount } from './money';

/** Colours distinguishable for common colour-vision deficiencies (blue/orange), stress dashed. */
const COLORS = { cash: '#0969da', cashStress: 'rgba(9, 105, 218, 0.35)', capital: '#bc4c00' } as const;

/**
 * @example cashChartConfig(base, stress, 'en').data.datasets.map((d) => d.label)
 * // ['Cash out (planned + placed)', 'Cash out under stress', 'Stock at cost', 'Stock at cost under stress']
 */
export function cashChartConfig(base: CashView, stress: CashView, language: Language): ChartConfiguration<'line' | 'bar', number[], string> {
  const money = (minor: number) => majorAmount(minor, base.currency);
  const out = (v: CashView) => v.weeks.map((w) => money(cashOutOf(w)));
  const capital = (v: CashView) => v.weeks.map((w) => money(w.capitalHeld));
  return {
    type: 'bar',
    data: {
      labels: base.weeks.map((w) => formatDate(language, w.weekStart)),
      datasets: [
        { type: 'bar', label: t(language, 'cash.chart.cashOut'), data: out(base), backgroundColor: COLORS.cash },
        { type: 'bar', label: t(language, 'cash.chart.cashOutStress'), data: out(stress), backgroundColor: COLORS.cashStress },
        { type: 'line', label: t(language, 'cash.chart.capital'), data: capital(base), borderColor: COLORS.capital, pointRadius: 0 },
        {
          type: 'line',
          label: t(language, 'cash.chart.capitalStress'),
          data: capital(stress),
          borderColor: COLORS.capital,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      aspectRatio: 2.4,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom' } },
      scales: {
        y: {
          beginAtZero: true,
          title: { display: true, text: t(language, 'cash.chart.axis', { currency: base.currency }) },
          ticks: { callback: (v) => formatNumber(language, Number(v)) },
        },
      },
    },
  };
}

/**
 * The chart in words (the canvas' accessible name): total cash out, as planned and under stress.
 * @example cashChartSummary(base, stress, 'en') // 'Cash chart: 2,400 cash out over 26 weeks, 1,680 under stress.'
 */
export function cashChartSummary(base: CashView, stress: CashView, language: Language): string {
  const total = (v: CashView) =>
    formatNumber(
      language,
      majorAmount(
        v.weeks.reduce((sum, w) => sum + cashOutOf(w), 0),
        v.currency,
      ),
      2,
    );
  return t(language, 'cash.chart.summary', { total: `${total(base)} ${base.currency}`, stressTotal: `${total(stress)} ${stress.currency}` });
}
