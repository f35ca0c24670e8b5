import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { InboundRow } from '@/lib/messaging/protocol-inbound';
import { useI18n } from '../language';
import { rpc } from '../runtime';

const QUERY_KEY = ['inbound-arrivals'];

/**
 * The listings with units on the way, each with the arrival the plan counts and a date field for
 * the seller's own expected arrival (saved per listing, re-plans its product).
 */
export function InboundArrivalsSection() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: QUERY_KEY, queryFn: () => rpc('inbound/list', {}) });
  const rows = list.data?.rows ?? [];
  return (
    <div>
      <p className="meta">{t('options.inbound.intro')}</p>
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{t('options.error', { message: list.error.message })}</p>}
      {list.data && rows.length === 0 && <p data-testid="inbound-empty">{t('options.inbound.empty')}</p>}
      {rows.length > 0 && (
        <table data-testid="inbound-arrivals">
          <thead>
            <tr>
              <th scope="col">{t('options.inbound.sku')}</th>
              <th scope="col">{t('options.inbound.marketplace')}</th>
              <th scope="col">{t('options.inbound.units')}</th>
              <th scope="col">{t('options.inbound.runsOut')}</th>
              <th scope="col">{t('options.inbound.planned')}</th>
              <th scope="col">{t('options.inbound.runsOutWith')}</th>
              <th scope="col">{t('options.inbound.entered')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <InboundRowView key={row.listingKey} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One listing: its dates, and the seller's arrival date with save and "use the estimate". */
function InboundRowView({ row }: { row: InboundRow }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(row.enteredArrival ?? '');
  const save = useMutation({
    mutationFn: (value: string | null) => rpc('inbound/set-arrival', { listingKey: row.listingKey, date: value }),
    onSuccess: (data) => queryClient.setQueryData(QUERY_KEY, data),
  });
  const never = t('options.inbound.never');
  const shown = (iso: string | null) => (iso === null ? never : formatDate(language, iso));
  const planned = row.plannedArrival && !row.enteredArrival ? t('options.inbound.estimated', { date: shown(row.plannedArrival) }) : shown(row.plannedArrival);
  return (
    <tr data-testid="inbound-row">
      <th scope="row">{row.sku}</th>
      <td>{row.marketplace ?? ''}</td>
      <td>{formatNumber(language, row.inbound)}</td>
      <td data-testid="inbound-runs-out">{shown(row.stockoutDate)}</td>
      <td data-testid="inbound-planned">{planned}</td>
      <td>{shown(row.stockoutDateWithInbound)}</td>
      <td>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (date) save.mutate(date);
          }}
        >
          <input
            type="date"
            value={date}
            aria-label={t('options.inbound.dateLabel', { units: formatNumber(language, row.inbound), sku: row.sku })}
            onChange={(event) => setDate(event.currentTarget.value)}
          />
          <button type="submit" disabled={save.isPending || !date}>
            {t('options.inbound.save')}
          </button>
          {row.enteredArrival && (
            <button
              type="button"
              disabled={save.isPending}
              onClick={() => {
                setDate('');
                save.mutate(null);
              }}
            >
              {t('options.inbound.clear')}
            </button>
          )}
          {save.isError && <span role="alert">{t('options.error', { message: save.error.message })}</span>}
        </form>
      </td>
    </tr>
  );
}
