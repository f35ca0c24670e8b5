import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { chartSummary, mountDemandChart, mountForecastChart, mountStockChart, type ChartSeries } from '@/lib/charts';
import type { Language } from '@/lib/i18n';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';

type Mount = (canvas: HTMLCanvasElement, series: ChartSeries, language: Language) => { destroy(): void };

function ChartCanvas({ series, mount, testId }: { series: ChartSeries; mount: Mount; testId: string }) {
  const { language } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = mount(ref.current, series, language);
    return () => chart.destroy();
  }, [series, language, mount]);
  return (
    <div className="chart">
      <canvas ref={ref} data-testid={testId}>
        {chartSummary(series, language)}
      </canvas>
    </div>
  );
}

/** The product's three charts (lib/charts), drawn from the `product/chart` message. */
export function ProductCharts({ productId }: { productId: string }) {
  const { t } = useI18n();
  const chart = useQuery({ queryKey: ['product/chart', productId], queryFn: () => rpc('product/chart', { productId, historyDays: 90, horizonDays: 60 }) });
  if (chart.isPending) return <p role="status">{t('options.products.chartLoading')}</p>;
  if (chart.isError) return <p role="alert">{errorText(t, chart.error)}</p>;
  return (
    <div className="charts">
      <ChartCanvas series={chart.data} mount={mountDemandChart} testId="chart-demand" />
      <ChartCanvas series={chart.data} mount={mountForecastChart} testId="chart-forecast" />
      <ChartCanvas series={chart.data} mount={mountStockChart} testId="chart-stock" />
    </div>
  );
}
