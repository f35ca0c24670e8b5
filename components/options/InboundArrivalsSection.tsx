import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { InboundShipment } from '@/lib/inbound/shipments';
import type { InboundRow } from '@/lib/messaging/protocol-inbound';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { errorText } from './format';

const QUERY_KEY = ['inbound-arrivals'];

/**
 * The listings with units on the way, each with the arrival the plan counts, a date field for
 * the seller's own expected arrival and a choice of the shipment that holds them (saved per
 * listing, re-plans its product); below, the shipments Amazon's Shipments page showed.
 */
export function InboundArrivalsSection() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: QUERY_KEY, queryFn: () => rpc('inbound/list', {}) });
  const rows = list.data?.rows ?? [];
  const shipments = list.data?.shipments ?? [];
  return (
    <div>
      <p className="meta">{t('options.inbound.intro')}</p>
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{errorText(t, list.error)}</p>}
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
              <th scope="col">{t('options.inbound.fromShipment')}</th>
              <th scope="col">{t('options.inbound.arrivals')}</th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by the date too: a date a shipment gives (or takes away) resets the row's date field. */}
            {rows.map((row) => (
              <InboundRowView key={`${row.listingKey}|${row.enteredArrival ?? ''}`} row={row} shipments={shipments} />
            ))}
          </tbody>
        </table>
      )}
      {list.data && <ShipmentsTable shipments={shipments} />}
    </div>
  );
}

/** The shipments the Shipments pages showed, newest read first (or how to get them). */
function ShipmentsTable({ shipments }: { shipments: readonly InboundShipment[] }) {
  const { t, language } = useI18n();
  const count = (n: number | undefined) => (n === undefined ? '' : formatNumber(language, n));
  const arrival = (s: InboundShipment) =>
    !s.arrivalTo && !s.arrivalFrom
      ? t('options.inbound.noArrival')
      : s.arrivalFrom && s.arrivalTo && s.arrivalFrom !== s.arrivalTo
        ? `${formatDate(language, s.arrivalFrom)} – ${formatDate(language, s.arrivalTo)}`
        : formatDate(language, (s.arrivalTo ?? s.arrivalFrom)!);
  return (
    <section aria-label={t('options.inbound.shipments')}>
      <h3>{t('options.inbound.shipments')}</h3>
      <p className="meta">{t('options.inbound.shipmentsIntro')}</p>
      {shipments.length === 0 ? (
        <p data-testid="shipments-empty">{t('options.inbound.noShipments')}</p>
      ) : (
        <table data-testid="inbound-shipments">
          <thead>
            <tr>
              {(['shipmentId', 'marketplace', 'shipTo', 'status', 'expected', 'located', 'arrival'] as const).map((key) => (
                <th scope="col" key={key}>
                  {t(`options.inbound.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shipments.map((s) => (
              <tr key={`${s.marketplace}|${s.shipmentId}`} data-testid="shipment-row">
                <th scope="row">{s.name ? `${s.shipmentId} · ${s.name}` : s.shipmentId}</th>
                <td>{s.marketplace}</td>
                <td>{s.destination ?? ''}</td>
                <td>{t(`options.inbound.shipmentStatus.${s.status}`)}</td>
                <td>{count(s.unitsExpected)}</td>
                <td>{count(s.unitsLocated)}</td>
                <td>{arrival(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * A listing's arrivals, soonest first: each shipment holding its units (tied by the seller or by
 * the shipment's contents page) or the seller's typed date, with the units still to arrive.
 */
function ArrivalsCell({ arrivals }: { arrivals: InboundRow['arrivals'] }) {
  const { t, language } = useI18n();
  if (arrivals.length === 0) return <td data-testid="inbound-arrivals-list">{t('options.inbound.noArrivals')}</td>;
  return (
    <td>
      <ul data-testid="inbound-arrivals-list">
        {arrivals.map((a) => {
          const values = {
            units: formatNumber(language, a.units),
            date: a.date ? formatDate(language, a.date) : t('options.inbound.noArrival'),
            id: a.shipmentId ?? '',
          };
          return (
            <li key={`${a.source}|${a.shipmentId ?? ''}`} data-testid="inbound-arrival" data-source={a.source}>
              {t(a.shipmentId ? 'options.inbound.arrivalLine' : 'options.inbound.arrivalLineTyped', values)}{' '}
              <span className="meta">({t(`options.inbound.arrivalSource.${a.source}`)})</span>
            </li>
          );
        })}
      </ul>
    </td>
  );
}

/** The shipment choice of one listing, saved at once (ties or unties its units, re-plans its product). */
function ShipmentCell({ row, shipments }: { row: InboundRow; shipments: readonly InboundShipment[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const tie = useMutation({
    mutationFn: (shipmentId: string | null) => rpc('inbound/set-arrival', { listingKey: row.listingKey, date: null, ...(shipmentId ? { shipmentId } : {}) }),
    onSuccess: (data) => queryClient.setQueryData(QUERY_KEY, data),
  });
  return (
    <td>
      <ShipmentChoice row={row} shipments={shipments} onChoose={(id) => tie.mutate(id)} disabled={tie.isPending} />
      {tie.isError && <span role="alert">{errorText(t, tie.error)}</span>}
    </td>
  );
}

/**
 * The shipment a listing's units come in: the shipments of its marketplace still on their way
 * (and the one it is tied to); choosing one dates the units by its estimate, "none" clears it.
 */
function ShipmentChoice({
  row,
  shipments,
  onChoose,
  disabled,
}: {
  row: InboundRow;
  shipments: readonly InboundShipment[];
  onChoose: (id: string | null) => void;
  disabled: boolean;
}) {
  const { t, language } = useI18n();
  const open = shipments.filter(
    (s) => s.marketplace === row.marketplace && (s.shipmentId === row.shipmentId || (s.status !== 'closed' && s.status !== 'cancelled')),
  );
  if (open.length === 0) return null;
  const date = (s: InboundShipment) =>
    (s.arrivalTo ?? s.arrivalFrom) ? formatDate(language, (s.arrivalTo ?? s.arrivalFrom)!) : t('options.inbound.noArrival');
  return (
    <select
      value={row.shipmentId ?? ''}
      disabled={disabled}
      aria-label={t('options.inbound.shipmentLabel', { units: formatNumber(language, row.inbound), sku: row.sku })}
      onChange={(event) => onChoose(event.currentTarget.value || null)}
    >
      <option value="">{t('options.inbound.shipmentNone')}</option>
      {open.map((s) => (
        <option key={s.shipmentId} value={s.shipmentId}>
          {t('options.inbound.shipmentOption', { id: s.shipmentId, name: s.name ?? '', date: date(s) })}
        </option>
      ))}
    </select>
  );
}

/** One listing: its dates, the seller's arrival date with save and "use the estimate", and the shipment holding its units. */
function InboundRowView({ row, shipments }: { row: InboundRow; shipments: readonly InboundShipment[] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(row.enteredArrival ?? '');
  const save = useMutation({
    mutationFn: (value: string | null) => rpc('inbound/set-arrival', { listingKey: row.listingKey, date: value }),
    onSuccess: (data) => queryClient.setQueryData(QUERY_KEY, data),
  });
  const never = t('options.inbound.never');
  const shown = (iso: string | null) => (iso === null ? never : formatDate(language, iso));
  // Guessed from when the units appeared unless the seller or a shipment gave that day.
  const guessed = row.plannedArrival !== null && !row.enteredArrival && !row.arrivals.some((a) => a.date === row.plannedArrival);
  const planned = guessed ? t('options.inbound.estimated', { date: shown(row.plannedArrival) }) : shown(row.plannedArrival);
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
          {save.isError && <span role="alert">{errorText(t, save.error)}</span>}
        </form>
      </td>
      <ShipmentCell row={row} shipments={shipments} />
      <ArrivalsCell arrivals={row.arrivals} />
    </tr>
  );
}
